package org.peerreflect.participation;

import java.util.Optional;
import java.util.UUID;

/**
 * What a kiosk offers once its round has closed: the results of its organization's last
 * published round, while they are shared with everyone. Known where reports are kept.
 */
public interface KioskResults {

	/** The results address's token, or empty while nothing is shared. */
	Optional<String> lastShared(UUID kioskRound);

}
