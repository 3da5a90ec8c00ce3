package org.peerreflect.report;

import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Where our views differ: the chart, each statement to talk over, the meeting's guide.
 */
final class PdfDiffer extends PdfPart {

	PdfDiffer(PdfContext pdf) {
		super(pdf);
	}

	void differMost(Report.Differ differ) {
		document.newPage();
		heading(differ.title());
		add(spaced(new Paragraph(differ.lead(), body), 0, 10));
		if (differ.chart() != null) {
			PdfPTable holder = PdfReport.placedChart(writer, differ.chart(),
					document.getPageSize().getWidth() - 2 * MARGIN, regularFont, boldFont);
			holder.setSpacingAfter(8);
			add(holder);
		}
		// Each statement in a table of its own, so its parts are read in order and stay
		// together.
		for (Report.DifferItem item : differ.items()) {
			PdfPTable block = new PdfPTable(1);
			block.setWidthPercentage(100);
			block.setKeepTogether(true);
			block.setSpacingAfter(6);
			block.addCell(plain(new Paragraph(item.text(), h3), 2));
			if (item.why() != null && !item.why().isEmpty()) {
				Paragraph why = new Paragraph(text.get("report.start.whyTitle") + ": ", smallBold);
				why.add(new Phrase(String.join(" \u00b7 ", item.why()), small));
				block.addCell(plain(why, 2));
			}
			block.addCell(plain(new Paragraph(item.how(), body), 2));
			Paragraph ask = new Paragraph(item.prompt(), bold);
			block.addCell(plain(ask, 3));
			if (!item.agreed().isEmpty()) {
				block.addCell(plain(new Paragraph(item.agreedTitle(), smallBold), 1));
				for (String agreed : item.agreed()) {
					block.addCell(plain(new Paragraph("\u2022 " + agreed, small), 2));
				}
			}
			if (!item.words().isEmpty()) {
				block.addCell(plain(new Paragraph(item.wordsTitle(), smallBold), 1));
				for (String words : item.words()) {
					block.addCell(quote(words, small));
				}
			}
			add(block);
		}
		guide(differ.guide());
	}

	/** The meeting's steps, and lines to write on what we agree this time. */
	private void guide(Report.Guide guide) {
		PdfPTable box = new PdfPTable(1);
		box.setWidthPercentage(100);
		box.setKeepTogether(true);
		box.setSpacingBefore(8);
		PdfPCell title = new PdfPCell(new Phrase(guide.title(), h3));
		title.setBorder(Rectangle.NO_BORDER);
		title.setBackgroundColor(SOFT);
		title.setPadding(6);
		box.addCell(title);
		int step = 1;
		for (String words : guide.steps()) {
			PdfPCell cell = new PdfPCell(new Phrase(step++ + ".  " + words, body));
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setBackgroundColor(SOFT);
			cell.setPaddingLeft(6);
			cell.setPaddingBottom(4);
			box.addCell(cell);
		}
		PdfPCell space = new PdfPCell(new Phrase(guide.space(), bold));
		space.setBorder(Rectangle.NO_BORDER);
		space.setPaddingTop(8);
		box.addCell(space);
		for (int line = 0; line < 4; line++) {
			PdfPCell blank = new PdfPCell(new Phrase(" ", body));
			blank.setBorder(Rectangle.BOTTOM);
			blank.setBorderColor(MUTED);
			blank.setFixedHeight(24);
			box.addCell(blank);
		}
		add(box);
	}

}
