package org.peerreflect.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;

/** The small building blocks the report and the paper form share. */
public final class PdfBlocks {

	/** The ink every document is set in, and its charts drawn in. */
	public static final Color INK = new Color(0x1d2733);

	/**
	 * About 2 cm at the sides. A4 printed on US Letter at full size loses about 25 pt at
	 * top and bottom, so those margins are wider and the footer sits above what a printer
	 * cuts.
	 */
	public static final float MARGIN = 57;

	public static final float TOP = 66;

	public static final float BOTTOM = 78;

	private PdfBlocks() {
	}

	/** A paragraph with space around it and a leading that suits its font. */
	public static Paragraph spaced(Paragraph paragraph, float before, float after) {
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		paragraph.setLeading(paragraph.getFont().getSize() * 1.35f);
		return paragraph;
	}

	/** A borderless cell holding a paragraph, flush with the left edge. */
	public static PdfPCell plain(Paragraph content, float paddingBottom) {
		PdfPCell cell = new PdfPCell();
		cell.addElement(content);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPaddingLeft(0);
		cell.setPaddingRight(0);
		cell.setPaddingBottom(paddingBottom);
		return cell;
	}

	public static void add(Document document, Element element) {
		try {
			document.add(element);
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the document could not be laid out", e);
		}
	}

	/**
	 * What a reader's software needs short of tags: the document's language, so screen
	 * readers pronounce it right, and its title in the window instead of the file name.
	 * The PDF is not marked as tagged: OpenPDF's layout (paragraphs, tables, images)
	 * writes no structure, and a tagged flag over an empty tree would tell assistive
	 * software a promise the file does not keep. The web page of a report is its
	 * accessible form.
	 */
	public static void describe(PdfWriter writer, String language) {
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
		writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
	}

}
