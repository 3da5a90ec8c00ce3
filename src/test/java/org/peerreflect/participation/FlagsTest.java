package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerreflect.participation.Flag.Kind;

/**
 * The flags the review shows on written answers: a table of sentences in each language
 * with the spans each must flag, and sentences that must flag nothing. Every sentence is
 * written for this test.
 */
class FlagsTest {

	/** What a flagged span reads, and its kind, as "words=KIND". */
	private static List<String> flagged(String text, List<String> own) {
		return Flags.find(text, own, List.of("Harmony"))
			.stream()
			.map(flag -> text.substring(flag.start(), flag.end()) + "=" + flag.kind())
			.toList();
	}

	static Stream<Arguments> english() {
		return Stream.of(Arguments.of("I talked it over with Rowan after the meeting.", List.of("Rowan=NAME")),
				Arguments.of("Maria always makes the tea.", List.of("Maria=NAME")),
				Arguments.of("Thanks Anna for the lift home.", List.of("Anna=NAME")),
				Arguments.of("Mr. Okafor listened when nobody else did.", List.of("Mr. Okafor=NAME")),
				Arguments.of("When Dr Blake came in we all went quiet.", List.of("Dr Blake=NAME")),
				Arguments.of("We live in Leeds now and the group kept in touch.", List.of("Leeds=PLACE")),
				Arguments.of("The best talks are at Harbour House on the sofa.", List.of("Harbour House=PLACE")),
				Arguments.of("Harbour House feels like home.", List.of("Harbour House=PLACE")),
				Arguments.of("I live just off 14 Elm Street, so I walk.", List.of("14 Elm Street=PLACE")),
				Arguments.of("Every Tuesday feels lighter now.", List.of("Tuesday=WHEN")),
				Arguments.of("Since March I have come every week.", List.of("March=WHEN")),
				Arguments.of("On 3 March we cooked together.", List.of("3 March=WHEN")),
				Arguments.of("It was on 12/3 that I first spoke.", List.of("12/3=WHEN")),
				Arguments.of("The walk starts at 10am by the river.", List.of("10am=WHEN")),
				Arguments.of("We meet at 10:30 and stay late.", List.of("10:30=WHEN")),
				Arguments.of("I was back by 6 o'clock and felt heard.", List.of("6 o'clock=WHEN")),
				Arguments.of("I am 34 and the youngest here.", List.of("I am 34=AGE")),
				Arguments.of("As someone 71 years old, I feel welcome.", List.of("71 years old=AGE")),
				Arguments.of("Call me on 07700 900123 if you want to talk.", List.of("07700 900123=PHONE")),
				Arguments.of("My number is +44 20 7946 0958.", List.of("+44 20 7946 0958=PHONE")),
				Arguments.of("Write to sam.k@example.org any time.", List.of("sam.k@example.org=ADDRESS")),
				Arguments.of("My drawings are on www.example.com/art now.", List.of("www.example.com/art=ADDRESS")),
				Arguments.of("The kitchen crew on Fridays is the heart of it.", List.of("Fridays=WHEN")),
				Arguments.of("The Blue Door circle changed my week.", List.of("Blue Door=PLACE")),
				Arguments.of("Odile always brings the good biscuits.", List.of("Odile=NAME")),
				Arguments.of("Thanks to everyone. Ottoline and I loved it.", List.of("Ottoline=NAME")),
				Arguments.of("I'm fifty-two and new here.", List.of("I'm fifty-two=AGE")),
				Arguments.of("I missed the 3rd, sadly.", List.of("the 3rd=WHEN")),
				Arguments.of("We went to Whitby for the day.", List.of("Whitby=PLACE")),
				Arguments.of("We meet from 6 to 8 and it is enough.", List.of("from 6 to 8=WHEN")),
				// Ages set apart, grouped or said around a number, each a way an age is
				// written that the rules once missed.
				Arguments.of("Me (44) and my partner come together.", List.of("44=AGE")),
				Arguments.of("A young man, 19, spoke first.", List.of("19=AGE")),
				Arguments.of("The 18-25 group meets upstairs.", List.of("18-25=AGE")),
				Arguments.of("I'll be 40 in the spring.", List.of("I'll be 40=AGE")),
				Arguments.of("For my 50th they made a card.", List.of("50th=AGE")),
				Arguments.of("A lot of us are 60+ now.", List.of("60+=AGE")),
				Arguments.of("The 20-year-olds brought music.", List.of("20-year-olds=AGE")),
				Arguments.of("A friend of 20 years brought me.", List.of()),
				Arguments.of("We're both 70 and come by bus.", List.of("We're both 70=AGE")),
				Arguments.of("At 82 she still dances.", List.of("82=AGE")),
				Arguments.of("Mum's 80 and comes on Fridays.", List.of("80=AGE", "Fridays=WHEN")),
				Arguments.of("As a middle-aged man I felt welcome.", List.of("middle-aged=AGE")));
	}

