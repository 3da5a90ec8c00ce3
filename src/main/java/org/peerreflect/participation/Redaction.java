package org.peerreflect.participation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peerreflect.gate.WrittenAnswers;

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

	/**
	 * The mark as a steward may type it, in either language the pages speak ("[removed]",
	 * "[eliminado]", each its language's {@code report.removed}): in any case, with
	 * spaces inside the brackets.
	 */
	private static final Pattern TYPED_MARK = Pattern.compile("\\[\\s*(removed|eliminado)\\s*]",
			Pattern.CASE_INSENSITIVE);

	/** An edit with each typed mark, in whichever language, as the one mark kept. */
	static String withTheKeptMark(String edited) {
		return TYPED_MARK.matcher(edited).replaceAll(Matcher.quoteReplacement(WrittenAnswers.REMOVED));
	}

	/** Stands for a typed "[removed]" among the edited text's characters. */
	private static final int MARK = -1;

	/** No way found. */
	private static final int NEVER = Integer.MAX_VALUE / 2;

	/**
	 * The larger edits are read in full only up to this many cells (characters of the
	 * answer times characters of the edit); past it, only around what changed.
	 */
	private static final long MOST_CELLS = 4_000_000L;

	/**
	 * What a steward's edit means as a redaction, in the only form kept: the answer with
	 * "[removed]" in place of each stretch taken out. A stretch may be taken out by
	 * typing "[removed]" in its place (in any case) or by deleting it outright; either
	 * way the kept text says "[removed]" there, so that a deleted "not" can never turn a
	 * sentence round unseen. A stretch deleted outright must be whole words (not part of
	 * one), and one that holds no letter or digit (a space, a comma) is left as it was.
	 * Anything else, a word added or changed, gives nothing.
	 */
	static Optional<String> asRedaction(String original, String edited) {
		if (edited == null) {
			return Optional.empty();
		}
		String before = normalize(original);
		String typed = normalize(withTheKeptMark(edited));
		if (before.equals(typed)) {
			return Optional.of(before);
		}
		int[] after = marked(typed);
		// What is the same at both ends is kept as it is, back to the start of a word,
		// so that only what changed is read closely.
		int head = 0;
		while (head < before.length() && head < after.length && after[head] == before.charAt(head)) {
			head++;
		}
		int tail = 0;
		while (tail < before.length() - head && tail < after.length - head
				&& after[after.length - 1 - tail] == before.charAt(before.length() - 1 - tail)) {
			tail++;
		}
		head = backToWordStart(before, head);
		tail = before.length() - forwardToWordEnd(before, before.length() - tail);
		tail = Math.min(tail, after.length - head);
		Optional<String> near = align(before, after, head, tail);
		if (near.isPresent() || (head == 0 && tail == 0)
				|| (long) (before.length() + 1) * (after.length + 1) > MOST_CELLS) {
			return near;
		}
		return align(before, after, 0, 0);
	}

	private static int backToWordStart(String text, int at) {
		int i = at;
		while (!edge(text, i)) {
			i--;
		}
		return i;
	}

	private static int forwardToWordEnd(String text, int at) {
		int i = at;
		while (!edge(text, i)) {
			i++;
		}
		return i;
	}

	/** The edited text as characters, each typed "[removed]" one {@link #MARK}. */
	private static int[] marked(String typed) {
		List<Integer> tokens = new java.util.ArrayList<>();
		int at = 0;
		while (at < typed.length()) {
			if (typed.startsWith(WrittenAnswers.REMOVED, at)) {
				tokens.add(MARK);
				at += WrittenAnswers.REMOVED.length();
			}
			else {
				tokens.add((int) typed.charAt(at++));
			}
		}
		return tokens.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Where a stretch taken out may start or end: not inside a word.
	 */
	private static boolean edge(String text, int at) {
		return at == 0 || at == text.length()
				|| !(Character.isLetterOrDigit(text.charAt(at - 1)) && Character.isLetterOrDigit(text.charAt(at)));
	}

	/**
	 * The fewest stretches taken out of {@code before} that leave {@code after}, reading
	 * only between the first {@code head} and last {@code tail} characters both share
	 * (those are kept). Three states per cell: kept (the last character was kept, or
	 * nothing was read yet), taking (inside a stretch taken out, at least one character
	 * in), marked (a typed "[removed]" just read, no character taken out yet).
	 */
	private static Optional<String> align(String before, int[] after, int head, int tail) {
		int n = before.length() - head - tail;
		int m = after.length - head - tail;
		if (n < 0 || m < 0 || (long) (n + 1) * (m + 1) > MOST_CELLS) {
			return Optional.empty();
		}
		int w = m + 1;
		int[][] kept = { new int[w], new int[w] };
		int[][] taking = { new int[w], new int[w] };
		int[][] marked = { new int[w], new int[w] };
		// How the kept and taking states of each cell were reached, to read the way
		// back; a marked state always comes from the kept state on its left.
		byte[] keptFrom = new byte[(n + 1) * w];
		byte[] takingFrom = new byte[(n + 1) * w];
		for (int i = 0; i <= n; i++) {
			int[] k = kept[i % 2];
			int[] t = taking[i % 2];
			int[] mk = marked[i % 2];
			int[] kp = kept[(i + 1) % 2];
			int[] tp = taking[(i + 1) % 2];
			int[] mp = marked[(i + 1) % 2];
			boolean edgeHere = edge(before, head + i);
			boolean edgeBefore = i > 0 && edge(before, head + i - 1);
			for (int j = 0; j <= m; j++) {
				int cell = i * w + j;
				boolean mark = j > 0 && after[head + j - 1] == MARK;
				mk[j] = mark && edgeHere && k[j - 1] < NEVER ? k[j - 1] + 1 : NEVER;
				t[j] = NEVER;
				if (i > 0) {
					int start = edgeBefore && kp[j] < NEVER ? kp[j] + 1 : NEVER;
					t[j] = start;
					takingFrom[cell] = 0;
					if (tp[j] < t[j]) {
						t[j] = tp[j];
						takingFrom[cell] = 1;
					}
					if (mp[j] < t[j]) {
						t[j] = mp[j];
						takingFrom[cell] = 2;
					}
				}
				if (mark && t[j - 1] < t[j]) {
					t[j] = t[j - 1];
					takingFrom[cell] = 3;
				}
				k[j] = i == 0 && j == 0 ? 0 : NEVER;
				keptFrom[cell] = 0;
				if (i > 0 && j > 0 && !mark && after[head + j - 1] == before.charAt(head + i - 1) && kp[j - 1] < k[j]) {
					k[j] = kp[j - 1];
					keptFrom[cell] = 1;
				}
				if (edgeHere && t[j] < k[j]) {
					k[j] = t[j];
					keptFrom[cell] = 2;
				}
			}
		}
		if (kept[n % 2][m] >= NEVER) {
			return Optional.empty();
		}
		boolean[] taken = new boolean[before.length()];
		boolean[] typedMark = new boolean[before.length() + 1];
		int i = n;
		int j = m;
		int state = 0; // 0 kept, 1 taking, 2 marked
		while (i > 0 || j > 0) {
			int cell = i * w + j;
			if (state == 0) {
				byte from = keptFrom[cell];
				if (from == 1) {
					i--;
					j--;
				}
				else if (from == 2) {
					state = 1;
				}
				else {
					break;
				}
			}
			else if (state == 1) {
				byte from = takingFrom[cell];
				if (from == 3) {
					typedMark[head + i] = true;
					j--;
				}
				else {
					taken[head + i - 1] = true;
					i--;
					state = from == 0 ? 0 : from == 1 ? 1 : 2;
				}
			}
			else {
				typedMark[head + i] = true;
				j--;
				state = 0;
			}
		}
		return Optional.of(written(before, taken, typedMark)).filter(text -> isRedactionOf(before, text));
	}

	/**
	 * The answer with "[removed]" in place of each stretch taken out, keeping the spaces
	 * at its ends; a stretch deleted outright that holds no letter or digit is kept.
	 */
	private static String written(String before, boolean[] taken, boolean[] typedMark) {
		StringBuilder text = new StringBuilder();
		int at = 0;
		while (at < before.length()) {
			if (!taken[at]) {
				text.append(before.charAt(at++));
				continue;
			}
			int end = at;
			while (end < before.length() && taken[end]) {
				end++;
			}
			String stretch = before.substring(at, end);
			boolean typed = false;
			for (int x = at; x <= end; x++) {
				typed |= typedMark[x];
			}
			if (typed || stretch.codePoints().anyMatch(Character::isLetterOrDigit)) {
				String inner = stretch.strip();
				int lead = stretch.indexOf(inner.isEmpty() ? stretch : inner);
				text.append(stretch, 0, Math.max(0, inner.isEmpty() ? 0 : lead))
					.append(WrittenAnswers.REMOVED)
					.append(inner.isEmpty() ? "" : stretch.substring(lead + inner.length()));
			}
			else {
				text.append(stretch);
			}
			at = end;
		}
		return normalize(text.toString());
	}

	static String normalize(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

}
