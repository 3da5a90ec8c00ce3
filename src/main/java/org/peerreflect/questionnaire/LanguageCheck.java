package org.peerreflect.questionnaire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peerreflect.system.Languages;

/**
 * Notes clinical, deficit and judging words in a questionnaire's texts and suggests
 * plainer, relational ones. Terms match as whole words or phrases, so "the patients" is
 * noted while "be patient" is not, and without regard to case or accents ("diagnostico"
 * is noted like "diagnóstico"); a note quotes the words as they stand in the text. Where
 * terms overlap ("treatment" inside "treatment plan") only the longest is noted. The
 * lists live in {@code language-check/<language>.tsv}. A term written
 * {@code <det> patient} stands for the noun after any of the list's {@code @determiners}
 * or a possessive ("each patient", "our patient", "the team's patient"), so that the noun
 * alone, which can be another word ("be patient"), is not noted.
 */
public final class LanguageCheck {

	/**
	 * A term from the list and what to say instead. The pattern matches {@linkplain #fold
	 * folded} text.
	 */
	public record Term(String language, String words, String suggestion, Pattern pattern) {
	}

	/** Where a term matched, in the folded text. */
	private record Match(Term term, int start, int end) {

		boolean overlaps(Match other) {
			return start < other.end && other.start < end;
		}

	}

	/**
	 * One text of a questionnaire, where it stands and whose it is (e.g. "item fr-1").
	 */
	public record Text(String language, String text, int line, String owner) {
	}

	/**
	 * Accents and other combining marks; before {@link #DEFAULT}, which folds the lists.
	 */
	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final LanguageCheck DEFAULT = new LanguageCheck(loadAll());

	private final Map<String, List<Term>> terms;

	private LanguageCheck(Map<String, List<Term>> terms) {
		this.terms = terms;
	}

	public static LanguageCheck standard() {
		return DEFAULT;
	}

	public List<Term> terms(String language) {
		return terms.getOrDefault(language, List.of());
	}

	public List<Finding> check(String file, List<Text> texts) {
		List<Finding> notes = new ArrayList<>();
		for (Text text : texts) {
			Folded folded = Folded.of(text.text());
			List<Match> matches = new ArrayList<>();
			for (Term term : terms(text.language())) {
				Matcher m = term.pattern().matcher(folded.text());
				while (m.find()) {
					matches.add(new Match(term, m.start(), m.end()));
				}
			}
			// The longest match at a place wins; a shorter one inside or across it is no
			// note of its own.
			matches.sort(Comparator.comparingInt((Match m) -> m.end() - m.start())
				.reversed()
				.thenComparingInt(Match::start));
			List<Match> kept = new ArrayList<>();
			for (Match match : matches) {
				if (kept.stream().noneMatch(match::overlaps)) {
					kept.add(match);
				}
			}
			kept.sort(Comparator.comparingInt(Match::start));
			Set<String> noted = new HashSet<>();
			for (Match match : kept) {
				if (noted.add(match.term().words())) { // one note a term in each text
					notes.add(new Finding(file, text.line(),
							"note: " + text.owner() + " (" + text.language() + "): \""
									+ folded.original(match.start(), match.end())
									+ "\" can read as clinical or judging; perhaps: " + match.term().suggestion()));
				}
			}
		}
		return notes;
	}

	/**
	 * Text as terms are compared: decomposed (NFD), lowercased and without accents or
	 * other marks. The list's terms and every text are folded alike.
	 */
	static String fold(String text) {
		String lower = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
		return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}

	/**
	 * A text folded code point by code point, remembering where each folded character
	 * came from, so a match in the folded text can be quoted as the text has it.
	 */
	private record Folded(String original, String text, int[] from, int[] to) {

		static Folded of(String original) {
			StringBuilder folded = new StringBuilder(original.length());
			int[] from = new int[original.length() + 1];
			int[] to = new int[original.length() + 1];
			int i = 0;
			while (i < original.length()) {
				int next = original.offsetByCodePoints(i, 1);
				String part = fold(original.substring(i, next));
				if (part.isEmpty() && folded.length() > 0) {
					to[folded.length() - 1] = next; // a mark on its own belongs to the
													// character before it
				}
				for (int k = 0; k < part.length(); k++) {
					if (folded.length() == from.length) {
						from = Arrays.copyOf(from, from.length * 2);
						to = Arrays.copyOf(to, to.length * 2);
					}
					from[folded.length()] = i;
					to[folded.length()] = next;
					folded.append(part.charAt(k));
				}
				i = next;
			}
			return new Folded(original, folded.toString(), from, to);
		}

		/**
		 * The original text behind the folded characters from {@code start} up to
		 * {@code end}.
		 */
		String original(int start, int end) {
			return original.substring(from[start], to[end - 1]);
		}

	}

	private static Map<String, List<Term>> loadAll() {
		Map<String, List<Term>> all = new LinkedHashMap<>();
		for (String language : Languages.ALL) {
			all.put(language, load(language));
		}
		return Map.copyOf(all);
	}

	private static List<Term> load(String language) {
		String resource = "/language-check/" + language + ".tsv";
		try (InputStream in = LanguageCheck.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing " + resource);
			}
			List<String[]> lines = new ArrayList<>();
			String determiners = null;
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t", 2);
				if (parts[0].strip().equals("@determiners")) {
					determiners = parts[1].strip();
					continue;
				}
				lines.add(parts);
			}
			List<Term> list = new ArrayList<>();
			for (String[] parts : lines) {
				String words = parts[0].strip().toLowerCase(Locale.ROOT);
				String suggestion = parts.length > 1 ? parts[1].strip() : "";
				list.add(new Term(language, words, suggestion, wholeWords(fold(words), determiners)));
			}
			return List.copyOf(list);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Pattern wholeWords(String words) {
		return wholeWords(words, null);
	}

	/**
	 * {@code <det>} among the words matches any one of {@code determiners} or a
	 * possessive ending in 's.
	 */
	static Pattern wholeWords(String words, String determiners) {
		StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
		String[] parts = words.split("\\s+");
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				regex.append("\\s+");
			}
			if (parts[i].equals("<det>")) {
				if (determiners == null) {
					throw new IllegalStateException("<det> in a list without @determiners");
				}
				regex.append("(?:[\\p{L}\\p{N}]+['\u2019]s");
				for (String determiner : fold(determiners).split("\\s+")) {
					regex.append('|').append(Pattern.quote(determiner));
				}
				regex.append(')');
			}
			else {
				regex.append(Pattern.quote(parts[i]));
			}
		}
		regex.append("(?![\\p{L}\\p{N}])");
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
