package org.peerreflect.report;

import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The back of the report: our own words, how to read it, what was withheld, and the
 * steward's guide to the meeting.
 */
final class PdfBack extends PdfPart {

	PdfBack(PdfContext pdf) {
		super(pdf);
	}

	void ownWords(Report.Words words) {
		document.newPage();
		heading(words.title());
		if (words.lead() != null) {
			add(spaced(new Paragraph(words.lead(), body), 0, 8));
		}
		for (Report.WrittenBlock written : words.items()) {
			// In one table with its question, so the words are read after it; set in from
			// a rule.
			PdfPTable quotes = new PdfPTable(1);
			quotes.setWidthPercentage(100);
			quotes.setSpacingBefore(8);
			quotes.setHeaderRows(1);
			quotes.setSkipFirstHeader(false);
			quotes.addCell(plain(new Paragraph(written.text(), h3), 4));
			for (String answer : written.answers()) {
				quotes.addCell(quote(answer, body));
			}
			add(quotes);
		}
		if (words.none() != null) {
			add(new Paragraph(words.none(), body));
		}
	}

	void howToRead() {
		document.newPage();
		Report.Section read = report.read();
		heading(read.title());
		for (String paragraph : read.paragraphs()) {
			add(spaced(new Paragraph(paragraph, body), 0, 8));
		}
		for (Report.ListBlock list : read.lists()) {
			add(spaced(new Paragraph(list.title(), h3), 10, 6));
			list.lines().forEach(line -> add(bullet(line)));
		}
	}

	void withheld(Report.Withheld withheld) {
		heading(withheld.title(), h2);
		add(spaced(new Paragraph(withheld.lead(), body), 0, 8));
		if (withheld.nothing() != null) {
			add(new Paragraph(withheld.nothing(), body));
		}
		for (String line : withheld.lines()) {
			add(bullet(line));
		}
		if (!withheld.previousLines().isEmpty()) {
			add(spaced(new Paragraph(withheld.previousTitle(), h3), 10, 4));
			for (String line : withheld.previousLines()) {
				add(bullet(line));
			}
		}
	}

	/**
	 * The guide on pages of its own at the back, at 11 pt so it reads well when printed
	 * for the room: the plan as a table of times and steps, then each part's lines.
	 */
	void steward(Report.StewardGuide guide) {
		Font guideBody = new Font(regularFont, 11, Font.NORMAL, INK);
		Font guideBold = new Font(boldFont, 11, Font.NORMAL, INK);
		Font guideHeading = new Font(boldFont, 12.5f, Font.NORMAL, INK);
		document.newPage();
		heading(guide.title());
		add(spaced(new Paragraph(14.5f, guide.lead(), guideBody), 0, 8));
		PdfPTable plan = new PdfPTable(new float[] { 1.25f, 6f });
		plan.setWidthPercentage(100);
		plan.setSpacingAfter(4);
		plan.setKeepTogether(true);
		PdfPCell title = new PdfPCell(new Phrase(guide.planTitle(), guideHeading));
		title.setColspan(2);
		title.setBorder(Rectangle.NO_BORDER);
		title.setBackgroundColor(SOFT);
		title.setPadding(6);
		plan.addCell(title);
		for (Report.GuideStep step : guide.plan()) {
			PdfPCell time = new PdfPCell(new Phrase(step.time(), guideBold));
			Paragraph what = new Paragraph(14.5f, step.title() + ". ", guideBold);
			what.add(new Chunk(step.words(), guideBody));
			PdfPCell words = new PdfPCell(what);
			for (PdfPCell cell : List.of(time, words)) {
				cell.setBorder(Rectangle.BOTTOM);
				cell.setBorderColor(RULE);
				cell.setPaddingTop(3);
				cell.setPaddingBottom(6);
				plan.addCell(cell);
			}
		}
		add(plan);
		for (Report.ListBlock part : guide.parts()) {
			// Each part with its lines, so a part never starts at the foot of a page.
			PdfPTable block = new PdfPTable(1);
			block.setWidthPercentage(100);
			block.setKeepTogether(true);
			block.addCell(plain(new Paragraph(part.title(), guideHeading), 3));
			for (String line : part.lines()) {
				Paragraph bullet = new Paragraph(14.5f, "\u2022  " + line, guideBody);
				bullet.setIndentationLeft(12);
				bullet.setFirstLineIndent(-10);
				block.addCell(plain(bullet, 2));
			}
			add(block);
		}
	}

}
