package org.peerreflect.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** "At a glance", for a board: one row per statement. */
final class GlanceSheet extends WorkbookSheet {

	GlanceSheet(WorkbookContext context) {
		super(context);
	}

	/**
	 * "At a glance", for a board: what the overview says, one row per statement. The
	 * share of us on the scale's upper side, for all of us and each group shown, then
	 * last time's and the change, and what we agreed about the statement last time. Each
	 * figure is the one the model gives, kept as a number that displays the same digit.
	 */
	void glance() {
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

}
