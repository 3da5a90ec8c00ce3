package org.peerreflect.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Where to start talking: one row per statement put forward. */
final class DifferSheet extends WorkbookSheet {

	DifferSheet(WorkbookContext context) {
		super(context);
	}

	/**
	 * "Where to start talking": each statement, why it is there, how the answers fall,
	 * the question for it, and what we agreed to try about it last time; or, where views
	 * do not differ, the sentence that says so.
	 */
	void differ() {
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

}
