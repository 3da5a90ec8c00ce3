package org.peerreflect.report;

import java.text.ChoiceFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peerreflect.questionnaire.LocalizedText;

/**
 * The words of the report and the printed documents in one language, from the
 * application's {@code messages*.properties}. Placeholders {0}, {1}... are replaced as
 * they stand, so an apostrophe needs no escaping; a count's words may be chosen by its
 * number with {@code {0,choice,...}}.
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
		text = choices(text, args);
		for (int i = 0; i < args.length; i++) {
			text = text.replace("{" + i + "}", String.valueOf(args[i]));
		}
		return text;
	}

	/** Whether there is a text for the key, for texts numbered 1, 2, 3... */
	boolean has(String key) {
		return bundle.containsKey(key);
	}

	private static final Pattern CHOICE = Pattern.compile("\\{(\\d+),choice,");

	/**
	 * Where a count meets a noun: {@code {0,choice,1#one thing|1<{0} things}} picks the
	 * words for the count, as {@link ChoiceFormat} reads them; the rest of the text is
	 * left as it stands.
	 */
	private static String choices(String text, Object[] args) {
		Matcher choice = CHOICE.matcher(text);
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (choice.find(at)) {
			int depth = 1;
			int end = choice.end();
			while (end < text.length() && depth > 0) {
				char c = text.charAt(end++);
				depth += c == '{' ? 1 : c == '}' ? -1 : 0;
			}
			int index = Integer.parseInt(choice.group(1));
			double count = index < args.length && args[index] instanceof Number number ? number.doubleValue()
					: Double.parseDouble(String.valueOf(index < args.length ? args[index] : "0"));
			out.append(text, at, choice.start())
				.append(new ChoiceFormat(text.substring(choice.end(), end - 1)).format(count));
			at = end;
		}
		return out.append(text.substring(at)).toString();
	}

	public String of(LocalizedText text) {
		return text == null ? "" : text.in(language);
	}

	Locale locale() {
		return Locale.forLanguageTag(language);
	}

}
