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

	/**
	 * Words of Spain's Spanish where Latin America says otherwise (computadora, celular,
	 * presionar, completar...), and "vosotros" in any form.
	 */
	private static final Pattern PENINSULAR = Pattern.compile("(?i)\\b(ordenador(es)?|m[oó]vil(es)?|coge[rs]?|cogí|"
			+ "vosotr[oa]s|vuestr[oa]s?|os lo|pulsa[rd]?|rellena[rd]?|fichero(s)?|"
			+ "tenéis|sois|estáis|habéis|podéis|queréis)\\b|\\bvale[,!]|¡vale");

	/** A percent always meets its number, as the tables print it: "35%", never "35 %". */
	private static final Pattern PERCENT_APART = Pattern.compile("\\d\\s+%|\\}\\s+%");

	@Test
	void theSpanishIsLatinAmericanAndEveryPercentMeetsItsNumber() throws Exception {
		Properties es = load("messages_es.properties");
		for (String key : es.stringPropertyNames()) {
			String value = es.getProperty(key);
			assertThat(PENINSULAR.matcher(value).find()).as("Peninsular word in %s: %s", key, value).isFalse();
			assertThat(PERCENT_APART.matcher(value).find()).as("percent apart in %s: %s", key, value).isFalse();
		}
		// The checks see what they are for.
		assertThat(PENINSULAR.matcher("Esta dirección solo funciona en este ordenador").find()).isTrue();
		assertThat(PENINSULAR.matcher("Vale, coged el móvil").find()).isTrue();
		assertThat(PENINSULAR.matcher("Vale la pena hablarlo en grupo").find()).isFalse();
		assertThat(PERCENT_APART.matcher("({2} % de nuestras respuestas)").find()).isTrue();
		assertThat(PERCENT_APART.matcher("(35 % de nuestras respuestas)").find()).isTrue();
		assertThat(PERCENT_APART.matcher("({2}% de nuestras respuestas)").find()).isFalse();
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
