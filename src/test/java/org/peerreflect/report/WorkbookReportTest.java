package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.GroupSummary.PrincipleSummary;
import org.peerreflect.gate.GroupSummary.WrittenSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.answers.AnswerRow;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * The Excel workbook read back cell by cell (DESIGN section 6): the spring example round
 * with autumn before it, autumn's agreements and the written answers given, plus a few
 * written answers that a spreadsheet would take for formulas.
 */
class WorkbookReportTest {

	/**
	 * Written answers that Excel would read as a formula, were they not quote-prefixed
	 * text.
	 */
	static final List<String> FORMULA_LIKE = List.of("+1 for the Friday art table",
			"-5 degrees out and we still all came", "@everyone bring a plate next time");

	private static Questionnaire questionnaire;

	private static List<AnswerRow> springRows;

	private static GroupSummary spring;

	private static GroupSummary autumn;

	private static XSSFWorkbook workbook;

	private static ReportInput input;

	private static final ReportText TEXT = new ReportText("en");

	private static final String NOT_SHOWN = "not shown";

	private static final String WHY = "to protect small groups";

	@BeforeAll
	static void renderTheSpringRound() {
		questionnaire = ReportFixtures.questionnaire();
		springRows = ReportFixtures.rows(questionnaire, ReportFixtures.SPRING);
		WrittenAnswers written = ReportFixtures.written(springRows);
		FORMULA_LIKE.forEach(answer -> written.add("fr-say", answer));
		spring = new Gate(5, new Random(17)).summarize(ReportFixtures.countTable(questionnaire, springRows), written);
		autumn = ReportFixtures.summary(questionnaire, ReportFixtures.AUTUMN, true);
		input = new ReportInput(spring, autumn, ReportFixtures.agreements(), "en", PdfReportTest.ORGANIZATION, null,
				"Spring 2026", null, true);
		workbook = ReportFixtures.readWorkbook(ReportFixtures.workbook(input));
	}

	@AfterAll
	static void close() throws Exception {
		workbook.close();
	}

