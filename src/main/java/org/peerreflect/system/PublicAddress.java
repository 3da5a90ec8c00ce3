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

	/**
	 * The address printed on a round's code cards: the join page, in the round's
	 * language.
	 */
	public String cards(String language) {
		return link("es".equals(language) ? "/join?lang=es" : "/join");
	}

	/**
	 * Whether an address reaches only the machine it is typed on ({@code localhost},
	 * {@code 127.x}, {@code ::1}), so that nobody could use it from their own phone.
	 */
	public static boolean onlyThisMachine(String address) {
		String host;
		try {
			host = java.net.URI.create(address).getHost();
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(java.util.Locale.ROOT);
		return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
				|| name.equals("[::1]") || name.equals("0.0.0.0");
	}

}
