package org.peerreflect.system;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one way an unguessable address is made: 256 random bits, written in the URL-safe
 * alphabet without padding, so that it fits in a link and on a card as it is.
 */
public final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	/** A new token of 43 characters. */
	public static String next() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Whether a string could be a token this class made: a cheap check before anything
	 * looks it up.
	 */
	public static boolean wellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

}
