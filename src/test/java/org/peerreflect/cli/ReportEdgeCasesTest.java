package org.peerreflect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questionnaires and answers off the beaten track, through the command line end to end.
 */
class ReportEdgeCasesTest {

	@TempDir
	Path folder;

	private Path file(String name, String content) throws Exception {
		Path path = folder.resolve(name);
		Files.writeString(path, content, StandardCharsets.UTF_8);
		return path;
	}

	private static final String MIXED = """
			id: mixed
			version: 1
			languages: [en]
			title: {en: "Mixed scales"}
			scales:
			  five:
			    options:
			      - {value: 1, label: {en: "One"}}
			      - {value: 2, label: {en: "Two"}}
			      - {value: 3, label: {en: "Three"}}
			      - {value: 4, label: {en: "Four"}}
			      - {value: 5, label: {en: "Five"}}
			    not-sure: {en: "Not sure"}
			  three:
			    options:
			      - {value: low, label: {en: "Low"}}
			      - {value: mid, label: {en: "Mid"}}
			      - {value: high, label: {en: "High"}}
			    not-sure: {en: "Cannot say"}
			principles:
			  - id: p
			    title: {en: "Both scales"}
			    items:
			      - {id: p-5, type: scale, scale: five, text: {en: "On five"}}
			      - {id: p-3, type: scale, scale: three, text: {en: "On three"}}
			""";

	private Path report(String questionnaire, String csv, String... more) throws Exception {
		Path out = folder.resolve("out");
		String[] base = { "report", "--questionnaire", file("q.yaml", questionnaire).toString(), "--responses",
				file("answers.csv", csv).toString(), "--min-group-size", "3", "--out", out.toString() };
		String[] args = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
		CommandLineTest.Run run = CommandLineTest.run(args);
		assertThat(run.status()).as(run.err()).isZero();
		return out.resolve("peer-reflect-report.xlsx");
	}

	private static Sheet sheet(XSSFWorkbook workbook, String name) {
		return workbook.getSheet(name);
	}

