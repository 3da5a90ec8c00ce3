package org.peerreflect.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;

import javax.xml.namespace.QName;

/**
 * The Excel workbook: About, Where our views differ, Principles (with native Excel
 * charts), Items, Perspectives, Written answers, Since last time. Never a sheet of
 * individual responses. Answer text always goes in text cells, never formulas. Each list
 * sheet is a table with a frozen heading row, filters, and its heading printed on every
 * page; its number columns hold numbers, whole percents as the PDF prints them, and "not
 * shown" where a figure is withheld (never a blank that could mean 0).
 */
final class WorkbookReport {

	private final ReportText text;

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	/**
	 * Where sheets are made: the workbook itself for About and Principles (their charts
	 * need the full object model), then a streaming view of it for the list sheets, which
	 * can be long.
	 */
	private Workbook sheets = workbook;

	private final CellStyle header;

	private final CellStyle wrap;

	private final CellStyle title;

	private final CellStyle percent;

	/** One quote-prefixed twin per style, made when first needed. */
	private final Map<CellStyle, CellStyle> quotePrefixed = new HashMap<>();

	private final Report report;

	private WorkbookReport(Report report) {
		this.report = report;
		this.text = new ReportText(report.language());
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
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		title = workbook.createCellStyle();
		title.setFont(big);
		percent = workbook.createCellStyle();
		percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
	}

