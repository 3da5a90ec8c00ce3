package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a count meets a noun in the report's words, one and many read right. */
class ReportTextPluralTest {

	@Test
	void oneAndManyInEnglish() {
		ReportText text = new ReportText("en");
		assertThat(text.get("report.since.rest", 1, 5)).startsWith("On the one other statement our answers moved");
		assertThat(text.get("report.since.rest", 7, 5)).startsWith("On the other 7 statements our answers moved");
		assertThat(text.get("report.cover.afterOpening", 1, "Two came late"))
			.isEqualTo("1 of them was printed after the round opened, because: Two came late");
		assertThat(text.get("report.cover.afterOpening", 6, "Six joined"))
			.isEqualTo("6 of them were printed after the round opened, because: Six joined");
		assertThat(text.get("report.differ.unsure", 1, 9)).isEqualTo("1 of the 9 of us who answered was not sure.");
		assertThat(text.get("report.differ.unsure", 4, 9)).isEqualTo("4 of the 9 of us who answered were not sure.");
	}

	@Test
	void oneAndManyInSpanish() {
		ReportText text = new ReportText("es");
		assertThat(text.get("report.since.rest", 1, 5)).startsWith("En la otra afirmación nuestras respuestas");
		assertThat(text.get("report.since.rest", 3, 5)).startsWith("En las otras 3 afirmaciones");
		assertThat(text.get("report.cover.afterOpening", 1, "x")).startsWith("1 de ellos se imprimió después");
		assertThat(text.get("report.differ.unsure", 1, 9))
			.isEqualTo("1 de las 9 personas que respondimos no estaba segura.");
	}

	@Test
	void textWithoutAChoiceIsAsItStands() {
		assertThat(new ReportText("en").get("report.cover.people", 12)).isEqualTo("12 people");
	}

}
