package org.peerreflect.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.OutputStream;
import java.util.ArrayList;
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
import org.peerreflect.insight.GroupSummary;
import org.peerreflect.insight.GroupSummary.Distribution;
import org.peerreflect.insight.GroupSummary.GroupDistribution;
import org.peerreflect.insight.GroupSummary.ItemSummary;
import org.peerreflect.insight.GroupSummary.PrincipleSummary;
import org.peerreflect.insight.GroupSummary.WrittenSummary;

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

	private final ReportInput input;

	private final ReportText text;

	private final GroupSummary summary;

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

	private PdfReport(ReportInput input) {
		this.input = input;
		this.text = new ReportText(input.language());
		this.summary = input.current();
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

	static void write(ReportInput input, OutputStream out) {
		new PdfReport(input).render(out);
	}

	private void render(OutputStream out) {
		document = new Document(PageSize.A4, MARGIN, MARGIN, TOP, BOTTOM);
		try {
			writer = PdfWriter.getInstance(document, out);
			writer.setPageEvent(new Footer());
			document.addTitle(title());
			PdfBlocks.language(writer, input.language());
			document.addCreator("Peer Reflect");
			document.open();
			cover();
			howToRead();
			if (summary.resultsShown()) {
				atAGlance();
				for (PrincipleSummary principle : summary.principles()) {
					principle(principle);
				}
				differMost();
				ownWords();
			}
			sinceLastTime();
			withheld();
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the report could not be laid out", e);
		}
	}

	private String title() {
		return input.title() != null ? input.title() : text.of(summary.questionnaireTitle());
	}

	// --- 1. cover ---

	private void cover() {
		add(spaced(new Paragraph(text.get("report.cover.kicker"), smallBold), 40, 6));
		add(spaced(new Paragraph(title(), cover), 0, 10));
		if (input.organization() != null) {
			add(spaced(new Paragraph(input.organization(), h2), 0, 4));
		}
		if (input.period() != null) {
			add(spaced(new Paragraph(input.period(), body), 0, 4));
		}
		add(spaced(new Paragraph(" ", body), 0, 16));

		PdfPTable facts = new PdfPTable(new float[] { 2.1f, 3f });
		facts.setWidthPercentage(100);
		fact(facts, text.get("report.cover.tookPart"), summary.resultsShown()
				? text.get("report.cover.people", summary.people())
				: text.get("report.cover.fewer", summary.minGroupSize()));
		List<String> groups = new ArrayList<>();
		for (GroupSummary.Group group : summary.groups()) {
			groups.add(text.of(group.label()) + ": " + (group.shown() ? group.people() : text.get("report.notShown")));
		}
		if (!groups.isEmpty() && summary.resultsShown()) {
			fact(facts, text.of(summary.perspectiveQuestion()), String.join("\n", groups));
		}
		fact(facts, text.get("report.cover.codes"), ReportContent.codes(input, text));
		fact(facts, text.get("report.cover.questionnaire"),
				text.of(summary.questionnaireTitle()) + "\n" + text.get("report.cover.version", summary.questionnaireId(), summary.questionnaireVersion()));
		fact(facts, text.get("report.cover.protection"), text.get("report.cover.protectionText", summary.minGroupSize()));
		add(facts);
		add(spaced(new Paragraph(text.get("report.cover.about"), body), 18, 0));
		String notice = ReportContent.notice(summary, text);
		if (notice != null) {
			add(spaced(new Paragraph(notice, bold), 14, 0));
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
		heading(text.get("report.read.title"));
		for (String paragraph : ReportContent.howToRead(summary, text)) {
			add(spaced(new Paragraph(paragraph, body), 0, 8));
		}
		if (summary.resultsShown()) {
			List<String> inShort = summary.principles().stream()
				.map(principle -> ReportContent.principleSentence(principle, text))
				.filter(java.util.Objects::nonNull)
				.toList();
			if (!inShort.isEmpty()) {
				add(spaced(new Paragraph(text.get("report.short.title"), h3), 10, 6));
				inShort.forEach(line -> add(bullet(line)));
			}
			List<ItemSummary> widest = ReportContent.widestSpread(summary).stream().limit(3).toList();
			if (!widest.isEmpty()) {
				add(spaced(new Paragraph(text.get("report.read.glance"), h3), 10, 6));
				widest.forEach(item -> add(bullet(text.of(item.text()))));
			}
		}
	}

	// --- 3. at a glance ---

	private void atAGlance() {
		if (summary.items().isEmpty()) {
			return;
		}
		document.newPage();
		heading(text.get("report.glance.title"));
		ItemSummary first = summary.items().get(0);
		add(spaced(new Paragraph(text.get("report.glance.lead", text.of(first.options().get(0).label()),
				text.of(first.options().get(first.options().size() - 1).label()), text.of(first.notSure())), body), 0, 8));
		for (PrincipleSummary principle : summary.principles()) {
			if (principle.items().isEmpty()) {
				continue;
			}
			PdfPTable block = new PdfPTable(1);
			block.setWidthPercentage(100);
			block.setKeepTogether(true);
			block.addCell(plain(spaced(new Paragraph(text.of(principle.title()), h3), 8, 2), 2));
			// One chart per scale: items on different scales never share bars or a legend.
			for (List<ItemSummary> sameScale : ReportContent.byScale(principle.items())) {
				List<ItemSummary> shown = sameScale.stream().filter(ItemSummary::shown).toList();
				if (!shown.isEmpty()) {
					PdfPCell image = new PdfPCell(chart(Charts.items(shown, text), Charts.height(shown.size()),
							text.get("report.glance.alt", text.of(principle.title()))), true);
					image.setBorder(Rectangle.NO_BORDER);
					block.addCell(image);
				}
			}
			for (ItemSummary hidden : principle.items()) {
				if (!hidden.shown()) {
					block.addCell(plain(new Paragraph(text.of(hidden.text()) + ": " + text.get("report.notShown") + " ("
							+ text.get("report.notShownWhy") + ")", small), 2));
				}
			}
			add(block);
		}
	}

	private Image chart(JFreeChart chart, float height, String alternative) {
		float width = document.getPageSize().getWidth() - 2 * MARGIN;
		PdfContentByte content = writer.getDirectContent();
		PdfTemplate template = content.createTemplate(width, height);
		Graphics2D graphics = template.createGraphics(width, height, ReportFonts.mapper(regularFont, boldFont));
		chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
		graphics.dispose();
		try {
			Image image = Image.getInstance(template);
			image.setAlt(alternative);
			return image;
		}
		catch (DocumentException e) {
			throw new IllegalStateException(e);
		}
	}

	// --- 4. each principle ---

	private void principle(PrincipleSummary principle) {
		document.newPage();
		heading(text.of(principle.title()));
		if (!text.of(principle.about()).isEmpty()) {
			add(spaced(new Paragraph(text.of(principle.about()), body), 0, 10));
		}
		for (ItemSummary item : principle.items()) {
			item(item);
		}
	}

	private void item(ItemSummary item) {
		PdfPTable block = new PdfPTable(1);
		block.setWidthPercentage(100);
		block.setKeepTogether(true);
		block.setSpacingBefore(6);
		block.setSpacingAfter(10);
		block.addCell(plain(new Paragraph(text.of(item.text()), h3), 2));
		if (!item.shown()) {
			block.addCell(plain(new Paragraph(text.get("report.item.notShown", summary.minGroupSize()), body), 4));
			add(block);
			return;
		}
		block.addCell(plain(new Paragraph(ReportContent.itemSentence(item, text) + " "
				+ ReportContent.spreadSentence(item, text), body), 6));
		PdfPCell tableCell = new PdfPCell(distributionTable(item));
		tableCell.setBorder(Rectangle.NO_BORDER);
		tableCell.setPadding(0);
		block.addCell(tableCell);
		add(block);
	}

	/** Rows: everyone, then each perspective group; columns: each option, "not sure", people. */
	private PdfPTable distributionTable(ItemSummary item) {
		int options = item.options().size();
		PdfPTable table = distributionHeader(item);
		distributionRow(table, text.get("report.table.everyone"), item.all(), options, true);
		for (GroupDistribution group : item.groups()) {
			distributionRow(table, text.of(group.label()), group.distribution(), options, false);
		}
		return table;
	}

	/** A table with a row label column, a column per option, "not sure" and people, headed. */
	private PdfPTable distributionHeader(ItemSummary item) {
		int options = item.options().size();
		float[] widths = new float[options + 3];
		widths[0] = 2.2f;
		for (int i = 1; i < widths.length; i++) {
			widths[i] = 1f;
		}
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		headerCell(table, "");
		for (int o = 0; o < options; o++) {
			headerCell(table, text.of(item.options().get(o).label()));
		}
		headerCell(table, text.of(item.notSure()));
		headerCell(table, text.get("report.table.people"));
		return table;
	}

	private void distributionRow(PdfPTable table, String label, Distribution distribution, int options, boolean strong) {
		PdfPCell name = new PdfPCell(new Phrase(label, strong ? smallBold : small));
		style(name, strong);
		table.addCell(name);
		if (distribution == null) {
			PdfPCell cell = new PdfPCell(new Phrase(text.get("report.notShown") + " (" + text.get("report.notShownWhy") + ")", small));
			cell.setColspan(options + 2);
			cell.setHorizontalAlignment(Element.ALIGN_CENTER);
			style(cell, false);
			table.addCell(cell);
			return;
		}
		for (int o = 0; o < options; o++) {
			number(table, distribution.counts().get(o), distribution.people(), strong);
		}
		number(table, distribution.notSure(), distribution.people(), strong);
		PdfPCell people = new PdfPCell(new Phrase(String.valueOf(distribution.people()), strong ? smallBold : small));
		people.setHorizontalAlignment(Element.ALIGN_RIGHT);
		style(people, strong);
		table.addCell(people);
	}

	private void number(PdfPTable table, int count, int total, boolean strong) {
		PdfPCell cell = new PdfPCell(new Phrase(count + " (" + ReportContent.percent(count, total) + "%)", strong ? smallBold : small));
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		style(cell, strong);
		table.addCell(cell);
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

	private void differMost() {
		List<ItemSummary> widest = ReportContent.widestSpread(summary);
		if (widest.isEmpty()) {
			return;
		}
		document.newPage();
		heading(text.get("report.differ.title"));
		add(spaced(new Paragraph(text.get("report.differ.lead"), body), 0, 10));
		List<ItemSummary> sameScale = ReportContent.byScale(widest).get(0);
		// In a table, so that the chart's labels follow the page's heading when the text is read out.
		PdfPTable holder = new PdfPTable(1);
		holder.setWidthPercentage(100);
		holder.setSpacingAfter(8);
		PdfPCell cell = new PdfPCell(chart(Charts.items(sameScale, text), Charts.height(sameScale.size()),
				text.get("report.differ.title")), true);
		cell.setBorder(Rectangle.NO_BORDER);
		holder.addCell(cell);
		add(holder);
		for (ItemSummary item : widest) {
			Paragraph question = spaced(new Paragraph(text.of(item.text()), h3), 6, 2);
			add(question);
			add(spaced(new Paragraph(text.get("report.differ.figure", ReportContent.spreadWords(item.spread(), text),
					ReportContent.spreadFigure(item.spread(), text)), small), 0, 2));
			add(spaced(new Paragraph(text.get("report.differ.ask"), body), 0, 8));
		}
	}

	// --- 6. in our own words ---

	private void ownWords() {
		document.newPage();
		heading(text.get("report.words.title"));
		if (!input.writtenIncluded()) {
			add(new Paragraph(text.get("report.words.leftOut"), body));
			return;
		}
		add(spaced(new Paragraph(text.get("report.words.lead", summary.minGroupSize()), body), 0, 8));
		boolean any = false;
		for (WrittenSummary written : summary.written()) {
			if (!written.shown()) {
				continue;
			}
			any = true;
			add(spaced(new Paragraph(text.of(written.text()), h3), 8, 4));
			for (String answer : written.answers()) {
				Paragraph quote = spaced(new Paragraph(answer, body), 0, 6);
				quote.setIndentationLeft(14);
				add(quote);
			}
		}
		if (!any) {
			add(new Paragraph(text.get("report.words.none", summary.minGroupSize()), body));
		}
	}

	// --- 7. since last time ---

	private void sinceLastTime() {
		if (input.previous() == null && input.agreements().isEmpty()) {
			return;
		}
		document.newPage();
		heading(text.get("report.since.title"));
		if (!input.agreements().isEmpty()) {
			add(spaced(new Paragraph(text.get("report.since.agreements"), h3), 0, 4));
			for (String agreement : input.agreements()) {
				add(bullet(agreement));
			}
			add(spaced(new Paragraph(" ", small), 0, 6));
		}
		if (input.previous() == null) {
			return;
		}
		add(spaced(new Paragraph(text.get("report.since.lead"), body), 0, 8));
		List<ReportContent.Pair> pairs = ReportContent.sinceLastTime(summary, input.previous());
		if (pairs.isEmpty()) {
			add(new Paragraph(text.get("report.since.none"), body));
			return;
		}
		for (ReportContent.Pair pair : pairs) {
			PdfPTable block = new PdfPTable(1);
			block.setWidthPercentage(100);
			block.setKeepTogether(true);
			block.setSpacingAfter(8);
			block.addCell(plain(new Paragraph(text.of(pair.now().text()), h3), 3));
			int options = pair.now().options().size();
			PdfPTable table = distributionHeader(pair.now());
			distributionRow(table, text.get("report.since.last"), pair.last().all(), options, false);
			distributionRow(table, text.get("report.since.now"), pair.now().all(), options, false);
			PdfPCell cell = new PdfPCell(table);
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setPadding(0);
			block.addCell(cell);
			add(block);
		}
	}

	// --- 8. what was withheld ---

	private void withheld() {
		document.newPage();
		heading(text.get("report.withheld.title"));
		add(spaced(new Paragraph(text.get("report.withheld.lead", summary.minGroupSize()), body), 0, 8));
		List<String> lines = ReportContent.withheld(summary, input.writtenIncluded(), text);
		if (lines.isEmpty()) {
			add(new Paragraph(text.get("report.withheld.nothing"), body));
		}
		for (String line : lines) {
			add(bullet(line));
		}
		if (input.previous() != null) {
			List<String> before = ReportContent.withheld(input.previous(), input.writtenIncluded(), text);
			if (!before.isEmpty()) {
				add(spaced(new Paragraph(text.get("report.withheld.previous"), h3), 10, 4));
				for (String line : before) {
					add(bullet(line));
				}
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
			ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(title(), foot), MARGIN, y, 0);
			ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
					new Phrase(text.get("report.page", page), foot), doc.getPageSize().getWidth() - MARGIN, y, 0);
		}

	}

}
