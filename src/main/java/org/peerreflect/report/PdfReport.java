package org.peerreflect.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.jfree.chart.JFreeChart;

/**
 * The PDF report (DESIGN section 6): cover, how to read it, at a glance, each principle, where our
 * views differ most, our own words, since last time, and what was withheld. A4 with margins wide
 * enough that it also prints on US Letter without clipping. Charts are vector drawings with real
 * text in the embedded font.
 */
final class PdfReport {

	/**
	 * About 2 cm at the sides. A4 printed on US Letter at full size loses about 25 pt at top and
	 * bottom, so those margins are wider and the footer sits above what a printer cuts.
	 */
	static final float MARGIN = 57;

	static final float TOP = 66;

	static final float BOTTOM = 78;

	static final float FOOTER = 54;

	private static final Color INK = Charts.INK;

	private static final Color MUTED = new Color(0x4a5563);

	private static final Color RULE = new Color(0xd6d9de);

	private static final Color SOFT = new Color(0xf1f3f6);

	private final Report report;

	private final ReportText text;

	private final Font body;

	private final Font small;

	private final Font smallBold;

	private final Font bold;

	private final Font h1;

	private final Font h2;

	private final Font h3;

	private final Font cover;

	private final com.lowagie.text.pdf.BaseFont regularFont;

	private final com.lowagie.text.pdf.BaseFont boldFont;

	private Document document;

	private PdfWriter writer;

	private PdfReport(Report report) {
		this.report = report;
		this.text = new ReportText(report.language());
		// One instance of each font per document, so each is embedded once.
		var regular = ReportFonts.regular();
		var heavy = ReportFonts.bold();
		this.regularFont = regular;
		this.boldFont = heavy;
		this.body = new Font(regular, 10.5f, Font.NORMAL, INK);
		this.small = new Font(regular, 8.5f, Font.NORMAL, INK);
		this.smallBold = new Font(heavy, 8.5f, Font.NORMAL, INK);
		this.bold = new Font(heavy, 10.5f, Font.NORMAL, INK);
		this.h1 = new Font(heavy, 20, Font.NORMAL, INK);
		this.h2 = new Font(heavy, 15, Font.NORMAL, INK);
		this.h3 = new Font(heavy, 11.5f, Font.NORMAL, INK);
		this.cover = new Font(heavy, 26, Font.NORMAL, INK);
	}

	static void write(Report report, OutputStream out) {
		new PdfReport(report).render(out);
	}

	private void render(OutputStream out) {
		document = new Document(PageSize.A4, MARGIN, MARGIN, TOP, BOTTOM);
		try {
			writer = PdfWriter.getInstance(document, out);
			writer.setPageEvent(new Footer());
			document.addTitle(report.title());
			PdfBlocks.language(writer, report.language());
			document.addCreator("Peer Reflect");
			document.open();
			cover();
			howToRead();
			if (report.glance() != null) {
				atAGlance(report.glance());
			}
			for (Report.PrincipleBlock principle : report.principles()) {
				principle(principle);
			}
			if (report.differ() != null) {
				differMost(report.differ());
			}
			if (report.words() != null) {
				ownWords(report.words());
			}
			if (report.since() != null) {
				sinceLastTime(report.since());
			}
			withheld(report.withheld());
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the report could not be laid out", e);
		}
	}

	// --- 1. cover ---

