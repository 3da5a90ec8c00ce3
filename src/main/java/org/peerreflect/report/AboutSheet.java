package org.peerreflect.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** About: the cover's facts, how to read the report, and what was withheld. */
final class AboutSheet extends WorkbookSheet {

	AboutSheet(WorkbookContext context) {
		super(context);
	}

	void about() {
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

}