	static Stream<Arguments> spanish() {
		return Stream.of(Arguments.of("Hablé con Rowan después de la reunión.", List.of("Rowan=NAME")),
				Arguments.of("María siempre prepara el café.", List.of("María=NAME")),
				Arguments.of("La Sra. Gómez nos escuchó a todas.", List.of("Sra. Gómez=NAME")),
				Arguments.of("Doña Elvira nos abre la puerta.", List.of("Doña Elvira=NAME")),
				Arguments.of("Nos mudamos a vivir en Oaxaca y el grupo siguió conmigo.", List.of("Oaxaca=PLACE")),
				Arguments.of("Vengo desde Calle Mayor 12 en autobús.", List.of("Calle Mayor 12=PLACE")),
				Arguments.of("Quedamos en la Avenida Juárez para caminar.", List.of("Avenida Juárez=PLACE")),
				Arguments.of("Los martes son mi mejor momento.", List.of("martes=WHEN")),
				Arguments.of("Desde el 3 de marzo vengo cada semana.", List.of("3 de marzo=WHEN")),
				Arguments.of("Nos juntamos a las 5 y nos quedamos hasta tarde.", List.of("a las 5=WHEN")),
				Arguments.of("Llego a las siete de la tarde.", List.of("a las siete de la tarde=WHEN")),
				Arguments.of("Tengo 34 años y aquí me siento en casa.", List.of("Tengo 34 años=AGE")),
				Arguments.of("Mi número es 55 1234 5678, escríbeme.", List.of("55 1234 5678=PHONE")),
				Arguments.of("Escríbeme a luz.r@ejemplo.mx cuando quieras.", List.of("luz.r@ejemplo.mx=ADDRESS")),
				Arguments.of("En enero empezamos a cocinar juntas.", List.of("enero=WHEN")),
				Arguments.of("Gracias a Joaquín por acompañarme.", List.of("Joaquín=NAME")),
				Arguments.of("El Centro Comunitario Las Flores es nuestro lugar.",
						List.of("Centro Comunitario Las Flores=PLACE")),
				Arguments.of("Florinda me enseñó a escuchar.", List.of("Florinda=NAME")),
				Arguments.of("Fue la idea de Pilarica y salió bien.", List.of("Pilarica=NAME")),
				Arguments.of("Tengo cuarenta y un años y aquí me quedo.", List.of("Tengo cuarenta y un años=AGE")),
				Arguments.of("Falté el 3 por una cita.", List.of("el 3=WHEN")),
				Arguments.of("Un muchacho de diecisiete vino ayer.", List.of("diecisiete=AGE")),
				Arguments.of("Soy cincuentona y aquí me escuchan.", List.of("cincuentona=AGE")),
				Arguments.of("Con cuarenta y pico volví a estudiar.", List.of("cuarenta y pico=AGE")),
				Arguments.of("Una mamá de 35 necesita horarios de tarde.", List.of("35=AGE")),
				Arguments.of("El grupo de 18 a 25 se junta arriba.", List.of("de 18 a 25=AGE")),
				Arguments.of("Ando por los sesenta y sigo aprendiendo.", List.of("sesenta=AGE")));
	}