	private void cover() {
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
		add(spaced(new Paragraph(report.about(), body), 18, 0));
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

	// --- 2. how to read this ---

	private void howToRead() {
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

	// --- 3. at a glance ---

	private void atAGlance(Report.Glance glance) {
		document.newPage();
		heading(glance.title());
		add(spaced(new Paragraph(glance.lead(), body), 0, 8));
		for (Report.PrincipleCharts principle : glance.principles()) {
			PdfPTable block = new PdfPTable(1);
			block.setWidthPercentage(100);
			block.setKeepTogether(true);
			block.addCell(plain(spaced(new Paragraph(principle.title(), h3), 8, 2), 2));
			// One chart per scale: items on different scales never share bars or a legend.
			for (Report.Chart drawn : principle.charts()) {
				PdfPCell image = new PdfPCell(chart(drawn), true);
				image.setBorder(Rectangle.NO_BORDER);
				block.addCell(image);
			}
			for (String hidden : principle.notShown()) {
				block.addCell(plain(new Paragraph(hidden, small), 2));
			}
			add(block);
		}
	}

	private Image chart(Report.Chart drawn) {
		JFreeChart chart = Charts.bars(drawn.bars());
		float height = Charts.height(drawn.bars().bars().size());
		float width = document.getPageSize().getWidth() - 2 * MARGIN;
		PdfContentByte content = writer.getDirectContent();
		PdfTemplate template = content.createTemplate(width, height);
		Graphics2D graphics = template.createGraphics(width, height, ReportFonts.mapper(regularFont, boldFont));
		chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
		graphics.dispose();
		try {
			Image image = Image.getInstance(template);
			image.setAlt(drawn.alt());
			return image;
		}
		catch (DocumentException e) {
			throw new IllegalStateException(e);
		}
	}

	// --- 4. each principle ---

	private void principle(Report.PrincipleBlock principle) {
		document.newPage();
		heading(principle.title());
		if (!principle.about().isEmpty()) {
			add(spaced(new Paragraph(principle.about(), body), 0, 10));
		}
		for (Report.ItemBlock item : principle.items()) {
			item(item);
		}
	}

	private void item(Report.ItemBlock item) {
		PdfPTable block = new PdfPTable(1);
		block.setWidthPercentage(100);
		block.setKeepTogether(true);
		block.setSpacingBefore(6);
		block.setSpacingAfter(10);
		block.addCell(plain(new Paragraph(item.text(), h3), 2));
		if (item.table() == null) {
			block.addCell(plain(new Paragraph(item.notShown(), body), 4));
			add(block);
			return;
		}
		block.addCell(plain(new Paragraph(item.sentence(), body), 6));
		PdfPCell tableCell = new PdfPCell(distributionTable(item.table()));
		tableCell.setBorder(Rectangle.NO_BORDER);
		tableCell.setPadding(0);
		block.addCell(tableCell);
		add(block);
	}

	/** A row label column, a column per option, "not sure" and people; a withheld row says why across. */
	private PdfPTable distributionTable(Report.Table model) {
		int columns = model.header().size();
		float[] widths = new float[columns + 1];
		widths[0] = 2.2f;
		for (int i = 1; i < widths.length; i++) {
			widths[i] = 1f;
		}
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		headerCell(table, "");
		model.header().forEach(heading -> headerCell(table, heading));
		for (Report.Row row : model.rows()) {
			PdfPCell name = new PdfPCell(new Phrase(row.label(), row.strong() ? smallBold : small));
			style(name, row.strong());
			table.addCell(name);
			if (!row.shown()) {
				PdfPCell cell = new PdfPCell(new Phrase(row.withheld(), small));
				cell.setColspan(columns);
				cell.setHorizontalAlignment(Element.ALIGN_CENTER);
				style(cell, false);
				table.addCell(cell);
				continue;
			}
			for (String value : row.cells()) {
				PdfPCell cell = new PdfPCell(new Phrase(value, row.strong() ? smallBold : small));
				cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
				style(cell, row.strong());
				table.addCell(cell);
			}
		}
		return table;
	}

	private void headerCell(PdfPTable table, String label) {
		PdfPCell cell = new PdfPCell(new Phrase(label, small));
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(INK);
		cell.setPaddingBottom(4);
		table.addCell(cell);
	}

	private void style(PdfPCell cell, boolean strong) {
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(RULE);
		cell.setPaddingTop(3);
		cell.setPaddingBottom(4);
		if (strong) {
			cell.setBackgroundColor(SOFT);
		}
	}

	// --- 5. where our views differ most ---

	private void differMost(Report.Differ differ) {
		document.newPage();
		heading(differ.title());
		add(spaced(new Paragraph(differ.lead(), body), 0, 10));
		// In a table, so that the chart's labels follow the page's heading when the text is read out.
		PdfPTable holder = new PdfPTable(1);
		holder.setWidthPercentage(100);
		holder.setSpacingAfter(8);
		PdfPCell cell = new PdfPCell(chart(differ.chart()), true);
		cell.setBorder(Rectangle.NO_BORDER);
		holder.addCell(cell);
		add(holder);
		for (Report.DifferItem item : differ.items()) {
			add(spaced(new Paragraph(item.text(), h3), 6, 2));
			add(spaced(new Paragraph(item.figure(), small), 0, 2));
			add(spaced(new Paragraph(differ.ask(), body), 0, 8));
		}
	}

	// --- 6. in our own words ---

	private void ownWords(Report.Words words) {
		document.newPage();
		heading(words.title());
		if (words.lead() != null) {
			add(spaced(new Paragraph(words.lead(), body), 0, 8));
		}
		for (Report.WrittenBlock written : words.items()) {
			add(spaced(new Paragraph(written.text(), h3), 8, 4));
			for (String answer : written.answers()) {
				Paragraph quote = spaced(new Paragraph(answer, body), 0, 6);
				quote.setIndentationLeft(14);
				add(quote);
			}
		}
		if (words.none() != null) {
			add(new Paragraph(words.none(), body));
		}
	}

	// --- 7. since last time ---

	private void sinceLastTime(Report.Since since) {
		document.newPage();
		heading(since.title());
		if (!since.agreements().isEmpty()) {
			add(spaced(new Paragraph(since.agreementsTitle(), h3), 0, 4));
			for (String agreement : since.agreements()) {
				add(bullet(agreement));
			}
			add(spaced(new Paragraph(" ", small), 0, 6));
		}
		if (since.lead() != null) {
			add(spaced(new Paragraph(since.lead(), body), 0, 8));
		}
		if (since.none() != null) {
			add(new Paragraph(since.none(), body));
		}
		for (Report.SincePair pair : since.pairs()) {
			PdfPTable block = new PdfPTable(1);
			block.setWidthPercentage(100);
			block.setKeepTogether(true);
			block.setSpacingAfter(8);
			block.addCell(plain(new Paragraph(pair.text(), h3), 3));
			PdfPCell cell = new PdfPCell(distributionTable(pair.table()));
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setPadding(0);
			block.addCell(cell);
			add(block);
		}
	}

	// --- 8. what was withheld ---

	private void withheld(Report.Withheld withheld) {
		document.newPage();
		heading(withheld.title());
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

	// --- building blocks ---

	private void heading(String title) {
		Paragraph heading = spaced(new Paragraph(title, h1), 0, 10);
		add(heading);
	}

	private Paragraph bullet(String line) {
		Paragraph paragraph = new Paragraph("", body);
		paragraph.add(new Chunk("\u2022  ", body));
		paragraph.add(new Chunk(line, body));
		paragraph.setIndentationLeft(12);
		paragraph.setFirstLineIndent(-10);
		paragraph.setSpacingAfter(4);
		return paragraph;
	}

	private static Paragraph spaced(Paragraph paragraph, float before, float after) {
		return PdfBlocks.spaced(paragraph, before, after);
	}

	private static PdfPCell plain(Paragraph content, float paddingBottom) {
		return PdfBlocks.plain(content, paddingBottom);
	}

	private void add(Element element) {
		PdfBlocks.add(document, element);
	}

	/** The page number and the report's title at the foot of every page but the cover. */
	private final class Footer extends PdfPageEventHelper {

		@Override
		public void onEndPage(PdfWriter pdfWriter, Document doc) {
			int page = pdfWriter.getPageNumber();
			if (page == 1) {
				return;
			}
			PdfContentByte canvas = pdfWriter.getDirectContent();
			Font foot = new Font(regularFont, 8, Font.NORMAL, MUTED);
			float y = FOOTER;
			ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(report.title(), foot), MARGIN, y, 0);
			ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
					new Phrase(text.get("report.page", page), foot), doc.getPageSize().getWidth() - MARGIN, y, 0);
		}

	}

}
