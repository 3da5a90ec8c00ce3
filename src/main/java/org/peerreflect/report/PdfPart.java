package org.peerreflect.report;

import java.awt.Color;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A part of the PDF report, set in the shared document in the shared type; and the blocks
 * more than one part is made of: headings with their bookmarks, bullets, quotes, rules
 * under cells and column headings.
 */
abstract class PdfPart {

	static final float MARGIN = PdfBlocks.MARGIN;

	static final Color INK = Charts.INK;

	static final Color MUTED = new Color(0x4a5563);

	static final Color RULE = new Color(0xd6d9de);

	static final Color SOFT = new Color(0xf1f3f6);

	static final float SMALL = PdfReport.SMALL;

	final Report report;

	final ReportText text;

	final Document document;

	final PdfWriter writer;

	final BaseFont regularFont;

	final BaseFont boldFont;

	final Font body;

	final Font small;

	final Font smallBold;

	final Font bold;

	final Font h1;

	final Font h2;

	final Font h3;

	final Font cover;

	PdfPart(PdfContext pdf) {
		this.report = pdf.report();
		this.text = pdf.text();
		this.document = pdf.document();
		this.writer = pdf.writer();
		this.regularFont = pdf.fonts().regularFont();
		this.boldFont = pdf.fonts().boldFont();
		this.body = pdf.fonts().body();
		this.small = pdf.fonts().small();
		this.smallBold = pdf.fonts().smallBold();
		this.bold = pdf.fonts().bold();
		this.h1 = pdf.fonts().h1();
		this.h2 = pdf.fonts().h2();
		this.h3 = pdf.fonts().h3();
		this.cover = pdf.fonts().cover();
	}

	void heading(String title) {
		heading(title, h1);
	}

	/** A heading, and a bookmark to it in the reader's side panel. */
	void heading(String title, Font font) {
		add(spaced(new Paragraph(title, font), font == h1 || font.getSize() > h1.getSize() ? 0 : 10,
				font == h1 ? 10 : 6));
		// Just above where the heading was set, so that following the bookmark shows it.
		float top = Math.min(writer.getVerticalPosition(false) + font.getSize() * 2 + 16,
				document.getPageSize().getHeight());
		new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.XYZ, 0, top, 0), title);
	}

	Paragraph bullet(String line) {
		Paragraph paragraph = new Paragraph("", body);
		paragraph.add(new Chunk("\u2022  ", body));
		paragraph.add(new Chunk(line, body));
		paragraph.setIndentationLeft(12);
		paragraph.setFirstLineIndent(-10);
		paragraph.setSpacingAfter(4);
		return paragraph;
	}

	static Paragraph spaced(Paragraph paragraph, float before, float after) {
		return PdfBlocks.spaced(paragraph, before, after);
	}

	static PdfPCell plain(Paragraph content, float paddingBottom) {
		return PdfBlocks.plain(content, paddingBottom);
	}

	void add(Element element) {
		PdfBlocks.add(document, element);
	}

	/** A cell of the one-page overview: a rule below, little room above and below. */
	static void tight(PdfPCell cell) {
		cell.setLeading(0, 1.25f);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(RULE);
		cell.setPaddingTop(1.5f);
		cell.setPaddingBottom(3);
	}

	/** A column's heading: set at the bottom, over a rule of ink. */
	static void columnHead(PdfPTable table, String label, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(label, font));
		cell.setHorizontalAlignment(alignment);
		cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(INK);
		cell.setPaddingBottom(4);
		table.addCell(cell);
	}

	/** Someone's own words, set in from a rule. */
	static PdfPCell quote(String words, Font font) {
		PdfPCell quote = new PdfPCell(new Phrase(words, font));
		quote.setBorder(Rectangle.LEFT);
		quote.setBorderColor(RULE);
		quote.setBorderWidthLeft(2);
		quote.setPaddingLeft(8);
		quote.setPaddingTop(1);
		quote.setPaddingBottom(4);
		return quote;
	}

}
