package org.peerreflect.printed;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.peerreflect.report.PdfBlocks;
import org.peerreflect.report.ReportFonts;
import org.peerreflect.report.ReportText;

/**
 * Participation code cards, 8 to an A4 page with dashed cut lines: the address to visit,
 * the code in large type, and one plain sentence on anonymity. Made straight into the
 * response and never stored.
 */
public final class CodeCards {

	private static final Color INK = PdfBlocks.INK;

	private CodeCards() {
	}

	/**
	 * {@code codes} as printed (e.g. ACDEF-34679); {@code address} is where people
	 * answer.
	 */
	public static void write(List<String> codes, String roundName, String address, String language, OutputStream out) {
		ReportText text = new ReportText(language);
		// Cards fill the page edge to edge so that the cut lines are straight lines
		// across it.
		Document document = new Document(PageSize.A4, 0, 0, 0, 0);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(text.get("cards.title", roundName));
			PdfBlocks.describe(writer, language);
			document.open();
			// A point less than a quarter, so that four rows never spill onto another
			// page.
			float cardHeight = (float) Math.floor(PageSize.A4.getHeight() / 4) - 1;
			Card card = Card.measured(text, roundName, address, codes, cardHeight);
			for (int start = 0; start < codes.size(); start += 8) {
				if (start > 0) {
					document.newPage();
				}
				PdfPTable page = new PdfPTable(2);
				page.setWidthPercentage(100);
				for (int i = start; i < start + 8; i++) {
					PdfPCell cell = i < codes.size() ? card.cell(codes.get(i)) : new PdfPCell();
					cell.setFixedHeight(cardHeight);
					cell.setBorder(Rectangle.NO_BORDER);
					page.addCell(cell);
				}
				document.add(page);
				cutLines(writer.getDirectContent(), cardHeight);
			}
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the cards could not be laid out", e);
		}
	}

	/**
	 * One card's words at one size. A card's height is fixed and what does not fit in a
	 * fixed cell is cut off without a sign, so the words are measured first: the type is
	 * made smaller step by step until everything fits, and only a round name too long for
	 * any size is shortened, never the card's own sentences.
	 */
	private record Card(ReportText text, String invitation, String address, float scale) {

		/** Space kept around the words inside a card. */
		private static final float PADDING = 22;

		/** The smallest the type is made: the sentence stays at 8 pt or more. */
		private static final float SMALLEST = 0.8f;

		static Card measured(ReportText text, String roundName, String address, List<String> codes, float height) {
			String widest = codes.stream()
				.max(java.util.Comparator.comparing(code -> ReportFonts.bold().getWidthPoint(code, 26)))
				.orElse("");
			String name = roundName;
			while (true) {
				for (float scale = 1; scale >= SMALLEST - 0.001f; scale -= 0.05f) {
					Card card = new Card(text, text.get("cards.invitation", name), address, scale);
					if (card.height(widest) <= height) {
						return card;
					}
				}
				if (name.length() <= 12) {
					return new Card(text, text.get("cards.invitation", name), address, SMALLEST);
				}
				name = name.substring(0, name.length() * 3 / 4).strip() + "\u2026";
			}
		}

		/** How tall the card's words stand, padding included, at the card's width. */
		private float height(String code) {
			PdfPTable probe = new PdfPTable(1);
			probe.setTotalWidth(PageSize.A4.getWidth() / 2);
			probe.setLockedWidth(true);
			probe.addCell(cell(code));
			return probe.getTotalHeight();
		}

		PdfPCell cell(String code) {
			Font small = new Font(ReportFonts.regular(), 10 * scale, Font.NORMAL, INK);
			Font label = new Font(ReportFonts.bold(), 11 * scale, Font.NORMAL, INK);
			Font big = new Font(ReportFonts.bold(), 26 * scale, Font.NORMAL, INK);
			Font link = new Font(ReportFonts.bold(), 12 * scale, Font.NORMAL, INK);
			PdfPCell card = new PdfPCell();
			card.setBorder(Rectangle.NO_BORDER);
			card.setPadding(PADDING);
			card.setVerticalAlignment(Element.ALIGN_MIDDLE);
			card.addElement(centered(invitation, label, 6 * scale));
			card.addElement(centered(address, fitting(link, address), 8 * scale));
			card.addElement(centered(text.get("cards.yourCode"), small, 2 * scale));
			card.addElement(centered(code, fitting(big, code), 8 * scale));
			card.addElement(centered(text.get("cards.anonymous"), small, 0));
			return card;
		}

	}

	/** Room across a card for the code, inside its padding. */
	private static final float CODE_ROOM = PageSize.A4.getWidth() / 2 - 2 * Card.PADDING - 4;

	/**
	 * The font for a code or the address, made smaller where it is wide, so that it
	 * always stays on one line: a line break inside it would read as part of it.
	 */
	private static Font fitting(Font big, String code) {
		float width = big.getBaseFont().getWidthPoint(code, big.getSize());
		return width <= CODE_ROOM ? big
				: new Font(big.getBaseFont(), big.getSize() * CODE_ROOM / width, big.getStyle(), big.getColor());
	}

	private static Paragraph centered(String words, Font font, float after) {
		Paragraph paragraph = PdfBlocks.spaced(new Paragraph(words, font), 0, after);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		return paragraph;
	}

	/** Dashed lines between the cards: one down the middle, three across. */
	private static void cutLines(PdfContentByte canvas, float cardHeight) {
		float width = PageSize.A4.getWidth();
		canvas.saveState();
		canvas.setColorStroke(new Color(0x8c8c8c));
		canvas.setLineWidth(0.6f);
		canvas.setLineDash(4, 3, 0);
		canvas.moveTo(width / 2, 0);
		canvas.lineTo(width / 2, PageSize.A4.getHeight());
		for (int row = 1; row < 4; row++) {
			canvas.moveTo(0, row * cardHeight);
			canvas.lineTo(width, row * cardHeight);
		}
		canvas.stroke();
		canvas.restoreState();
	}

}
