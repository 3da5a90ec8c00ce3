package org.peerreflect.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings from {@code application.properties} and the environment.
 *
 * @param publicUrl the address people reach Peer Reflect at, printed in setup links and
 * on cards; empty for this server on this machine (see {@link PublicAddress})
 * @param admin the first administrator, when given by PEER_REFLECT_ADMIN_EMAIL and
 * _PASSWORD
 */
@ConfigurationProperties("peer-reflect")
public record PeerReflectSettings(String publicUrl, String questionnaireFolder, Admin admin) {

	public record Admin(String email, String password) {

		public boolean given() {
			return email != null && !email.isBlank() && password != null && !password.isBlank();
		}

	}

}
