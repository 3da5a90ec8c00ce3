package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * A published round keeps its report's model in a numbered format. Today's model comes
 * back as it went in; reports kept by earlier formats, frozen here as files, are still
 * read and laid out; a format from a newer version is refused in words.
 */
class KeptReportTest {

	/**
	 * Reports as earlier versions kept them, one file per format: never edited once
	 * committed.
	 */
	private static final Path FROZEN = Path.of("src", "test", "resources", "kept-reports");

	static Report sample() {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		return Report.of(new ReportInput(ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, true),
				ReportFixtures.summary(questionnaire, ReportFixtures.AUTUMN, true), ReportFixtures.agreements(), "en",
				"Harbour Peer Circle", "Spring round", "March 2026",
				new ReportInput.Channels(60, 45, 30, 8, 7, List.of()), true)
			.withEarlier(ReportFixtures.seriesInput(questionnaire, "en").earlier()));
	}

	/**
	 * The cover thanks those who took part and, where cards were printed, says how many
	 * were used.
	 */
	@Test
	void theCoverThanksUsAndSaysHowManyCardsWereUsed() {
		assertThat(sample().thanks())
			.isEqualTo("Thank you to everyone who took part and gave their time to this: 45 of the 60 cards handed "
					+ "out were used (75%).");
	}

	@Test
	void todaysModelComesBackAsItWasKept() {
		Report report = sample();
		assertThat(KeptReport.read(KeptReport.write(report))).isEqualTo(report);
		assertThat(KeptReport.write(report)).startsWith("{\"format\":" + KeptReport.FORMAT + ",");
	}

	@Test
	void everyFrozenFormatIsStillReadAndLaidOut() throws IOException {
		for (int format = 1; format <= KeptReport.FORMAT; format++) {
			Path file = FROZEN.resolve("format-" + format + ".json");
			assertThat(file).as("a frozen report of format %d", format).exists();
			Report kept = KeptReport.read(Files.readString(file, StandardCharsets.UTF_8));
			assertThat(kept.title()).isEqualTo("Spring round");
			assertThat(kept.principles()).hasSize(6);
			assertThat(kept.charts()).isNotEmpty();
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			ReportFiles.pdf(kept, pdf);
			assertThat(ReportFixtures.pdfPages(pdf.toByteArray())).as("format %d laid out", format)
				.hasSizeGreaterThan(5);
			assertThat(kept.chart(0, true)).isNotEmpty();
		}
	}

	/**
	 * Format 1 knew no link between an agreement and its statements: read today, its
	 * agreements are all still listed, and beside no statement, never as a missing value
	 * the layouts would trip on.
	 */
	@Test
	void aFormat1ReportKeepsItsAgreementsBesideNoStatement() throws IOException {
		Report kept = KeptReport.read(Files.readString(FROZEN.resolve("format-1.json"), StandardCharsets.UTF_8));
		assertThat(kept.since().agreements()).isEqualTo(ReportFixtures.agreementTexts());
		assertThat(kept.since().pairs()).isNotEmpty().allSatisfy(pair -> assertThat(pair.agreed()).isEmpty());
		assertThat(kept.differ().items()).isNotEmpty().allSatisfy(item -> assertThat(item.agreed()).isEmpty());
		assertThat(kept.words().withheld()).isEmpty();
		// Today's sample sets "take turns leading" beside the two statements it was
		// about.
		assertThat(sample().since().pairs().stream().filter(pair -> !pair.agreed().isEmpty()).map(Report.SincePair::id))
			.contains("fr-3", "fr-5");
	}

	/**
	 * A report kept before the steward's guide existed has no guide: it reads as none,
	 * and the PDF ends with what was not shown, as it did. Today's report keeps its
	 * guide.
	 */
	@Test
	void aReportKeptBeforeTheGuideIsLaidOutWithoutIt() throws IOException {
		Report kept = KeptReport.read(Files.readString(FROZEN.resolve("format-2.json"), StandardCharsets.UTF_8));
		assertThat(kept.steward()).isNull();
		assertThat(kept.parts()).doesNotContain(Report.Part.STEWARD).endsWith(Report.Part.WITHHELD);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		ReportFiles.pdf(kept, pdf);
		List<String> pages = ReportFixtures.pdfPages(pdf.toByteArray());
		String last = ReportFixtures.squeeze(pages.get(pages.size() - 1));
		List<String> before = kept.withheld().previousLines();
		assertThat(last).contains(ReportFixtures.squeeze(before.get(before.size() - 1)))
			.doesNotContain(ReportFixtures.squeeze(new ReportText("en").get("report.steward.title")));
		Report today = sample();
		assertThat(today.steward()).isNotNull();
		assertThat(KeptReport.read(KeptReport.write(today)).steward()).isEqualTo(today.steward());
	}

	/**
	 * A report kept before there were series saw only the round before it: it reads with
	 * no series and is laid out without one. Today's keeps its series.
	 */
	@Test
	void aReportKeptBeforeSeriesReadsWithoutOne() throws IOException {
		Report kept = KeptReport.read(Files.readString(FROZEN.resolve("format-3.json"), StandardCharsets.UTF_8));
		assertThat(kept.series()).isNull();
		assertThat(kept.parts()).doesNotContain(Report.Part.SERIES);
		Report today = sample();
		assertThat(today.series().statements()).isNotEmpty();
		assertThat(KeptReport.read(KeptReport.write(today)).series()).isEqualTo(today.series());
	}

	@Test
	void aFormatFromANewerVersionIsRefusedInWords() {
		assertThatThrownBy(() -> KeptReport.read("{\"format\":" + (KeptReport.FORMAT + 1) + ",\"report\":{}}"))
			.hasMessageContaining("cannot read");
	}

	/**
	 * Writes today's format as a frozen file, once, when a new format is made:
	 * {@code -Dkept.freeze=true}.
	 */
	@Test
	void freezeTodaysFormatWhenAsked() throws IOException {
		Path file = FROZEN.resolve("format-" + KeptReport.FORMAT + ".json");
		if (Boolean.getBoolean("kept.freeze") && !Files.exists(file)) {
			Files.createDirectories(FROZEN);
			Files.writeString(file, KeptReport.write(sample()), StandardCharsets.UTF_8);
		}
		assertThat(file).exists();
	}

}
