package org.peerreflect.questionnaire;

import java.util.Map;

/** One text in each of a questionnaire's languages, keyed by language code. */
public record LocalizedText(Map<String, String> byLanguage) {

	public LocalizedText {
		byLanguage = Map.copyOf(byLanguage);
	}

	public static LocalizedText of(String language, String text) {
		return new LocalizedText(Map.of(language, text));
	}

	/** The text in the given language, else English, else any language it has. */
	public String in(String language) {
		String text = byLanguage.get(language);
		if (text == null) {
			text = byLanguage.get("en");
		}
		if (text == null) {
			text = byLanguage.values().stream().findFirst().orElse("");
		}
		return text;
	}

}
