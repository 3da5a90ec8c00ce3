package org.peerreflect.questionnaire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notes clinical, deficit and judging words in a questionnaire's texts and suggests plainer,
 * relational ones. Terms match as whole words or phrases, so "the patients" is noted while
 * "be patient" is not. The lists live in {@code language-check/<language>.tsv}.
 */
public final class LanguageCheck {

	/** A term from the list and what to say instead. */
	public record Term(String language, String words, String suggestion, Pattern pattern) {
	}

	/** One text of a questionnaire, where it stands and whose it is (e.g. "item fr-1"). */
	public record Text(String language, String text, int line, String owner) {
	}

	private static final List<String> LANGUAGES = List.of("en", "es");

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
			for (Term term : terms(text.language())) {
				Matcher m = term.pattern().matcher(text.text());
				if (m.find()) {
					notes.add(new Finding(file, text.line(), "note: " + text.owner() + " (" + text.language()
							+ "): \"" + m.group() + "\" can read as clinical or judging; perhaps: "
							+ term.suggestion()));
				}
			}
		}
		return notes;
	}

	private static Map<String, List<Term>> loadAll() {
		Map<String, List<Term>> all = new java.util.LinkedHashMap<>();
		for (String language : LANGUAGES) {
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
			List<Term> list = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t", 2);
				String words = parts[0].strip().toLowerCase(Locale.ROOT);
				String suggestion = parts.length > 1 ? parts[1].strip() : "";
				list.add(new Term(language, words, suggestion, wholeWords(words)));
			}
			return List.copyOf(list);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Pattern wholeWords(String words) {
		StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
		String[] parts = words.split("\\s+");
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				regex.append("\\s+");
			}
			regex.append(Pattern.quote(parts[i]));
		}
		regex.append("(?![\\p{L}\\p{N}])");
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