	@ParameterizedTest
	@MethodSource("english")
	void englishSentencesFlagTheirIdentifyingWords(String sentence, List<String> expected) {
		assertThat(flagged(sentence, List.of())).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("spanish")
	void spanishSentencesFlagTheirIdentifyingWords(String sentence, List<String> expected) {
		assertThat(flagged(sentence, List.of())).isEqualTo(expected);
	}

	/**
	 * Plain reflective words, capitals that only start a sentence, "I", the words of our
	 * principles and words the questionnaire uses: nothing to flag.
	 */
	@ParameterizedTest
	@MethodSource("nothing")
	void plainReflectiveWordsFlagNothing(String sentence) {
		assertThat(flagged(sentence, List.of())).isEmpty();
	}

	static Stream<String> nothing() {
		return Stream.of("I feel heard in this group, and I listen more than I used to.",
				"We share what we enjoy. Sometimes we just laugh together.",
				"Mutuality is what makes it work: I give and I get back.",
				"When someone is struggling, we sit with them and don't rush.",
				"Our Peer Support principles feel real when we cook together.",
				"Harmony is the word I would use for it.", "It may take time, and that is fine.",
				"Honestly? It's the best part of my week.", "We talk about 3 or 4 things each time.",
				"Me siento escuchada en este grupo y aprendo de todas las personas.",
				"Cuando alguien lo pasa mal, nos quedamos a su lado sin prisa.",
				"Compartimos lo que nos gusta. A veces solo nos reímos.",
				"La Reciprocidad se vive cuando damos y recibimos.", "Las dos cosas importan: hablar y escuchar.",
				"Nosotras decidimos juntas qué hacer.", "Llevo 3 semanas viniendo y ya me siento parte.",
				"Listening is the heart of it.", "Call me if you need to talk.", "Trust grew slowly here.",
				"Escuchar nos cambia la semana.", "Soy mamá de tres, y aquí descanso.");
	}

	@Test
	void theOrganizationsOwnWordsAreFlaggedWholeInAnyCaseAndWithOrWithoutAccents() {
		List<String> own = List.of("Rincón Azul", "kitchen crew", "Beto");
		assertThat(flagged("We met at the rincon azul again.", own)).containsExactly("rincon azul=OWN");
		assertThat(flagged("La gente del RINCÓN AZUL es cálida.", own)).containsExactly("RINCÓN AZUL=OWN");
		assertThat(flagged("the kitchen crew rocks", own)).containsExactly("kitchen crew=OWN");
		assertThat(flagged("beto came, and Betony did too", own)).containsExactly("beto=OWN", "Betony=NAME");
	}

	@Test
	void takingTheWordsOutPutsTheMarkInPlaceOfEachFlagAndIsARedaction() {
		String text = "Maria Lopez and I meet at Harbour House on Tuesday. Call 07700 900123.";
		List<Flag> flags = Flags.find(text, List.of(), List.of());
		String out = Flags.takenOut(text, flags);
		assertThat(out).isEqualTo("[removed] and I meet at [removed] on [removed]. Call [removed].");
		assertThat(Redaction.isRedactionOf(text, out)).isTrue();
		assertThat(Redaction.asRedaction(text, out)).contains(out);
	}

	@Test
	void piecesJoinBackToTheAnswerWithTheFlagsInPlace() {
		String text = "Thanks Anna, see you Monday.";
		List<Flags.Piece> pieces = Flags.pieces(text, Flags.find(text, List.of(), List.of()));
		assertThat(String.join("", pieces.stream().map(Flags.Piece::text).toList())).isEqualTo(text);
		assertThat(pieces).contains(new Flags.Piece("Anna", Kind.NAME), new Flags.Piece("Monday", Kind.WHEN));
	}

}
