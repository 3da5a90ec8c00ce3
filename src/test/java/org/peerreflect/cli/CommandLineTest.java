package org.peerreflect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerreflect.report.ReportFiles;

/** The commands, their output and their exit status, run in-process. */
class CommandLineTest {

	@TempDir
	Path folder;

	record Run(int status, String out, String err) {
	}

	static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static final String HEADER_START = "np-1,np-2,np-3,np-4,np-say,na-1";

	private Path file(String name, String content, Charset charset) throws Exception {
		Path path = folder.resolve(name);
		Files.write(path, content.getBytes(charset));
		return path;
	}

	static String squeezed(String text) {
		return text.replaceAll("[\\s\\u00a0]+", "");
	}

	/**
	 * The rows of the workbook's Series sheet under its heading row, each cell as the
	 * words or the number it holds.
	 */
	static List<List<String>> seriesRows(Path xlsx) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("Series");
			List<List<String>> rows = new ArrayList<>();
			boolean under = false;
			for (Row row : sheet) {
				Cell first = row.getCell(0);
				String id = first == null ? "" : new DataFormatter().formatCellValue(first);
				if (id.equals("Item")) {
					under = true;
					continue;
				}
				if (!under || id.isEmpty()) {
					if (under) {
						break;
					}
					continue;
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(row.getCell(c) == null ? "" : new DataFormatter().formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
			return rows;
		}
	}

	static String pdfText(Path pdf) throws Exception {
		PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		reader.close();
		return text.toString().replaceAll("\\s+", " ");
	}

	@Nested
	class Validate {

		@Test
		void theDefaultQuestionnaireIsValidWithoutNotes() {
			Run run = run("validate", "questionnaires/peer-support-principles.yaml");
			assertThat(run.status()).isEqualTo(CommandLine.DONE);
			assertThat(run.out()).contains("valid (peer-support-principles version 1, 33 items, 0 language notes)");
			assertThat(run.err()).isEmpty();
		}

		@Test
		void languageNotesKeepExitStatusZero() throws Exception {
			Path yaml = file("notes.yaml", """
					id: notes
					version: 1
					languages: [en]
					title: {en: "Our circle"}
					scales:
					  two:
					    options:
					      - {value: 1, label: {en: "No"}}
					      - {value: 2, label: {en: "Yes"}}
					    not-sure: {en: "Not sure"}
					principles:
					  - id: p
					    title: {en: "P"}
					    items:
					      - {id: p-1, type: scale, scale: two, text: {en: "We treat the patients kindly."}}
					""", StandardCharsets.UTF_8);
			Run run = run("validate", yaml.toString());
			assertThat(run.status()).isEqualTo(CommandLine.DONE);
			assertThat(run.out()).contains(yaml + ":15: note: item p-1 text (en): \"patients\"");
		}

		@Test
		void anInvalidFileExitsOneWithFileAndLine() throws Exception {
			Path yaml = file("bad.yaml", "id: Bad Id\nversion: 1\n", StandardCharsets.UTF_8);
			Run run = run("validate", yaml.toString());
			assertThat(run.status()).isEqualTo(CommandLine.BAD_INPUT);
			assertThat(run.err()).contains(yaml + ":1: the questionnaire id 'Bad Id' should use only lowercase")
				.contains("not valid")
				.doesNotContain("Exception");
		}

		@Test
		void aMissingFileExitsOne() {
			Run run = run("validate", folder.resolve("nowhere.yaml").toString());
			assertThat(run.status()).isEqualTo(CommandLine.BAD_INPUT);
			assertThat(run.err()).contains("nowhere.yaml: no such file");
		}

	}

	@Test
	void templatePrintsTheHeaderOfABundledQuestionnaire() {
		Run run = run("template", "peer-support-principles");
		assertThat(run.status()).isZero();
		assertThat(run.out()).startsWith(HEADER_START)
			.contains(",fr-3,")
			.endsWith("rs-say,perspective" + System.lineSeparator());
	}

	@Test
	void paperWritesAPrintableFormWithACodeLineInEitherLanguage() throws Exception {
		Path pdf = folder.resolve("form.pdf");
		assertThat(run("paper", "peer-support-principles", "--lang", "es", "--out", pdf.toString()).status()).isZero();
		String text = pdfText(pdf);
		assertThat(text).contains("Código de participación").contains("No lo sé");
		Path english = folder.resolve("form-en.pdf");
		assertThat(run("paper", "peer-support-principles", "--out", english.toString()).status()).isZero();
		assertThat(pdfText(english)).contains("Participation code")
			.contains("Not sure")
			.contains("I take part mostly as");
	}

	@Nested
	class Report {

		@Test
		void writesAPdfAndAWorkbookFromTheExamples() throws Exception {
			Path out = folder.resolve("out");
			Run run = run("report", "--questionnaire", "questionnaires/peer-support-principles.yaml", "--responses",
					"examples/round-spring.csv", "--previous", "examples/round-autumn.csv", "--agreements",
					"examples/agreements-autumn.txt", "--organization", "Harbour Peer Centre", "--out", out.toString());
			assertThat(run.status()).as(run.err()).isZero();
			assertThat(out.resolve("harbour-peer-centre.pdf")).isNotEmptyFile();
			assertThat(out.resolve("harbour-peer-centre.xlsx")).isNotEmptyFile();
			assertThat(run.out()).contains("45 people took part");
			assertThat(pdfText(out.resolve("harbour-peer-centre.pdf"))).contains("Harbour Peer Centre")
				.contains("Rotate who leads the Thursday circle");
		}

		/**
		 * Every round in view from the command line: {@code --previous} repeated, oldest
		 * first, each named by its file; the same answers as an earlier round and as this
		 * one, gated alike, give the same figures in each.
		 */
		@Test
		void earlierRoundsRepeatedOldestFirstMakeASeries() throws Exception {
			Path older = folder.resolve("2025-spring.csv");
			Files.copy(Path.of("examples/round-spring.csv"), older);
			Path out = folder.resolve("out");
			Run run = run("report", "--questionnaire", "peer-support-principles", "--responses",
					"examples/round-spring.csv", "--previous", older.toString(), "--previous",
					"examples/round-autumn.csv", "--period", "March 2026", "--organization", "Harbour", "--out",
					out.toString());
			assertThat(run.status()).as(run.err()).isZero();
			assertThat(squeezed(pdfText(out.resolve("harbour-march-2026.pdf"))))
				.contains(squeezed("Every round in view"))
				.containsSubsequence("2025-spring", "round-autumn", squeezed("March 2026"));
			List<List<String>> rows = seriesRows(out.resolve("harbour-march-2026.xlsx"));
			assertThat(rows).isNotEmpty();
			List<String> periods = rows.stream()
				.filter(row -> row.get(0).equals("np-1"))
				.map(row -> row.get(3))
				.toList();
			assertThat(periods).containsExactly("2025-spring", "round-autumn", "March 2026");
			// The first and last rounds are the same answers through the same gate.
			for (int r = 0; r + 2 < rows.size(); r++) {
				if (rows.get(r).get(3).equals("2025-spring")) {
					assertThat(rows.get(r + 2).get(3)).isEqualTo("March 2026");
					assertThat(rows.get(r + 2).subList(4, rows.get(r).size() - 1))
						.isEqualTo(rows.get(r).subList(4, rows.get(r).size() - 1));
				}
			}
		}

		@Test
		void aFolderOfEarlierRoundsIsReadInTheOrderOfItsNames() throws Exception {
			Path earlier = Files.createDirectories(folder.resolve("earlier"));
			Files.copy(Path.of("examples/round-autumn.csv"), earlier.resolve("2-autumn.csv"));
			Files.copy(Path.of("examples/round-spring.csv"), earlier.resolve("1-spring.csv"));
			Files.writeString(earlier.resolve("notes.txt"), "not a round");
			Path out = folder.resolve("out");
			Run run = run("report", "--questionnaire", "peer-support-principles", "--responses",
					"examples/round-spring.csv", "--previous", earlier.toString(), "--period", "Now", "--organization",
					"Harbour", "--out", out.toString());
			assertThat(run.status()).as(run.err()).isZero();
			assertThat(seriesRows(out.resolve("harbour-now.xlsx")).stream()
				.filter(row -> row.get(0).equals("np-1"))
				.map(row -> row.get(3))).containsExactly("1-spring", "2-autumn", "Now");
		}

		@Test
		void aFolderWithNoAnswersFileExitsOne() throws Exception {
			Path empty = Files.createDirectories(folder.resolve("empty"));
			Path out = folder.resolve("out");
			Run run = run("report", "--questionnaire", "peer-support-principles", "--responses",
					"examples/round-spring.csv", "--previous", empty.toString(), "--out", out.toString());
			assertThat(run.status()).isEqualTo(CommandLine.BAD_INPUT);
			assertThat(run.err()).contains("this folder holds no answers file").doesNotContain("\tat ");
			assertThat(out).doesNotExist();
		}

		@Test
		void aMissingFileExitsOneAndWritesNothing() {
			Path out = folder.resolve("out");
			Run run = run("report", "--questionnaire", "peer-support-principles", "--responses",
					folder.resolve("missing.csv").toString(), "--out", out.toString());
			assertThat(run.status()).isEqualTo(CommandLine.BAD_INPUT);
			assertThat(run.err()).contains("missing.csv: cannot read this file (no such file or folder)")
				.doesNotContain("Exception")
				.doesNotContain("\tat ");
			assertThat(out).doesNotExist();
		}

		@Test
		void anUnwritableOutExitsOne() throws Exception {
			Path blocker = file("a-file", "not a folder", StandardCharsets.UTF_8);
			Run run = run("report", "--questionnaire", "peer-support-principles", "--responses",
					"examples/round-spring.csv", "--out", blocker.resolve("reports").toString());
			assertThat(run.status()).isEqualTo(CommandLine.BAD_INPUT);
			assertThat(run.err()).contains("cannot create this folder").doesNotContain("\tat ");
		}

		@Test
		void anUnknownOptionIsAUsageError() {
			Run run = run("report", "--questionnaire", "peer-support-principles", "--colour", "red");
			assertThat(run.status()).isEqualTo(CommandLine.USAGE);
			assertThat(run.err()).contains("unknown option --colour").contains("Usage:");
		}

		@Test
		void aMinimumGroupSizeBelowThreeIsRefused() {
			Run run = run("report", "--questionnaire", "peer-support-principles", "--responses",
					"examples/round-spring.csv", "--min-group-size", "2", "--out", folder.toString());
			assertThat(run.status()).isEqualTo(CommandLine.USAGE);
			assertThat(run.err()).contains("--min-group-size is never below 3");
		}

		@Test
		void aBadCellImportsNothingAndNamesRowAndColumn() throws Exception {
			Path csv = file("bad.csv", "np-1,np-2,perspective\n4,5,member\n4,7,staff\n", StandardCharsets.UTF_8);
			Path out = folder.resolve("out");
			Run run = run("report", "--questionnaire", "peer-support-principles", "--responses", csv.toString(),
					"--out", out.toString());
			assertThat(run.status()).isEqualTo(CommandLine.BAD_INPUT);
			assertThat(run.err()).contains("bad.csv: row 3, column B (np-2): '7' is not an answer to np-2")
				.contains("nothing was used");
			assertThat(out).doesNotExist();
		}

		@Test
		void windows1252IsNamedAndThenRead() throws Exception {
			StringBuilder csv = new StringBuilder("np-1,np-say,perspective\n");
			for (int i = 0; i < 6; i++) {
				csv.append("4,Año de cambios,member\n");
			}
			Path file = file("excel.csv", csv.toString(), Charset.forName("windows-1252"));
			Path out = folder.resolve("out");
			Run refused = run("report", "--questionnaire", "peer-support-principles", "--responses", file.toString(),
					"--out", out.toString());
			assertThat(refused.status()).isEqualTo(CommandLine.BAD_INPUT);
			assertThat(refused.err())
				.contains("excel.csv: the file is not UTF-8 text; it is probably windows-1252 (saved by "
						+ "Excel): read it with --encoding windows-1252, or save it as UTF-8");
			// The command line words each encoding problem's remedy with its own flag.
			Path unicode = file("unicode.csv", "\uFEFFnp-1\n4\n", StandardCharsets.UTF_16LE);
			assertThat(run("report", "--questionnaire", "peer-support-principles", "--responses", unicode.toString(),
					"--out", out.toString())
				.err()).contains("can be read with --encoding UTF-16");
			Path latin = file("latin.csv", "np-1\n4\n", StandardCharsets.UTF_8);
			java.nio.file.Files.write(latin, new byte[] { 'n', 'p', '-', '1', '\n', (byte) 0x81, '\n' });
			assertThat(run("report", "--questionnaire", "peer-support-principles", "--responses", latin.toString(),
					"--encoding", "windows-1252", "--out", out.toString())
				.err()).contains("latin.csv: the file is not windows-1252 text; name its encoding with --encoding");
			Run read = run("report", "--questionnaire", "peer-support-principles", "--responses", file.toString(),
					"--encoding", "windows-1252", "--include-written", "--out", out.toString());
			assertThat(read.status()).as(read.err()).isZero();
			assertThat(pdfText(out.resolve("peer-reflect-report.pdf"))).contains("Año de cambios");
		}

		@Test
		void writtenAnswersAreLeftOutUnlessIncluded() throws Exception {
			Path out = folder.resolve("out");
			run("report", "--questionnaire", "peer-support-principles", "--responses", "examples/round-spring.csv",
					"--out", out.toString());
			String without = pdfText(out.resolve("peer-reflect-report.pdf"));
			assertThat(without).contains("Written answers were left out")
				.doesNotContain("The check-in round helps me settle");
			run("report", "--questionnaire", "peer-support-principles", "--responses", "examples/round-spring.csv",
					"--include-written", "--out", out.toString());
			assertThat(pdfText(out.resolve("peer-reflect-report.pdf"))).doesNotContain("Written answers were left out");
		}

		@Test
		void nothingHalfWrittenIsLeftBehind() throws Exception {
			Path out = folder.resolve("out");
			run("report", "--questionnaire", "peer-support-principles", "--responses", "examples/round-spring.csv",
					"--out", out.toString());
			try (Stream<Path> files = Files.list(out)) {
				assertThat(files.map(p -> p.getFileName().toString()))
					.containsExactlyInAnyOrder("peer-reflect-report.pdf", "peer-reflect-report.xlsx");
			}
		}

	}

	@Test
	void fileNamesComeFromTheCoverWords() {
		assertThat(ReportCommand.slug("Łódź Peer Circle: Spring 2026")).isEqualTo("lodz-peer-circle-spring-2026");
		assertThat(ReportCommand.slug("  ")).isEmpty();
		// The downloads' names follow the same rule, letters without a separable accent
		// spelled out.
		assertThat(ReportFiles.slug("Straße Łódź", 60)).isEqualTo("strasse-lodz");
		assertThat(ReportFiles.slug("a".repeat(70), 60)).hasSize(60);
		// Cut where a word ends: no dash is left at the end of the name.
		assertThat(ReportFiles.slug("a".repeat(59) + " spring", 60)).isEqualTo("a".repeat(59));
	}

}
