package org.peerreflect.printed;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.peerreflect.report.PdfBlocks;
import org.peerreflect.report.ReportFonts;
import org.peerreflect.report.ReportText;

/**
 * Participation code cards, 8 to an A4 page with dashed cut lines: the address to visit,
 * the code in large type, one plain sentence on anonymity, and where what we found will
 * be, as words and as a QR code, the same on every card. Made straight into the response
 * and never stored.
 */
public final class CodeCards {

	private static final Color INK = PdfBlocks.INK;

	private CodeCards() {
	}

	/**
	 * {@code codes} as printed (e.g. ACDEF-34679); {@code address} is where people
	 * answer. The cards say nothing of results.
	 */
	public static void write(List<String> codes, String roundName, String address, String language, OutputStream out) {
		write(codes, roundName, address, null, language, out);
	}

	/**
	 * As above, with {@code results}, the round's one results address, on every card; or
	 * none where it is null, as when an organization does not share results.
	 */
	public static void write(List<String> codes, String roundName, String address, String results, String language,
			OutputStream out) {
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
			Image qr = results == null ? null : qr(writer.getDirectContent(), results);
			Card card = Card.measured(text, roundName, address, results, qr, codes, cardHeight);
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
	private record Card(ReportText text, String invitation, String address, String results, Image qr, float scale) {

		/** Space kept around the words inside a card. */
		private static final float PADDING = 22;

		/** The smallest the type is made: the sentence stays at 8 pt or more. */
		private static final float SMALLEST = 0.8f;

		static Card measured(ReportText text, String roundName, String address, String results, Image qr,
				List<String> codes, float height) {
			String widest = codes.stream()
				.max(java.util.Comparator.comparing(code -> ReportFonts.bold().getWidthPoint(code, 26)))
				.orElse("");
			String name = roundName;
			while (true) {
				for (float scale = 1; scale >= SMALLEST - 0.001f; scale -= 0.05f) {
					Card card = new Card(text, text.get("cards.invitation", name), address, results, qr, scale);
					if (card.height(widest) <= height) {
						return card;
					}
				}
				if (name.length() <= 12) {
					return new Card(text, text.get("cards.invitation", name), address, results, qr, SMALLEST);
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
			if (results != null) {
				// The results address needs the room; the cut line stays clear of the
				// words.
				card.setPaddingTop(PADDING / 2);
				card.setPaddingBottom(PADDING / 2);
			}
			card.setVerticalAlignment(Element.ALIGN_MIDDLE);
			card.addElement(centered(invitation, label, 6 * scale));
			card.addElement(centered(address, fitting(link, address), 8 * scale));
			card.addElement(centered(text.get("cards.yourCode"), small, 2 * scale));
			card.addElement(centered(code, fitting(big, code), 8 * scale));
			card.addElement(centered(text.get("cards.anonymous"), small, results == null ? 0 : 6 * scale));
			if (results != null) {
				card.addElement(resultsStrip(small));
			}
			return card;
		}

		/**
		 * The QR code beside "what we found" and the address: the part up to the token on
		 * one line, and the whole token on the next, so that no line break falls inside
		 * it.
		 */
		private PdfPTable resultsStrip(Font small) {
			Font label = new Font(ReportFonts.bold(), 10 * scale, Font.NORMAL, INK);
			Font token = new Font(ReportFonts.bold(), 9 * scale, Font.NORMAL, INK);
			float qrWidth = qr.getScaledWidth();
			float room = CODE_ROOM - qrWidth - 4;
			PdfPTable strip = new PdfPTable(new float[] { qrWidth, CODE_ROOM - qrWidth });
			strip.setWidthPercentage(100);
			PdfPCell picture = new PdfPCell(qr, false);
			picture.setBorder(Rectangle.NO_BORDER);
			picture.setPadding(0);
			picture.setVerticalAlignment(Element.ALIGN_MIDDLE);
			strip.addCell(picture);
			PdfPCell words = new PdfPCell();
			words.setBorder(Rectangle.NO_BORDER);
			words.setPadding(0);
			words.setPaddingLeft(4);
			words.setVerticalAlignment(Element.ALIGN_MIDDLE);
			int split = results.lastIndexOf('/') + 1;
			String before = results.substring(0, split);
			String rest = results.substring(split);
			words.addElement(PdfBlocks.spaced(new Paragraph(text.get("cards.results"), label), 0, 3 * scale));
			words.addElement(PdfBlocks.spaced(new Paragraph(before, fitting(small, before, room)), 0, 1));
			words.addElement(PdfBlocks.spaced(new Paragraph(rest, fitting(token, rest, room)), 0, 0));
			strip.addCell(words);
			return strip;
		}

	}

	/** Room across a card for the code, inside its padding. */
	private static final float CODE_ROOM = PageSize.A4.getWidth() / 2 - 2 * Card.PADDING - 4;

	/**
	 * The font for a code or the address, made smaller where it is wide, so that it
	 * always stays on one line: a line break inside it would read as part of it.
	 */
	private static Font fitting(Font big, String code) {
		return fitting(big, code, CODE_ROOM);
	}

	private static Font fitting(Font big, String code, float room) {
		float width = big.getBaseFont().getWidthPoint(code, big.getSize());
		return width <= room ? big
				: new Font(big.getBaseFont(), big.getSize() * room / width, big.getStyle(), big.getColor());
	}

	/**
	 * The size of one square of the QR code: about half a millimetre, which a phone's
	 * camera reads from a card held in the hand.
	 */
	private static final float MODULE = 1.35f;

	/** The white margin a reader needs around a QR code, in squares. */
	private static final int QUIET = 4;

	/** The QR code's squares for {@code address}, at the level that survives a smudge. */
	static ByteMatrix matrix(String address) {
		try {
			return Encoder.encode(address, ErrorCorrectionLevel.M).getMatrix();
		}
		catch (WriterException e) {
			throw new IllegalStateException("no QR code holds this address", e);
		}
	}

	/**
	 * The QR code drawn once as vector squares (each run of dark squares in a row one
	 * rectangle), so that it prints sharp at any size and every card shares it.
	 */
	private static Image qr(PdfContentByte canvas, String address) {
		ByteMatrix matrix = matrix(address);
		int size = matrix.getWidth();
		float side = (size + 2 * QUIET) * MODULE;
		PdfTemplate template = canvas.createTemplate(side, side);
		template.setColorFill(INK);
		for (int y = 0; y < size; y++) {
			int x = 0;
			while (x < size) {
				if (matrix.get(x, y) != 1) {
					x++;
					continue;
				}
				int start = x;
				while (x < size && matrix.get(x, y) == 1) {
					x++;
				}
				template.rectangle((QUIET + start) * MODULE, (QUIET + size - 1 - y) * MODULE, (x - start) * MODULE,
						MODULE);
			}
		}
		template.fill();
		try {
			Image image = Image.getInstance(template);
			image.setAlt(address);
			return image;
		}
		catch (com.lowagie.text.BadElementException e) {
			throw new IllegalStateException(e);
		}
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
