package org.peerreflect.publication;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the project's two languages a written answer is in, worked out when a page is
 * drawn (so that a screen reader reads it with the right voice) and never stored. Counts
 * the little words each language uses most, and the letters only Spanish has; when the
 * words do not tell, the report's own language.
 */
public final class TextLanguage {

	/** Words common in English and not words in Spanish. */
	private static final Set<String> ENGLISH = Set.of("the", "and", "to", "of", "in", "is", "it", "that", "i", "we",
			"you", "for", "on", "with", "are", "was", "be", "this", "have", "not", "but", "they", "at", "our", "us",
			"can", "when", "what", "about", "all", "my", "so", "very", "feel", "would", "more", "there", "here", "it's",
			"do", "don't", "people", "each", "other", "always", "just", "like", "how", "where", "who", "an", "or",
			"from", "by", "if", "has", "had", "were", "been", "one", "thank", "thanks", "meetings", "group", "helps");

	/** Words common in Spanish and not words in English. */
	private static final Set<String> SPANISH = Set.of("de", "la", "que", "el", "y", "los", "las", "se", "del", "por",
			"un", "una", "con", "es", "para", "lo", "como", "más", "mas", "pero", "sus", "su", "le", "ya", "este",
			"esta", "porque", "cuando", "muy", "sin", "sobre", "también", "hasta", "hay", "donde", "nos", "todo",
			"todos", "siempre", "gracias", "bien", "mucho", "nosotros", "nuestro", "nuestra", "yo", "mi", "al", "entre",
			"cada", "otros", "otras", "reuniones", "grupo", "ayuda", "estoy", "somos", "son", "está", "están");

	private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

	private static final Pattern ONLY_SPANISH = Pattern.compile("[ñ¿¡áéíóú]", Pattern.CASE_INSENSITIVE);

	/**
	 * "en" or "es" where the words say so clearly; otherwise {@code otherwise}.
	 */
	public String of(String text, String otherwise) {
		if (text == null) {
			return otherwise;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		int english = 0;
		int spanish = 0;
		Matcher word = WORD.matcher(lower);
		while (word.find()) {
			String found = word.group();
			if (ENGLISH.contains(found)) {
				english++;
			}
			else if (SPANISH.contains(found)) {
				spanish++;
			}
		}
		Matcher letters = ONLY_SPANISH.matcher(lower);
		while (letters.find()) {
			spanish++;
		}
		if (spanish >= 2 && spanish > 2 * english) {
			return "es";
		}
		if (english >= 2 && english > 2 * spanish) {
			return "en";
		}
		return otherwise;
	}

}
