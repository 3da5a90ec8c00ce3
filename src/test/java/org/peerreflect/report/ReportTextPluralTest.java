package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a count meets a noun in the report's words, one and many read right. */
class ReportTextPluralTest {

	@Test
	void oneAndManyInEnglish() {
		ReportText text = new ReportText("en");
		assertThat(text.get("report.since.others", 1, 1, 0, 21, 0)).isEqualTo(
				"Of the one other statement asked both times, one moved up by more than 21 points, none moved down by "
						+ "more than 21 points, and none moved by 21 points or less.");
		assertThat(text.get("report.since.others", 7, 2, 0, 21, 5)).startsWith(
				"Of the other 7 statements asked both times, 2 moved up by more than 21 points, none moved down");
		assertThat(text.get("report.cover.afterOpening", 1, "Two came late"))
			.isEqualTo("1 of them was printed after the round opened, because: Two came late");
		assertThat(text.get("report.cover.afterOpening", 6, "Six joined"))
			.isEqualTo("6 of them were printed after the round opened, because: Six joined");
		assertThat(text.get("report.differ.unsure", 1, 9)).isEqualTo("One of the 9 of us who answered was not sure.");
		assertThat(text.get("report.differ.unsure", 4, 9)).isEqualTo("4 of the 9 of us who answered were not sure.");
		// Nobody in between is not said at all.
		assertThat(text.get("report.differ.split", 12, "A", 15, "B", 0)).isEqualTo("12 of us chose A and 15 chose B.");
		assertThat(text.get("report.differ.split", 12, "A", 1, "B", 3))
			.isEqualTo("12 of us chose A and one chose B; 3 chose an answer in between.");
	}

	@Test
	void oneAndManyInSpanish() {
		ReportText text = new ReportText("es");
		assertThat(text.get("report.since.others", 1, 0, 1, 21, 0))
			.startsWith("De la otra afirmación preguntada las dos veces, ninguna subió más de 21 puntos, una bajó");
		assertThat(text.get("report.since.others", 3, 2, 0, 21, 1)).startsWith("De las otras 3 afirmaciones");
		assertThat(text.get("report.cover.afterOpening", 1, "x"))
			.isEqualTo("Una tarjeta se imprimió después de abrir la ronda, por este motivo: x");
		assertThat(text.get("report.cover.afterOpening", 3, "x")).startsWith("3 tarjetas se imprimieron después");
		assertThat(text.get("report.differ.unsure", 1, 9))
			.isEqualTo("Una de las 9 personas que respondieron no estaba segura.");
		assertThat(text.get("report.differ.split", 1, "«A»", 5, "«B»", 0))
			.isEqualTo("Una persona eligió «A» y 5 eligieron «B».");
		assertThat(text.get("report.differ.split", 4, "«A»", 1, "«B»", 1)).isEqualTo(
				"4 personas eligieron «A» y una persona eligió «B»; una persona eligió una respuesta intermedia.");
		// "Not shown" agrees with how many groups it names; said alone, it is one.
		assertThat(text.get("report.notShown")).isEqualTo("no se muestra");
		assertThat(text.get("report.notShown", 1)).isEqualTo("no se muestra");
		assertThat(text.get("report.notShown", 2)).isEqualTo("no se muestran");
	}

	@Test
	void textWithoutAChoiceIsAsItStands() {
		assertThat(new ReportText("en").get("report.cover.people", 12)).isEqualTo("12 people");
	}

}
