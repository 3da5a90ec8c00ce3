package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The language guard's rules: short answers as people write them, in each language, and
 * those that do not tell (which are never set apart).
 */
class AnswerLanguageTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			We give and take here, and it feels fair                      | en
			I feel heard when someone just listens                        | en
			It's the best part of my week                                 | en
			The kitchen crew is the heart of it                           | en
			Aquí damos y recibimos, y eso nos hace sentir en casa.        | es
			Me siento escuchada cuando alguien solo escucha               | es
			Es lo mejor de mi semana                                      | es
			¡Gracias por todo!                                            | es
			La cocina es el corazón del grupo                             | es
			Okay                                                          | none
			Rowan                                                         | none
			10:30                                                         | none
			""")
	void anAnswersLanguageIsToldByItsLittleWords(String text, String language) {
		assertThat(AnswerLanguage.of(text)).isEqualTo(language);
	}

}
