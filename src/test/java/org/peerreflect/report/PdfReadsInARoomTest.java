package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * The PDF read in a room and on a photocopy (DESIGN section 6), measured in the PDF as
 * printed: no word under 10 pt, body text at 11 pt or more, and every segment of every
 * chart carrying the percent its statement's table prints, in English and in Spanish.
 */
class PdfReadsInARoomTest {

	private static final List<String> TICKS = List.of("0%", "25%", "50%", "75%", "100%");

	private static ReportInput english;

	private static ReportInput spanish;

	@BeforeAll
	static void theSampleRounds() {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		GroupSummary spring = ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, true);
		GroupSummary autumn = ReportFixtures.summary(questionnaire, ReportFixtures.AUTUMN, true);
		english = new ReportInput(spring, autumn, ReportFixtures.agreements(), "en", "Harbour Peer Centre",
				"Spring round", "March 2026", null, true);
		spanish = new ReportInput(spring, autumn, spanishAgreements(), "es", "Centro Harbour", "Ronda de primavera",
				"Marzo 2026", null, true);
	}

	static Stream<Arguments> reports() {
		return Stream.of(Arguments.of("en", english), Arguments.of("es", spanish));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("reports")
	void noWordPrintsUnderTenPointsAndTheBodyAtElevenOrMore(String language, ReportInput input) {
		List<PrintedText.Run> runs = PrintedText.of(ReportFixtures.pdf(input));
		for (PrintedText.Run run : runs) {
			if (!run.text().isBlank()) {
				assertThat(run.size()).as("'%s' on page %d", run.text(), run.page()).isGreaterThanOrEqualTo(9.99f);
			}
		}
		assertThat(runs.stream().filter(PrintedText.Run::inForm).filter(r -> !r.text().isBlank()))
			.as("the chart's words, read back as text")
			.hasSizeGreaterThan(15);

		Report report = Report.of(input);
		List<String> body = new ArrayList<>(report.read().paragraphs());
		body.add(report.differ().lead());
		report.differ().items().forEach(item -> body.add(item.how()));
		ReportText text = new ReportText(report.language());
		String notShown = text.get("report.notShown") + " (" + text.get("report.notShownWhy") + ")";
		int checked = 0;
		for (PrintedText.Run run : runs) {
			String words = run.text().strip();
			// A table's "not shown" mark says the same words as a paragraph of "how to
			// read
			// this", at a table's size.
			boolean mark = notShown.contains(words);
			if (words.length() >= 20 && !run.inForm() && !mark && body.stream().anyMatch(p -> p.contains(words))) {
				assertThat(run.size()).as("body text '%s' on page %d", words, run.page())
					.isGreaterThanOrEqualTo(10.99f);
				checked++;
			}
		}
		assertThat(checked).as("lines of body text found").isGreaterThan(20);
	}

	/**
	 * The labels read back from the PDF: every chart's figures, the axis's and one for
	 * each segment that holds anyone, the digit its statement's table prints.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("reports")
	void everySegmentOfTheChartCarriesItsTablesPercent(String language, ReportInput input) {
		Report report = Report.of(input);
		List<String> expected = new ArrayList<>(TICKS);
		for (Report.Bar bar : report.differ().chart().bars().bars()) {
			Report.Row everyone = report.principles()
				.stream()
				.flatMap(principle -> principle.items().stream())
				.filter(item -> item.text().equals(bar.label()) && item.table() != null)
				.findFirst()
				.orElseThrow()
				.table()
				.rows()
				.get(0);
			List<Integer> counts = new ArrayList<>(bar.counts());
			counts.add(bar.notSure());
			assertThat(everyone.figures().stream().map(Report.Figure::count).toList()).isEqualTo(counts);
			everyone.figures().stream().filter(f -> f.count() > 0).forEach(f -> expected.add(f.percent() + "%"));
		}
		assertThat(percents(ReportFixtures.pdf(input))).containsExactlyInAnyOrderElementsOf(expected);
	}

	/**
	 * Seven answers in long Spanish words, thin slices side by side: placed in a PDF as
	 * the report places its charts, every label is there and prints at 10 pt or more.
	 */
	@Test
	void aLongSpanishChartKeepsEveryLabel() {
		Report.Bars bars = ChartsTest.longSpanish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, PdfBlocks.MARGIN, PdfBlocks.MARGIN, PdfBlocks.TOP,
				PdfBlocks.BOTTOM);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.open();
		PdfBlocks.add(document, PdfReport.placedChart(writer, new Report.Chart(0, "", 0, bars),
				PageSize.A4.getWidth() - 2 * PdfBlocks.MARGIN, ReportFonts.regular(), ReportFonts.bold()));
		document.close();
		List<String> expected = new ArrayList<>(TICKS);
		bars.bars().forEach(bar -> Charts.labels(bar).stream().filter(l -> l != null).forEach(expected::add));
		assertThat(percents(out.toByteArray())).containsExactlyInAnyOrderElementsOf(expected);
		for (PrintedText.Run run : PrintedText.of(out.toByteArray())) {
			assertThat(run.size()).as(run.text()).isGreaterThanOrEqualTo(9.99f);
		}
		for (String option : bars.options()) {
			assertThat(PrintedText.of(out.toByteArray()).stream().map(PrintedText.Run::text)).as("the legend")
				.anyMatch(text -> option.startsWith(text.strip()) && text.strip().length() > 3);
		}
	}

	/** Every figure shown in the PDF's charts, such as "46%". */
	private static List<String> percents(byte[] pdf) {
		return PrintedText.of(pdf)
			.stream()
			.filter(PrintedText.Run::inForm)
			.map(run -> run.text().strip())
			.filter(text -> text.matches("\\d+%"))
			.toList();
	}

	private static List<ReportInput.Agreement> spanishAgreements() {
		try {
			return Files
				.readAllLines(ReportFixtures.EXAMPLES.resolve("agreements-autumn-es.txt"), StandardCharsets.UTF_8)
				.stream()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(ReportInput.Agreement::ofLine)
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
