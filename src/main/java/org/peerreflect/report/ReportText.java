package org.peerreflect.report;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.peerreflect.questionnaire.LocalizedText;

/**
 * The report's own words in one language, from the application's
 * {@code messages*.properties}. Placeholders {0}, {1}... are replaced as they stand, so
 * an apostrophe needs no escaping.
 */
final class ReportText {

	private final ResourceBundle bundle;

	private final String language;

	ReportText(String language) {
		this.language = language;
		this.bundle = ResourceBundle.getBundle("messages", Locale.forLanguageTag(language),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	String language() {
		return language;
	}

	String get(String key, Object... args) {
		String text;
		try {
			text = bundle.getString(key);
		}
		catch (MissingResourceException e) {
			throw new IllegalStateException("no text for " + key + " in " + language, e);
		}
		for (int i = 0; i < args.length; i++) {
			text = text.replace("{" + i + "}", String.valueOf(args[i]));
		}
		return text;
	}

	String of(LocalizedText text) {
		return text == null ? "" : text.in(language);
	}

	Locale locale() {
		return Locale.forLanguageTag(language);
	}

}
