package org.peerreflect.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Written answers: each answer shown, in a text cell of its own. */
final class WrittenSheet extends WorkbookSheet {

	WrittenSheet(WorkbookContext context) {
		super(context);
	}

	void written(Workbook sheets) {
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

}
