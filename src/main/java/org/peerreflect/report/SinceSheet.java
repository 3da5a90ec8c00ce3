package org.peerreflect.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** Since last time: the agreements, then each statement's figures both times. */
final class SinceSheet extends WorkbookSheet {

	SinceSheet(WorkbookContext context) {
		super(context);
	}

	void sinceLastTime(Workbook sheets) {
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

}
