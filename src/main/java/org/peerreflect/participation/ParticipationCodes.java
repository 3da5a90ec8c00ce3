package org.peerreflect.participation;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Making and reading participation codes: 10 characters from an alphabet without
 * look-alikes.
 */
public final class ParticipationCodes {

	/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: what is read off a card is what is typed. */
	static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

	static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ParticipationCodes() {
	}

	static String newCode() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** As printed on a card: two groups of five, easier to read aloud and to type. */
	public static String printed(String code) {
		return code.substring(0, 5) + "-" + code.substring(5);
	}

	/** What a person typed, as stored: capitals, without spaces or dashes. */
	public static String normalize(String typed) {
		return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

}
