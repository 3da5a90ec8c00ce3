package org.peerreflect.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.peerreflect.gate.CountTable;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.answers.AnswerRow;
import org.peerreflect.answers.AnswersCsv;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireFiles;

/**
 * What the report tests share: the example rounds as group summaries (read as the command
 * line reads them), reports rendered to bytes, and those bytes read back as text and
 * cells.
 */
final class ReportFixtures {

	static final Path EXAMPLES = Path.of("examples");

	static final Path SPRING = EXAMPLES.resolve("round-spring.csv");

	static final Path AUTUMN = EXAMPLES.resolve("round-autumn.csv");

	static final Path AGREEMENTS = EXAMPLES.resolve("agreements-autumn.txt");

	private ReportFixtures() {
	}

	static Questionnaire questionnaire() {
		return QuestionnaireFiles.resolve("peer-support-principles").orElseThrow().questionnaire();
	}

	/** Every row of an answers file, as the command line reads it. */
	static List<AnswerRow> rows(Questionnaire questionnaire, Path csv) {
		List<AnswerRow> rows = new ArrayList<>();
		try (InputStream in = Files.newInputStream(csv)) {
			AnswersCsv.Result result = new AnswersCsv(questionnaire, false, StandardCharsets.UTF_8).read(csv.toString(),
					in, rows::add);
			if (!result.ok()) {
				throw new IllegalStateException(result.problems().toString());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rows;
	}

	/** The count table of some rows, filled as {@code CommandLine.summarize} fills it. */
	static CountTable countTable(Questionnaire questionnaire, List<AnswerRow> rows) {
		CountTable table = new CountTable(questionnaire);
		for (AnswerRow row : rows) {
			table.addPeople(row.perspective(), 1);
			row.answers().forEach((item, answer) -> table.addAnswers(item, row.perspective(), answer, 1));
		}
		return table;
	}

	/** The written answers of some rows, as given with {@code --include-written}. */
	static WrittenAnswers written(List<AnswerRow> rows) {
		WrittenAnswers written = WrittenAnswers.none();
		for (AnswerRow row : rows) {
			row.written().forEach(written::add);
		}
		return written;
	}

	/** A round of an answers file through the gate at k = 5, with a seeded shuffle. */
	static GroupSummary summary(Questionnaire questionnaire, Path csv, boolean includeWritten) {
		List<AnswerRow> rows = rows(questionnaire, csv);
		return new Gate(Gate.DEFAULT_MIN_GROUP_SIZE, new Random(11)).summarize(countTable(questionnaire, rows),
				includeWritten ? written(rows) : WrittenAnswers.none());
	}

	/** The example agreements, each with the statements it was about. */
	static List<ReportInput.Agreement> agreements() {
		try {
			return Files.readAllLines(AGREEMENTS, StandardCharsets.UTF_8)
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

	/**
	 * Three rounds in view: this spring's, with last spring's and last autumn's before
	 * it, autumn's agreements kept with autumn; last spring asked {@code fr-1} in other
	 * words, so its series starts in autumn.
	 */
	static ReportInput seriesInput(Questionnaire questionnaire, String language) {
		GroupSummary spring = summary(questionnaire, SPRING, true);
		GroupSummary autumn = summary(questionnaire, AUTUMN, false);
		List<ReportInput.Earlier> earlier = List.of(ReportInput.Earlier.of("March 2025",
				reworded(summary(questionnaire, SPRING, false), "fr-1"), List.of()),
				ReportInput.Earlier.of("September 2025", autumn, agreements()));
		return new ReportInput(spring, autumn, agreements(), language, "Harbour Peer Circle", "Spring round",
				"March 2026", null, true)
			.withEarlier(earlier);
	}

	/** A copy of the summary in which one statement was asked in other words. */
	static GroupSummary reworded(GroupSummary summary, String itemId) {
		List<GroupSummary.PrincipleSummary> principles = summary.principles()
			.stream()
			.map(p -> new GroupSummary.PrincipleSummary(p.id(), p.title(), p.about(), p.items()
				.stream()
				.map(item -> !item.id().equals(itemId) ? item : new GroupSummary.ItemSummary(item.id(),
						org.peerreflect.questionnaire.LocalizedText.of("en", "Words we no longer use."), item.options(),
						item.notSure(), item.all(), item.spread(), item.groups(), item.prompt()))
				.toList(), p.written()))
			.toList();
		return new GroupSummary(summary.questionnaireId(), summary.questionnaireVersion(), summary.questionnaireTitle(),
				summary.minGroupSize(), summary.people(), summary.perspectiveQuestion(), summary.groups(), principles,
				summary.fewLeftOut());
	}

	/** The example agreements' words, as a report prints them. */
	static List<String> agreementTexts() {
		return agreements().stream().map(ReportInput.Agreement::text).toList();
	}

	static byte[] pdf(ReportInput input) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReportFiles.pdf(input, out);
		return out.toByteArray();
	}

	static byte[] workbook(ReportInput input) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ReportFiles.workbook(input, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/**
	 * The text of each page of a PDF, as {@link PdfTextExtractor} reads it, whitespace as
	 * it comes.
	 */
	static List<String> pdfPages(byte[] pdf) {
		try (PdfReader reader = new PdfReader(pdf)) {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			List<String> pages = new ArrayList<>();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				pages.add(extractor.getTextFromPage(page));
			}
			return pages;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs of whitespace (the extractor's line breaks included) become one space. */
	static String normalize(String text) {
		return text.replaceAll("[\\s\\u00a0]+", " ").strip();
	}

	/**
	 * The text with no whitespace at all, for text whose cells and lines the extractor
	 * joins.
	 */
	static String squeeze(String text) {
		return text.replaceAll("[\\s\\u00a0]+", "");
	}

	/**
	 * The spring rows through the gate (k = 5, no written answers), but with
	 * {@code itemId} answered only by the first {@code keep} people who answered it: the
	 * others skipped it.
	 */
	static GroupSummary thinSummary(Questionnaire questionnaire, List<AnswerRow> rows, String itemId, int keep) {
		List<AnswerRow> thinned = new ArrayList<>();
		int kept = 0;
		for (AnswerRow row : rows) {
			java.util.Map<String, String> answers = new java.util.LinkedHashMap<>(row.answers());
			if (answers.containsKey(itemId) && kept++ >= keep) {
				answers.remove(itemId);
			}
			thinned.add(new AnswerRow(row.row(), row.perspective(), answers, row.written(), row.code()));
		}
		return new Gate(Gate.DEFAULT_MIN_GROUP_SIZE, new Random(13)).summarize(countTable(questionnaire, thinned),
				WrittenAnswers.none());
	}

	/**
	 * What a group truly answered to an item, worked out from the rows: the figures a
	 * report must never show when the gate withholds the group.
	 */
	static GroupSummary.Distribution trueDistribution(Questionnaire questionnaire, List<AnswerRow> rows, String itemId,
			String perspective) {
		var scale = questionnaire.item(itemId).orElseThrow().scale();
		int[] counts = new int[scale.options().size()];
		int notSure = 0;
		int people = 0;
		for (AnswerRow row : rows) {
			String answer = row.answers().get(itemId);
			if (answer == null || !java.util.Objects.equals(perspective, row.perspective())) {
				continue;
			}
			people++;
			if (answer.equals(org.peerreflect.questionnaire.Scale.NOT_SURE)) {
				notSure++;
			}
			else {
				counts[scale.indexOf(answer)]++;
			}
		}
		return new GroupSummary.Distribution(people, java.util.Arrays.stream(counts).boxed().toList(), notSure);
	}

	/**
	 * A copy of the summary in which one item's group shows the given figures: a leak,
	 * made on purpose.
	 */
	static GroupSummary leaking(GroupSummary summary, String itemId, String group, GroupSummary.Distribution figures) {
		List<GroupSummary.PrincipleSummary> principles = summary.principles()
			.stream()
			.map(p -> new GroupSummary.PrincipleSummary(p.id(), p.title(), p.about(), p.items()
				.stream()
				.map(i -> !i.id().equals(itemId) ? i
						: new GroupSummary.ItemSummary(i.id(), i.text(), i.options(), i.notSure(), i.all(), i.spread(),
								i.groups()
									.stream()
									.map(g -> g.value().equals(group)
											? new GroupSummary.GroupDistribution(g.value(), g.label(), figures) : g)
									.toList(),
								i.prompt()))
				.toList(), p.written()))
			.toList();
		return new GroupSummary(summary.questionnaireId(), summary.questionnaireVersion(), summary.questionnaireTitle(),
				summary.minGroupSize(), summary.people(), summary.perspectiveQuestion(), summary.groups(), principles);
	}

	static XSSFWorkbook readWorkbook(byte[] xlsx) {
		try {
			return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Every cell of every sheet as "Sheet!A1=TYPE:value", in order, with the cell's type
	 * and its raw value (numbers exactly as stored), so that two workbooks compare cell
	 * by cell.
	 */
	static List<String> cells(XSSFWorkbook workbook) {
		List<String> cells = new ArrayList<>();
		for (Sheet sheet : workbook) {
			cells.add("sheet " + sheet.getSheetName());
			for (Row row : sheet) {
				for (Cell cell : row) {
					cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + describe(cell));
				}
			}
		}
		return cells;
	}

	static String describe(Cell cell) {
		return switch (cell.getCellType()) {
			case STRING ->
				"STRING:" + cell.getStringCellValue() + (cell.getCellStyle().getQuotePrefixed() ? " [quoted]" : "");
			case NUMERIC -> "NUMERIC:" + cell.getNumericCellValue() + " "
					+ new DataFormatter(java.util.Locale.ROOT).formatCellValue(cell);
			case BOOLEAN -> "BOOLEAN:" + cell.getBooleanCellValue();
			case FORMULA -> "FORMULA:" + cell.getCellFormula();
			case BLANK -> "BLANK";
			default -> cell.getCellType().name();
		};
	}

}
