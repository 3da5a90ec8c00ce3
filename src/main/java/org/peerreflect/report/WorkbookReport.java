package org.peerreflect.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.peerreflect.insight.GroupSummary;
import org.peerreflect.insight.GroupSummary.Distribution;
import org.peerreflect.insight.GroupSummary.GroupDistribution;
import org.peerreflect.insight.GroupSummary.ItemSummary;
import org.peerreflect.insight.GroupSummary.PrincipleSummary;
import org.peerreflect.insight.GroupSummary.WrittenSummary;

/**
 * The Excel workbook: About, Where our views differ, Principles (with native Excel charts), Items,
 * Perspectives, Written answers, Since last time. Never a sheet of individual responses. Answer
 * text always goes in text cells, never formulas. Each list sheet is a table with a frozen heading
 * row, filters, and its heading printed on every page; its number columns hold numbers, exact shares
 * as percents, and "not shown" where a figure is withheld (never a blank that could mean 0).
 */
final class WorkbookReport {

	private final ReportInput input;

	private final ReportText text;

	private final GroupSummary summary;

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	/**
	 * Where sheets are made: the workbook itself for About and Principles (their charts need the
	 * full object model), then a streaming view of it for the list sheets, which can be long.
	 */
	private org.apache.poi.ss.usermodel.Workbook sheets = workbook;

	private final CellStyle header;

	private final CellStyle wrap;

	private final CellStyle title;

	private final CellStyle percent;

	/** One quote-prefixed twin per style, made when first needed. */
	private final java.util.Map<CellStyle, CellStyle> quotePrefixed = new java.util.HashMap<>();

	private final Report report;

	private WorkbookReport(Report report, ReportInput input) {
		this.input = input;
		this.report = report;
		this.text = new ReportText(input.language());
		this.summary = input.current();
		Font bold = workbook.createFont();
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		header = workbook.createCellStyle();
		header.setFont(bold);
		header.setWrapText(true);
		header.setVerticalAlignment(VerticalAlignment.BOTTOM);
		header.setBorderBottom(BorderStyle.THIN);
		header.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		title = workbook.createCellStyle();
		title.setFont(big);
		percent = workbook.createCellStyle();
		percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
	}

	static void write(Report model, ReportInput input, OutputStream out) throws IOException {
		WorkbookReport report = new WorkbookReport(model, input);
		try (XSSFWorkbook workbook = report.workbook) {
			report.about();
			report.differ();
			report.principles();
			org.apache.poi.xssf.streaming.SXSSFWorkbook streaming = new org.apache.poi.xssf.streaming.SXSSFWorkbook(workbook, 200);
			report.sheets = streaming;
			report.items();
			report.perspectives();
			report.written();
			report.sinceLastTime();
			report.printSetup();
			streaming.write(out);
			streaming.dispose();
		}
	}

