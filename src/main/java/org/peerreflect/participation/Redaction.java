package org.peerreflect.participation;

import java.util.List;
import java.util.regex.Pattern;

import org.peerreflect.insight.WrittenAnswers;

/**
 * The one change a steward may make to a written answer (invariant 9): put "[removed]" in
 * place of some of its words. Anything else (a word added, one changed, "[removed]" put
 * in where nothing was taken out) is refused.
 */
final class Redaction {

	private Redaction() {
	}

	/**
	 * True when {@code edited} is {@code original} with one or more non-empty stretches
	 * replaced by "[removed]", or is unchanged. Line endings and the whitespace around
	 * the whole are ignored, as a text box may change them.
	 */
	static boolean isRedactionOf(String original, String edited) {
		String before = normalize(original);
		String after = normalize(edited);
		if (before.equals(after)) {
			return true;
		}
		List<String> kept = List.of(after.split(Pattern.quote(WrittenAnswers.REMOVED), -1));
		if (kept.size() < 2) {
			return false;
		}
		String first = kept.get(0);
		String last = kept.get(kept.size() - 1);
		if (!before.startsWith(first)) {
			return false;
		}
		// Each kept stretch at its earliest place after a non-empty gap leaves the most
		// room for the rest.
		int at = first.length();
		for (String middle : kept.subList(1, kept.size() - 1)) {
			int found = before.indexOf(middle, at + 1);
			if (found < 0) {
				return false;
			}
			at = found + middle.length();
		}
		int lastStart = before.length() - last.length();
		return before.endsWith(last) && lastStart >= at + 1;
	}

	static String normalize(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

}
