package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * Every round in view, laid out: the PDF's small multiples and the workbook's "Series"
 * sheet, read back, carry every figure of the model's series and nothing in its place
 * where a figure is left out; in English and in Spanish.
 */
class SeriesLayoutsTest {

	private static final Questionnaire QUESTIONNAIRE = ReportFixtures.questionnaire();

	/** The series part of the PDF, from its title to the next part's. */
	private static String seriesPages(ReportInput input, Report report) {
		String pdf = ReportFixtures.squeeze(String.join(" ", ReportFixtures.pdfPages(ReportFixtures.pdf(input))));
		String title = ReportFixtures.squeeze(report.series().title());
		// The contents name the part once before it starts.
		int from = pdf.lastIndexOf(title);
		int to = pdf.indexOf(ReportFixtures.squeeze(report.words().title()), from);
		assertThat(from).isPositive();
		assertThat(to).isGreaterThan(from);
		return pdf.substring(from, to);
	}

	@Test
	void thePdfDrawsOneSmallChartPerStatementWithEveryFigureAndPeriod() {
		for (String language : List.of("en", "es")) {
			ReportInput input = ReportFixtures.seriesInput(QUESTIONNAIRE, language);
			Report report = Report.of(input);
			String pages = seriesPages(input, report);
			assertThat(pages).contains(ReportFixtures.squeeze(report.series().lead()));
			report.series().notes().forEach(note -> assertThat(pages).contains(ReportFixtures.squeeze(note)));
			int at = 0;
			int figures = 0;
			for (Report.SeriesStatement statement : report.series().statements()) {
				at = pages.indexOf(ReportFixtures.squeeze(statement.text()), at);
				assertThat(at).as("%s in %s", statement.id(), language).isPositive();
				// The chart's scale, then each round: its share when shown, its period.
				for (Report.SeriesPoint point : statement.points()) {
					if (point.shown()) {
						int share = pages.indexOf(point.upper() + "%", at);
						assertThat(share).as("%s, %s in %s", statement.id(), point.period(), language)
							.isGreaterThan(at);
						at = share;
						figures++;
					}
					int period = pages.indexOf(ReportFixtures.squeeze(point.period()), at);
					assertThat(period).as("%s, %s in %s", statement.id(), point.period(), language).isGreaterThan(at);
					at = period;
				}
			}
			assertThat(figures).isGreaterThan(report.series().statements().size());
		}
	}

	@Test
	void theWorkbookHasASeriesSheetWithOneRowPerStatementAndRoundAndALineChartPerPrinciple() {
		for (String language : List.of("en", "es")) {
			ReportInput input = ReportFixtures.seriesInput(QUESTIONNAIRE, language);
			Report report = Report.of(input);
			Report.Series series = report.series();
			XSSFWorkbook workbook = ReportFixtures.readWorkbook(ReportFixtures.workbook(input));
			XSSFSheet sheet = workbook.getSheet("Series");
			assertThat(sheet).as(language).isNotNull();
			// After "since last time", as in every layout.
			assertThat(workbook.getSheetIndex(sheet))
				.isEqualTo(workbook.getSheetIndex(new ReportText(language).get("report.sheet.since")) + 1);
			int head = -1;
			for (Row row : sheet) {
				Cell first = row.getCell(0);
				if (first != null && first.getCellType() == CellType.STRING
						&& first.getStringCellValue().equals(new ReportText(language).get("report.sheet.itemId"))) {
					head = row.getRowNum();
					break;
				}
			}
			assertThat(head).isPositive();
			int r = head + 1;
			for (Report.SeriesStatement statement : series.statements()) {
				for (Report.SeriesPoint point : statement.points()) {
					Row row = sheet.getRow(r++);
					assertThat(row.getCell(0).getStringCellValue()).isEqualTo(statement.id());
					assertThat(row.getCell(2).getStringCellValue()).isEqualTo(statement.text());
					assertThat(row.getCell(3).getStringCellValue()).isEqualTo(point.period());
					share(row.getCell(4), point.upper(), series.notShown());
					share(row.getCell(5), point.notSure(), series.notShown());
					if (point.people() != null) {
						assertThat(row.getCell(6).getNumericCellValue()).isEqualTo((double) point.people());
					}
					else {
						assertThat(row.getCell(6).getStringCellValue()).isEqualTo(series.notShown());
					}
					for (int g = 0; g < point.groups().size(); g++) {
						share(row.getCell(7 + g), point.groups().get(g), series.notShown());
					}
					if (!point.agreed().isEmpty()) {
						assertThat(row.getCell(7 + point.groups().size()).getStringCellValue())
							.isEqualTo(String.join("\n", point.agreed()));
					}
				}
			}
			int last = r - 1;
			assertThat(sheet.getTables()).singleElement()
				.satisfies(table -> assertThat(table.getEndRowIndex()).isEqualTo(last));
			long principles = series.statements().stream().map(Report.SeriesStatement::principle).distinct().count();
			assertThat(sheet.getDrawingPatriarch().getCharts()).hasSize((int) principles)
				.allSatisfy(chart -> assertThat(chart.getCTChart().getPlotArea().getLineChartList()).hasSize(1));
			// No cell holds a formula.
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	/** A whole percent stored exactly, as the report shows it, or the words left out. */
	private static void share(Cell cell, Integer whole, String notShown) {
		if (whole == null) {
			assertThat(cell.getStringCellValue()).isEqualTo(notShown);
			return;
		}
		assertThat(cell.getNumericCellValue()).isEqualTo(whole / 100.0);
		assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0%");
	}

}
