package org.peerreflect.participation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Words compared as a reader would: in any case, with or without accents ("Bastián" is
 * "bastian"), for the flags and for telling an answer's language.
 */
final class Folding {

	private Folding() {
	}

	/** Lower case without accents, for comparing words. */
	static String fold(String word) {
		return Normalizer.normalize(word, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
	}

	/** Lower case without accents, one character for one, so that places stay. */
	static String foldInPlace(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			out.append(Character.toLowerCase(base.isEmpty() ? c : base.charAt(0)));
		}
		return out.toString();
	}

}
