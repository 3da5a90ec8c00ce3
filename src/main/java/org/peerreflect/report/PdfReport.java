package org.peerreflect.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.OutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The PDF report (DESIGN section 6): cover, how to read it, at a glance, each principle,
 * where our views differ most, our own words, since last time, and what was withheld. A4
 * with margins wide enough that it also prints on US Letter without clipping. Charts are
 * vector drawings with real text in the embedded font.
 */
final class PdfReport {

	static final float FOOTER = 54;

	/** Body text, in points. */
	static final float BODY = 11;

	/** Tables, notes and the footer, in points. */
	static final float SMALL = 10;

	/**
	 * The smallest type on the meeting's page, in points: read from the back of a room.
	 */
	static final float MEETING_TYPE = 14;

	private final Report report;

	private final ReportText text;

	private final PdfFonts fonts;

	/** The cover's page, once it is set. */
	private int coverPage;

	private PdfReport(Report report) {
		this.report = report;
		this.text = new ReportText(report.language());
		this.fonts = PdfFonts.load();
	}

	static void write(Report report, OutputStream out) {
		new PdfReport(report).render(out);
	}

	/** Each part of the report in its order, each laid out by a part of its own. */
	private void render(OutputStream out) {
		Document document = new Document(PageSize.A4, PdfPart.MARGIN, PdfPart.MARGIN, PdfBlocks.TOP, PdfBlocks.BOTTOM);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setPageEvent(new Footer());
			document.addTitle(report.title());
			PdfBlocks.describe(writer, report.language());
			// The report opens with its bookmarks beside it, a contents that is always at
			// hand.
			writer.setViewerPreferences(PdfWriter.DisplayDocTitle | PdfWriter.PageModeUseOutlines);
			document.addCreator("Peer Reflect");
			document.open();
			PdfContext pdf = new PdfContext(report, text, document, writer, fonts);
			for (Report.Part part : report.parts()) {
				switch (part) {
					case MEETING -> new PdfFront(pdf).meeting(report.meeting());
					case COVER -> {
						coverPage = writer.getPageNumber();
						new PdfFront(pdf).cover();
					}
					case DIFFER -> new PdfDiffer(pdf).differMost(report.differ());
					case OVERVIEW -> new PdfPrinciples(pdf).overview(report.overview());
					case PRINCIPLES -> new PdfPrinciples(pdf).principles();
					case SINCE -> new PdfSince(pdf).sinceLastTime(report.since());
					case SERIES -> new PdfSeries(pdf).series(report.series());
					case WORDS -> new PdfBack(pdf).ownWords(report.words());
					case READ -> new PdfBack(pdf).howToRead();
					case WITHHELD -> new PdfBack(pdf).withheld(report.withheld());
					case STEWARD -> new PdfBack(pdf).steward(report.steward());
				}
			}
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the report could not be laid out", e);
		}
	}

	/**
	 * A chart as a vector drawing with real text, as wide as the page's text, in a table
	 * so that its words are read after the page's heading. Placed at full size, with no
	 * padding to shrink it, so its words print at the size they are drawn.
	 */
	static PdfPTable placedChart(PdfWriter writer, Report.Chart drawn, float width, BaseFont regular, BaseFont bold) {
		float height = Charts.height(drawn.bars());
		PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
		Graphics2D graphics = template.createGraphics(width, height, ReportFonts.mapper(regular, bold));
		Charts.draw(drawn.bars(), graphics, new Rectangle2D.Double(0, 0, width, height));
		graphics.dispose();
		Image image;
		try {
			image = Image.getInstance(template);
		}
		catch (DocumentException e) {
			throw new IllegalStateException(e);
		}
		image.setAlt(drawn.alt());
		PdfPTable holder = new PdfPTable(1);
		holder.setWidthPercentage(100);
		PdfPCell cell = new PdfPCell(image, false);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		holder.addCell(cell);
		return holder;
	}

	/** The page number and the report's title at the foot of every page but the cover. */
	private final class Footer extends PdfPageEventHelper {

		@Override
		public void onEndPage(PdfWriter pdfWriter, Document doc) {
			int page = pdfWriter.getPageNumber();
			// The meeting's pages, all at 14 pt and more, and the cover stand on their
			// own.
			if (coverPage == 0 || page <= coverPage) {
				return;
			}
			PdfContentByte canvas = pdfWriter.getDirectContent();
			Font foot = new Font(fonts.regularFont(), SMALL, Font.NORMAL, PdfPart.MUTED);
			float y = FOOTER;
			ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(report.title(), foot), PdfPart.MARGIN, y,
					0);
			ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(text.get("report.page", page), foot),
					doc.getPageSize().getWidth() - PdfPart.MARGIN, y, 0);
		}

	}

}
