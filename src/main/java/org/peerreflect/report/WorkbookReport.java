package org.peerreflect.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
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
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumFmt;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

import javax.xml.namespace.QName;

/**
 * The Excel workbook: At a glance, About, Where our views differ, Principles (with native
 * Excel charts), Items, Perspectives, Written answers, Since last time. Never a sheet of
 * individual responses. Answer text always goes in text cells, never formulas. Each list
 * sheet is a table with a frozen heading row, filters, and its heading printed on every
 * page; its number columns hold numbers, whole percents as the PDF prints them, and "not
 * shown" where a figure is withheld (never a blank that could mean 0). Every sheet prints
 * landscape, one page wide, its columns narrow enough that the text stays at 8 pt or
 * more.
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

	private final CellStyle signed;

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
		signed = workbook.createCellStyle();
		signed.setDataFormat(workbook.createDataFormat().getFormat("+0;-0;0"));
	}

	static void write(Report model, OutputStream out) throws IOException {
		WorkbookReport report = new WorkbookReport(model);
		try (XSSFWorkbook workbook = report.workbook) {
			report.glance();
			report.about();
			report.differ();
			report.principles();
			// Made with the full object model for its charts, and moved after "Since
			// last time" below.
			String series = report.series();
			SXSSFWorkbook streaming = new SXSSFWorkbook(workbook, 200);
			report.sheets = streaming;
			report.items();
			report.perspectives();
			report.written();
			report.sinceLastTime();
			if (series != null) {
				streaming.setSheetOrder(series, streaming.getNumberOfSheets() - 1);
			}
			report.printSetup();
			streaming.write(out);
			streaming.dispose();
		}
	}

	/**
	 * "At a glance", for a board: what the overview says, one row per statement. The
	 * share of us on the scale's upper side, for all of us and each group shown, then
	 * last time's and the change, and what we agreed about the statement last time. Each
	 * figure is the one the model gives, kept as a number that displays the same digit.
	 */
	private void glance() {
		XSSFSheet sheet = workbook.createSheet(text.get("report.sheet.glance"));
		Report.Overview overview = report.overview();
		if (overview == null) {
			sheet.setColumnWidth(0, 80 * 256);
			if (report.noResults() != null) {
				textCell(sheet.createRow(0), 0, report.noResults(), wrap);
			}
			return;
		}
		Report.Since since = report.since();
		boolean before = since != null && since.lead() != null;
		boolean agreements = since != null && !since.agreements().isEmpty();
		List<String> columns = new ArrayList<>();
		columns.add(text.get("report.sheet.principle"));
		columns.addAll(overview.header());
		int groups = overview.header().size() - 1;
		List<Integer> wanted = new ArrayList<>(List.of(20, 44));
		List<Integer> least = new ArrayList<>(List.of(12, 24));
		for (int g = 0; g < groups; g++) {
			wanted.add(10);
			least.add(8);
		}
		if (before) {
			columns.add(text.get("report.sheet.glanceLast"));
			columns.add(text.get("report.sheet.change"));
			wanted.addAll(List.of(10, 10));
			least.addAll(List.of(8, 8));
		}
		if (agreements) {
			columns.add(text.get("report.differ.agreed"));
			wanted.add(30);
			least.add(16);
		}
		widths(sheet, wanted, least);
		// The lead says what the figures are; the table starts under it.
		Row lead = sheet.createRow(0);
		textCell(lead, 0, overview.lead(), wrap);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
		fitHeight(lead, overview.lead(), totalChars(sheet, columns.size()));
		headerRow(sheet, 1, columns);
		Map<String, Report.SincePair> pairs = new HashMap<>();
		Map<String, List<String>> agreed = new HashMap<>();
		if (report.differ() != null) {
			report.differ().items().forEach(item -> agreed.put(item.text(), item.agreed()));
		}
		if (since != null) {
			since.pairs().forEach(pair -> {
				pairs.put(pair.text(), pair);
				agreed.put(pair.text(), pair.agreed());
			});
		}
		int r = 2;
		for (Report.OverviewPart part : overview.principles()) {
			for (Report.OverviewRow statement : part.rows()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, part.title(), wrap);
				textCell(row, 1, statement.statement(), wrap);
				fitHeight(row, part.title(), sheet.getColumnWidth(0) / 256);
				fitHeight(row, statement.statement(), sheet.getColumnWidth(1) / 256);
				int c = 2;
				for (String figure : statement.cells()) {
					figure(row, c++, figure);
				}
				if (before) {
					Report.SincePair pair = pairs.get(statement.statement());
					if (pair == null) {
						// Not a statement asked alike both times: nothing to set beside
						// it.
						textCell(row, c++, text.get("report.sheet.notAsked"), wrap);
						textCell(row, c++, text.get("report.sheet.notAsked"), wrap);
					}
					else {
						figure(row, c++, pair.then());
						if (pair.shift() != null) {
							Cell change = row.createCell(c++);
							change.setCellValue(pair.shift());
							change.setCellStyle(signed);
						}
						else {
							textCell(row, c++, text.get("report.notShown"), null);
						}
					}
				}
				List<String> ours = agreed.getOrDefault(statement.statement(), List.of());
				if (agreements && !ours.isEmpty()) {
					String words = String.join("\n", ours);
					textCell(row, c, words, wrap);
					fitHeight(row, words, sheet.getColumnWidth(c) / 256);
				}
			}
		}
		nativeTable(sheet, "AtAGlance", columns, 1, r - 1);
	}

	/**
	 * The overview's whole percent, such as "29%", as a percent cell; other words as
	 * text.
	 */
	private static final Pattern WHOLE_PERCENT = Pattern.compile("\\s*(\\d{1,3})\\s*%\\s*");

	/**
	 * A figure as the model words it: a whole percent is stored as that percent exactly
	 * (29 as 0.29, shown "29%"), so the cell shows the digit the PDF and the web page
	 * show; anything else, such as "not shown", stays the model's words in a text cell.
	 */
	private void figure(Row row, int column, String figure) {
		Matcher percentage = WHOLE_PERCENT.matcher(figure);
		if (!percentage.matches()) {
			textCell(row, column, figure, null);
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(Integer.parseInt(percentage.group(1)) / 100.0);
		cell.setCellStyle(percent);
	}

	private void about() {
		Sheet sheet = workbook.createSheet(text.get("report.sheet.about"));
		widths(sheet, List.of(34, 80), List.of(24, 60));
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
			fitHeight(row, line, sheet.getColumnWidth(1) / 256);
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
		fitHeight(row, value, sheet.getColumnWidth(1) / 256);
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
			countLabels(series, Charts.labelColour(colour));
		}
		chart.plot(data);
		overlapBars(chart);
	}

	/** Size of the charts' data labels, in hundredths of a point. */
	static final int LABEL_SIZE = 1000;

	/**
	 * Each segment labelled with its count, as in the table above the chart, in the ink
	 * that reads best on its colour; a count of 0 has no segment to sit in, so no label.
	 */
	private static void countLabels(XDDFBarChartData.Series series, Color ink) {
		CTDLbls labels = series.getCTBarSer().addNewDLbls();
		CTNumFmt format = labels.addNewNumFmt();
		format.setFormatCode("0;;;");
		format.setSourceLinked(false);
		labels.addNewSpPr().addNewNoFill();
		CTTextBody body = labels.addNewTxPr();
		body.addNewBodyPr();
		body.addNewLstStyle();
		CTTextCharacterProperties font = body.addNewP().addNewPPr().addNewDefRPr();
		font.setSz(LABEL_SIZE);
		font.addNewSolidFill()
			.addNewSrgbClr()
			.setVal(new byte[] { (byte) ink.getRed(), (byte) ink.getGreen(), (byte) ink.getBlue() });
		labels.addNewDLblPos().setVal(STDLblPos.CTR);
		labels.addNewShowLegendKey().setVal(false);
		labels.addNewShowVal().setVal(true);
		labels.addNewShowCatName().setVal(false);
		labels.addNewShowSerName().setVal(false);
		labels.addNewShowPercent().setVal(false);
		labels.addNewShowBubbleSize().setVal(false);
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
		distributionWidths(sheet, options.size(), List.of(18, 7, 40), List.of(12, 6, 20), List.of(9, 12, 14),
				List.of(7, 9, 10));
		headerRow(sheet, columns);
		int r = noResults(sheet);
		for (Report.PrincipleBlock principle : report.principles()) {
			for (Report.ItemBlock item : principle.items()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, principle.title(), wrap);
				textCell(row, 1, item.id(), null);
				textCell(row, 2, item.text(), wrap);
				fitHeight(row, principle.title(), sheet.getColumnWidth(0) / 256);
				fitHeight(row, item.text(), sheet.getColumnWidth(2) / 256);
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
		sheet.createFreezePane(3, 1);
		nativeTable(sheet, "Items", columns, 0, r - 1);
	}

	/**
	 * Widths of a sheet of distributions: the leading columns, people, a count and a
	 * share per option and for "not sure", then the trailing columns; narrow number
	 * columns, their headings wrapping.
	 */
	private static void distributionWidths(Sheet sheet, int options, List<Integer> leading, List<Integer> leadingLeast,
			List<Integer> trailing, List<Integer> trailingLeast) {
		List<Integer> wanted = new ArrayList<>(leading);
		List<Integer> least = new ArrayList<>(leadingLeast);
		for (int c = 0; c < 2 * options + 3; c++) {
			wanted.add(7);
			least.add(6);
		}
		wanted.addAll(trailing);
		least.addAll(trailingLeast);
		widths(sheet, wanted, least);
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
		widths(sheet, List.of(45, 24, 55, 60, 45), List.of(28, 16, 32, 36, 28));
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
				for (int c = 0; c < 5; c++) {
					fitHeight(row, row.getCell(c).getStringCellValue(), sheet.getColumnWidth(c) / 256);
				}
			}
			if (report.differ().items().isEmpty()) {
				textCell(sheet.createRow(r++), 0, report.differ().lead(), wrap);
			}
		}
		table(sheet, columns.size(), r - 1);
	}

	/**
	 * A list sheet kept as plain cells: its heading row frozen, filters on every column,
	 * and the heading printed at the top of every page.
	 */
	private static void table(Sheet sheet, int columns, int lastRow) {
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, columns - 1));
		sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
	}

	private void perspectives() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.perspectives"));
		List<String> options = optionHeaders(items(true).stream().map(Report.ItemBlock::table).toList());
		List<String> columns = distributionColumns(options, text.get("report.sheet.itemId"),
				text.get("report.sheet.item"), text.get("report.sheet.group"));
		columns.add(text.get("report.sheet.why"));
		distributionWidths(sheet, options.size(), List.of(7, 40, 14), List.of(6, 20, 10), List.of(14), List.of(10));
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
					fitHeight(row, item.text(), sheet.getColumnWidth(1) / 256);
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
				fitHeight(row, item.text(), sheet.getColumnWidth(1) / 256);
				textCell(row, 2, group.label(), null);
				if (group.shown()) {
					distributionCells(row, 3, group, options.size());
				}
				else {
					withheld(row, 3, columns.size() - 1);
				}
			}
		}
		sheet.createFreezePane(3, 1);
		nativeTable(sheet, "Perspectives", columns, 0, r - 1);
	}

	private void written() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.written"));
		widths(sheet, List.of(8, 45, 80, 14), List.of(6, 30, 50, 10));
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
					fitHeight(row, answer, sheet.getColumnWidth(2) / 256);
				}
			}
			for (Report.WrittenBlock written : words.withheld()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, written.id(), null);
				textCell(row, 1, written.text(), wrap);
				withheld(row, 2, 3);
			}
		}
		table(sheet, 4, sheet.getLastRowNum());
	}

	private void sinceLastTime() {
		Sheet sheet = sheets.createSheet(text.get("report.sheet.since"));
		Report.Since since = report.since();
		boolean before = since != null && since.lead() != null;
		List<String> options = before ? optionHeaders(since.pairs().stream().map(Report.SincePair::table).toList())
				: List.of();
		List<String> columns = distributionColumns(options, text.get("report.sheet.itemId"),
				text.get("report.sheet.item"), text.get("report.sheet.round"));
		int change = columns.size();
		columns.add(text.get("report.sheet.change"));
		columns.add(text.get("report.sheet.which"));
		columns.add(text.get("report.differ.agreed"));
		columns.add(text.get("report.sheet.why"));
		if (before) {
			distributionWidths(sheet, options.size(), List.of(7, 36, 10), List.of(6, 18, 9), List.of(9, 12, 28, 14),
					List.of(7, 9, 14, 10));
		}
		else {
			widths(sheet, List.of(80), List.of(60));
		}
		// The agreements above the table, each across its width.
		int across = before ? columns.size() - 1 : 0;
		int r = 0;
		if (since != null && !since.agreements().isEmpty()) {
			textCell(sheet.createRow(r++), 0, since.agreementsTitle(), header);
			for (String agreement : since.agreements()) {
				Row row = sheet.createRow(r++);
				textCell(row, 0, agreement, wrap);
				if (across > 0) {
					sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, across));
				}
				fitHeight(row, agreement, totalChars(sheet, across + 1));
			}
			r++;
		}
		if (!before) {
			textCell(sheet.createRow(r), 0, text.get("report.since.noPrevious"), wrap);
			return;
		}
		int headRow = r++;
		headerRow(sheet, headRow, columns);
		if (since.none() != null) {
			textCell(sheet.createRow(r++), 1, since.none(), wrap);
		}
		for (Report.SincePair pair : since.pairs()) {
			for (Report.Row figures : pair.table().rows()) {
				boolean now = figures == pair.table().rows().get(pair.table().rows().size() - 1);
				Row row = sheet.createRow(r++);
				textCell(row, 0, pair.id(), null);
				textCell(row, 1, pair.text(), wrap);
				fitHeight(row, pair.text(), sheet.getColumnWidth(1) / 256);
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
					Cell points = row.createCell(change);
					points.setCellValue(pair.shift());
					points.setCellStyle(signed);
					textCell(row, change + 1, pair.direction(), wrap);
				}
				else if (now) {
					// Not shown one of the two times: no change can be given, and the
					// cells say so.
					notShown(row, change, change + 1);
					textCell(row, why, text.get("report.notShownWhy"), null);
				}
				if (now && !pair.agreed().isEmpty()) {
					String agreed = String.join("\n", pair.agreed());
					textCell(row, change + 2, agreed, wrap);
					fitHeight(row, agreed, sheet.getColumnWidth(change + 2) / 256);
				}
			}
		}
		nativeTable(sheet, "SinceLastTime", columns, headRow, r - 1);
	}

	/**
	 * Every round in view: one row per statement and round, its shares stored as the
	 * whole percents the report shows and "not shown" in words where left out; then,
	 * under the table, for each principle its statements' shares by round and a native
	 * line chart of them, where a share left out is a blank cell and so a gap in the
	 * line, never a 0. The sheet's name, or null when the report has no series.
	 */
	private String series() {
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

	/** Left and right margins in inches: narrow, so the columns keep more room. */
	static final double SIDE_MARGIN = 0.4;

	/**
	 * The widest a sheet may be, in characters of the workbook's font (Calibri 11, 7
	 * pixels a character at 96 dpi), to print one page wide on A4 landscape between
	 * margins of {@link #SIDE_MARGIN} inches at 75 % or more: 11 pt text then prints at 8
	 * pt or more.
	 */
	static final int PAGE_CHARS = (int) ((297 / 25.4 - 2 * SIDE_MARGIN) * 96 / 0.75 / 7);

	/**
	 * Column widths in characters: as wanted when they fit on the page, otherwise each
	 * column gives up the same part of what it has above its least, until they fit.
	 */
	private static void widths(Sheet sheet, List<Integer> wanted, List<Integer> least) {
		int want = wanted.stream().mapToInt(Integer::intValue).sum();
		int floor = least.stream().mapToInt(Integer::intValue).sum();
		double keep = want <= PAGE_CHARS ? 1 : Math.max(0, (double) (PAGE_CHARS - floor) / (want - floor));
		for (int c = 0; c < wanted.size(); c++) {
			int width = least.get(c) + (int) Math.floor(keep * (wanted.get(c) - least.get(c)));
			sheet.setColumnWidth(c, width * 256);
		}
	}

	/** How many characters the first {@code columns} columns hold side by side. */
	private static int totalChars(Sheet sheet, int columns) {
		int chars = 0;
		for (int c = 0; c < columns; c++) {
			chars += sheet.getColumnWidth(c) / 256;
		}
		return chars;
	}

	/**
	 * Every sheet prints landscape on A4, one page wide and as many long as it needs,
	 * with the report's title and period at the top of each page and its number at the
	 * foot.
	 */
	private void printSetup() {
		String title = headerText(report.title(), 120);
		String period = report.period() == null ? "" : headerText(report.period(), 60);
		String page = text.get("report.sheet.page", "&P", "&N");
		for (int i = 0; i < sheets.getNumberOfSheets(); i++) {
			Sheet sheet = sheets.getSheetAt(i);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.getPrintSetup().setLandscape(true);
			sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN);
			sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
			sheet.setMargin(PageMargin.TOP, 0.75);
			sheet.setMargin(PageMargin.BOTTOM, 0.75);
			sheet.setMargin(PageMargin.HEADER, 0.3);
			sheet.setMargin(PageMargin.FOOTER, 0.3);
			sheet.getHeader().setLeft(title);
			sheet.getHeader().setRight(period);
			sheet.getFooter().setCenter(page);
		}
	}

	/**
	 * Words for a page's header: an ampersand doubled, as Excel reads a single one as a
	 * code, and cut short, as a header holds at most 255 characters in all.
	 */
	private static String headerText(String words, int most) {
		String shortened = words.length() <= most ? words : words.substring(0, most - 1) + "\u2026";
		return shortened.replace("&", "&&");
	}

	/**
	 * A native Excel table over a list: its heading row, banded rows, and a filter on
	 * each column; the heading row frozen and printed at the top of each page. Streamed
	 * sheets hold their rows apart, so the columns are named here rather than read back.
	 */
	private void nativeTable(Sheet sheet, String name, List<String> columns, int headRow, int lastRow) {
		XSSFSheet plain = workbook.getSheet(sheet.getSheetName());
		AreaReference area = new AreaReference(new CellReference(headRow, 0),
				new CellReference(Math.max(lastRow, headRow + 1), columns.size() - 1), SpreadsheetVersion.EXCEL2007);
		XSSFTable table = plain.createTable(area);
		table.setName(name);
		table.setDisplayName(name);
		CTTable ct = table.getCTTable();
		for (int c = 0; c < columns.size(); c++) {
			ct.getTableColumns().getTableColumnArray(c).setName(columns.get(c));
		}
		if (!ct.isSetAutoFilter()) {
			ct.addNewAutoFilter();
		}
		ct.getAutoFilter().setRef(area.formatAsString());
		CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
		// Grey bands only: no colour that could read as better or worse.
		style.setName("TableStyleLight1");
		style.setShowRowStripes(true);
		style.setShowColumnStripes(false);
		style.setShowFirstColumn(false);
		style.setShowLastColumn(false);
		int frozenColumns = sheet.getPaneInformation() == null ? 0
				: sheet.getPaneInformation().getVerticalSplitLeftColumn();
		sheet.createFreezePane(frozenColumns, headRow + 1);
		sheet.setRepeatingRows(new CellRangeAddress(headRow, headRow, -1, -1));
	}

	private void headerRow(Sheet sheet, List<String> columns) {
		headerRow(sheet, 0, columns);
	}

	/** The heading row, tall enough for its longest heading as it wraps in its column. */
	private void headerRow(Sheet sheet, int r, List<String> columns) {
		Row row = sheet.createRow(r);
		int lines = 1;
		for (int c = 0; c < columns.size(); c++) {
			textCell(row, c, columns.get(c), header);
			lines = Math.max(lines, wrappedLines(columns.get(c), sheet.getColumnWidth(c) / 256));
		}
		row.setHeightInPoints(15f * lines + 4);
	}

	/**
	 * Lines a text takes wrapped at word ends in a column of {@code chars} characters,
	 * bold headings a little wider than digits.
	 */
	static int wrappedLines(String text, int chars) {
		double room = Math.max(1, chars - 1) / 1.1;
		int lines = 0;
		for (String paragraph : text.split("\n")) {
			lines++;
			double used = 0;
			for (String word : paragraph.split(" ")) {
				double need = used == 0 ? word.length() : used + 1 + word.length();
				if (need <= room || used == 0) {
					used = need;
				}
				else {
					lines++;
					used = word.length();
				}
				while (used > room) {
					lines++;
					used -= room;
				}
			}
		}
		return lines;
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
