package org.peerreflect.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Perspectives: every statement's figures for each group, one row each. */
final class PerspectivesSheet extends WorkbookSheet {

	PerspectivesSheet(WorkbookContext context) {
		super(context);
	}

	void perspectives(Workbook sheets) {
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

}
