package org.peerreflect.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Items: every statement's figures for all of us, one row each. */
final class ItemsSheet extends WorkbookSheet {

	ItemsSheet(WorkbookContext context) {
		super(context);
	}

	void items(Workbook sheets) {
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

}
