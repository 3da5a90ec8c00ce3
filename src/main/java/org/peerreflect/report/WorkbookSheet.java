package org.peerreflect.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

/**
 * A sheet of the workbook, written in the shared workbook with the shared styles; and
 * what more than one sheet is made of: text cells that are never formulas, rows that grow
 * with their text, widths that print one page wide, native tables, withheld cells, and
 * the columns of a distribution.
 */
abstract class WorkbookSheet {

	final Report report;

	final ReportText text;

	final XSSFWorkbook workbook;

	final CellStyle header;

	final CellStyle wrap;

	final CellStyle title;

	final CellStyle percent;

	final CellStyle signed;

	private final Map<CellStyle, CellStyle> quotePrefixed;

	WorkbookSheet(WorkbookContext context) {
		this.report = context.report();
		this.text = context.text();
		this.workbook = context.workbook();
		this.header = context.header();
		this.wrap = context.wrap();
		this.title = context.title();
		this.percent = context.percent();
		this.signed = context.signed();
		this.quotePrefixed = context.quotePrefixed();
	}

	/** Text always goes in a string cell, never a formula, whatever it starts with. */
	void textCell(Row row, int column, String value, CellStyle style) {
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

	/**
	 * Rows grow with their wrapped text; Excel does not do it for rows written by a
	 * program.
	 */
	static void fitHeight(Row row, String value, int columnChars) {
		int lines = 0;
		for (String paragraph : value.split("\n")) {
			lines += Math.max(1, (int) Math.ceil(paragraph.length() / (columnChars * 1.05)));
		}
		row.setHeightInPoints(Math.max(row.getHeightInPoints(), 15f * lines + 2));
	}

	/**
	 * Column widths in characters: as wanted when they fit on the page, otherwise each
	 * column gives up the same part of what it has above its least, until they fit.
	 */
	static void widths(Sheet sheet, List<Integer> wanted, List<Integer> least) {
		int want = wanted.stream().mapToInt(Integer::intValue).sum();
		int floor = least.stream().mapToInt(Integer::intValue).sum();
		double keep = want <= WorkbookReport.PAGE_CHARS ? 1
				: Math.max(0, (double) (WorkbookReport.PAGE_CHARS - floor) / (want - floor));
		for (int c = 0; c < wanted.size(); c++) {
			int width = least.get(c) + (int) Math.floor(keep * (wanted.get(c) - least.get(c)));
			sheet.setColumnWidth(c, width * 256);
		}
	}

	/** How many characters the first {@code columns} columns hold side by side. */
	static int totalChars(Sheet sheet, int columns) {
		int chars = 0;
		for (int c = 0; c < columns; c++) {
			chars += sheet.getColumnWidth(c) / 256;
		}
		return chars;
	}

	void headerRow(Sheet sheet, List<String> columns) {
		headerRow(sheet, 0, columns);
	}

	/** The heading row, tall enough for its longest heading as it wraps in its column. */
	void headerRow(Sheet sheet, int r, List<String> columns) {
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

	/**
	 * A native Excel table over a list: its heading row, banded rows, and a filter on
	 * each column; the heading row frozen and printed at the top of each page. Streamed
	 * sheets hold their rows apart, so the columns are named here rather than read back.
	 */
	void nativeTable(Sheet sheet, String name, List<String> columns, int headRow, int lastRow) {
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

	/**
	 * A list sheet kept as plain cells: its heading row frozen, filters on every column,
	 * and the heading printed at the top of every page.
	 */
	static void table(Sheet sheet, int columns, int lastRow) {
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, columns - 1));
		sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
	}

	/**
	 * A withheld row: "not shown" in every figure's cell, and the one reason in the last
	 * ("Why") column.
	 */
	void withheld(Row row, int from, int whyColumn) {
		notShown(row, from, whyColumn - 1);
		textCell(row, whyColumn, text.get("report.notShownWhy"), null);
	}

	/**
	 * Every withheld cell reads the same, "not shown", never a number or a blank that
	 * could mean 0 (invariant 8): a sum over the column then fails in plain sight instead
	 * of counting it as 0. The one reason for all of them is on the About sheet and in
	 * each sheet's "Why" column.
	 */
	void notShown(Row row, int from, int to) {
		for (int c = from; c <= to; c++) {
			textCell(row, c, text.get("report.notShown"), null);
		}
	}

	/**
	 * The option columns' names: the options' own words when every table has the same,
	 * otherwise "Answer 1", "Answer 2", ...
	 */
	List<String> optionHeaders(List<Report.Table> tables) {
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
	List<String> distributionColumns(List<String> options, String... leading) {
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
	int noResults(Sheet sheet) {
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
	List<String> groupLabels() {
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
	List<Report.ItemBlock> items(boolean withTable) {
		return report.principles()
			.stream()
			.flatMap(principle -> principle.items().stream())
			.filter(item -> !withTable || item.table() != null)
			.toList();
	}

	/**
	 * Widths of a sheet of distributions: the leading columns, people, a count and a
	 * share per option and for "not sure", then the trailing columns; narrow number
	 * columns, their headings wrapping.
	 */
	static void distributionWidths(Sheet sheet, int options, List<Integer> leading, List<Integer> leadingLeast,
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
	int distributionCells(Row row, int c, Report.Row figures, int optionColumns) {
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

}