	@Test
	void theSheetsAreExactlyTheSixOfTheDesign() {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		assertThat(names).containsExactly("At a glance", "About", "Where to start talking", "Principles", "Items",
				"Perspectives", "Written answers", "Since last time");
		for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
			assertThat(workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)).isFalse();
		}
	}

	@Test
	void everyFigureOfTheItemsSheetIsTheSummarys() {
		assertItemsSheet(workbook, spring, TEXT);
	}

	@Test
	void anItemAnsweredByFewerThanKReadsNotShownInEveryCell() throws Exception {
		GroupSummary thin = ReportFixtures.thinSummary(questionnaire, springRows, "na-2", 4);
		ReportInput input = new ReportInput(thin, null, List.of(), "en", null, null, null, null, false);
		try (XSSFWorkbook thinBook = ReportFixtures.readWorkbook(ReportFixtures.workbook(input))) {
			assertItemsSheet(thinBook, thin, TEXT);
			assertPerspectivesSheet(thinBook, thin);
			Row na2 = rowOf(thinBook.getSheet("Items"), 1, "na-2");
			assertWithheldCells(na2, 3, itemColumns(5) - 1);
			// Its principle's table lists it as not shown, below the items of its chart.
			XSSFSheet principles = thinBook.getSheet("Principles");
			Row listed = rowWithText(principles, 0, TEXT.of(item(thin, "na-2").text()));
			assertWithheldCells(listed, 1, 6);
		}
	}

	@Test
	void aRoundOfFewerThanKPeopleHasNoNumberInAnyCellAndNoChart() throws Exception {
		List<AnswerRow> four = springRows.subList(0, 4);
		GroupSummary small = new Gate(5, new Random(3)).summarize(ReportFixtures.countTable(questionnaire, four),
				ReportFixtures.written(four));
		ReportInput input = new ReportInput(small, null, List.of(), "en", null, null, null, null, true);
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(input))) {
			assertThat(ReportFixtures.cells(book)).noneMatch(c -> c.contains("=NUMERIC:"))
				.noneMatch(c -> c.contains("=FORMULA:"));
			assertThat(book.getSheet("Principles").getDrawingPatriarch()).isNull();
			assertThat(pairValue(book.getSheet("About"), "How many of us took part"))
				.isEqualTo("Not shown, to protect small groups");
			assertItemsSheet(book, small, TEXT);
			assertThat(assertPerspectivesSheet(book, small)).isZero();
			assertThat(book.getSheet("Written answers").getRow(1).getCell(1).getStringCellValue())
				.isEqualTo(ReportContent.notice(small, TEXT));
			for (AnswerRow row : four) {
				row.written()
					.values()
					.stream()
					.filter(a -> !a.isBlank())
					.forEach(a -> assertThat(ReportFixtures.cells(book)).noneMatch(c -> c.contains(a.strip())));
			}
		}
	}

	@Test
	void everyWithheldCellOfThePerspectivesSheetReadsNotShown() {
		int withheld = assertPerspectivesSheet(workbook, spring);
		assertThat(withheld).isEqualTo(
				spring.items().stream().mapToLong(i -> i.groups().stream().filter(g -> !g.shown()).count()).sum());
		assertThat(withheld).isGreaterThanOrEqualTo(2 * spring.items().size());
	}

	@Test
	void thePerspectivesCheckCatchesAWithheldGroupsFigures() throws Exception {
		Distribution board = ReportFixtures.trueDistribution(questionnaire, springRows, "np-1", "board");
		GroupSummary leaking = ReportFixtures.leaking(spring, "np-1", "board", board);
		ReportInput input = new ReportInput(leaking, null, List.of(), "en", null, null, null, null, false);
		try (XSSFWorkbook leaked = ReportFixtures.readWorkbook(ReportFixtures.workbook(input))) {
			assertThatThrownBy(() -> assertPerspectivesSheet(leaked, spring)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("np-1");
			assertPerspectivesSheet(leaked, leaking);
		}
	}

	@Test
	void theAboutSheetShowsHowManyTookPartAndOnlyTheShownGroups() {
		Sheet about = workbook.getSheet("About");
		assertThat(pairValue(about, "How many of us took part")).isEqualTo("45 people");
		// Each group by its name in the questionnaire, not by its answer's words ("A
		// member").
		assertThat(pairValue(about, "I take part mostly as:"))
			.isEqualTo("Members: 26\nStaff: 7\nVolunteers: " + NOT_SHOWN + "\nBoard: " + NOT_SHOWN);
		assertThat(pairValue(about, "Organization")).isEqualTo(PdfReportTest.ORGANIZATION);
		// No cell of the sheet is a number: the groups' sizes are text, and the withheld
		// ones are words.
		for (Row row : about) {
			for (Cell cell : row) {
				assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isEqualTo(CellType.STRING);
			}
		}
	}

	@Test
	void thePrinciplesSheetHasOneNativePercentStackedBarChartPerPrinciple() {
		XSSFSheet sheet = workbook.getSheet("Principles");
		XSSFDrawing drawing = sheet.getDrawingPatriarch();
		assertThat(drawing).isNotNull();
		List<XSSFChart> charts = drawing.getCharts();
		List<PrincipleSummary> principles = spring.principles();
		assertThat(charts).hasSize(principles.size());
		for (int p = 0; p < charts.size(); p++) {
			XSSFChart chart = charts.get(p);
			PrincipleSummary principle = principles.get(p);
			assertThat(chart.getTitleText().getString()).isEqualTo(TEXT.of(principle.title()));
			List<XDDFChartData> data = chart.getChartSeries();
			assertThat(data).hasSize(1);
			assertThat(data.get(0)).isInstanceOf(XDDFBarChartData.class);
			XDDFBarChartData bars = (XDDFBarChartData) data.get(0);
			assertThat(bars.getBarDirection()).isEqualTo(BarDirection.BAR);
			assertThat(bars.getBarGrouping()).isEqualTo(BarGrouping.PERCENT_STACKED);
			// getOverlap() needs the full OOXML schemas; the element itself is plain to
			// read.
			assertThat(chart.getCTChart().getPlotArea().getBarChartArray(0).xmlText()).as("stacked bars overlap fully")
				.containsPattern("<([a-z]+:)?overlap val=\"100\"/>");
			// One series per option and one for "not sure", each over the principle's
			// shown items.
			assertThat(bars.getSeriesCount()).isEqualTo(6);
			for (int s = 0; s < bars.getSeriesCount(); s++) {
				var values = bars.getSeries(s).getValuesData();
				assertThat(values.isReference()).isTrue();
				assertThat(values.getDataRangeReference()).startsWith("Principles!");
				assertThat(values.getPointCount()).isEqualTo(principle.items().size());
			}
		}
	}

	@Test
	void thePrinciplesSheetsTablesHoldTheShownItemsCounts() {
		XSSFSheet sheet = workbook.getSheet("Principles");
		for (PrincipleSummary principle : spring.principles()) {
			Row title = rowWithText(sheet, 0, TEXT.of(principle.title()));
			Row header = sheet.getRow(title.getRowNum() + 1);
			assertThat(strings(header, 0, 6)).containsExactly("Statement", "Not at all true for us", "A little true",
					"Partly true", "Mostly true", "Very true for us", "Not sure");
			int r = header.getRowNum() + 1;
			for (ItemSummary item : principle.items()) {
				Row row = sheet.getRow(r++);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(TEXT.of(item.text()));
				List<Double> expected = new ArrayList<>();
				item.all().counts().forEach(c -> expected.add((double) c));
				expected.add((double) item.all().notSure());
				assertThat(numbers(row, 1, 6)).as(item.id()).isEqualTo(expected);
			}
		}
	}

	@Test
	void writtenAnswersThatLookLikeFormulasAreQuotedText() {
		Sheet sheet = workbook.getSheet("Written answers");
		List<String> risky = new ArrayList<>(FORMULA_LIKE);
		risky.add("=SUM(A1:A9) is what my budget feels like lately, ha.");
		for (String answer : risky) {
			Cell cell = cellWithText(sheet, 2, answer);
			assertThat(cell.getCellType()).as(answer).isEqualTo(CellType.STRING);
			assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix of %s", answer).isTrue();
			assertThat(cell.getRow().getCell(0).getStringCellValue()).isEqualTo("fr-say");
		}
		// And anywhere in the workbook: no formula, and text starting = + - @ is always
		// quote-prefixed.
		for (Sheet any : workbook) {
			for (Row row : any) {
				for (Cell cell : row) {
					String where = any.getSheetName() + "!" + cell.getAddress().formatAsString();
					assertThat(cell.getCellType()).as(where).isNotEqualTo(CellType.FORMULA);
					if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()
							&& "=+-@".indexOf(cell.getStringCellValue().charAt(0)) >= 0) {
						assertThat(cell.getCellStyle().getQuotePrefixed()).as(where).isTrue();
					}
				}
			}
		}
	}

	@Test
	void theWrittenAnswersSheetHoldsEachShownAnswerOnceAndNoPerspective() {
		Sheet sheet = workbook.getSheet("Written answers");
		assertThat(strings(sheet.getRow(0), 0, 2)).containsExactly("Item", "Statement", "What we wrote");
		List<String> expected = new ArrayList<>();
		for (WrittenSummary written : spring.written()) {
			assertThat(written.shown()).isTrue();
			written.answers().forEach(a -> expected.add(written.id() + " | " + TEXT.of(written.text()) + " | " + a));
		}
		List<String> actual = new ArrayList<>();
		for (Row row : sheet) {
			if (row.getRowNum() > 0) {
				assertThat(row.getLastCellNum()).as("row %d has three cells", row.getRowNum()).isEqualTo((short) 3);
				actual.add(String.join(" | ", strings(row, 0, 2)));
			}
		}
		assertThat(actual).isEqualTo(expected);
		assertThat(actual).hasSize(52 + FORMULA_LIKE.size());
	}

	@Test
	void writtenAnswersOfAnItemWithFewerThanKAreNotInTheWorkbook() throws Exception {
		WrittenAnswers written = WrittenAnswers.none();
		List<String> gtAnswers = new ArrayList<>();
		for (AnswerRow row : springRows) {
			row.written().forEach((item, answer) -> {
				if (item.equals("gt-say") && !answer.isBlank()) {
					gtAnswers.add(answer.strip());
					if (gtAnswers.size() > 4) {
						return;
					}
				}
				written.add(item, answer);
			});
		}
		GroupSummary summary = new Gate(5, new Random(19))
			.summarize(ReportFixtures.countTable(questionnaire, springRows), written);
		ReportInput input = new ReportInput(summary, null, List.of(), "en", null, null, null, null, true);
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(input))) {
			List<String> cells = ReportFixtures.cells(book);
			for (String answer : gtAnswers) {
				assertThat(cells).noneMatch(c -> c.contains(answer));
			}
			Row gt = rowOf(book.getSheet("Written answers"), 0, "gt-say");
			assertWithheldCells(gt, 2, 2);
		}
		// Left out altogether: the sheet says so, and holds none of them.
		GroupSummary without = ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, false);
		ReportInput leftOut = new ReportInput(without, null, List.of(), "en", null, null, null, null, false);
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(leftOut))) {
			List<String> cells = ReportFixtures.cells(book);
			for (AnswerRow row : springRows) {
				row.written()
					.values()
					.stream()
					.filter(a -> !a.isBlank())
					.forEach(a -> assertThat(cells).noneMatch(c -> c.contains(a.strip())));
			}
			assertThat(cells).anyMatch(c -> c.endsWith("STRING:" + TEXT.get("report.words.leftOut")));
		}
	}

	@Test
	void sinceLastTimeListsTheAgreementsAndBothRoundsFigures() {
		Sheet sheet = workbook.getSheet("Since last time");
		assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(TEXT.get("report.since.agreements"));
		List<String> agreements = ReportFixtures.agreementTexts();
		for (int a = 0; a < agreements.size(); a++) {
			assertThat(sheet.getRow(1 + a).getCell(0).getStringCellValue()).isEqualTo(agreements.get(a));
		}
		int header = rowWithText(sheet, 0, "Item").getRowNum();
		assertThat(sheet.getRow(header).getCell(18).getStringCellValue()).isEqualTo(TEXT.get("report.differ.agreed"));
		int r = header + 1;
		// In the report's order, the statement that moved most first.
		Report.Since since = Report
			.of(new ReportInput(spring, autumn, ReportFixtures.agreements(), "en", null, null, null, null, true))
			.since();
		List<SinceContent.Pair> pairs = SinceContent.sinceLastTime(spring, autumn);
		for (Report.SincePair inOrder : since.pairs()) {
			SinceContent.Pair pair = pairs.stream()
				.filter(p -> p.now().id().equals(inOrder.id()))
				.findFirst()
				.orElseThrow();
			for (ItemSummary item : List.of(pair.last(), pair.now())) {
				Row row = sheet.getRow(r++);
				assertThat(strings(row, 0, 2)).containsExactly(item.id(), TEXT.of(item.text()),
						item == pair.last() ? "Last time" : "This time");
				if (pair.leftOut()) {
					// Too few more or fewer answered it to set the two side by side
					// (invariant 14): last time's figures and the change read "not
					// shown".
					if (item == pair.last()) {
						assertThat(row.getCell(3).getStringCellValue()).isEqualTo(TEXT.get("report.notShown"));
					}
					else {
						assertThat(numbers(row, 3, 15)).as(item.id()).isEqualTo(distributionNumbers(item.all()));
						assertThat(row.getCell(16).getStringCellValue()).isEqualTo(TEXT.get("report.notShown"));
					}
					continue;
				}
				assertThat(numbers(row, 3, 15)).as(item.id()).isEqualTo(distributionNumbers(item.all()));
				if (item == pair.now()) {
					// This time's row says how far the share on the upper side moved, in
					// points, and which way.
					assertThat(row.getCell(16).getNumericCellValue()).as(item.id())
						.isEqualTo(ReportContent.upperShare(pair.now().all())
								- ReportContent.upperShare(pair.last().all()));
					assertThat(row.getCell(17).getStringCellValue()).isNotBlank();
					// What we agreed about the statement last time, beside it.
					if (inOrder.agreed().isEmpty()) {
						assertThat(row.getCell(18)).isNull();
					}
					else {
						assertThat(row.getCell(18).getStringCellValue()).isEqualTo(String.join("\n", inOrder.agreed()));
					}
				}
			}
		}
		assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
	}

	/**
	 * A statement not shown last time: its figures from last time, and its change, read
	 * "not shown" with the reason, never a blank or a change worked out from nothing.
	 */
	@Test
	void aStatementNotShownLastTimeSaysSoInItsChangeCells() throws Exception {
		GroupSummary thinBefore = ReportFixtures.thinSummary(questionnaire,
				ReportFixtures.rows(questionnaire, ReportFixtures.AUTUMN), "na-2", 4);
		ReportInput input = new ReportInput(spring, thinBefore, List.of(), "en", null, null, null, null, true);
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(input))) {
			Sheet sheet = book.getSheet("Since last time");
			List<Row> rows = new ArrayList<>();
			for (Row row : sheet) {
				Cell id = row.getCell(0);
				if (id != null && id.getCellType() == CellType.STRING && id.getStringCellValue().equals("na-2")) {
					rows.add(row);
				}
			}
			assertThat(rows).hasSize(2);
			Row last = rows.get(0);
			Row now = rows.get(1);
			assertThat(strings(last, 2, 2)).containsExactly("Last time");
			assertThat(strings(last, 3, 15)).containsOnly(NOT_SHOWN);
			assertThat(strings(now, 2, 2)).containsExactly("This time");
			assertThat(numbers(now, 3, 15)).as("this time's figures").isNotEmpty();
			assertThat(strings(now, 16, 17)).as("the change and which way").containsOnly(NOT_SHOWN);
			assertThat(strings(last, 19, 19)).containsExactly(WHY);
			assertThat(strings(now, 19, 19)).containsExactly(WHY);
		}
	}

	@Test
	void noSheetHoldsOneRowPerPerson() {
		// Exactly six sheets (checked above); here: no sheet is shaped like a table of
		// responses.
		Set<String> itemIds = new HashSet<>();
		questionnaire.items().stream().map(Item::id).forEach(itemIds::add);
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				long ids = 0;
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING && itemIds.contains(cell.getStringCellValue())) {
						ids++;
					}
					assertThat(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "")
						.as("%s!%s", sheet.getSheetName(), cell.getAddress())
						.isNotIn("member", "staff", "volunteer", "board", "prefer-not-to-say");
				}
				assertThat(ids).as("%s row %d names at most one item", sheet.getSheetName(), row.getRowNum() + 1)
					.isLessThanOrEqualTo(1);
			}
		}
		// Every row of the tables is an item, an item and a group, or a written answer;
		// never a person.
		assertThat(workbook.getSheet("Items").getLastRowNum()).isEqualTo(spring.items().size());
		assertThat(workbook.getSheet("Perspectives").getLastRowNum()).isEqualTo(spring.items().size() * 4);
		assertThat(workbook.getSheet("Written answers").getLastRowNum())
			.isEqualTo(spring.written().stream().mapToInt(w -> w.answers().size()).sum());
	}

	/**
	 * The first sheet, for a board: one row per statement, each figure displayed exactly
	 * as the report's overview and "since last time" give it, as a number where it is one
	 * and as the model's words where it is withheld.
	 */
	@Test
	void theGlanceSheetShowsEachFigureOfTheOverviewDigitForDigit() {
		Report model = Report.of(input);
		XSSFSheet sheet = workbook.getSheet("At a glance");
		assertThat(workbook.getSheetIndex(sheet)).isZero();
		assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(model.overview().lead());
		List<String> header = new ArrayList<>(List.of("Principle"));
		header.addAll(model.overview().header());
		header.addAll(List.of("All of us, last time", "Change since last time (points)", "Last time we agreed to try"));
		assertThat(strings(sheet.getRow(1), 0, header.size() - 1)).isEqualTo(header);
		assertThat(header).contains("Members", "Staff").doesNotContain("Volunteers", "Board");
		Map<String, Report.SincePair> pairs = new HashMap<>();
		model.since().pairs().forEach(pair -> pairs.put(pair.text(), pair));
		int r = 2;
		int percents = 0;
		Set<Integer> changes = new HashSet<>();
		int agreed = 0;
		for (Report.OverviewPart part : model.overview().principles()) {
			for (Report.OverviewRow statement : part.rows()) {
				Row row = sheet.getRow(r++);
				assertThat(strings(row, 0, 1)).containsExactly(part.title(), statement.statement());
				int c = 2;
				for (String figure : statement.cells()) {
					percents += assertFigure(row.getCell(c++), figure);
				}
				Report.SincePair pair = pairs.get(statement.statement());
				if (pair == null) {
					assertThat(strings(row, c, c + 1)).containsOnly("not asked the same way last time");
					assertThat(row.getCell(c + 2)).isNull();
					continue;
				}
				percents += assertFigure(row.getCell(c++), pair.then());
				Cell change = row.getCell(c++);
				if (pair.shift() == null) {
					assertThat(change.getStringCellValue()).isEqualTo(NOT_SHOWN);
				}
				else {
					assertThat(change.getCellType()).isEqualTo(CellType.NUMERIC);
					assertThat(change.getNumericCellValue()).isEqualTo(pair.shift().doubleValue());
					assertThat(SHOWN.formatCellValue(change)).as(statement.statement())
						.isEqualTo(pair.shift() > 0 ? "+" + pair.shift() : String.valueOf(pair.shift()));
					changes.add(Integer.signum(pair.shift()));
				}
				if (pair.agreed().isEmpty()) {
					assertThat(row.getCell(c)).isNull();
				}
				else {
					assertThat(row.getCell(c).getStringCellValue()).isEqualTo(String.join("\n", pair.agreed()));
					agreed++;
				}
			}
		}
		assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
		assertThat(r - 2).isEqualTo(spring.items().stream().filter(i -> i.options().size() >= 2).count());
		assertThat(percents).isGreaterThan(3 * (r - 2));
		assertThat(changes).as("a rise shown with its sign").contains(1);
		// The example has no fall; the same format shows one with its sign, and no change
		// as 0.
		String signed = rowWithText(sheet, 1, model.since().pairs().get(0).text()).getCell(header.size() - 2)
			.getCellStyle()
			.getDataFormatString();
		assertThat(SHOWN.formatRawCellContents(-3, 0, signed)).isEqualTo("-3");
		assertThat(SHOWN.formatRawCellContents(0, 0, signed)).isEqualTo("0");
		assertThat(agreed).isPositive();
	}

	/**
	 * A statement withheld this round reads "not shown" in its glance cells, as words,
	 * where a number sits in every other row.
	 */
	@Test
	void aWithheldStatementReadsNotShownAtAGlance() throws Exception {
		GroupSummary thin = ReportFixtures.thinSummary(questionnaire, springRows, "na-2", 4);
		ReportInput thinInput = new ReportInput(thin, null, List.of(), "en", null, null, null, null, false);
		Report model = Report.of(thinInput);
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(thinInput))) {
			XSSFSheet sheet = book.getSheet("At a glance");
			// No round before and no agreements: no columns for them.
			assertThat(sheet.getRow(1).getLastCellNum()).isEqualTo((short) (1 + model.overview().header().size()));
			Row na2 = rowWithText(sheet, 1, TEXT.of(item(thin, "na-2").text()));
			assertThat(strings(na2, 2, na2.getLastCellNum() - 1)).containsOnly(NOT_SHOWN);
			int r = 2;
			for (Report.OverviewPart part : model.overview().principles()) {
				for (Report.OverviewRow statement : part.rows()) {
					Row row = sheet.getRow(r++);
					for (int c = 0; c < statement.cells().size(); c++) {
						assertFigure(row.getCell(2 + c), statement.cells().get(c));
					}
				}
			}
		}
	}

	/**
	 * Fewer than k took part: the glance sheet says why in one sentence and holds no
	 * figure.
	 */
	@Test
	void aRoundOfFewerThanKHasOnlyItsNoticeAtAGlance() throws Exception {
		List<AnswerRow> four = springRows.subList(0, 4);
		GroupSummary small = new Gate(5, new Random(3)).summarize(ReportFixtures.countTable(questionnaire, four),
				ReportFixtures.written(four));
		ReportInput smallInput = new ReportInput(small, null, List.of(), "en", null, null, null, null, true);
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(smallInput))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("At a glance");
			assertThat(sheet.getLastRowNum()).isZero();
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(ReportContent.notice(small, TEXT));
		}
	}

	/** A figure cell: a whole percent as a number showing that digit, or the words. */
	private static int assertFigure(Cell cell, String figure) {
		String where = cell.getSheet().getSheetName() + "!" + cell.getAddress();
		assertThat(SHOWN.formatCellValue(cell)).as(where).isEqualTo(figure);
		if (!figure.endsWith("%")) {
			assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
			assertThat(figure).isEqualTo(NOT_SHOWN);
			return 0;
		}
		assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
		assertThat(cell.getCellStyle().getDataFormatString()).as(where).isEqualTo("0%");
		// Stored as the whole percent itself, so a sum or a chart of it is what is shown.
		assertThat(cell.getNumericCellValue() * 100).as(where)
			.isCloseTo(Integer.parseInt(figure.replace("%", "")), within(1e-9));
		return 1;
	}

	private static final DataFormatter SHOWN = new DataFormatter(Locale.ROOT);

	/**
	 * At a glance, Items, Perspectives and Since last time are native Excel tables: one
	 * heading row named as its cells, banded rows, their own filter (a sheet's filter
	 * over a table is one Excel refuses), the heading frozen and printed on every page.
	 */
	@Test
	void theDataSheetsAreNativeExcelTables() {
		Set<String> names = new HashSet<>();
		for (String name : List.of("At a glance", "Items", "Perspectives", "Since last time")) {
			XSSFSheet sheet = workbook.getSheet(name);
			assertThat(sheet.getTables()).as(name).hasSize(1);
			XSSFTable table = sheet.getTables().get(0);
			assertThat(names.add(table.getName())).as("unique name %s", table.getName()).isTrue();
			assertThat(table.getName()).matches("[A-Za-z]\\w*");
			int head = table.getStartRowIndex();
			assertThat(table.getHeaderRowCount()).isEqualTo(1);
			assertThat(table.getStartColIndex()).isZero();
			assertThat(table.getEndRowIndex()).as(name).isEqualTo(sheet.getLastRowNum());
			Row header = sheet.getRow(head);
			assertThat(table.getEndColIndex()).as(name).isEqualTo(header.getLastCellNum() - 1);
			assertThat(table.getColumns().stream().map(XSSFTableColumn::getName).toList()).as(name)
				.isEqualTo(strings(header, 0, header.getLastCellNum() - 1))
				.doesNotHaveDuplicates();
			assertThat(table.getStyle().getName()).isNotBlank();
			assertThat(table.getStyle().isShowRowStripes()).isTrue();
			assertThat(table.getCTTable().getAutoFilter().getRef()).isEqualTo(table.getCTTable().getRef());
			assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isFalse();
			assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).as(name).isEqualTo((short) (head + 1));
			assertThat(sheet.getRepeatingRows()).as(name).isEqualTo(new CellRangeAddress(head, head, -1, -1));
		}
		assertThat(workbook.getSheet("Since last time").getTables().get(0).getStartRowIndex())
			.isEqualTo(ReportFixtures.agreementTexts().size() + 2);
	}

	/**
	 * Each segment of the Principles charts carries its count, the table's figure, in 10
	 * pt, centred, with no label where the count is 0.
	 */
	@Test
	void theChartsLabelEachSegmentWithItsCount() {
		for (XSSFChart chart : workbook.getSheet("Principles").getDrawingPatriarch().getCharts()) {
			var bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
			assertThat(bars.sizeOfSerArray()).isEqualTo(6);
			for (var series : bars.getSerList()) {
				assertThat(series.isSetDLbls()).isTrue();
				var labels = series.getDLbls();
				assertThat(labels.getShowVal().getVal()).isTrue();
				assertThat(labels.getShowSerName().getVal()).isFalse();
				assertThat(labels.getShowCatName().getVal()).isFalse();
				assertThat(labels.getShowPercent().getVal()).isFalse();
				assertThat(labels.getNumFmt().getFormatCode()).isEqualTo("0;;;");
				assertThat(labels.getDLblPos().getVal().toString()).isEqualTo("ctr");
				assertThat(labels.getTxPr().getPArray(0).getPPr().getDefRPr().getSz()).isEqualTo(1000);
				// Where the schema wants the labels: after the series' fill, before its
				// categories.
				assertThat(series.xmlText().replaceAll("\\s+", " "))
					.containsPattern("</([a-z]+:)?spPr>.*<([a-z]+:)?dLbls>.*</([a-z]+:)?dLbls>.*<([a-z]+:)?cat>");
			}
		}
	}

	/**
	 * Every sheet prints landscape on A4, one page wide, and the scale Excel needs to fit
	 * its columns on the page keeps its smallest text at 8 pt or more; each page carries
	 * the report's title, its period and its number.
	 */
	@Test
	void everySheetPrintsOnePageWideAtEightPointOrMore() {
		Report model = Report.of(input);
		for (Sheet any : workbook) {
			XSSFSheet sheet = (XSSFSheet) any;
			String name = sheet.getSheetName();
			assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
			assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(sheet.getFitToPage()).as(name).isTrue();
			assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
			assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isZero();
			double scale = printedScale(sheet);
			double smallest = smallestFont(sheet);
			assertThat(scale * smallest)
				.as("%s printed at %.0f%%, its smallest text %.1f pt", name, scale * 100, smallest)
				.isGreaterThanOrEqualTo(8);
			assertThat(sheet.getHeader().getLeft()).as(name).isEqualTo(model.title());
			assertThat(sheet.getHeader().getRight()).as(name).isEqualTo("Spring 2026");
			assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("Page &P of &N");
		}
	}

	/**
	 * The scale Excel prints a sheet at to fit it one page wide: the A4 landscape width
	 * between the margins over the width of its columns (7 pixels a character, 96 a
	 * inch), in whole percent, never more than 100.
	 */
	static double printedScale(XSSFSheet sheet) {
		int last = 0;
		for (Row row : sheet) {
			last = Math.max(last, row.getLastCellNum() - 1);
		}
		for (CellRangeAddress merged : sheet.getMergedRegions()) {
			last = Math.max(last, merged.getLastColumn());
		}
		XSSFDrawing drawing = sheet.getDrawingPatriarch();
		if (drawing != null) {
			for (var shape : drawing.getShapes()) {
				last = Math.max(last, ((XSSFClientAnchor) shape.getAnchor()).getCol2());
			}
		}
		double content = 0;
		for (int c = 0; c <= last; c++) {
			content += sheet.getColumnWidth(c) / 256.0 * 7 * 72 / 96;
		}
		double page = (297 / 25.4 - sheet.getMargin(PageMargin.LEFT) - sheet.getMargin(PageMargin.RIGHT)) * 72;
		return Math.min(100, Math.floor(100 * page / content)) / 100;
	}

	/** The smallest text of a sheet's cells, and of its charts' labels, in points. */
	static double smallestFont(XSSFSheet sheet) {
		double smallest = Double.MAX_VALUE;
		for (Row row : sheet) {
			for (Cell cell : row) {
				smallest = Math.min(smallest,
						sheet.getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints());
			}
		}
		XSSFDrawing drawing = sheet.getDrawingPatriarch();
		if (drawing != null && !drawing.getCharts().isEmpty()) {
			// Labels as set, and Excel's 10 pt for a chart's other words.
			smallest = Math.min(smallest, Math.min(10, WorkbookReport.LABEL_SIZE / 100.0));
		}
		return smallest;
	}

	/**
	 * In Spanish: the first sheet's name, its headings, and the page's number; a title
	 * with an ampersand prints as written, not as a header code.
	 */
	@Test
	void theSpanishWorkbookOpensOnDeUnVistazo() throws Exception {
		ReportInput spanish = new ReportInput(spring, autumn, ReportFixtures.agreements(), "es", null,
				"Cuidado & apoyo mutuo", "Otoño 2026", null, true);
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(spanish))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("De un vistazo");
			Row header = sheet.getRow(1);
			assertThat(strings(header, 0, header.getLastCellNum() - 1))
				.startsWith("Principio", "Afirmación", "Todo el grupo")
				.contains("Todo el grupo, la última vez", "Cambio desde la última vez (puntos)");
			assertThat(sheet.getFooter().getCenter()).isEqualTo("Página &P de &N");
			// "&&" is how a header writes one "&"; a single one would start a code.
			assertThat(sheet.getHeader().getLeft()).isEqualTo("Cuidado && apoyo mutuo");
			assertThat(sheet.getHeader().getRight()).isEqualTo("Otoño 2026");
			Row first = sheet.getRow(2);
			assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
		}
	}

	// --- checks shared with other tests ---

	/** Columns of the Items sheet for a scale of {@code options} options. */
	static int itemColumns(int options) {
		return 3 + 1 + options + 1 + options + 1 + 2;
	}

	/**
	 * One row per scale item in questionnaire order, each figure exactly the summary's.
	 */
	static void assertItemsSheet(XSSFWorkbook book, GroupSummary summary, ReportText text) {
		Sheet sheet = book.getSheet(text.get("report.sheet.items"));
		if (!summary.resultsShown()) {
			// Fewer than k took part: no statement has a row, so no option has a column;
			// one sentence says why.
			assertThat(strings(sheet.getRow(0), 0, 3)).containsExactly("Principle", "Item", "Statement", "People");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(ReportContent.notice(summary, text));
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			return;
		}
		List<String> header = strings(sheet.getRow(0), 0, itemColumns(5));
		assertThat(header).containsExactly("Principle", "Item", "Statement", "People", "Not at all true for us",
				"A little true", "Partly true", "Mostly true", "Very true for us", "Not sure",
				"Not at all true for us %", "A little true %", "Partly true %", "Mostly true %", "Very true for us %",
				"Not sure %", "How much views differ (0 to 1)", "In words", "Why not shown");
		int r = 1;
		for (PrincipleSummary principle : summary.principles()) {
			for (ItemSummary item : principle.items()) {
				Row row = sheet.getRow(r++);
				assertThat(strings(row, 0, 2)).containsExactly(text.of(principle.title()), item.id(),
						text.of(item.text()));
				if (!item.shown()) {
					assertWithheldCells(row, 3, itemColumns(5) - 1);
					continue;
				}
				assertThat(numbers(row, 3, 15)).as(item.id()).isEqualTo(distributionNumbers(item.all()));
				assertPercentFormat(row, 10, 15);
				double leik = BigDecimal.valueOf(item.spread()).setScale(2, RoundingMode.HALF_UP).doubleValue();
				assertThat(row.getCell(16).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(row.getCell(16).getNumericCellValue()).as("Leik's D of %s (%s)", item.id(), item.spread())
					.isEqualTo(leik);
				assertThat(row.getCell(17).getStringCellValue())
					.isEqualTo(ReportContent.spreadWords(item.spread(), text));
				assertThat(row.getLastCellNum()).isEqualTo((short) itemColumns(5));
			}
		}
		assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
	}

	/** Returns how many withheld group rows it checked. */
	static int assertPerspectivesSheet(XSSFWorkbook book, GroupSummary summary) {
		Sheet sheet = book.getSheet("Perspectives");
		assertThat(strings(sheet.getRow(0), 0, 3)).containsExactly("Item", "Statement", "Group", "People");
		int r = 1;
		int withheld = 0;
		int last = itemColumns(5) - 3;
		if (!summary.resultsShown()) {
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(ReportContent.notice(summary, TEXT));
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			return 0;
		}
		for (ItemSummary item : summary.items()) {
			for (GroupDistribution group : item.groups()) {
				Row row = sheet.getRow(r++);
				assertThat(strings(row, 0, 2)).containsExactly(item.id(), TEXT.of(item.text()), TEXT.of(group.label()));
				if (group.shown()) {
					assertThat(row.getLastCellNum()).as("%s %s", item.id(), group.value())
						.isEqualTo((short) (last + 1));
					assertThat(numbers(row, 3, last)).as("%s %s", item.id(), group.value())
						.isEqualTo(distributionNumbers(group.distribution()));
					assertPercentFormat(row, 10, last);
				}
				else {
					withheld++;
					assertWithheldCells(row, 3, last);
				}
			}
		}
		assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
		return withheld;
	}

	/**
	 * Every cell from..to is the text "not shown", never a number or a blank (invariant
	 * 8); the one reason for all of them follows in the next cell, the row's last.
	 */
	static void assertWithheldCells(Row row, int from, int to) {
		for (int c = from; c <= to + 1; c++) {
			Cell cell = row.getCell(c);
			String where = row.getSheet().getSheetName() + " row " + (row.getRowNum() + 1) + " " + label(row)
					+ " column " + c;
			assertThat(cell).as(where).isNotNull();
			assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
			assertThat(cell.getStringCellValue()).as(where).isEqualTo(c <= to ? NOT_SHOWN : WHY);
		}
		assertThat(row.getLastCellNum()).as("the reason ends the row").isEqualTo((short) (to + 2));
	}

	/**
	 * Each list sheet is a table: heading frozen, filters on its columns, heading printed
	 * on each page.
	 */
	@Test
	void everyListSheetIsATableWithFrozenHeadingFiltersAndPrintTitles() {
		for (String name : List.of("Where to start talking", "Written answers")) {
			XSSFSheet sheet = workbook.getSheet(name);
			assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
			assertThat(sheet.getPaneInformation()).as(name).isNotNull();
			assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
			assertThat(sheet.getRepeatingRows()).as(name).isNotNull();
		}
		Sheet differ = workbook.getSheet("Where to start talking");
		assertThat(differ.getLastRowNum()).isPositive();
		assertThat(differ.getRow(1).getCell(2).getStringCellValue()).contains("of us chose");
		assertThat(differ.getRow(1).getCell(1).getStringCellValue()).contains("Our answers split");
	}

	/** What a row is about, from its first three cells: item, statement, group. */
	static String label(Row row) {
		List<String> words = new ArrayList<>();
		for (int c = 0; c < 3; c++) {
			Cell cell = row.getCell(c);
			if (cell != null && cell.getCellType() == CellType.STRING) {
				words.add(cell.getStringCellValue());
			}
		}
		return words.toString();
	}

	/**
	 * People, counts, not sure, then each share as the report prints it (a whole percent,
	 * half up) as a fraction of 1.
	 */
	static List<Double> distributionNumbers(Distribution d) {
		List<Double> numbers = new ArrayList<>();
		numbers.add((double) d.people());
		d.counts().forEach(c -> numbers.add((double) c));
		numbers.add((double) d.notSure());
		d.counts().forEach(c -> numbers.add(OneReportModelTest.halfUp(c, d.people()) / 100.0));
		numbers.add(OneReportModelTest.halfUp(d.notSure(), d.people()) / 100.0);
		return numbers;
	}

	static void assertPercentFormat(Row row, int from, int to) {
		for (int c = from; c <= to; c++) {
			assertThat(row.getCell(c).getCellStyle().getDataFormatString()).isEqualTo("0%");
		}
	}

	static List<String> strings(Row row, int from, int to) {
		List<String> values = new ArrayList<>();
		for (int c = from; c <= to; c++) {
			Cell cell = row.getCell(c);
			assertThat(cell).as("%s row %d column %d", row.getSheet().getSheetName(), row.getRowNum() + 1, c)
				.isNotNull();
			assertThat(cell.getCellType()).as("%s", cell.getAddress()).isEqualTo(CellType.STRING);
			values.add(cell.getStringCellValue());
		}
		return values;
	}

	static List<Double> numbers(Row row, int from, int to) {
		List<Double> values = new ArrayList<>();
		for (int c = from; c <= to; c++) {
			Cell cell = row.getCell(c);
			assertThat(cell).as("%s row %d column %d", row.getSheet().getSheetName(), row.getRowNum() + 1, c)
				.isNotNull();
			assertThat(cell.getCellType()).as("%s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
			values.add(cell.getNumericCellValue());
		}
		return values;
	}

	static Row rowOf(Sheet sheet, int column, String value) {
		return rowWithText(sheet, column, value);
	}

	static Row rowWithText(Sheet sheet, int column, String value) {
		for (Row row : sheet) {
			Cell cell = row.getCell(column);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(value)) {
				return row;
			}
		}
		throw new AssertionError("no row of " + sheet.getSheetName() + " has '" + value + "' in column " + column);
	}

	static Cell cellWithText(Sheet sheet, int column, String value) {
		return rowWithText(sheet, column, value).getCell(column);
	}

	/** The value beside a label in the About sheet. */
	static String pairValue(Sheet sheet, String label) {
		return rowWithText(sheet, 0, label).getCell(1).getStringCellValue();
	}

	static ItemSummary item(GroupSummary summary, String id) {
		return summary.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
	}

}
