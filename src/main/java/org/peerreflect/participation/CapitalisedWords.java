package org.peerreflect.participation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peerreflect.participation.Flag.Kind;

/**
 * Names, places and groups in a written answer, read from its capitalised words and the
 * words around them, in English and Spanish; days and months written in words too.
 */
final class CapitalisedWords {

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
			"barrio", "hogar", "asociacion", "fundacion", "colegio", "estacion", "network", "fund", "trust", "festival",
			"collective", "primaria", "secundaria", "red", "fondo", "feria", "colectivo");

	/** Saints' names that start the names of places ("San Rafael"). */
	private static final Set<String> SAINTS = Set.of("san", "santa", "santo", "st", "saint");

	/** Articles: a capitalised word after one is more likely a place or a group. */
	private static final Set<String> ARTICLES = Set.of("the", "el", "la", "los", "las", "del", "al");

	/** Words of going, after which "to" or "a" leads to a place. */
	private static final Set<String> GOING = Set.of("went", "go", "goes", "going", "gone", "moved", "move", "moving",
			"travel", "travelled", "traveled", "trip", "drove", "drive", "walked", "walk", "back", "way", "bus",
			"train", "coach", "flew", "came", "come", "comes", "visit", "fuimos", "fui", "vamos", "voy", "van", "ir",
			"viajamos", "viaje", "viajar", "llegue", "llegamos", "llegar", "mude", "mudamos", "regrese", "regresamos",
			"volvi", "volvimos", "vine", "vino", "venimos", "camion", "paseo");

	/** Words that, two or three words back, make "to" or "a" the end of a journey. */
	private static final Set<String> FROM = Set.of("from", "de", "desde");

	/**
	 * Words of groups that may stand capitalised inside a group's name ("Harrow Peer
	 * Network") though they are not names alone.
	 */
	private static final Set<String> GROUP_WORDS = Set.of("peer", "peers", "support", "community", "mutual", "group",
			"pares", "apoyo", "comunidad", "circle", "circulo", "mutuo", "mutua", "comunitario", "comunitaria",
			"trust");

	/** Words that often follow a person's name at a sentence's start. */
	private static final Set<String> AFTER_A_PERSON = Set.of("is", "was", "has", "had", "says", "said", "always",
			"never", "also", "still", "just", "really", "will", "would", "can", "could", "did", "does", "told",
			"taught", "gave", "made", "came", "brought", "picked", "asked", "helped", "texted", "called", "sat",
			"showed", "started", "es", "fue", "era", "esta", "estaba", "tiene", "tenia", "dice", "dijo", "hace", "hizo",
			"trae", "trajo", "lleva", "siempre", "nunca", "tambien", "ya", "sabe", "viene", "vino", "maneja", "cuida",
			"from");

	/**
	 * Spanish words that follow a name ("Reinaldo me enseñó") but an English command too
	 * ("Call me"): signs of a name only in an answer that is not English.
	 */
	private static final Set<String> CLITICS = Set.of("me", "te", "se", "nos", "le", "les");

	/**
	 * Words of family and respect that make the run after them a person ("Uncle
	 * Barnaby").
	 */
	private static final Set<String> KIN = Set.of("aunt", "auntie", "uncle", "nan", "nana", "granny", "grandma",
			"grandad", "grandpa", "tia", "tio", "abuela", "abuelo", "don", "dona");

	/**
	 * Words before "de" that say what belongs to a person, so the name after it is a
	 * person's ("la despedida de Bastián"), not a place.
	 */
	private static final Set<String> A_PERSONS = Set.of("idea", "despedida", "cumpleanos", "cumple", "mama", "papa",
			"hijo", "hija", "hermano", "hermana", "pareja", "esposo", "esposa", "amiga", "amigo", "nombre", "numero",
			"voz", "historia", "silla", "llave", "el", "la", "los", "las", "propuesta", "familia", "nieto", "nieta");

	/**
	 * Shapes of everyday words that may start a sentence ("Listening", "Kindness",
	 * "Escuchar", "Compartimos"), never taken for a name on weak signs.
	 */
	private static final Pattern EVERYDAY_ENDINGS = Pattern.compile(
			"(?:ing|ness|tion|sion|ity|ment|ship|ance|ence|ly|ed|ism|ful|less|ous|ive|able|ible|cion|dad|mente|ando|iendo|mos|aron|ieron|[aei]r)$");

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

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:[-’']\\p{L}[\\p{L}\\p{M}]*)*");

	private CapitalisedWords() {
	}

	/** One word of the answer, where it stands. */
	private record Token(int start, int end, String text, boolean sentenceStart) {

		boolean capitalised() {
			return Character.isUpperCase(text.codePointAt(0));
		}

	}

	/**
	 * Capitalised words that are not little words. A run of them in mid-sentence is a
	 * name, or a place or group when it holds a place word, follows "the", "el", "la",
	 * "in", "at", "en", "de" (or "to", "a" after a word of going), or is two words or
	 * more. At a sentence's start, where every word has a capital, a word counts only
	 * when something says it is a name (see {@link #nameAtStart}) or starts a run of two.
	 * Days and months are flagged as such.
	 */
	static void find(String text, Set<String> known, List<Flag> found) {
		List<Token> tokens = new ArrayList<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			tokens.add(new Token(word.start(), word.end(), word.group(), sentenceStart(text, word.start())));
		}
		// A word capitalised in mid-sentence somewhere in the answer is a name at a
		// sentence's start too.
		Set<String> midSentence = new HashSet<>();
		for (Token token : tokens) {
			if (!token.sentenceStart() && candidate(token, known)) {
				midSentence.add(token.text());
			}
		}
		boolean english = "en".equals(AnswerLanguage.of(text));
		int i = 0;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			String folded = Folding.fold(token.text());
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
			int last = runEnd(text, tokens, i, known);
			List<Token> run = tokens.subList(i, last + 1);
			boolean place = run.stream().anyMatch(t -> PLACE_WORDS.contains(Folding.fold(t.text())));
			boolean given = run.stream().anyMatch(t -> GIVEN_NAMES.contains(t.text()));
			boolean startsSentence = token.sentenceStart();
			if (startsSentence && !given && !place && !nameAtStart(text, tokens, i, midSentence, english)) {
				// A capital that only starts a sentence says nothing: what follows it
				// may.
				if (run.size() > 1) {
					flagRun(text, tokens, i + 1, run.subList(1, run.size()), false, found);
				}
			}
			else {
				flagRun(text, tokens, i, run, startsSentence, found);
			}
			i = last + 1;
		}
	}

	/**
	 * Flags a run of capitalised words starting at token {@code at}, as a name or a
	 * place.
	 */
	private static void flagRun(String text, List<Token> tokens, int at, List<Token> run, boolean startsSentence,
			List<Flag> found) {
		boolean place = run.stream().anyMatch(t -> PLACE_WORDS.contains(Folding.fold(t.text())))
				|| SAINTS.contains(Folding.fold(run.get(0).text())) && run.size() > 1;
		boolean person = run.stream().anyMatch(t -> GIVEN_NAMES.contains(t.text()))
				|| KIN.contains(Folding.fold(run.get(0).text()));
		Token first = tokens.get(at);
		boolean placeBefore = !startsSentence && at > 0 && onlySpaceBetween(text, tokens.get(at - 1), first)
				&& placeBefore(tokens, at - 1);
		Kind kind = place ? Kind.PLACE : person || startsSentence && run.size() == 1 ? Kind.NAME
				: (placeBefore || run.size() > 1) ? Kind.PLACE : Kind.NAME;
		found.add(new Flag(first.start(), run.get(run.size() - 1).end(), kind));
	}

	/**
	 * The last token of the run starting at {@code first}: candidates one space apart,
	 * with little joining words or capitalised words of groups ("Peer", "Community")
	 * between.
	 */
	private static int runEnd(String text, List<Token> tokens, int first, Set<String> known) {
		int last = first;
		int next = first + 1;
		while (next < tokens.size()) {
			int after = next;
			while (after < tokens.size() && after - next < 2 && JOINING.contains(Folding.fold(tokens.get(after).text()))
					&& onlySpaceBetween(text, tokens.get(after - 1), tokens.get(after))) {
				after++;
			}
			if (after < tokens.size() && onlySpaceBetween(text, tokens.get(after - 1), tokens.get(after))
					&& !tokens.get(after).sentenceStart()
					&& (candidate(tokens.get(after), known) || tokens.get(after).capitalised()
							&& GROUP_WORDS.contains(Folding.fold(tokens.get(after).text())))) {
				last = after;
				next = after + 1;
			}
			else {
				break;
			}
		}
		return last;
	}

	/**
	 * Whether the word before a run makes it a place: "in", "at", "from", "en", "de"; an
	 * article ("the", "la"); or "to", "a" after a word of going or a "from" or "de" just
	 * before ("from Bideford to Exeter", "fuimos a Mazatlán").
	 */
	private static boolean placeBefore(List<Token> tokens, int at) {
		String before = Folding.fold(tokens.get(at).text());
		if (before.equals("de") && at > 0 && A_PERSONS.contains(Folding.fold(tokens.get(at - 1).text()))) {
			return false;
		}
		if (PLACE_BEFORE.contains(before) || ARTICLES.contains(before)) {
			return true;
		}
		if (!before.equals("to") && !before.equals("a")) {
			return false;
		}
		for (int back = at - 1; back >= Math.max(0, at - 4); back--) {
			String word = Folding.fold(tokens.get(back).text());
			if (GOING.contains(word) || back < at - 1 && FROM.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a word that starts a sentence is a name: it is written with a capital in
	 * mid-sentence elsewhere in the answer; or it is followed by "'s", by "and I", "y yo"
	 * or another capitalised word joined by "and" or "y"; or, when its shape is not that
	 * of an everyday word (-ing, -ness, -ción, an infinitive...), by a comma or a word
	 * that often follows a person ("is", "always", "dice", "me", a verb in -s or -ó).
	 */
	private static boolean nameAtStart(String text, List<Token> tokens, int at, Set<String> midSentence,
			boolean english) {
		Token token = tokens.get(at);
		String word = token.text();
		if (midSentence.contains(word)) {
			return true;
		}
		String folded = Folding.fold(word);
		if (folded.endsWith("'s")) {
			return !NOT_NAMES.contains(folded.substring(0, folded.length() - 2));
		}
		if (at + 1 >= tokens.size()) {
			return false;
		}
		Token next = tokens.get(at + 1);
		String between = text.substring(token.end(), next.start());
		String following = Folding.fold(next.text());
		if (between.equals(" ") && (following.equals("and") || following.equals("y")) && at + 2 < tokens.size()) {
			Token third = tokens.get(at + 2);
			String after = Folding.fold(third.text());
			if (after.equals("i") || after.equals("me") || after.equals("yo")
					|| third.capitalised() && !NOT_NAMES.contains(after)) {
				return true;
			}
		}
		if (EVERYDAY_ENDINGS.matcher(folded).find()) {
			return false;
		}
		if (between.strip().equals(",")) {
			return true;
		}
		if (!between.equals(" ") || next.capitalised()) {
			return false;
		}
		return AFTER_A_PERSON.contains(following) || !english && CLITICS.contains(following)
				|| next.text().endsWith("ó") && following.length() > 3
				|| following.length() > 3 && following.endsWith("s") && !following.endsWith("ss")
						&& !following.endsWith("us") && !folded.endsWith("s") && !NOT_NAMES.contains(following);
	}

	/** A capitalised word that may be a name: not a little word, "I", or a known word. */
	private static boolean candidate(Token token, Set<String> known) {
		if (!token.capitalised()) {
			return false;
		}
		String folded = Folding.fold(token.text());
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

	private static Set<String> list(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = CapitalisedWords.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					for (String each : word.split("\\s+")) {
						words.add(resource.endsWith("not-names.txt") ? Folding.fold(each) : each);
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
