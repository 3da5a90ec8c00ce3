package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every text exists in every language, with the same placeholders. */
class MessagesTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

	private static final Pattern CLINICAL = Pattern.compile(
			"(?i)\\b(patients?|symptoms?|compliance|treatment|diagnos\\w*|disorders?|case manager|pacientes?|síntomas?|tratamiento|diagnóstico|trastornos?)\\b");

	static Properties load(String name) throws Exception {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void englishAndSpanishHaveTheSameKeysAndPlaceholders() throws Exception {
		Properties en = load("messages.properties");
		Properties es = load("messages_es.properties");
		assertThat(new TreeSet<>(es.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
		for (String key : en.stringPropertyNames()) {
			assertThat(placeholders(es.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
		}
	}

	@Test
	void theProductsOwnWordsAreNotClinical() throws Exception {
		for (String file : new String[] { "messages.properties", "messages_es.properties" }) {
			Properties properties = load(file);
			for (String key : properties.stringPropertyNames()) {
				assertThat(CLINICAL.matcher(properties.getProperty(key)).find()).as(file + " " + key).isFalse();
			}
		}
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

}