	private void about() {
		Sheet sheet = workbook.createSheet(text.get("report.sheet.about"));
		sheet.setColumnWidth(0, 34 * 256);
		sheet.setColumnWidth(1, 80 * 256);
		int r = 0;
		Row first = sheet.createRow(r++);
		textCell(first, 0, input.title() != null ? input.title() : text.of(summary.questionnaireTitle()), title);
		r++;
		r = pair(sheet, r, text.get("report.sheet.organization"), input.organization());
		r = pair(sheet, r, text.get("report.sheet.period"), input.period());
		r = pair(sheet, r, text.get("report.cover.tookPart"), summary.resultsShown()
				? text.get("report.cover.people", summary.people())
				: text.get("report.cover.fewer", summary.minGroupSize()));
		if (summary.resultsShown()) {
			for (GroupSummary.Group group : summary.groups()) {
				r = pair(sheet, r, text.of(summary.perspectiveQuestion()) + " " + text.of(group.label()),
						group.shown() ? String.valueOf(group.people()) : text.get("report.notShown"));
			}
		}
		r = pair(sheet, r, text.get("report.cover.codes"), ReportContent.codes(input, text));
		r = pair(sheet, r, text.get("report.cover.questionnaire"), text.of(summary.questionnaireTitle()) + " ("
				+ text.get("report.cover.version", summary.questionnaireId(), summary.questionnaireVersion()) + ")");
		r = pair(sheet, r, text.get("report.cover.protection"), text.get("report.cover.protectionText", summary.minGroupSize()));
		r = pair(sheet, r, "", ReportContent.notice(summary, text));
		r++;
		Row heading = sheet.createRow(r++);
		textCell(heading, 0, text.get("report.read.title"), header);
		for (String paragraph : ReportContent.howToRead(summary, text)) {
			Row row = sheet.createRow(r++);
			textCell(row, 1, paragraph, wrap);
			fitHeight(row, paragraph, 80);
		}
		if (summary.resultsShown()) {
			r++;
			textCell(sheet.createRow(r++), 0, text.get("report.short.title"), header);
			for (PrincipleSummary principle : summary.principles()) {
				String line = ReportContent.principleSentence(principle, text);
				if (line != null) {
					Row row = sheet.createRow(r++);
					textCell(row, 1, line, wrap);
					fitHeight(row, line, 80);
				}
			}
		}
		r++;
		Row withheldHeading = sheet.createRow(r++);
		textCell(withheldHeading, 0, text.get("report.withheld.title"), header);
		List<String> lines = ReportContent.withheld(summary, input.writtenIncluded(), text);
		if (lines.isEmpty()) {
			lines = List.of(text.get("report.withheld.nothing"));
		}
		for (String line : lines) {
			Row row = sheet.createRow(r++);
			textCell(row, 1, line, wrap);
			fitHeight(row, line, 80);
		}
	}

	private int pair(Sheet sheet, int r, String label, String value) {
		if (value == null) {
			return r;
		}
		Row row = sheet.createRow(r);
		textCell(row, 0, label, header);
		textCell(row, 1, value, wrap);
		fitHeight(row, value, 80);
		return r + 1;
	}

	/** Per principle: a small table of counts of the shown items and a native stacked bar chart. */
	private void principles() {
		XSSFSheet sheet = workbook.createSheet(text.get("report.sheet.principles"));
		sheet.setColumnWidth(0, 60 * 256);
		int r = 0;
		if (!summary.resultsShown()) {
			textCell(sheet.createRow(r), 0, text.get("report.cover.noResults", summary.minGroupSize()), wrap);
			return;
		}
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		for (PrincipleSummary principle : summary.principles()) {
			if (principle.items().isEmpty()) {
				continue;
			}
			textCell(sheet.createRow(r++), 0, text.of(principle.title()), title);
			// One table and one chart per scale: items on different scales never share columns.
			for (List<ItemSummary> sameScale : ReportContent.byScale(principle.items())) {
				r = principleTable(sheet, drawing, r, text.of(principle.title()), sameScale);
			}
			r++;
		}
		for (int c = 1; c <= 7; c++) {
			sheet.setColumnWidth(c, 13 * 256);
		}
	}

