package org.peerreflect.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
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
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumFmt;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;

import javax.xml.namespace.QName;

/** Per principle: a table of counts and a native stacked bar chart for each scale. */
final class PrinciplesSheet extends WorkbookSheet {

	PrinciplesSheet(WorkbookContext context) {
		super(context);
	}

	/**
	 * Per principle: a small table of counts of the shown items and a native stacked bar
	 * chart.
	 */
	void principles() {
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
		font.setSz(WorkbookReport.LABEL_SIZE);
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

}
