package org.peerreflect.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.questionnaire.Questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One figure everywhere: every percent the PDF, the workbook and the web page print is
 * its count of the row's people, times 100, rounded half up, worked out here apart from
 * the report's code. A share rounded another way in any one place would stand beside the
 * same share printed differently elsewhere.
 */
class OneFigureEverywhereTest {

	/**
	 * A table row as the PDF's text gives it, the cells run together: "2 (5%)16 (39%)1
	 * (2%)41".
	 */
	private static final Pattern PDF_ROW = Pattern.compile("((?:\\d+ \\(\\d+%\\) ?){2,})(\\d+)(?!\\d| \\()");

	private static final Pattern FIGURE = Pattern.compile("(\\d+) \\((\\d+)%\\)");

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void everyPercentOfThePdfTheWorkbookAndTheModelIsItsCountRoundedHalfUp(String language) throws Exception {
		ReportInput input = input(language);
		Report report = Report.of(input);

		int model = 0;
		int itemFigures = report.principles()
			.stream()
			.flatMap(p -> p.items().stream())
			.filter(item -> item.table() != null)
			.flatMap(item -> item.table().rows().stream())
			.mapToInt(row -> row.figures().size())
			.sum();
		for (Report.Table table : tables(report)) {
			for (Report.Row row : table.rows()) {
				if (!row.shown()) {
					continue;
				}
				for (Report.Figure figure : row.figures()) {
					assertThat(figure.percent()).as("%s %s", row.label(), row.cells())
						.isEqualTo(OneReportModelTest.halfUp(figure.count(), row.people()));
					// The web page prints the model's cells as they stand.
					assertThat(row.cells()).contains(figure.count() + " (" + figure.percent() + "%)");
					model++;
				}
			}
		}

		int pdf = 0;
		String text = ReportFixtures.normalize(String.join(" ", ReportFixtures.pdfPages(ReportFixtures.pdf(input))));
		Matcher row = PDF_ROW.matcher(text);
		while (row.find()) {
			int people = Integer.parseInt(row.group(2));
			Matcher figure = FIGURE.matcher(row.group(1));
			while (figure.find()) {
				assertThat(Integer.parseInt(figure.group(2))).as("the PDF's row \"%s\"", row.group())
					.isEqualTo(OneReportModelTest.halfUp(Integer.parseInt(figure.group(1)), people));
				pdf++;
			}
		}
		// Every statement's table; "since last time" draws its figures as bars.
		assertThat(pdf).as("figures read back from the PDF's tables").isGreaterThanOrEqualTo(itemFigures);

		int workbook = 0;
		DataFormatter shown = new DataFormatter();
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(input))) {
			for (Sheet sheet : book) {
				for (Row line : sheet) {
					workbook += checkRow(line, shown);
				}
			}
		}
		assertThat(workbook).as("percent cells of the workbook").isGreaterThanOrEqualTo(model / 2);
		System.out.printf("one figure everywhere (%s): %d in the model and on the web page, %d in the PDF, %d in the "
				+ "workbook%n", language, model, pdf, workbook);
	}

	/**
	 * A workbook row's percent cells against the counts before them: people, then each
	 * count, then each percent in the same order; returns how many were compared.
	 */
	private static int checkRow(Row line, DataFormatter shown) {
		List<Cell> numbers = new ArrayList<>();
		List<Cell> percents = new ArrayList<>();
		for (Cell cell : line) {
			if (cell.getCellType() != CellType.NUMERIC) {
				continue;
			}
			(cell.getCellStyle().getDataFormatString().endsWith("%") ? percents : numbers).add(cell);
		}
		if (percents.isEmpty() || numbers.size() < percents.size() + 1) {
			return 0;
		}
		int people = (int) numbers.get(0).getNumericCellValue();
		for (int i = 0; i < percents.size(); i++) {
			int count = (int) numbers.get(1 + i).getNumericCellValue();
			assertThat(shown.formatCellValue(percents.get(i)))
				.as("%s %s", line.getSheet().getSheetName(), percents.get(i).getAddress())
				.isEqualTo(OneReportModelTest.halfUp(count, people) + "%");
		}
		return percents.size();
	}

	private static List<Report.Table> tables(Report report) {
		Stream<Report.Table> items = report.principles()
			.stream()
			.flatMap(p -> p.items().stream())
			.map(Report.ItemBlock::table)
			.filter(t -> t != null);
		Stream<Report.Table> since = report.since() == null ? Stream.empty()
				: report.since().pairs().stream().map(Report.SincePair::table).filter(t -> t != null);
		return Stream.concat(items, since).toList();
	}

	static ReportInput input(String language) {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		GroupSummary spring = ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, true);
		GroupSummary autumn = ReportFixtures.summary(questionnaire, ReportFixtures.AUTUMN, true);
		return new ReportInput(spring, autumn, ReportFixtures.agreements(), language, "Harbour Peer Circle", null,
				"Spring 2026", null, true);
	}

}
