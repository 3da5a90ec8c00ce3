package org.peerreflect.participation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peerreflect.insight.WrittenAnswers;

/**
 * Words in a written answer that may tell who wrote it, found by rules, for the steward's
 * review: names, places and groups, days and times, ages, phone numbers, email and web
 * addresses, and the organization's own list of words. English and Spanish rules apply to
 * every answer, whatever the round's language, since members write in both. A flag is a
 * question for the steward, never a change: nothing here takes a word out.
 *
 * <p>
 * Rules, not a model: they run in the application's own process in well under a
 * millisecond an answer, add nothing to the jar but this class and two short lists, and
 * need no file or service from outside (see "Flags in the review" in the design).
 */
final class Flags {

	/** What a flagged span may be; each has its reason in the messages. */
	enum Kind {

		ADDRESS, PHONE, OWN, AGE, WHEN, NAME, PLACE;

		/**
		 * The key of the short reason a screen reader reads after the span; public for
		 * the page's template.
		 */
		public String reason() {
			return "review.flag." + name();
		}

	}

	/** A flagged span of the answer, from {@code start} up to {@code end}. */
	record Flag(int start, int end, Kind kind) {

		int length() {
			return end - start;
		}

	}

	/** A stretch of an answer as the review shows it: flagged ({@code kind}) or not. */
	record Piece(String text, Kind kind) {
	}

	/** Common given names of both languages, capitalised as written. */
	private static final Set<String> GIVEN_NAMES = list("flags/given-names.txt");

	/**
	 * Words that may start with a capital and are no one's name: little words of both
	 * languages, "I", and the words our principles and days of meeting use.
	 */
	private static final Set<String> NOT_NAMES = list("flags/not-names.txt");

	/** Words that make a run of capitalised words a place or a group. */
	private static final Set<String> PLACE_WORDS = Set.of("house", "centre", "center", "hospital", "clinic", "church",
			"park", "hall", "library", "school", "college", "university", "club", "cafe", "street", "road", "avenue",
			"square", "station", "market", "foundation", "association", "casa", "centro", "clinica", "iglesia",
			"parque", "escuela", "universidad", "biblioteca", "mercado", "plaza", "calle", "avenida", "colonia",
			"barrio", "hogar", "asociacion", "fundacion", "colegio", "estacion");

	/** Words after which a capitalised word is more likely a place. */
	private static final Set<String> PLACE_BEFORE = Set.of("in", "at", "from", "near", "en", "de", "desde", "cerca",
			"hacia");

	/**
	 * Lower-case words allowed inside a run of capitalised words ("Casa de la Cultura").
	 */
	private static final Set<String> JOINING = Set.of("of", "the", "de", "del", "la", "las", "los", "el");