	static void write(Report model, OutputStream out) throws IOException {
		WorkbookReport report = new WorkbookReport(model);
		try (XSSFWorkbook workbook = report.workbook) {
			report.about();
			report.differ();
			report.principles();
			SXSSFWorkbook streaming = new SXSSFWorkbook(workbook, 200);
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
		textCell(first, 0, report.title(), title);
		r++;
		r = pair(sheet, r, text.get("report.sheet.organization"), report.organization());
		r = pair(sheet, r, text.get("report.sheet.period"), report.period());
		for (Report.Fact fact : report.cover()) {
			r = pair(sheet, r, fact.label(), String.join("\n", fact.values()));
		}
		r = pair(sheet, r, "", report.thanks());
		r = pair(sheet, r, "", report.noResults());
		r++;
		r = section(sheet, r, report.read().title(), report.read().paragraphs());
		for (Report.ListBlock list : report.read().lists()) {
			r = section(sheet, r + 1, list.title(), list.lines());
		}
		Report.Withheld withheld = report.withheld();
		List<String> lines = new ArrayList<>(withheld.lines());
		if (withheld.nothing() != null) {
			lines.add(0, withheld.nothing());
		}
		r = section(sheet, r + 1, withheld.title(), lines);
		if (!withheld.previousLines().isEmpty()) {
			section(sheet, r + 1, withheld.previousTitle(), withheld.previousLines());
		}
	}

	/** A heading in the first column, then its lines in the second. */
	private int section(Sheet sheet, int r, String heading, List<String> lines) {
		textCell(sheet.createRow(r++), 0, heading, header);
		for (String line : lines) {
			Row row = sheet.createRow(r++);
			textCell(row, 1, line, wrap);
			fitHeight(row, line, 80);
		}
		return r;
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

	/**
	 * Per principle: a small table of counts of the shown items and a native stacked bar
	 * chart.
	 */
	private void principles() {
		XSSFSheet sheet = workbook.createSheet(text.get("report.sheet.principles"));
		sheet.setColumnWidth(0, 60 * 256);
		int r = 0;
		if (report.principles().isEmpty()) {
			textCell(sheet.createRow(r), 0, report.noResults(), wrap);
			return;
		}
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		for (Report.PrincipleBlock principle : report.principles()) {
			if (principle.items().isEmpty()) {
				continue;
			}
			textCell(sheet.createRow(r++), 0, principle.title(), title);
			// One table and one chart per scale: items on different scales never share
			// columns.
			for (List<Report.ItemBlock> sameScale : byScale(principle.items())) {
				r = principleTable(sheet, drawing, r, principle.title(), sameScale);
			}
			r++;
		}
		for (int c = 1; c <= 7; c++) {
			sheet.setColumnWidth(c, 13 * 256);
		}
	}

	/**
	 * Items grouped by scale, told by their tables' headings; a withheld item, which has
	 * no table, joins the group of the shown item before it (or, first in its principle,
	 * the one after it).
	 */
	private static List<List<Report.ItemBlock>> byScale(List<Report.ItemBlock> items) {
		Map<List<String>, List<Report.ItemBlock>> runs = new LinkedHashMap<>();
		List<String> last = items.stream()
			.filter(item -> item.table() != null)
			.map(item -> item.table().header())
			.findFirst()
			.orElse(List.of());
		for (Report.ItemBlock item : items) {
			if (item.table() != null) {
				last = item.table().header();
			}
			runs.computeIfAbsent(last, header -> new ArrayList<>()).add(item);
		}
		return new ArrayList<>(runs.values());
	}

	/**
	 * A table of counts for items on one scale, withheld items after, and a chart of the
	 * shown ones.
	 */
	private int principleTable(XSSFSheet sheet, XSSFDrawing drawing, int r, String name, List<Report.ItemBlock> items) {
		Report.ItemBlock first = items.stream().filter(item -> item.table() != null).findFirst().orElse(null);
		int options = first == null ? 0 : first.table().header().size() - 2;
		Row head = sheet.createRow(r++);
		textCell(head, 0, text.get("report.sheet.item"), header);
		if (first != null) {
			// Each option, then "not sure": the table's heading without its last column,
			// people.
			for (int o = 0; o <= options; o++) {
				textCell(head, 1 + o, first.table().header().get(o), header);
			}
		}
		int headerRow = head.getRowNum();
		int firstData = r;
		for (Report.ItemBlock item : items) {
			if (item.table() != null) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, item.text(), wrap);
				fitHeight(row, item.text(), 60);
				List<Report.Figure> figures = item.table().rows().get(0).figures();
				for (int o = 0; o < figures.size(); o++) {
					row.createCell(1 + o).setCellValue(figures.get(o).count());
				}
			}
		}
		int lastData = r - 1;
		for (Report.ItemBlock item : items) {
			if (item.table() == null) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, item.text(), wrap);
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

	private void chart(XSSFSheet sheet, XSSFChart chart, String name, int headerRow, int firstData, int lastData,
			int options) {
		chart.setTitleText(name);
		chart.setTitleOverlay(false);
		XDDFChartLegend legend = chart.getOrAddLegend();
		legend.setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis items = chart.createCategoryAxis(AxisPosition.LEFT);
		// Top to bottom in questionnaire order, as in the table above the chart.
		items.setOrientation(AxisOrientation.MAX_MIN);
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
			series.setFillProperties(new XDDFSolidFillProperties(XDDFColor
				.from(new byte[] { (byte) colour.getRed(), (byte) colour.getGreen(), (byte) colour.getBlue() })));
			// A white gap between segments, as in the PDF; "not sure" outlined in grey.
			Color line = o < options ? Color.WHITE : Charts.NOT_SURE_OUTLINE;
			XDDFLineProperties outline = new XDDFLineProperties();
			outline.setFillProperties(new XDDFSolidFillProperties(XDDFColor
				.from(new byte[] { (byte) line.getRed(), (byte) line.getGreen(), (byte) line.getBlue() })));
			outline.setWidth(o < options ? 1.5 : 0.75);
			series.setLineProperties(outline);
		}
		chart.plot(data);
		overlapBars(chart);
	}

	/**
	 * Stacked bars need an overlap of 100%. POI's setter needs the full OOXML schemas, so
	 * the one element is added to the chart XML directly, where the schema wants it:
	 * before the axis ids.
	 */
	private static void overlapBars(XSSFChart chart) {
		String namespace = "http://schemas.openxmlformats.org/drawingml/2006/chart";
		try (XmlCursor cursor = chart.getCTChart().getPlotArea().getBarChartArray(0).newCursor()) {
			if (cursor.toChild(new QName(namespace, "axId"))) {
				cursor.beginElement(new QName(namespace, "overlap", "c"));
				cursor.insertAttributeWithValue("val", "100");
			}
		}
	}

	/**
	 * The option columns' names: the options' own words when every table has the same,
	 * otherwise "Answer 1", "Answer 2", ...
	 */
	private List<String> optionHeaders(List<Report.Table> tables) {
		List<String> headers = new ArrayList<>();
		Report.Table first = tables.isEmpty() ? null : tables.get(0);
		boolean same = first != null && tables.stream().allMatch(t -> t.header().equals(first.header()));
		int most = tables.stream().mapToInt(t -> t.header().size() - 2).max().orElse(0);
		for (int o = 0; o < most; o++) {
			headers.add(same ? first.header().get(o) : text.get("report.sheet.option", o + 1));
		}
		return headers;
	}

