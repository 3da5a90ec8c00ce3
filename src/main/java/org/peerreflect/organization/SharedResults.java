package org.peerreflect.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which of an organization's rounds share their results now, for the administrator: the
 * round's name and since when, never anything of what it shows. The rounds' module
 * answers it.
 */
public interface SharedResults {

	record Shared(String round, LocalDate since) {
	}

	List<Shared> sharedBy(UUID organizationId);

}
