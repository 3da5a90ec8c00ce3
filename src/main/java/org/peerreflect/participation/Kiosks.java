package org.peerreflect.participation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * A kiosk's address names its round with a signature only the server can make, so nobody
 * can point a shared device at a round by editing the address.
 */
@Component
public class Kiosks {

	private final CodeKey key;

	Kiosks(CodeKey key) {
		this.key = key;
	}

	/** A kiosk's address for a round: the round and the server's signature on it. */
	public String path(UUID round) {
		return round + "/" + key.hash("kiosk:" + round);
	}

	/** The round a kiosk's address names, when the server signed it. */
	public Optional<UUID> round(String path) {
		if (path == null || !path.contains("/")) {
			return Optional.empty();
		}
		try {
			UUID round = UUID.fromString(path.substring(0, path.indexOf('/')));
			return path(round).equals(path) ? Optional.of(round) : Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

}