	/** A table of counts for items on one scale, withheld items after, and a chart of the shown ones. */
	private int principleTable(XSSFSheet sheet, XSSFDrawing drawing, int r, String name, List<ItemSummary> items) {
		ItemSummary first = items.get(0);
		int options = first.options().size();
		Row head = sheet.createRow(r++);
		textCell(head, 0, text.get("report.sheet.item"), header);
		for (int o = 0; o < options; o++) {
			textCell(head, 1 + o, text.of(first.options().get(o).label()), header);
		}
		textCell(head, 1 + options, text.of(first.notSure()), header);
		int headerRow = head.getRowNum();
		int firstData = r;
		for (ItemSummary item : items) {
			if (item.shown()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, text.of(item.text()), wrap);
				fitHeight(row, text.of(item.text()), 60);
				for (int o = 0; o < options; o++) {
					row.createCell(1 + o).setCellValue(item.all().counts().get(o));
				}
				row.createCell(1 + options).setCellValue(item.all().notSure());
			}
		}
		int lastData = r - 1;
		for (ItemSummary item : items) {
			if (!item.shown()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, text.of(item.text()), wrap);
				withheld(row, 1, 2 + options);
			}
		}
		if (lastData >= firstData) {
			int chartRows = Math.max(10, 3 * (lastData - firstData + 1) + 5);
			XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, r + 1, 8, r + 1 + chartRows);
			chart(sheet, drawing.createChart(anchor), name, headerRow, firstData, lastData, options);
			r += chartRows + 2;
		}
		return r + 1;
	}

	private void chart(XSSFSheet sheet, XSSFChart chart, String name, int headerRow, int firstData, int lastData, int options) {
		chart.setTitleText(name);
		chart.setTitleOverlay(false);
		XDDFChartLegend legend = chart.getOrAddLegend();
		legend.setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis items = chart.createCategoryAxis(AxisPosition.LEFT);
		// Top to bottom in questionnaire order, as in the table above the chart.
		items.setOrientation(org.apache.poi.xddf.usermodel.chart.AxisOrientation.MAX_MIN);
		XDDFValueAxis shares = chart.createValueAxis(AxisPosition.BOTTOM);
		shares.setCrosses(AxisCrosses.MAX);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, items, shares);
		data.setBarDirection(BarDirection.BAR);
		data.setBarGrouping(BarGrouping.PERCENT_STACKED);
		data.setVaryColors(false);
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(firstData, lastData, 0, 0));
		for (int o = 0; o <= options; o++) {
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(firstData, lastData, 1 + o, 1 + o));
			XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(categories, values);
			series.setTitle(sheet.getRow(headerRow).getCell(1 + o).getStringCellValue(),
					new CellReference(sheet.getSheetName(), headerRow, 1 + o, true, true));
			Color colour = o < options ? Charts.optionColour(o, options) : Charts.NOT_SURE;
			series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(
					new byte[] { (byte) colour.getRed(), (byte) colour.getGreen(), (byte) colour.getBlue() })));
			XDDFLineProperties outline = new XDDFLineProperties();
			outline.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(new byte[] { (byte) 0x8c, (byte) 0x8c, (byte) 0x8c })));
			series.setLineProperties(outline);
		}
		chart.plot(data);
		overlapBars(chart);
	}

	/**
	 * Stacked bars need an overlap of 100%. POI's setter needs the full OOXML schemas, so the one
	 * element is added to the chart XML directly, where the schema wants it: before the axis ids.
	 */
	private static void overlapBars(XSSFChart chart) {
		String namespace = "http://schemas.openxmlformats.org/drawingml/2006/chart";
		try (org.apache.xmlbeans.XmlCursor cursor = chart.getCTChart().getPlotArea().getBarChartArray(0).newCursor()) {
			if (cursor.toChild(new javax.xml.namespace.QName(namespace, "axId"))) {
				cursor.beginElement(new javax.xml.namespace.QName(namespace, "overlap", "c"));
				cursor.insertAttributeWithValue("val", "100");
			}
		}
	}

	private List<String> optionHeaders(List<ItemSummary> items) {
		List<String> headers = new ArrayList<>();
		ItemSummary first = items.isEmpty() ? null : items.get(0);
		boolean same = first != null && items.stream().allMatch(i -> i.options().equals(first.options()));
		int most = items.stream().mapToInt(i -> i.options().size()).max().orElse(0);
		for (int o = 0; o < most; o++) {
			headers.add(same ? text.of(first.options().get(o).label()) : text.get("report.sheet.option", o + 1));
		}
		return headers;
	}

	/** The leading columns, then people, counts per option, "not sure", and the same as shares. */
	private List<String> distributionColumns(List<String> options, String... leading) {
		List<String> columns = new ArrayList<>(List.of(leading));
		columns.add(text.get("report.table.people"));
		columns.addAll(options);
		columns.add(text.get("report.sheet.notSure"));
		options.forEach(o -> columns.add(o + " %"));
		columns.add(text.get("report.sheet.notSure") + " %");
		return columns;
	}

	private void items() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.items"));
		List<ItemSummary> items = summary.items();
		List<String> options = optionHeaders(items);
		List<String> columns = distributionColumns(options, text.get("report.sheet.principle"), text.get("report.sheet.itemId"),
				text.get("report.sheet.item"));
		columns.add(text.get("report.sheet.spread"));
		columns.add(text.get("report.sheet.spreadWords"));
		columns.add(text.get("report.sheet.why"));
		headerRow(sheet, columns);
		int r = 1;
		for (PrincipleSummary principle : summary.principles()) {
			for (ItemSummary item : principle.items()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, text.of(principle.title()), null);
				textCell(row, 1, item.id(), null);
				textCell(row, 2, text.of(item.text()), wrap);
				fitHeight(row, text.of(item.text()), 60);
				if (!item.shown()) {
					withheld(row, 3, columns.size() - 1);
					continue;
				}
				int c = distributionCells(row, 3, item.all(), options.size());
				if (item.spread() != null) {
					row.createCell(c).setCellValue(Math.round(item.spread() * 100) / 100.0);
					textCell(row, c + 1, ReportContent.spreadWords(item.spread(), text), null);
				}
				else {
					textCell(row, c, text.get("report.item.noSpread"), null);
				}
			}
		}
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(2, 60 * 256);
		sheet.createFreezePane(3, 1);
		table(sheet, columns.size(), r - 1);
	}

	/** People, counts, "not sure", then shares; returns the next free column. */
	private int distributionCells(Row row, int c, Distribution d, int optionColumns) {
		row.createCell(c++).setCellValue(d.people());
		for (int o = 0; o < optionColumns; o++) {
			Cell cell = row.createCell(c++);
			if (o < d.counts().size()) {
				cell.setCellValue(d.counts().get(o));
			}
		}
		row.createCell(c++).setCellValue(d.notSure());
		for (int o = 0; o < optionColumns; o++) {
			Cell cell = row.createCell(c++);
			if (o < d.counts().size()) {
				// The exact share, shown as a percent: a reader who adds or charts them loses nothing to rounding.
				cell.setCellValue(share(d.counts().get(o), d.people()));
				cell.setCellStyle(percent);
			}
		}
		Cell notSure = row.createCell(c++);
		notSure.setCellValue(share(d.notSure(), d.people()));
		notSure.setCellStyle(percent);
		return c;
	}

	private static double share(int count, int people) {
		return people == 0 ? 0 : (double) count / people;
	}

	/** A withheld row: "not shown" in every figure's cell, and the reason in the last ("Why") column. */
	private void withheld(Row row, int from, int whyColumn) {
		notShown(row, from, whyColumn - 1);
		textCell(row, whyColumn, text.get("report.notShownWhy"), null);
	}

	/**
	 * Every withheld cell reads the same, "not shown", never a number or a blank that could mean 0
	 * (invariant 8): a sum over the column then fails in plain sight instead of counting it as 0. The
	 * one reason for all of them is on the About sheet and in each sheet's "Why" column.
	 */
	private void notShown(Row row, int from, int to) {
		for (int c = from; c <= to; c++) {
			textCell(row, c, text.get("report.notShown"), null);
		}
	}

	/** "Where our views differ": each statement, how the answers fall, and the question for it. */
	private void differ() {
		XSSFSheet sheet = workbook.createSheet(text.get("report.sheet.differ"));
		List<String> columns = List.of(text.get("report.overview.statement"), text.get("report.sheet.how"),
				text.get("report.sheet.ask"));
		headerRow(sheet, columns);
		int r = 1;
		if (report.differ() != null) {
			for (Report.DifferItem item : report.differ().items()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, item.text(), wrap);
				textCell(row, 1, item.how(), wrap);
				textCell(row, 2, item.prompt(), wrap);
				fitHeight(row, item.prompt(), 60);
			}
		}
		sheet.setColumnWidth(0, 45 * 256);
		sheet.setColumnWidth(1, 55 * 256);
		sheet.setColumnWidth(2, 60 * 256);
		table(sheet, columns.size(), r - 1);
	}

	/**
	 * A list sheet as a table: its heading row frozen, filters on every column, and the heading
	 * printed at the top of every page.
	 */
	private static void table(Sheet sheet, int columns, int lastRow) {
		table(sheet, columns, 0, lastRow);
	}

	/** The same, for a table whose heading is row {@code headRow} (counted from 0). */
	private static void table(Sheet sheet, int columns, int headRow, int lastRow) {
		int frozenColumns = sheet.getPaneInformation() == null ? 0 : sheet.getPaneInformation().getVerticalSplitLeftColumn();
		sheet.createFreezePane(frozenColumns, headRow + 1);
		sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(headRow, Math.max(lastRow, headRow), 0, columns - 1));
		sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(headRow, headRow, -1, -1));
	}

	private void perspectives() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.perspectives"));
		List<ItemSummary> items = summary.items();
		List<String> options = optionHeaders(items);
		List<String> columns = distributionColumns(options, text.get("report.sheet.itemId"), text.get("report.sheet.item"),
				text.get("report.sheet.group"));
		columns.add(text.get("report.sheet.why"));
		headerRow(sheet, columns);
		int r = 1;
		for (ItemSummary item : items) {
			for (GroupDistribution group : item.groups()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, item.id(), null);
				textCell(row, 1, text.of(item.text()), wrap);
				fitHeight(row, text.of(item.text()), 50);
				textCell(row, 2, text.of(group.label()), null);
				if (group.shown()) {
					distributionCells(row, 3, group.distribution(), options.size());
				}
				else {
					withheld(row, 3, columns.size() - 1);
				}
			}
		}
		sheet.setColumnWidth(1, 50 * 256);
		sheet.setColumnWidth(2, 16 * 256);
		sheet.createFreezePane(3, 1);
		table(sheet, columns.size(), r - 1);
	}

	private void written() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.written"));
		headerRow(sheet, List.of(text.get("report.sheet.itemId"), text.get("report.sheet.item"), text.get("report.sheet.answer"),
				text.get("report.sheet.why")));
		int r = 1;
		if (!input.writtenIncluded()) {
			textCell(sheet.createRow(r), 1, text.get("report.words.leftOut"), wrap);
		}
		else {
			for (WrittenSummary written : summary.written()) {
				if (!written.shown()) {
					Row row = sheet.createRow(r++);
					textCell(row, 0, written.id(), null);
					textCell(row, 1, text.of(written.text()), wrap);
					withheld(row, 2, 3);
					continue;
				}
				for (String answer : written.answers()) {
					Row row = sheet.createRow(r++);
					textCell(row, 0, written.id(), null);
					textCell(row, 1, text.of(written.text()), wrap);
					String shown = ReportContent.answerAsShown(answer, text);
					textCell(row, 2, shown, wrap);
					fitHeight(row, shown, 80);
				}
			}
		}
		sheet.setColumnWidth(1, 45 * 256);
		sheet.setColumnWidth(2, 80 * 256);
		table(sheet, 4, sheet.getLastRowNum());
	}

	private void sinceLastTime() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.since"));
		int r = 0;
		if (!input.agreements().isEmpty()) {
			textCell(sheet.createRow(r++), 0, text.get("report.since.agreements"), header);
			for (String agreement : input.agreements()) {
				textCell(sheet.createRow(r++), 0, agreement, wrap);
			}
			r++;
		}
		if (input.previous() == null) {
			textCell(sheet.createRow(r), 0, text.get("report.since.noPrevious"), wrap);
			sheet.setColumnWidth(0, 60 * 256);
			return;
		}
		List<ReportContent.Pair> pairs = ReportContent.sinceLastTime(summary, input.previous());
		List<String> options = optionHeaders(pairs.stream().map(ReportContent.Pair::now).toList());
		List<String> columns = distributionColumns(options, text.get("report.sheet.itemId"), text.get("report.sheet.item"),
				text.get("report.sheet.round"));
		int change = columns.size();
		columns.add(text.get("report.sheet.change"));
		columns.add(text.get("report.sheet.which"));
		columns.add(text.get("report.sheet.why"));
		int headRow = r;
		Row head = sheet.createRow(r++);
		for (int c = 0; c < columns.size(); c++) {
			textCell(head, c, columns.get(c), header);
		}
		for (ReportContent.Pair pair : pairs) {
			for (boolean last : new boolean[] { true, false }) {
				ItemSummary item = last ? pair.last() : pair.now();
				Row row = sheet.createRow(r++);
				textCell(row, 0, item.id(), null);
				textCell(row, 1, text.of(item.text()), wrap);
				fitHeight(row, text.of(item.text()), 50);
				textCell(row, 2, text.get(last ? "report.since.last" : "report.since.now"), null);
				if (item.shown()) {
					distributionCells(row, 3, item.all(), options.size());
				}
				else {
					withheld(row, 3, columns.size() - 1);
				}
				if (!last && pair.last().shown() && pair.now().shown()) {
					// The change in the share on the scale's upper side, in points, and which way in words.
					row.createCell(change).setCellValue(
							ReportContent.upperShare(pair.now().all()) - ReportContent.upperShare(pair.last().all()));
					textCell(row, change + 1, ReportContent.direction(pair, text), null);
				}
			}
		}
		sheet.setColumnWidth(0, 12 * 256);
		sheet.setColumnWidth(1, 50 * 256);
		sheet.setColumnWidth(2, 14 * 256);
		table(sheet, columns.size(), headRow, r - 1);
	}

	/** Rows grow with their wrapped text; Excel does not do it for rows written by a program. */
	private static void fitHeight(Row row, String value, int columnChars) {
		int lines = 0;
		for (String paragraph : value.split("\n")) {
			lines += Math.max(1, (int) Math.ceil(paragraph.length() / (columnChars * 1.05)));
		}
		row.setHeightInPoints(Math.max(row.getHeightInPoints(), 15f * lines + 2));
	}

	/** Every sheet prints one page wide on A4, wide sheets in landscape. */
	private void printSetup() {
		for (int i = 0; i < sheets.getNumberOfSheets(); i++) {
			Sheet sheet = sheets.getSheetAt(i);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
			sheet.getPrintSetup().setLandscape(i >= 2);
		}
	}

	private void headerRow(Sheet sheet, List<String> columns) {
		Row row = sheet.createRow(0);
		row.setHeightInPoints(32);
		for (int c = 0; c < columns.size(); c++) {
			textCell(row, c, columns.get(c), header);
			if (sheet.getColumnWidth(c) < 13 * 256) {
				sheet.setColumnWidth(c, 13 * 256);
			}
		}
	}

	/** Text always goes in a string cell, never a formula, whatever it starts with. */
	private void textCell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
		if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
			cell.setCellStyle(quotePrefixed.computeIfAbsent(style, plain -> {
				CellStyle quoted = workbook.createCellStyle();
				if (plain != null) {
					quoted.cloneStyleFrom(plain);
				}
				quoted.setQuotePrefixed(true);
				return quoted;
			}));
		}
	}

}
