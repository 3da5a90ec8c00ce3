package org.peerreflect.participation;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a written answer is in English or Spanish, for the language guard: the little
 * words each language uses most, counted without case or accents, and the marks only
 * Spanish writes (ñ, ¿, ¡, an accented vowel). Worked out when the review asks, never
 * stored. Says nothing (null) when the words do not tell: such an answer is never set
 * apart.
 */
final class AnswerLanguage {

	private static final Set<String> ENGLISH = Set.of("the", "and", "to", "of", "is", "it", "that", "i", "we", "you",
			"for", "with", "are", "was", "be", "this", "have", "not", "but", "they", "at", "our", "us", "can", "when",
			"what", "about", "all", "my", "so", "very", "feel", "would", "more", "there", "here", "do", "people",
			"each", "other", "always", "just", "like", "how", "where", "who", "or", "from", "by", "if", "has", "had",
			"were", "been", "one", "thanks", "group", "helps", "it's", "i'm", "don't", "really", "together", "listen",
			"someone", "because", "feels", "talk", "share");

	private static final Set<String> SPANISH = Set.of("de", "la", "que", "el", "y", "los", "las", "se", "del", "por",
			"un", "una", "con", "es", "para", "lo", "como", "mas", "pero", "su", "sus", "le", "ya", "este", "esta",
			"porque", "cuando", "muy", "sin", "sobre", "tambien", "hay", "donde", "nos", "todo", "todos", "todas",
			"siempre", "gracias", "bien", "mucho", "nosotros", "nosotras", "nuestro", "nuestra", "yo", "mi", "al",
			"entre", "cada", "otros", "grupo", "ayuda", "estoy", "somos", "son", "estan", "aqui", "siento", "juntas",
			"juntos", "escuchar", "hablar", "alguien", "personas", "gente", "tengo", "puedo", "podemos");

	private static final Pattern WORD = Pattern.compile("[\\p{L}'’]+");

	private static final Pattern ONLY_SPANISH = Pattern.compile("[ñ¿¡áéíóú]", Pattern.CASE_INSENSITIVE);

	private AnswerLanguage() {
	}

	/** "en", "es", or null when the words do not clearly say. */
	static String of(String text) {
		if (text == null) {
			return null;
		}
		int english = 0;
		int spanish = 0;
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			String folded = Folding.fold(word.group());
			if (ENGLISH.contains(folded)) {
				english++;
			}
			if (SPANISH.contains(folded)) {
				spanish++;
			}
		}
		Matcher marks = ONLY_SPANISH.matcher(text);
		while (marks.find()) {
			spanish++;
		}
		if (spanish >= 2 && spanish >= 2 * english) {
			return "es";
		}
		if (english >= 2 && english >= 2 * spanish) {
			return "en";
		}
		return null;
	}

}
