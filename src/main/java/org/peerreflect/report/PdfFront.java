package org.peerreflect.report;

import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** The meeting's first page and the cover. */
final class PdfFront extends PdfPart {

	PdfFront(PdfContext pdf) {
		super(pdf);
	}

	/**
	 * The first page, for the meeting, at 14 pt and more; what does not fit flows onto
	 * the next page at the same size, and the cover starts a page of its own.
	 */
	void meeting(Report.Meeting meeting) {
		Font words = new Font(regularFont, PdfReport.MEETING_TYPE, Font.NORMAL, INK);
		Font strong = new Font(boldFont, PdfReport.MEETING_TYPE, Font.NORMAL, INK);
		Font soft = new Font(regularFont, PdfReport.MEETING_TYPE, Font.NORMAL, MUTED);
		Font heading = new Font(boldFont, 18, Font.NORMAL, INK);
		Font title = new Font(boldFont, 28, Font.NORMAL, INK);
		List<String> about = new ArrayList<>();
		about.add(meeting.report());
		if (report.organization() != null) {
			about.add(report.organization());
		}
		if (report.period() != null) {
			about.add(report.period());
		}
		add(spaced(new Paragraph(String.join(" \u00b7 ", about), soft), 0, 2));
		heading(meeting.title(), title);
		add(spaced(new Paragraph(meeting.thanks(), words), 0, 8));
		for (Report.MeetingPart part : meeting.parts()) {
			add(spaced(new Paragraph(part.title(), heading), 8, 3));
			for (Report.MeetingLine line : part.lines()) {
				Paragraph item = new Paragraph("\u2022 " + line.text(), strong);
				item.setIndentationLeft(14);
				item.setFirstLineIndent(-14);
				add(spaced(item, 2, 0));
				for (String detail : line.details()) {
					Paragraph said = new Paragraph(detail, soft);
					said.setIndentationLeft(14);
					add(said);
				}
			}
			if (part.note() != null) {
				add(spaced(new Paragraph(part.note(), words), 3, 0));
			}
		}
		add(spaced(new Paragraph(meeting.stepsTitle(), heading), 8, 3));
		int step = 1;
		for (String said : meeting.steps()) {
			Paragraph item = new Paragraph(step++ + ".  " + said, words);
			item.setIndentationLeft(18);
			item.setFirstLineIndent(-18);
			add(item);
		}
		document.newPage();
	}

	void cover() {
		add(spaced(new Paragraph(report.kicker(), smallBold), 40, 6));
		add(spaced(new Paragraph(report.title(), cover), 0, 10));
		if (report.organization() != null) {
			add(spaced(new Paragraph(report.organization(), h2), 0, 4));
		}
		if (report.period() != null) {
			add(spaced(new Paragraph(report.period(), body), 0, 4));
		}
		add(spaced(new Paragraph(" ", body), 0, 16));

		PdfPTable facts = new PdfPTable(new float[] { 2.1f, 3f });
		facts.setWidthPercentage(100);
		for (Report.Fact fact : report.cover()) {
			fact(facts, fact.label(), String.join("\n", fact.values()));
		}
		add(facts);
		add(spaced(new Paragraph(report.thanks(), bold), 18, 0));
		add(spaced(new Paragraph(report.about(), body), 8, 0));
		if (report.noResults() != null) {
			add(spaced(new Paragraph(report.noResults(), bold), 14, 0));
		}
	}

	private void fact(PdfPTable table, String label, String value) {
		PdfPCell left = new PdfPCell(new Phrase(label, smallBold));
		PdfPCell right = new PdfPCell(new Phrase(value, body));
		for (PdfPCell cell : List.of(left, right)) {
			cell.setBorder(Rectangle.BOTTOM);
			cell.setBorderColor(RULE);
			cell.setPaddingTop(7);
			cell.setPaddingBottom(8);
		}
		table.addCell(left);
		table.addCell(right);
	}

}
