package org.peerreflect.system;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address printed in setup links and on code cards: {@code PEER_REFLECT_PUBLIC_URL}
 * when it is set, else this server on this machine, on the port it really listens on.
 */
@Component
public class PublicAddress {

	private final PeerReflectSettings settings;

	private final Environment environment;

	PublicAddress(PeerReflectSettings settings, Environment environment) {
		this.settings = settings;
		this.environment = environment;
	}

	/** The full address of a path of this application, such as {@code /join}. */
	public String link(String path) {
		String base = settings.publicUrl();
		if (base == null || base.isBlank()) {
			// Set once the web server listens: the port it took, even when it was asked
			// for any free one.
			base = "http://localhost:"
					+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		}
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