	/**
	 * The leading columns, then people, counts per option, "not sure", and the same as
	 * shares.
	 */
	private List<String> distributionColumns(List<String> options, String... leading) {
		List<String> columns = new ArrayList<>(List.of(leading));
		columns.add(text.get("report.table.people"));
		columns.addAll(options);
		columns.add(text.get("report.sheet.notSure"));
		options.forEach(o -> columns.add(o + " %"));
		columns.add(text.get("report.sheet.notSure") + " %");
		return columns;
	}

	/**
	 * When fewer than k took part, the one sentence that says so under the heading; the
	 * first free row.
	 */
	private int noResults(Sheet sheet) {
		if (!report.principles().isEmpty()) {
			return 1;
		}
		textCell(sheet.createRow(1), 2, report.noResults(), wrap);
		return 2;
	}

	/**
	 * The perspective groups, as every shown statement's table names them after "all of
	 * us"; each statement has the same groups.
	 */
	private List<String> groupLabels() {
		return items(true).stream()
			.findFirst()
			.map(item -> item.table()
				.rows()
				.subList(1, item.table().rows().size())
				.stream()
				.map(Report.Row::label)
				.toList())
			.orElse(List.of());
	}

	/** Every statement's table in the report, shown or not, in order. */
	private List<Report.ItemBlock> items(boolean withTable) {
		return report.principles()
			.stream()
			.flatMap(principle -> principle.items().stream())
			.filter(item -> !withTable || item.table() != null)
			.toList();
	}

