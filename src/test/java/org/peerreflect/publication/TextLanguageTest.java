package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which language a written answer is in, as the report page marks it. */
class TextLanguageTest {

	private final TextLanguage language = new TextLanguage();

	@Test
	void spanishWordsReadAsSpanishInAnEnglishReport() {
		assertThat(language.of("Nos ayudamos mucho y siempre hay alguien que escucha.", "en")).isEqualTo("es");
		assertThat(language.of("Me gustaría que las reuniones empezaran a tiempo", "en")).isEqualTo("es");
		assertThat(language.of("Gracias por todo", "en")).isEqualTo("es");
	}

	@Test
	void englishWordsReadAsEnglishInASpanishReport() {
		assertThat(language.of("We listen to each other and it helps.", "es")).isEqualTo("en");
		assertThat(language.of("The Tuesday group is where I feel at home", "es")).isEqualTo("en");
	}

	@Test
	void wordsThatDoNotTellKeepTheReportsLanguage() {
		assertThat(language.of("OK", "en")).isEqualTo("en");
		assertThat(language.of("OK", "es")).isEqualTo("es");
		assertThat(language.of("[removed]", "es")).isEqualTo("es");
		assertThat(language.of("", "en")).isEqualTo("en");
		assertThat(language.of(null, "es")).isEqualTo("es");
		// A Spanish name in an English sentence does not make it Spanish.
		assertThat(language.of("I talked with José about the garden", "es")).isEqualTo("en");
	}

}