	@Test
	void itemsOnDifferentScalesGetTablesAndChartsOfTheirOwn() throws Exception {
		Path xlsx = report(MIXED, "p-5,p-3\n1,low\n5,high\n5,high\n4,mid\n");
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet principles = sheet(workbook, "Principles");
			StringBuilder headers = new StringBuilder();
			for (Row row : principles) {
				Cell first = row.getCell(0);
				if (first != null && "Statement".equals(first.getStringCellValue())) {
					headers.append(row.getCell(1).getStringCellValue()).append('|');
				}
				if (first != null && "On three".equals(first.getStringCellValue())) {
					assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1);
					assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(2);
				}
			}
			assertThat(headers.toString()).isEqualTo("One|Low|");
			assertThat(workbook.getSheet("Principles").getDrawingPatriarch().getCharts()).hasSize(2);
		}
		String pdf = CommandLineTest.pdfText(folder.resolve("out/peer-reflect-report.pdf"));
		assertThat(pdf).contains("Cannot say");
	}

	@Test
	void anItemEveryoneWasNotSureAboutHasNoSpreadFigure() throws Exception {
		Path xlsx = report(MIXED, "p-5,p-3\nnot-sure,low\nnot-sure,high\nnot-sure,high\n");
		String pdf = CommandLineTest.pdfText(folder.resolve("out/peer-reflect-report.pdf"));
		assertThat(pdf).contains("All 3 of us who answered were not sure.")
			.contains("Nobody chose an answer on the scale, so there is no figure for how much our views differ.");
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Row onFive = sheet(workbook, "Items").getRow(1);
			assertThat(onFive.getCell(1).getStringCellValue()).isEqualTo("p-5");
		}
	}

	@Test
	void aQuestionnaireOfOnlyWrittenQuestionsLeavesOutTheEmptySections() throws Exception {
		String textOnly = """
				id: words
				version: 1
				languages: [en]
				title: {en: "In our words"}
				principles:
				  - id: p
				    title: {en: "Talking"}
				    items:
				      - {id: p-say, type: text, text: {en: "What matters?"}}
				""";
		report(textOnly, "p-say\nfriends\ntea\nwalks\nquiet\n", "--include-written");
		String pdf = CommandLineTest.pdfText(folder.resolve("out/peer-reflect-report.pdf"));
		assertThat(pdf).doesNotContain("At a glance")
			.doesNotContain("What we said, in short")
			.doesNotContain("Our views differ most on")
			.contains("In our own words")
			.contains("walks");
	}

	@Test
	void withheldCellsAllReadNotShownWithTheReasonBeside() throws Exception {
		Path xlsx = report(MIXED.replace("principles:", "perspective:\n  id: role\n  text: {en: \"As\"}\n  options:\n"
				+ "    - {value: member, label: {en: \"Member\"}}\n    - {value: staff, label: {en: \"Staff\"}}\nprinciples:"),
				"p-5,p-3,perspective\n1,low,member\n5,high,member\n5,high,member\n4,,staff\n");
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet perspectives = sheet(workbook, "Perspectives");
			int rows = 0;
			for (Row row : perspectives) {
				if (row.getRowNum() == 0 || !"Staff".equals(row.getCell(2).getStringCellValue())) {
					continue;
				}
				rows++;
				int last = row.getLastCellNum() - 1;
				for (int c = 3; c < last; c++) {
					assertThat(row.getCell(c).getCellType()).isEqualTo(CellType.STRING);
					assertThat(row.getCell(c).getStringCellValue()).isEqualTo("not shown");
				}
				assertThat(row.getCell(last).getStringCellValue()).isEqualTo("to protect small groups");
			}
			assertThat(rows).isEqualTo(2);
		}
	}

	@Test
	void lastRoundMayUseAnEarlierQuestionnaire() throws Exception {
		String earlier = MIXED.replace("{id: p-3, type: scale, scale: three, text: {en: \"On three\"}}",
				"{id: p-old, type: scale, scale: three, text: {en: \"Gone now\"}}");
		Path before = file("before.yaml", earlier);
		Path previous = file("previous.csv", "p-5,p-old\n2,low\n2,low\n3,mid\n");
		report(MIXED, "p-5,p-3\n1,low\n5,high\n5,high\n", "--previous", previous.toString(), "--previous-questionnaire",
				before.toString());
		String pdf = CommandLineTest.pdfText(folder.resolve("out/peer-reflect-report.pdf"));
		assertThat(pdf).contains("Since last time").contains("Last time").doesNotContain("Gone now");
	}

	@Test
	void agreementsLoseTheirByteOrderMarkAndRepeats() throws Exception {
		Path agreements = file("agreements.txt", "\uFEFF# 1: rotate who chairs\nTry tea first\nTry tea first\n");
		report(MIXED, "p-5,p-3\n1,low\n5,high\n5,high\n", "--agreements", agreements.toString());
		String pdf = CommandLineTest.pdfText(folder.resolve("out/peer-reflect-report.pdf"));
		assertThat(pdf).contains("• # 1: rotate who chairs").doesNotContain("\uFEFF");
		assertThat(pdf.indexOf("Try tea first")).isEqualTo(pdf.lastIndexOf("Try tea first"));
	}

	/**
	 * An agreements file may name the statements each agreement was about, in square
	 * brackets before it; the report sets it beside them. A statement the questionnaire
	 * does not ask is named with its line, and nothing is written.
	 */
	@Test
	void agreementsMayNameTheirStatementsAndAnUnknownOneIsNamedWithItsLine() throws Exception {
		Path agreements = file("agreements.txt", "[p-5] Try tea first\n\n[p-3, nope] Ask the board in\n");
		CommandLineTest.Run refused = CommandLineTest.run("report", "--questionnaire", file("q.yaml", MIXED).toString(),
				"--responses", file("answers.csv", "p-5,p-3\n1,low\n5,high\n5,high\n").toString(), "--agreements",
				agreements.toString(), "--min-group-size", "3", "--out", folder.resolve("refused").toString());
		assertThat(refused.status()).isNotZero();
		assertThat(refused.err()).contains(agreements + ":3: 'nope' is not a statement of the questionnaire");
		assertThat(folder.resolve("refused")).doesNotExist();

		Path fine = file("fine.txt", "[p-5] Try tea first\nAsk the board in\n");
		report(MIXED, "p-5,p-3\n1,low\n5,high\n5,high\n", "--agreements", fine.toString());
		String pdf = CommandLineTest.pdfText(folder.resolve("out/peer-reflect-report.pdf"));
		// The ids are read, not printed with the agreement (the steward's guide shows
		// how such a line is written, with an example of its own).
		assertThat(pdf).contains("• Try tea first").contains("• Ask the board in").doesNotContain("[p-5] Try tea");
	}

	@Test
	void anUnknownCommandIsAUsageErrorNotAWebServer() {
		CommandLineTest.Run run = CommandLineTest.run("reprot", "--out", "x");
		assertThat(run.status()).isEqualTo(CommandLine.USAGE);
		assertThat(run.err()).contains("unknown command 'reprot'").contains("Usage:");
		assertThat(CommandLine.isCommand(new String[] { "reprot" })).isTrue();
		assertThat(CommandLine.isCommand(new String[] { "-h" })).isTrue();
		assertThat(CommandLine.isCommand(new String[] { "--server.port=9090" })).isFalse();
		assertThat(CommandLine.isCommand(new String[0])).isFalse();
		assertThat(CommandLineTest.run("-h").out()).contains("Usage:");
	}

}