	private void items() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.items"));
		List<String> options = optionHeaders(items(true).stream().map(Report.ItemBlock::table).toList());
		List<String> columns = distributionColumns(options, text.get("report.sheet.principle"),
				text.get("report.sheet.itemId"), text.get("report.sheet.item"));
		columns.add(text.get("report.sheet.spread"));
		columns.add(text.get("report.sheet.spreadWords"));
		columns.add(text.get("report.sheet.why"));
		headerRow(sheet, columns);
		int r = noResults(sheet);
		for (Report.PrincipleBlock principle : report.principles()) {
			for (Report.ItemBlock item : principle.items()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, principle.title(), null);
				textCell(row, 1, item.id(), null);
				textCell(row, 2, item.text(), wrap);
				fitHeight(row, item.text(), 60);
				if (item.table() == null) {
					withheld(row, 3, columns.size() - 1);
					continue;
				}
				int c = distributionCells(row, 3, item.table().rows().get(0), options.size());
				if (item.spread() != null) {
					row.createCell(c).setCellValue(Math.round(item.spread() * 100) / 100.0);
					textCell(row, c + 1, item.spreadWords(), null);
				}
				else {
					textCell(row, c, item.spreadWords(), null);
				}
			}
		}
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(2, 60 * 256);
		sheet.createFreezePane(3, 1);
		table(sheet, columns.size(), r - 1);
	}

	/**
	 * A shown row's people, counts, "not sure", then whole percents; returns the next
	 * free column.
	 */
	private int distributionCells(Row row, int c, Report.Row figures, int optionColumns) {
		List<Report.Figure> all = figures.figures();
		int options = all.size() - 1;
		row.createCell(c++).setCellValue(figures.people());
		for (int o = 0; o < optionColumns; o++) {
			Cell cell = row.createCell(c++);
			if (o < options) {
				cell.setCellValue(all.get(o).count());
			}
		}
		row.createCell(c++).setCellValue(all.get(options).count());
		for (int o = 0; o < optionColumns; o++) {
			Cell cell = row.createCell(c++);
			if (o < options) {
				// The report's whole percent, the digit the PDF and the web page print;
				// the counts beside it give the exact share.
				cell.setCellValue(all.get(o).percent() / 100.0);
				cell.setCellStyle(percent);
			}
		}
		Cell notSure = row.createCell(c++);
		notSure.setCellValue(all.get(options).percent() / 100.0);
		notSure.setCellStyle(percent);
		return c;
	}

	/**
	 * A withheld row: "not shown" in every figure's cell, and the one reason in the last
	 * ("Why") column.
	 */
	private void withheld(Row row, int from, int whyColumn) {
		notShown(row, from, whyColumn - 1);
		textCell(row, whyColumn, text.get("report.notShownWhy"), null);
	}

	/**
	 * Every withheld cell reads the same, "not shown", never a number or a blank that
	 * could mean 0 (invariant 8): a sum over the column then fails in plain sight instead
	 * of counting it as 0. The one reason for all of them is on the About sheet and in
	 * each sheet's "Why" column.
	 */
	private void notShown(Row row, int from, int to) {
		for (int c = from; c <= to; c++) {
			textCell(row, c, text.get("report.notShown"), null);
		}
	}

	/**
	 * "Where to start talking": each statement, why it is there, how the answers fall,
	 * the question for it, and what we agreed to try about it last time; or, where views
	 * do not differ, the sentence that says so.
	 */
	private void differ() {
		XSSFSheet sheet = workbook.createSheet(text.get("report.sheet.differ"));
		List<String> columns = List.of(text.get("report.overview.statement"), text.get("report.start.whyTitle"),
				text.get("report.sheet.how"), text.get("report.sheet.ask"), text.get("report.differ.agreed"));
		headerRow(sheet, columns);
		int r = 1;
		if (report.differ() != null) {
			for (Report.DifferItem item : report.differ().items()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, item.text(), wrap);
				textCell(row, 1, item.why() == null ? "" : String.join("\n", item.why()), wrap);
				textCell(row, 2, item.how(), wrap);
				textCell(row, 3, item.prompt(), wrap);
				textCell(row, 4, String.join("\n", item.agreed()), wrap);
				fitHeight(row, item.prompt(), 60);
			}
			if (report.differ().items().isEmpty()) {
				textCell(sheet.createRow(r++), 0, report.differ().lead(), wrap);
			}
		}
		sheet.setColumnWidth(0, 45 * 256);
		sheet.setColumnWidth(1, 24 * 256);
		sheet.setColumnWidth(2, 55 * 256);
		sheet.setColumnWidth(3, 60 * 256);
		sheet.setColumnWidth(4, 45 * 256);
		table(sheet, columns.size(), r - 1);
	}

	/**
	 * A list sheet as a table: its heading row frozen, filters on every column, and the
	 * heading printed at the top of every page.
	 */
	private static void table(Sheet sheet, int columns, int lastRow) {
		table(sheet, columns, 0, lastRow);
	}

	/** The same, for a table whose heading is row {@code headRow} (counted from 0). */
	private static void table(Sheet sheet, int columns, int headRow, int lastRow) {
		int frozenColumns = sheet.getPaneInformation() == null ? 0
				: sheet.getPaneInformation().getVerticalSplitLeftColumn();
		sheet.createFreezePane(frozenColumns, headRow + 1);
		sheet.setAutoFilter(new CellRangeAddress(headRow, Math.max(lastRow, headRow), 0, columns - 1));
		sheet.setRepeatingRows(new CellRangeAddress(headRow, headRow, -1, -1));
	}

	private void perspectives() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.perspectives"));
		List<String> options = optionHeaders(items(true).stream().map(Report.ItemBlock::table).toList());
		List<String> columns = distributionColumns(options, text.get("report.sheet.itemId"),
				text.get("report.sheet.item"), text.get("report.sheet.group"));
		columns.add(text.get("report.sheet.why"));
		headerRow(sheet, columns);
		int r = noResults(sheet);
		for (Report.ItemBlock item : items(false)) {
			if (item.table() == null) {
				// Withheld whole: a row per group, as for the others, every figure not
				// shown.
				for (String group : groupLabels()) {
					Row row = sheet.createRow(r++);
					textCell(row, 0, item.id(), null);
					textCell(row, 1, item.text(), wrap);
					textCell(row, 2, group, null);
					withheld(row, 3, columns.size() - 1);
				}
				continue;
			}
			// The table's first row is all of us; the groups follow it.
			for (Report.Row group : item.table().rows().subList(1, item.table().rows().size())) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, item.id(), null);
				textCell(row, 1, item.text(), wrap);
				fitHeight(row, item.text(), 50);
				textCell(row, 2, group.label(), null);
				if (group.shown()) {
					distributionCells(row, 3, group, options.size());
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
		headerRow(sheet, List.of(text.get("report.sheet.itemId"), text.get("report.sheet.item"),
				text.get("report.sheet.answer"), text.get("report.sheet.why")));
		int r = 1;
		Report.Words words = report.words();
		if (words == null && report.principles().isEmpty()) {
			textCell(sheet.createRow(r++), 1, report.noResults(), wrap);
		}
		if (words != null && words.none() != null) {
			textCell(sheet.createRow(r++), 1, words.none(), wrap);
		}
		if (words != null) {
			for (Report.WrittenBlock written : words.items()) {
				for (String answer : written.answers()) {
					Row row = sheet.createRow(r++);
					textCell(row, 0, written.id(), null);
					textCell(row, 1, written.text(), wrap);
					textCell(row, 2, answer, wrap);
					fitHeight(row, answer, 80);
				}
			}
			for (Report.WrittenBlock written : words.withheld()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, written.id(), null);
				textCell(row, 1, written.text(), wrap);
				withheld(row, 2, 3);
			}
		}
		sheet.setColumnWidth(1, 45 * 256);
		sheet.setColumnWidth(2, 80 * 256);
		table(sheet, 4, sheet.getLastRowNum());
	}

	private void sinceLastTime() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.since"));
		int r = 0;
		Report.Since since = report.since();
		if (since != null && !since.agreements().isEmpty()) {
			textCell(sheet.createRow(r++), 0, since.agreementsTitle(), header);
			for (String agreement : since.agreements()) {
				textCell(sheet.createRow(r++), 0, agreement, wrap);
			}
			r++;
		}
		if (since == null || since.lead() == null) {
			textCell(sheet.createRow(r), 0, text.get("report.since.noPrevious"), wrap);
			sheet.setColumnWidth(0, 60 * 256);
			return;
		}
		List<String> options = optionHeaders(since.pairs().stream().map(Report.SincePair::table).toList());
		List<String> columns = distributionColumns(options, text.get("report.sheet.itemId"),
				text.get("report.sheet.item"), text.get("report.sheet.round"));
		int change = columns.size();
		columns.add(text.get("report.sheet.change"));
		columns.add(text.get("report.sheet.which"));
		columns.add(text.get("report.differ.agreed"));
		columns.add(text.get("report.sheet.why"));
		int headRow = r;
		Row head = sheet.createRow(r++);
		for (int c = 0; c < columns.size(); c++) {
			textCell(head, c, columns.get(c), header);
		}
		if (since.none() != null) {
			textCell(sheet.createRow(r++), 1, since.none(), wrap);
		}
		for (Report.SincePair pair : since.pairs()) {
			for (Report.Row figures : pair.table().rows()) {
				boolean now = figures == pair.table().rows().get(pair.table().rows().size() - 1);
				Row row = sheet.createRow(r++);
				textCell(row, 0, pair.id(), null);
				textCell(row, 1, pair.text(), wrap);
				fitHeight(row, pair.text(), 50);
				textCell(row, 2, figures.label(), null);
				int why = columns.size() - 1;
				if (figures.shown()) {
					distributionCells(row, 3, figures, options.size());
				}
				else {
					notShown(row, 3, change - 1);
					textCell(row, why, text.get("report.notShownWhy"), null);
				}
				if (now && pair.shift() != null) {
					// The change in the share on the scale's upper side, in points, and
					// which way in words.
					row.createCell(change).setCellValue(pair.shift());
					textCell(row, change + 1, pair.direction(), null);
				}
				else if (now) {
					// Not shown one of the two times: no change can be given, and the
					// cells say so.
					notShown(row, change, change + 1);
					textCell(row, why, text.get("report.notShownWhy"), null);
				}
				if (now && !pair.agreed().isEmpty()) {
					textCell(row, change + 2, String.join("\n", pair.agreed()), wrap);
				}
			}
		}
		sheet.setColumnWidth(0, 12 * 256);
		sheet.setColumnWidth(1, 50 * 256);
		sheet.setColumnWidth(2, 14 * 256);
		table(sheet, columns.size(), headRow, r - 1);
	}

	/**
	 * Rows grow with their wrapped text; Excel does not do it for rows written by a
	 * program.
	 */
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
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
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