	private static final Set<String> DAYS_AND_MONTHS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday", "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
			"january", "february", "april", "june", "july", "august", "september", "october", "november", "december",
			"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "sabados", "domingos", "enero",
			"febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre",
			"noviembre", "diciembre");

	/**
	 * Months that are also everyday words ("may", "march"): only capitalised
	 * mid-sentence.
	 */
	private static final Set<String> MONTHS_ALSO_WORDS = Set.of("May", "March");

	private static final String MONTHS_EN = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";

	private static final String MESES = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";

	private static final String NUMBER_WORDS = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)";

	private static final String NUMEROS = "(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)";

	private static final String HALF_PAST = "(?:\\s+(?:y\\s+media|y\\s+cuarto|en\\s+punto))?(?:\\s+de\\s+la\\s+(?:ma[ñn]ana|tarde|noche))?";

	private static final String CAPITALISED = "\\p{Lu}[\\p{L}\\p{M}'’-]*";

	/**
	 * Patterns with the kind they flag; checked in this order, each over the whole text.
	 */
	private record Rule(Pattern pattern, Kind kind) {
	}

	private static final List<Rule> RULES = List.of(rule("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", Kind.ADDRESS),
			rule("(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)]", Kind.ADDRESS),
			rule("(?<![\\w@.])[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|org|net|edu|gov|io|info|mx|es|ar|co|cl|pe|uy|uk|us|ca)\\b(?:/[^\\s<>\"]*[^\\s<>\".,;:!?)])?",
					Kind.ADDRESS),
			rule("(?<![\\w@])@\\w{2,}", Kind.ADDRESS),
			rule("(?<![\\w+])\\+?\\(?\\d[\\d ().-]{5,}\\d(?!\\w)", Kind.PHONE),
			rule("\\b(?:i\\s+am|i'm|i’m|im|age|aged|tengo|cumpl[ií]|turned|turning|edad\\s+de)\\s+\\d{1,3}\\b(?!\\s*(?:weeks?|days?|months?|minutes?|hours?|times?|hrs?|semanas?|d[ií]as?|meses|mes|minutos?|horas?|veces|%|percent|por\\s+ciento))(?:\\s+(?:years?(?:\\s+old)?|a[ñn]os(?:\\s+de\\s+edad)?))?",
					Kind.AGE),
			rule("\\b\\d{1,3}[\\s-]*(?:years?|yrs?)[\\s-]*old\\b", Kind.AGE),
			rule("\\b\\d{1,3}\\s+a[ñn]os(?:\\s+de\\s+edad)?(?![\\p{L}])", Kind.AGE),
			rule("\\bin\\s+my\\s+(?:early\\s+|late\\s+|mid[\\s-]?)?(?:\\d0'?s|twenties|thirties|forties|fifties|sixties|seventies|eighties)\\b",
					Kind.AGE),
			rule("\\b\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?\\b", Kind.WHEN),
			rule("\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTHS_EN + "\\b\\.?(?:,?\\s+\\d{4}\\b)?", Kind.WHEN),
			rule("\\b" + MONTHS_EN + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?", Kind.WHEN),
			rule("\\b\\d{1,2}\\s+de\\s+" + MESES + "\\b(?:\\s+(?:de|del)\\s+\\d{4}\\b)?", Kind.WHEN),
			rule("\\b(?:19|20)\\d{2}\\b", Kind.WHEN),
			rule("\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|a\\.\\s?m\\.?|p\\.\\s?m\\.?|hrs|hs)(?![\\p{L}])", Kind.WHEN),
			rule("\\b\\d{1,2}:\\d{2}\\b", Kind.WHEN),
			rule("\\b(?:a\\s+)?las\\s+\\d{1,2}(?::\\d{2})?\\b" + HALF_PAST, Kind.WHEN),
			rule("\\ba\\s+(?:las|la)\\s+" + NUMEROS + "\\b" + HALF_PAST, Kind.WHEN),
			rule("\\b(?:las|la)\\s+" + NUMEROS
					+ "\\s+(?:y\\s+media|y\\s+cuarto|en\\s+punto|de\\s+la\\s+(?:ma[ñn]ana|tarde|noche))\\b", Kind.WHEN),
			rule("\\b(?:\\d{1,2}|" + NUMBER_WORDS + ")\\s+o['’]?\\s?clock\\b", Kind.WHEN),
			rule("(?-i)(?:\\b\\d+\\s+)?(?:" + CAPITALISED
					+ "\\s+){1,3}(?:Street|St\\b\\.?|Avenue|Ave\\b\\.?|Road|Rd\\b\\.?|Lane|Drive|Boulevard|Square|Way)\\b",
					Kind.PLACE),
			rule("\\b(?:calle|avenida|av\\.|plaza|paseo|camino|colonia|barrio|carrera)\\s+(?-i:\\d+|" + CAPITALISED
					+ ")(?:\\s+(?:(?:de|del)\\s+(?:(?:la|los|las)\\s+)?)?(?-i:" + CAPITALISED + "))*(?:\\s+\\d+)?",
					Kind.PLACE),
			rule("(?-i)\\b(?:Mr|Mrs|Ms|Mx|Dr|Dra|Sr|Sra|Srta|Prof|Lic)\\b\\.?\\s+" + CAPITALISED + "(?:\\s+"
					+ CAPITALISED + ")?", Kind.NAME),
			rule("\\b(?:don|do[ñn]a|se[ñn]or|se[ñn]ora|se[ñn]orita|miss|mister|auntie|uncle|t[ií]a|t[ií]o)\\s+(?-i:"
					+ CAPITALISED + ")", Kind.NAME));

	private static final Pattern DATE = Pattern.compile("\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}");

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:[-’']\\p{L}[\\p{L}\\p{M}]*)*");

	private Flags() {
	}

	private static Rule rule(String pattern, Kind kind) {
		return new Rule(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), kind);
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
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(text);
			while (matcher.find()) {
				if (rule.kind() != Kind.PHONE || isPhone(matcher.group())) {
					found.add(new Flag(matcher.start(), matcher.end(), rule.kind()));
				}
			}
		}
		ownWords(text, ownWords, found);
		Set<String> known = new HashSet<>();
		knownWords.forEach(word -> known.add(fold(word)));
		capitalised(text, known, found);
		return apart(found, text);
	}

	/** A phone number has 7 to 15 digits, and is not a date or a time. */
	private static boolean isPhone(String candidate) {
		if (DATE.matcher(candidate).matches()) {
			return false;
		}
		long digits = candidate.chars().filter(Character::isDigit).count();
		return digits >= 7 && digits <= 15;
	}

	/** Whole-word matches of the organization's own words, folded alike. */
	private static void ownWords(String text, Collection<String> ownWords, List<Flag> found) {
		String folded = foldInPlace(text);
		for (String own : ownWords) {
			String word = foldInPlace(own.strip());
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

	/** One word of the answer, where it stands. */
	private record Token(int start, int end, String text, boolean sentenceStart) {

		boolean capitalised() {
			return Character.isUpperCase(text.codePointAt(0));
		}

	}

	/**
	 * Capitalised words that are not little words: a run of them not at a sentence's
	 * start is a name, or a place when it follows "in", "at", "en", "de" or holds a place
	 * word; at a sentence's start only a given name or a run of two or more counts. Days
	 * and months are flagged as such.
	 */
	private static void capitalised(String text, Set<String> known, List<Flag> found) {
		List<Token> tokens = new ArrayList<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			tokens.add(new Token(word.start(), word.end(), word.group(), sentenceStart(text, word.start())));
		}
		int i = 0;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			String folded = fold(token.text());
			if (DAYS_AND_MONTHS.contains(folded)
					|| MONTHS_ALSO_WORDS.contains(token.text()) && !token.sentenceStart()) {
				found.add(new Flag(token.start(), token.end(), Kind.WHEN));
				i++;
				continue;
			}
			if (!candidate(token, known)) {
				i++;
				continue;
			}
			// The run: candidates one space apart, with little joining words between.
			int last = i;
			int next = i + 1;
			while (next < tokens.size()) {
				int after = next;
				while (after < tokens.size() && after - next < 2 && JOINING.contains(fold(tokens.get(after).text()))
						&& onlySpaceBetween(text, tokens.get(after - 1), tokens.get(after))) {
					after++;
				}
				if (after < tokens.size() && onlySpaceBetween(text, tokens.get(after - 1), tokens.get(after))
						&& candidate(tokens.get(after), known) && !tokens.get(after).sentenceStart()) {
					last = after;
					next = after + 1;
				}
				else {
					break;
				}
			}
			List<Token> run = tokens.subList(i, last + 1);
			int first = 0;
			boolean given = run.stream().anyMatch(t -> GIVEN_NAMES.contains(t.text()));
			boolean place = run.stream().anyMatch(t -> PLACE_WORDS.contains(fold(t.text())));
			if (token.sentenceStart() && !GIVEN_NAMES.contains(token.text()) && !place) {
				// A capital that only starts a sentence says nothing: what follows it
				// may.
				first = 1;
				given = run.stream().skip(1).anyMatch(t -> GIVEN_NAMES.contains(t.text()));
			}
			if (first < run.size()) {
				Token from = run.get(first);
				Token to = run.get(run.size() - 1);
				boolean afterPlaceWord = from.start() == token.start() && i > 0
						&& PLACE_BEFORE.contains(fold(tokens.get(i - 1).text()))
						&& onlySpaceBetween(text, tokens.get(i - 1), token);
				Kind kind = given ? Kind.NAME
						: (place || afterPlaceWord || run.size() - first > 1) ? Kind.PLACE : Kind.NAME;
				found.add(new Flag(from.start(), to.end(), kind));
			}
			i = last + 1;
		}
	}

	/** A capitalised word that may be a name: not a little word, "I", or a known word. */
	private static boolean candidate(Token token, Set<String> known) {
		if (!token.capitalised()) {
			return false;
		}
		String folded = fold(token.text());
		return !NOT_NAMES.contains(folded) && !known.contains(folded) && !DAYS_AND_MONTHS.contains(folded);
	}

	private static boolean onlySpaceBetween(String text, Token before, Token after) {
		String between = text.substring(before.end(), after.start());
		return between.equals(" ");
	}

	/**
	 * Whether a word starts a sentence: nothing before it but spaces and quotes, back to
	 * the start, a full stop, a question or exclamation mark, a colon or a new line.
	 */
	private static boolean sentenceStart(String text, int at) {
		int i = at - 1;
		while (i >= 0) {
			char c = text.charAt(i);
			if (c == '\n') {
				return true;
			}
			if (Character.isWhitespace(c) || "\"'“”‘’«»([-–—•*".indexOf(c) >= 0) {
				i--;
				continue;
			}
			return ".!?¡¿:…".indexOf(c) >= 0;
		}
		return true;
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

	/** Lower case without accents, for comparing words. */
	static String fold(String word) {
		return Normalizer.normalize(word, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
	}

	/** Lower case without accents, one character for one, so that places stay. */
	private static String foldInPlace(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			out.append(Character.toLowerCase(base.isEmpty() ? c : base.charAt(0)));
		}
		return out.toString();
	}

	private static Set<String> list(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = Flags.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					for (String each : word.split("\\s+")) {
						words.add(resource.endsWith("not-names.txt") ? fold(each) : each);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
