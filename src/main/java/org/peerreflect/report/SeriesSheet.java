package org.peerreflect.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Every round in view: a row per statement and round, and line charts by principle. */
final class SeriesSheet extends WorkbookSheet {

	SeriesSheet(WorkbookContext context) {
		super(context);
	}

	/**
	 * Every round in view: one row per statement and round, its shares stored as the
	 * whole percents the report shows and "not shown" in words where left out; then,
	 * under the table, for each principle its statements' shares by round and a native
	 * line chart of them, where a share left out is a blank cell and so a gap in the
	 * line, never a 0. The sheet's name, or null when the report has no series.
	 */
	String series() {
		Report.Series series = report.series();
		if (series == null) {
			return null;
		}
		XSSFSheet sheet = workbook.createSheet(text.get("report.sheet.series"));
		List<String> columns = new ArrayList<>(
				List.of(text.get("report.sheet.itemId"), text.get("report.sheet.principle"),
						text.get("report.sheet.item"), text.get("report.sheet.round"), text.get("report.series.upper"),
						text.get("report.series.notSure"), text.get("report.series.answered")));
		columns.addAll(series.groups());
		columns.add(series.agreedLabel());
		List<Integer> wanted = new ArrayList<>(List.of(7, 20, 40, 16, 11, 9, 10));
		List<Integer> least = new ArrayList<>(List.of(6, 12, 24, 12, 9, 8, 8));
		series.groups().forEach(group -> {
			wanted.add(10);
			least.add(8);
		});
		wanted.add(30);
		least.add(16);
		widths(sheet, wanted, least);
		int across = columns.size() - 1;
		int r = 0;
		textCell(sheet.createRow(r++), 0, series.title(), title);
		for (String line : concat(series.lead(), series.notes())) {
			Row row = sheet.createRow(r++);
			textCell(row, 0, line, wrap);
			sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, across));
			fitHeight(row, line, totalChars(sheet, across + 1));
		}
		r++;
		int headRow = r++;
		headerRow(sheet, headRow, columns);
		for (Report.SeriesStatement statement : series.statements()) {
			for (Report.SeriesPoint point : statement.points()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, statement.id(), null);
				textCell(row, 1, statement.principle(), wrap);
				textCell(row, 2, statement.text(), wrap);
				fitHeight(row, statement.text(), sheet.getColumnWidth(2) / 256);
				textCell(row, 3, point.period(), null);
				share(row, 4, point.upper(), series.notShown());
				share(row, 5, point.notSure(), series.notShown());
				if (point.people() != null) {
					row.createCell(6).setCellValue(point.people());
				}
				else {
					textCell(row, 6, series.notShown(), null);
				}
				for (int g = 0; g < point.groups().size(); g++) {
					share(row, 7 + g, point.groups().get(g), series.notShown());
				}
				if (!point.agreed().isEmpty()) {
					String agreed = String.join("\n", point.agreed());
					textCell(row, across, agreed, wrap);
					fitHeight(row, agreed, sheet.getColumnWidth(across) / 256);
				}
			}
		}
		int lastRow = r - 1;
		if (!series.statements().isEmpty()) {
			nativeTable(sheet, "Series", columns, headRow, lastRow);
		}
		r++;
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		Map<String, List<Report.SeriesStatement>> byPrinciple = new LinkedHashMap<>();
		series.statements()
			.forEach(statement -> byPrinciple.computeIfAbsent(statement.principle(), p -> new ArrayList<>())
				.add(statement));
		for (Map.Entry<String, List<Report.SeriesStatement>> principle : byPrinciple.entrySet()) {
			r = seriesChart(sheet, drawing, r, principle.getKey(), principle.getValue(), series);
		}
		return sheet.getSheetName();
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	/** A whole percent as a percent cell, or the words for a figure left out. */
	private void share(Row row, int column, Integer whole, String notShown) {
		if (whole == null) {
			textCell(row, column, notShown, null);
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(whole / 100.0);
		cell.setCellStyle(percent);
	}

	/**
	 * A principle's statements by round, one column each, and a native line chart of them
	 * beside: the rounds along the bottom, 0% to 100% up the side.
	 */
	private int seriesChart(XSSFSheet sheet, XSSFDrawing drawing, int r, String principle,
			List<Report.SeriesStatement> statements, Report.Series series) {
		textCell(sheet.createRow(r++), 0, principle, title);
		int headRow = r++;
		Row head = sheet.createRow(headRow);
		textCell(head, 3, text.get("report.sheet.round"), header);
		for (int s = 0; s < statements.size(); s++) {
			textCell(head, 4 + s, statements.get(s).id(), header);
		}
		int firstData = r;
		for (String period : series.periods()) {
			Row row = sheet.createRow(r++);
			textCell(row, 3, period, null);
			for (int s = 0; s < statements.size(); s++) {
				for (Report.SeriesPoint point : statements.get(s).points()) {
					if (point.period().equals(period) && point.upper() != null) {
						Cell cell = row.createCell(4 + s);
						cell.setCellValue(point.upper() / 100.0);
						cell.setCellStyle(percent);
					}
				}
			}
		}
		int lastData = r - 1;
		int chartRows = 16;
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, r + 1, 8, r + 1 + chartRows);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(principle);
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis rounds = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis shares = chart.createValueAxis(AxisPosition.LEFT);
		shares.setMinimum(0);
		shares.setMaximum(1);
		shares.setNumberFormat("0%");
		shares.setCrosses(AxisCrosses.AUTO_ZERO);
		XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, rounds, shares);
		data.setVaryColors(false);
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(firstData, lastData, 3, 3));
		for (int s = 0; s < statements.size(); s++) {
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(firstData, lastData, 4 + s, 4 + s));
			XDDFLineChartData.Series line = (XDDFLineChartData.Series) data.addSeries(categories, values);
			line.setTitle(statements.get(s).id() + " " + statements.get(s).text(),
					new CellReference(sheet.getSheetName(), headRow, 4 + s, true, true));
			line.setSmooth(false);
		}
		chart.plot(data);
		return r + chartRows + 3;
	}

}
