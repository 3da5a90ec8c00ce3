package org.peerreflect.report;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * The type of one PDF report: one instance of each font per document, so each is embedded
 * once, and the sizes every part sets its words in.
 */
record PdfFonts(BaseFont regularFont, BaseFont boldFont, Font body, Font small, Font smallBold, Font bold, Font h1,
		Font h2, Font h3, Font cover) {

	static PdfFonts load() {
		BaseFont regular = ReportFonts.regular();
		BaseFont heavy = ReportFonts.bold();
		// Sizes that read in a room and on a photocopy: body at 11 pt, tables and notes
		// at 10, the least for paper passed round a circle.
		return new PdfFonts(regular, heavy, new Font(regular, PdfReport.BODY, Font.NORMAL, PdfPart.INK),
				new Font(regular, PdfReport.SMALL, Font.NORMAL, PdfPart.INK),
				new Font(heavy, PdfReport.SMALL, Font.NORMAL, PdfPart.INK),
				new Font(heavy, PdfReport.BODY, Font.NORMAL, PdfPart.INK),
				new Font(heavy, 20, Font.NORMAL, PdfPart.INK), new Font(heavy, 15, Font.NORMAL, PdfPart.INK),
				new Font(heavy, 12.5f, Font.NORMAL, PdfPart.INK), new Font(heavy, 26, Font.NORMAL, PdfPart.INK));
	}

}
