package org.peerreflect.report;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.peerreflect.questionnaire.LocalizedText;

/**
 * The words of the report and the printed documents in one language, from the
 * application's {@code messages*.properties}. Placeholders {0}, {1}... are replaced as
 * they stand, so an apostrophe needs no escaping.
 */
public final class ReportText {

	private final ResourceBundle bundle;

	private final String language;

	public ReportText(String language) {
		this.language = language;
		this.bundle = ResourceBundle.getBundle("messages", Locale.forLanguageTag(language),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	public String language() {
		return language;
	}

	public String get(String key, Object... args) {
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

	public String of(LocalizedText text) {
		return text == null ? "" : text.in(language);
	}

	Locale locale() {
		return Locale.forLanguageTag(language);
	}

}
