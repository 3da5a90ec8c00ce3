package org.peerreflect.printed;

import java.awt.Color;
import java.io.OutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;
import org.peerreflect.report.PdfBlocks;
import org.peerreflect.report.ReportFonts;
import org.peerreflect.report.ReportText;

/**
 * The printable form of a questionnaire: large type, a tick box per answer, room to
 * write, and a line for the participation code. Reads the questionnaire only; it knows no
 * answers.
 */
public final class PaperForm {

	private static final Color INK = PdfBlocks.INK;

	private static final Color RULE = new Color(0x9aa1ab);

	/** Small print for the person typing the forms in: still 4.5 : 1 on white. */
	private static final Color GREY = new Color(0x5b6470);

	private final Questionnaire questionnaire;

	private final ReportText text;

	private final Font body;

	private final Font bold;

	private final Font h1;

	private final Font h2;

	private final Font box;

	private Document document;

	private PaperForm(Questionnaire questionnaire, String language) {
		this.questionnaire = questionnaire;
		this.text = new ReportText(language);
		BaseFont regular = ReportFonts.regular();
		BaseFont heavy = ReportFonts.bold();
		this.body = new Font(regular, 13, Font.NORMAL, INK);
		this.bold = new Font(heavy, 13, Font.NORMAL, INK);
		this.h1 = new Font(heavy, 22, Font.NORMAL, INK);
		this.h2 = new Font(heavy, 16, Font.NORMAL, INK);
		this.box = new Font(regular, 18, Font.NORMAL, INK);
	}

	public static void write(Questionnaire questionnaire, String language, OutputStream out) {
		new PaperForm(questionnaire, language).render(out);
	}

	private void render(OutputStream out) {
		document = new Document(PageSize.A4, PdfBlocks.MARGIN, PdfBlocks.MARGIN, PdfBlocks.TOP, PdfBlocks.BOTTOM);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(text.of(questionnaire.title()));
			PdfBlocks.describe(writer, text.language());
			document.addCreator("Peer Reflect");
			document.open();
			add(paragraph(text.of(questionnaire.title()), h1, 0, 10));
			add(paragraph(text.get("paper.code"), bold, 0, 14));
			String notSure = questionnaire.items()
				.stream()
				.filter(Item::isScale)
				.findFirst()
				.map(item -> text.of(item.scale().notSure()))
				.orElse("");
			add(paragraph(text.get("paper.intro", notSure), body, 0, 6));
			add(paragraph(text.get("paper.anonymous"), body, 0, 16));
			for (Principle principle : questionnaire.principles()) {
				principle(principle);
			}
			if (questionnaire.perspective() != null) {
				perspective(questionnaire.perspective());
			}
			add(paragraph(text.get("paper.thanks"), bold, 24, 0));
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the form could not be laid out", e);
		}
	}

	private void principle(Principle principle) {
		Paragraph title = paragraph(text.of(principle.title()), h2, 16, 4);
		title.setKeepTogether(true);
		add(title);
		for (Item item : principle.items()) {
			if (item.isScale()) {
				scaleItem(item);
			}
			else {
				textItem(item);
			}
		}
	}

	private void scaleItem(Item item) {
		Scale scale = item.scale();
		PdfPTable block = new PdfPTable(1);
		block.setWidthPercentage(100);
		block.setKeepTogether(true);
		block.setSpacingBefore(6);
		block.setSpacingAfter(4);
		block.addCell(plain(statement(item)));
		PdfPTable choices = new PdfPTable(scale.options().size() + 1);
		choices.setWidthPercentage(100);
		for (Scale.Option option : scale.options()) {
			choices.addCell(choice(text.of(option.label()), option.value()));
		}
		choices.addCell(choice(text.of(scale.notSure()), Scale.NOT_SURE));
		PdfPCell holder = new PdfPCell(choices);
		holder.setBorder(Rectangle.BOTTOM);
		holder.setBorderColor(RULE);
		holder.setPaddingBottom(8);
		block.addCell(holder);
		add(block);
	}

	private void perspective(Perspective perspective) {
		PdfPTable block = new PdfPTable(1);
		block.setWidthPercentage(100);
		block.setKeepTogether(true);
		block.setSpacingBefore(16);
		block.addCell(plain(paragraph(text.get("paper.aboutYou"), h2, 0, 4)));
		block.addCell(plain(paragraph(text.of(perspective.text()), body, 0, 4)));
		PdfPTable choices = new PdfPTable(perspective.options().size());
		choices.setWidthPercentage(100);
		for (Perspective.Option option : perspective.options()) {
			choices.addCell(choice(text.of(option.label()), option.value()));
		}
		PdfPCell holder = new PdfPCell(choices);
		holder.setBorder(Rectangle.NO_BORDER);
		block.addCell(holder);
		add(block);
	}

	private void textItem(Item item) {
		PdfPTable block = new PdfPTable(1);
		block.setWidthPercentage(100);
		block.setKeepTogether(true);
		block.setSpacingBefore(6);
		block.addCell(plain(statement(item)));
		for (int line = 0; line < 5; line++) {
			PdfPCell writeHere = new PdfPCell(new Phrase(" ", body));
			writeHere.setFixedHeight(26);
			writeHere.setBorder(Rectangle.BOTTOM);
			writeHere.setBorderColor(RULE);
			block.addCell(writeHere);
		}
		add(block);
	}

	/**
	 * The statement, with its id in small grey type so answers can be typed into the
	 * right column.
	 */
	private Paragraph statement(Item item) {
		Paragraph paragraph = paragraph(text.of(item.text()), body, 0, 4);
		paragraph.add(new Phrase("   " + item.id(), new Font(body.getBaseFont(), 8, Font.NORMAL, GREY)));
		return paragraph;
	}

	/**
	 * A tick box above its label, so the whole row reads left to right like the scale,
	 * and under the label, small and grey, the value to type into the spreadsheet.
	 */
	private PdfPCell choice(String label, String value) {
		Paragraph content = new Paragraph();
		content.add(new Phrase("\u2610\n", box));
		content.add(new Phrase(label + "\n", new Font(body.getBaseFont(), 10.5f, Font.NORMAL, INK)));
		content.add(new Phrase(value, new Font(body.getBaseFont(), 8, Font.NORMAL, GREY)));
		content.setAlignment(Element.ALIGN_CENTER);
		content.setLeading(14);
		PdfPCell cell = new PdfPCell();
		cell.addElement(content);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPaddingTop(2);
		return cell;
	}

	private static PdfPCell plain(Paragraph content) {
		return PdfBlocks.plain(content, 2);
	}

	private static Paragraph paragraph(String words, Font font, float before, float after) {
		return PdfBlocks.spaced(new Paragraph(words, font), before, after);
	}

	private void add(Element element) {
		PdfBlocks.add(document, element);
	}

}
