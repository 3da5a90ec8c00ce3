package org.peerreflect.participation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.participation.Flag.Kind;

/**
 * Words in a written answer that may tell who wrote it, found by rules, for the steward's
 * review: names, places and groups, days and times, ages, phone numbers, email and web
 * addresses, and the organization's own list of words. English and Spanish rules apply to
 * every answer, whatever the round's language, since members write in both. A flag is a
 * question for the steward, never a change: nothing here takes a word out.
 *
 * <p>
 * Rules, not a model: they run in the application's own process in well under a
 * millisecond an answer, add nothing to the jar but these classes and two short lists,
 * and need no file or service from outside (see "Flags in the review" in the design). The
 * patterns are in {@link FlagRules}, the reading of capitalised words in
 * {@link CapitalisedWords}; here they are put together.
 */
final class Flags {

	/** A stretch of an answer as the review shows it: flagged ({@code kind}) or not. */
	record Piece(String text, Kind kind) {
	}

	private Flags() {
	}

	/**
	 * The spans of {@code text} that may tell who wrote it, in order and never
	 * overlapping. {@code ownWords} are the organization's words (matched whole, in any
	 * case and with or without accents); {@code knownWords} are words of the round's own
	 * questionnaire, which are never taken for a name.
	 */
	static List<Flag> find(String text, Collection<String> ownWords, Collection<String> knownWords) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Flag> found = new ArrayList<>();
		FlagRules.find(text, found);
		ownWords(text, ownWords, found);
		Set<String> known = new HashSet<>();
		knownWords.forEach(word -> known.add(Folding.fold(word)));
		CapitalisedWords.find(text, known, found);
		return apart(found, text);
	}

	/** Whole-word matches of the organization's own words, folded alike. */
	private static void ownWords(String text, Collection<String> ownWords, List<Flag> found) {
		String folded = Folding.foldInPlace(text);
		for (String own : ownWords) {
			String word = Folding.foldInPlace(own.strip());
			if (word.isEmpty()) {
				continue;
			}
			int at = folded.indexOf(word);
			while (at >= 0) {
				int end = at + word.length();
				if (edge(folded, at) && edge(folded, end)) {
					found.add(new Flag(at, end, Kind.OWN));
				}
				at = folded.indexOf(word, at + 1);
			}
		}
	}

	private static boolean edge(String text, int at) {
		return at == 0 || at == text.length()
				|| !(Character.isLetterOrDigit(text.charAt(at - 1)) && Character.isLetterOrDigit(text.charAt(at)));
	}

	/**
	 * The flags kept: where two overlap, the one starting first, then the longer, then
	 * the kind listed first.
	 */
	private static List<Flag> apart(List<Flag> found, String text) {
		List<Flag> sorted = new ArrayList<>(found);
		sorted.sort(Comparator.comparingInt(Flag::start)
			.thenComparing(Comparator.comparingInt(Flag::length).reversed())
			.thenComparing(Flag::kind));
		List<Flag> kept = new ArrayList<>();
		int end = 0;
		for (Flag flag : sorted) {
			if (flag.start() >= end) {
				Flag trimmed = trimmed(flag, text);
				if (trimmed.length() > 0) {
					kept.add(trimmed);
					end = flag.end();
				}
			}
		}
		return List.copyOf(kept);
	}

	/** A flag without spaces at its ends. */
	private static Flag trimmed(Flag flag, String text) {
		int start = flag.start();
		int end = flag.end();
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return new Flag(start, end, flag.kind());
	}

	/** The answer cut into flagged and plain pieces, for the review to show. */
	static List<Piece> pieces(String text, List<Flag> flags) {
		List<Piece> pieces = new ArrayList<>();
		int at = 0;
		for (Flag flag : flags) {
			if (flag.start() > at) {
				pieces.add(new Piece(text.substring(at, flag.start()), null));
			}
			pieces.add(new Piece(text.substring(flag.start(), flag.end()), flag.kind()));
			at = flag.end();
		}
		if (at < text.length()) {
			pieces.add(new Piece(text.substring(at), null));
		}
		return pieces;
	}

	/**
	 * The answer with the mark in place of every flagged span; spans with only spaces
	 * between them become one mark.
	 */
	static String takenOut(String text, List<Flag> flags) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		for (Flag flag : flags) {
			String between = text.substring(at, flag.start());
			boolean joined = at > 0 && between.isBlank() && out.toString().endsWith(WrittenAnswers.REMOVED);
			if (!joined) {
				out.append(between).append(WrittenAnswers.REMOVED);
			}
			at = flag.end();
		}
		return out.append(text.substring(at)).toString();
	}

}
