package org.peerreflect.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
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

	private static final float MARGIN = PdfBlocks.MARGIN;

	private static final float TOP = PdfBlocks.TOP;

	private static final float BOTTOM = PdfBlocks.BOTTOM;

	static final float FOOTER = 54;

	private static final Color INK = Charts.INK;

	private static final Color MUTED = new Color(0x4a5563);

	private static final Color RULE = new Color(0xd6d9de);

	private static final Color SOFT = new Color(0xf1f3f6);

	/** Body text, in points. */
	static final float BODY = 11;

	/** Tables, notes and the footer, in points. */
	static final float SMALL = 10;

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

	private final BaseFont regularFont;

	private final BaseFont boldFont;

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
		// Sizes that read in a room and on a photocopy: body at 11 pt, tables and notes
		// at 10, the least for paper passed round a circle.
		this.body = new Font(regular, BODY, Font.NORMAL, INK);
		this.small = new Font(regular, SMALL, Font.NORMAL, INK);
		this.smallBold = new Font(heavy, SMALL, Font.NORMAL, INK);
		this.bold = new Font(heavy, BODY, Font.NORMAL, INK);
		this.h1 = new Font(heavy, 20, Font.NORMAL, INK);
		this.h2 = new Font(heavy, 15, Font.NORMAL, INK);
		this.h3 = new Font(heavy, 12.5f, Font.NORMAL, INK);
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
			PdfBlocks.describe(writer, report.language());
			// The report opens with its bookmarks beside it, a contents that is always at
			// hand.
			writer.setViewerPreferences(PdfWriter.DisplayDocTitle | PdfWriter.PageModeUseOutlines);
			document.addCreator("Peer Reflect");
			document.open();
			for (Report.Part part : report.parts()) {
				switch (part) {
					case MEETING -> meeting(report.meeting());
					case COVER -> cover();
					case DIFFER -> differMost(report.differ());
					case OVERVIEW -> overview(report.overview());
					case PRINCIPLES -> principles();
					case SINCE -> sinceLastTime(report.since());
					case SERIES -> series(report.series());
					case WORDS -> ownWords(report.words());
					case READ -> howToRead();
					case WITHHELD -> withheld(report.withheld());
					case STEWARD -> steward(report.steward());
				}
			}
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("the report could not be laid out", e);
		}
	}

	// --- 1. cover ---

	/**
	 * The smallest type on the meeting's page, in points: read from the back of a room.
	 */
	static final float MEETING_TYPE = 14;

	/**
	 * The first page, for the meeting, at 14 pt and more; what does not fit flows onto
	 * the next page at the same size, and the cover starts a page of its own.
	 */
	private void meeting(Report.Meeting meeting) {
		Font words = new Font(regularFont, MEETING_TYPE, Font.NORMAL, INK);
		Font strong = new Font(boldFont, MEETING_TYPE, Font.NORMAL, INK);
		Font soft = new Font(regularFont, MEETING_TYPE, Font.NORMAL, MUTED);
		Font heading = new Font(boldFont, 18, Font.NORMAL, INK);
		Font title = new Font(boldFont, 28, Font.NORMAL, INK);
		List<String> about = new ArrayList<>();
		about.add(meeting.report());
		if (report.organization() != null) {
			about.add(report.organization());
		}
		if (report.period() != null) {
			about.add(report.period());
		}
		add(spaced(new Paragraph(String.join(" \u00b7 ", about), soft), 0, 2));
		heading(meeting.title(), title);
		add(spaced(new Paragraph(meeting.thanks(), words), 0, 8));
		for (Report.MeetingPart part : meeting.parts()) {
			add(spaced(new Paragraph(part.title(), heading), 8, 3));
			for (Report.MeetingLine line : part.lines()) {
				Paragraph item = new Paragraph("\u2022 " + line.text(), strong);
				item.setIndentationLeft(14);
				item.setFirstLineIndent(-14);
				add(spaced(item, 2, 0));
				for (String detail : line.details()) {
					Paragraph said = new Paragraph(detail, soft);
					said.setIndentationLeft(14);
					add(said);
				}
			}
			if (part.note() != null) {
				add(spaced(new Paragraph(part.note(), words), 3, 0));
			}
		}
		add(spaced(new Paragraph(meeting.stepsTitle(), heading), 8, 3));
		int step = 1;
		for (String said : meeting.steps()) {
			Paragraph item = new Paragraph(step++ + ".  " + said, words);
			item.setIndentationLeft(18);
			item.setFirstLineIndent(-18);
			add(item);
		}
		document.newPage();
	}

	/** The cover's page, once it is set. */
	private int coverPage;

	private void cover() {
		coverPage = writer.getPageNumber();
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
		add(spaced(new Paragraph(report.thanks(), bold), 18, 0));
		add(spaced(new Paragraph(report.about(), body), 8, 0));
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

	// --- 3. every statement at a glance ---

	private void overview(Report.Overview overview) {
		document.newPage();
		heading(overview.title());
		add(spaced(new Paragraph(overview.lead(), body), 0, 8));
		int columns = overview.header().size();
		// Each group's column as wide as its longest word in the heading, so none breaks
		// inside a word; the statements take the rest.
		float column = boldFont.getWidthPoint("100%", SMALL) + 12;
		for (String heading : overview.header().subList(1, columns)) {
			for (String word : heading.split("\\s+")) {
				column = Math.max(column, boldFont.getWidthPoint(word, SMALL) + 8);
			}
		}
		float[] widths = new float[columns];
		widths[0] = document.getPageSize().getWidth() - 2 * MARGIN - column * (columns - 1);
		for (int i = 1; i < columns; i++) {
			widths[i] = column;
		}
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (int c = 0; c < columns; c++) {
			columnHead(table, overview.header().get(c), smallBold, c == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
		}
		for (Report.OverviewPart part : overview.principles()) {
			PdfPCell title = new PdfPCell(new Phrase(part.title(), smallBold));
			title.setColspan(columns);
			title.setBorder(Rectangle.NO_BORDER);
			title.setBackgroundColor(SOFT);
			title.setPaddingTop(4);
			title.setPaddingBottom(4);
			table.addCell(title);
			for (Report.OverviewRow row : part.rows()) {
				PdfPCell statement = new PdfPCell(new Phrase(row.statement(), small));
				tight(statement);
				table.addCell(statement);
				for (String value : row.cells()) {
					PdfPCell cell = new PdfPCell(new Phrase(value, small));
					cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
					tight(cell);
					table.addCell(cell);
				}
			}
		}
		add(table);
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

	// --- 4. each principle ---

	/**
	 * The principles one after another, filling pages: a principle starts a page only
	 * where the last one ended.
	 */
	private void principles() {
		document.newPage();
		for (Report.PrincipleBlock principle : report.principles()) {
			principle(principle);
		}
	}

	/**
	 * A principle's statements under one header that repeats on each page: each statement
	 * with its sentence and its groups' rows, never split across pages. Groups withheld
	 * on every statement are named once under them.
	 */
	private void principle(Report.PrincipleBlock principle) {
		List<Report.Table> tables = principle.items()
			.stream()
			.map(Report.ItemBlock::table)
			.filter(Objects::nonNull)
			.toList();
		String everywhere = tables.isEmpty() ? null : withheldNote(tables.get(0));
		for (Report.Table table : tables) {
			if (!Objects.equals(withheldNote(table), everywhere)) {
				everywhere = null;
			}
		}
		// All of it in tables, in reading order: a PDF reader takes a page's tables after
		// its paragraphs.
		// The heading, what the principle is about, the columns and the first statement
		// stay together;
		// the columns come again wherever the statements go on to a new page.
		PdfPTable opening = new PdfPTable(1);
		opening.setWidthPercentage(100);
		opening.setKeepTogether(true);
		PdfPCell heading = new PdfPCell(headingInTable(principle.title(), h2));
		heading.setBorder(Rectangle.NO_BORDER);
		heading.setPaddingTop(8);
		heading.setPaddingBottom(3);
		opening.addCell(heading);
		if (!principle.about().isEmpty()) {
			opening.addCell(plain(new Paragraph(principle.about(), body), 3));
		}
		if (!tables.isEmpty()) {
			opening.addCell(bare(header(tables.get(0))));
		}
		List<Report.ItemBlock> items = principle.items();
		// Statements on another scale than the one above them carry their own columns'
		// heading.
		List<String> columns = tables.isEmpty() ? null : tables.get(0).header();
		if (!items.isEmpty()) {
			opening.addCell(bare(item(items.get(0), everywhere, false)));
		}
		if (items.size() <= 1 && everywhere != null) {
			opening.addCell(plain(new Paragraph(everywhere, small), 2));
		}
		add(opening);
		if (items.size() > 1) {
			PdfPTable rest = new PdfPTable(1);
			rest.setWidthPercentage(100);
			rest.setSplitRows(false);
			if (!tables.isEmpty()) {
				rest.setHeaderRows(1);
				rest.setSkipFirstHeader(true);
				rest.addCell(bare(header(tables.get(0))));
			}
			for (Report.ItemBlock item : items.subList(1, items.size())) {
				boolean otherScale = item.table() != null && !item.table().header().equals(columns);
				if (otherScale) {
					columns = item.table().header();
				}
				rest.addCell(bare(item(item, everywhere, otherScale)));
			}
			if (everywhere != null) {
				rest.addCell(plain(new Paragraph(everywhere, small), 2));
			}
			add(rest);
		}
	}

	/** A heading inside a table, with a bookmark that leads to it. */
	private Paragraph headingInTable(String title, Font font) {
		String destination = "h" + (++headings);
		Chunk words = new Chunk(title, font);
		words.setLocalDestination(destination);
		new PdfOutline(writer.getRootOutline(), PdfAction.gotoLocalPage(destination, false), title);
		return new Paragraph(words);
	}

	/**
	 * How many headings were set inside tables, to name their bookmarks' destinations.
	 */
	private int headings;

	private static PdfPCell bare(PdfPTable inner) {
		PdfPCell cell = new PdfPCell(inner);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		return cell;
	}

	/**
	 * Widths shared by every table of figures, so that the columns of a principle's
	 * statements line up.
	 */
	private static float[] widths(Report.Table model) {
		float[] widths = new float[model.header().size() + 1];
		widths[0] = 1.6f;
		for (int i = 1; i < widths.length; i++) {
			widths[i] = 1f;
		}
		return widths;
	}

	private PdfPTable header(Report.Table model) {
		PdfPTable table = new PdfPTable(widths(model));
		table.setWidthPercentage(100);
		headerCell(table, "");
		model.header().forEach(heading -> headerCell(table, heading));
		return table;
	}

	/**
	 * One statement: its text and sentence across, then the rows shown, then those
	 * withheld unless said below.
	 */
	private PdfPTable item(Report.ItemBlock item, String saidBelow, boolean ownColumns) {
		int columns = (item.table() == null ? 8 : item.table().header().size() + 1);
		PdfPTable table = item.table() == null ? new PdfPTable(1) : new PdfPTable(widths(item.table()));
		table.setWidthPercentage(100);
		if (ownColumns) {
			headerCell(table, "");
			item.table().header().forEach(heading -> headerCell(table, heading));
		}
		Paragraph words = new Paragraph(SMALL * 1.3f, item.text(), smallBold);
		words.add(new Chunk("  " + (item.table() == null ? item.notShown() : item.sentence()), small));
		PdfPCell statement = new PdfPCell(words);
		statement.setColspan(item.table() == null ? 1 : columns);
		statement.setBorder(Rectangle.NO_BORDER);
		statement.setPaddingTop(5);
		statement.setPaddingBottom(2.5f);
		table.addCell(statement);
		if (item.table() == null) {
			return table;
		}
		for (Report.Row row : item.table().rows()) {
			if (row.shown()) {
				figures(table, row);
			}
		}
		String note = withheldNote(item.table());
		if (note != null && !note.equals(saidBelow)) {
			PdfPCell cell = new PdfPCell(new Phrase(note, small));
			cell.setColspan(columns);
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setPaddingTop(2);
			table.addCell(cell);
		}
		return table;
	}

	/**
	 * The groups a table withholds, named together with why; null when it withholds none.
	 * "Not shown" agrees with how many groups it names, as Spanish needs.
	 */
	private String withheldNote(Report.Table model) {
		List<Report.Row> withheld = model.rows().stream().filter(row -> !row.shown()).toList();
		if (withheld.isEmpty()) {
			return null;
		}
		return ReportContent.listed(withheld.stream().map(Report.Row::label).toList(), text) + ": "
				+ text.get("report.notShown", withheld.size()) + " (" + text.get("report.notShownWhy") + ")";
	}

	private void figures(PdfPTable table, Report.Row row) {
		PdfPCell name = new PdfPCell(new Phrase(row.label(), row.strong() ? smallBold : small));
		style(name, row.strong());
		table.addCell(name);
		for (String value : row.cells()) {
			PdfPCell cell = new PdfPCell(new Phrase(value, row.strong() ? smallBold : small));
			cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
			style(cell, row.strong());
			table.addCell(cell);
		}
	}

	/** A cell of the one-page overview: a rule below, little room above and below. */
	private static void tight(PdfPCell cell) {
		cell.setLeading(0, 1.25f);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(RULE);
		cell.setPaddingTop(1.5f);
		cell.setPaddingBottom(3);
	}

	private void headerCell(PdfPTable table, String label) {
		columnHead(table, label, small, Element.ALIGN_RIGHT);
	}

	/** A column's heading: set at the bottom, over a rule of ink. */
	private static void columnHead(PdfPTable table, String label, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(label, font));
		cell.setHorizontalAlignment(alignment);
		cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(INK);
		cell.setPaddingBottom(4);
		table.addCell(cell);
	}

	private void style(PdfPCell cell, boolean strong) {
		cell.setLeading(0, 1.25f);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(RULE);
		cell.setPaddingTop(2);
		cell.setPaddingBottom(3.5f);
		if (strong) {
			cell.setBackgroundColor(SOFT);
		}
	}

	// --- 2. where to start talking ---

	private void differMost(Report.Differ differ) {
		document.newPage();
		heading(differ.title());
		add(spaced(new Paragraph(differ.lead(), body), 0, 10));
		if (differ.chart() != null) {
			PdfPTable holder = placedChart(writer, differ.chart(), document.getPageSize().getWidth() - 2 * MARGIN,
					regularFont, boldFont);
			holder.setSpacingAfter(8);
			add(holder);
		}
		// Each statement in a table of its own, so its parts are read in order and stay
		// together.
		for (Report.DifferItem item : differ.items()) {
			PdfPTable block = new PdfPTable(1);
			block.setWidthPercentage(100);
			block.setKeepTogether(true);
			block.setSpacingAfter(6);
			block.addCell(plain(new Paragraph(item.text(), h3), 2));
			if (item.why() != null && !item.why().isEmpty()) {
				Paragraph why = new Paragraph(text.get("report.start.whyTitle") + ": ", smallBold);
				why.add(new Phrase(String.join(" \u00b7 ", item.why()), small));
				block.addCell(plain(why, 2));
			}
			block.addCell(plain(new Paragraph(item.how(), body), 2));
			Paragraph ask = new Paragraph(item.prompt(), bold);
			block.addCell(plain(ask, 3));
			if (!item.agreed().isEmpty()) {
				block.addCell(plain(new Paragraph(item.agreedTitle(), smallBold), 1));
				for (String agreed : item.agreed()) {
					block.addCell(plain(new Paragraph("\u2022 " + agreed, small), 2));
				}
			}
			if (!item.words().isEmpty()) {
				block.addCell(plain(new Paragraph(item.wordsTitle(), smallBold), 1));
				for (String words : item.words()) {
					block.addCell(quote(words, small));
				}
			}
			add(block);
		}
		guide(differ.guide());
	}

	/** Someone's own words, set in from a rule. */
	private static PdfPCell quote(String words, Font font) {
		PdfPCell quote = new PdfPCell(new Phrase(words, font));
		quote.setBorder(Rectangle.LEFT);
		quote.setBorderColor(RULE);
		quote.setBorderWidthLeft(2);
		quote.setPaddingLeft(8);
		quote.setPaddingTop(1);
		quote.setPaddingBottom(4);
		return quote;
	}

	/** The meeting's steps, and lines to write on what we agree this time. */
	private void guide(Report.Guide guide) {
		PdfPTable box = new PdfPTable(1);
		box.setWidthPercentage(100);
		box.setKeepTogether(true);
		box.setSpacingBefore(8);
		PdfPCell title = new PdfPCell(new Phrase(guide.title(), h3));
		title.setBorder(Rectangle.NO_BORDER);
		title.setBackgroundColor(SOFT);
		title.setPadding(6);
		box.addCell(title);
		int step = 1;
		for (String words : guide.steps()) {
			PdfPCell cell = new PdfPCell(new Phrase(step++ + ".  " + words, body));
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setBackgroundColor(SOFT);
			cell.setPaddingLeft(6);
			cell.setPaddingBottom(4);
			box.addCell(cell);
		}
		PdfPCell space = new PdfPCell(new Phrase(guide.space(), bold));
		space.setBorder(Rectangle.NO_BORDER);
		space.setPaddingTop(8);
		box.addCell(space);
		for (int line = 0; line < 4; line++) {
			PdfPCell blank = new PdfPCell(new Phrase(" ", body));
			blank.setBorder(Rectangle.BOTTOM);
			blank.setBorderColor(MUTED);
			blank.setFixedHeight(24);
			box.addCell(blank);
		}
		add(box);
	}

	// --- 6. in our own words ---

	private void ownWords(Report.Words words) {
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

	// --- 7. since last time ---

	private void sinceLastTime(Report.Since since) {
		document.newPage();
		heading(since.title());
		boolean previous = since.lead() != null;
		if (since.moves() != null && !since.moves().isEmpty()) {
			add(spaced(new Paragraph(previous ? text.get("report.since.moves") : since.agreementsTitle(), h3), 0, 4));
			for (Report.AgreedMove move : since.moves()) {
				add(bullet(move.agreement()));
				if (!move.statements().isEmpty()) {
					PdfPTable moved = new PdfPTable(new float[] { 6.2f, 1.2f, 1.2f, 1.4f });
					moved.setWidthPercentage(94);
					moved.setHorizontalAlignment(Element.ALIGN_RIGHT);
					moved.setSpacingAfter(4);
					for (int c = 0; c < 4; c++) {
						columnHead(moved, since.header().get(c), smallBold,
								c == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
					}
					for (Report.SincePair pair : move.statements()) {
						if (pair.shift() == null) {
							// Not set beside last time: the reason, across the figures.
							sinceCells(moved, List.of(pair.text()), true);
							PdfPCell why = new PdfPCell(new Phrase(pair.change(), small));
							why.setColspan(3);
							tight(why);
							moved.addCell(why);
							continue;
						}
						sinceCells(moved, List.of(pair.text(), pair.then(), pair.now(), pair.points()), true);
					}
					add(moved);
				}
				else if (previous) {
					add(spaced(new Paragraph(text.get("report.since.noStatements"), small), 0, 4));
				}
			}
		}
		if (since.others() != null) {
			add(spaced(new Paragraph(since.others(), body), 4, 4));
		}
		if (since.chance() != null) {
			add(spaced(new Paragraph(since.chance(), small), 0, 8));
		}
		if (previous) {
			add(spaced(new Paragraph(since.lead(), body), 0, 8));
		}
		if (since.none() != null) {
			add(new Paragraph(since.none(), body));
		}
		if (!since.pairs().isEmpty()) {
			// Statement, last time, this time, change, "not sure" both times, and the two
			// times' answers as a pair of thin bars; a row for each principle above its
			// statements.
			PdfPTable table = new PdfPTable(new float[] { 4f, 1.15f, 1.15f, 1.2f, 1.15f, 1.15f, 2f });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			List<String> header = new ArrayList<>(since.header());
			header.add("");
			for (int c = 0; c < header.size(); c++) {
				columnHead(table, header.get(c), smallBold, c > 0 && c < 6 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
			}
			String principle = null;
			for (Report.SincePair pair : since.pairs()) {
				if (pair.principle() != null && !pair.principle().equals(principle)) {
					principle = pair.principle();
					PdfPCell group = new PdfPCell(new Phrase(principle, smallBold));
					group.setColspan(7);
					group.setBackgroundColor(SOFT);
					tight(group);
					table.addCell(group);
				}
				Phrase statement = new Phrase(pair.text(), small);
				if (!pair.agreed().isEmpty()) {
					// What we agreed about the statement last time, under it.
					statement.add(new Chunk("\n" + since.agreedLabel() + " ", smallBold));
					statement.add(new Chunk(String.join("; ", pair.agreed()), small));
				}
				PdfPCell first = new PdfPCell(statement);
				tight(first);
				table.addCell(first);
				if (pair.shift() == null) {
					// Not set beside last time: the reason, across the figures' columns.
					PdfPCell why = new PdfPCell(new Phrase(pair.change(), small));
					why.setColspan(6);
					tight(why);
					table.addCell(why);
					continue;
				}
				sinceCells(table,
						List.of(pair.then(), pair.now(), pair.points(), pair.notSureThen(), pair.notSureNow()), false);
				PdfPCell bars = new PdfPCell(pairedBars(pair.table()), false);
				tight(bars);
				bars.setVerticalAlignment(Element.ALIGN_MIDDLE);
				table.addCell(bars);
			}
			PdfPCell key = new PdfPCell(new Phrase(since.key(), small));
			key.setColspan(7);
			key.setBorder(Rectangle.NO_BORDER);
			key.setPaddingTop(4);
			table.addCell(key);
			add(table);
		}
	}

	/**
	 * A row's cells in "since last time": figures set right, and the statement left when
	 * the row ({@code named}) starts with it.
	 */
	private void sinceCells(PdfPTable table, List<String> values, boolean named) {
		for (int c = 0; c < values.size(); c++) {
			PdfPCell cell = new PdfPCell(new Phrase(values.get(c), small));
			cell.setHorizontalAlignment(named && c == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
			tight(cell);
			table.addCell(cell);
		}
	}

	/**
	 * Last time's answers above this time's, each a thin 100 % bar in the charts'
	 * colours; a row not shown, no bar.
	 */
	private Image pairedBars(Report.Table table) {
		float width = 96;
		float height = 15;
		PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
		List<Report.Row> rows = table.rows();
		for (int r = 0; r < rows.size(); r++) {
			Report.Row row = rows.get(r);
			if (!row.shown() || row.people() == 0) {
				continue;
			}
			float top = height - 1 - r * 7.5f;
			float x = 0;
			int options = row.figures().size() - 1;
			for (int o = 0; o < row.figures().size(); o++) {
				float w = (float) (width * row.figures().get(o).share());
				Color colour = o < options ? Charts.optionColour(o, options) : Charts.NOT_SURE;
				if (w > 0) {
					// Outlined as in the charts: the palest answer and "not sure" stay on
					// the page.
					template.setColorFill(colour);
					template.setColorStroke(o < options ? INK : Charts.NOT_SURE_OUTLINE);
					template.setLineWidth(0.3f);
					template.rectangle(x, top - 6, w, 6);
					template.fillStroke();
				}
				x += w;
			}
		}
		try {
			Image image = Image.getInstance(template);
			image.setAlt(table.rows().get(0).label() + ", " + table.rows().get(1).label());
			return image;
		}
		catch (DocumentException e) {
			throw new IllegalStateException(e);
		}
	}

	// --- 8. what was withheld ---

	private void withheld(Report.Withheld withheld) {
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

	// --- 9. the steward's guide to the meeting ---

	/**
	 * The guide on pages of its own at the back, at 11 pt so it reads well when printed
	 * for the room: the plan as a table of times and steps, then each part's lines.
	 */
	private void steward(Report.StewardGuide guide) {
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

	// --- every round in view ---

	/** Small charts side by side, so that a long questionnaire stays a few pages. */
	private static final int CHARTS_ACROSS = 2;

	/**
	 * Small multiples: one small line chart per statement, under its principle, all on
	 * the same 0 to 100 scale and labelled with each round's period; under each, what we
	 * agreed after a round and the rounds whose figure is left out.
	 */
	private void series(Report.Series series) {
		document.newPage();
		heading(series.title());
		add(spaced(new Paragraph(series.lead(), body), 0, 6));
		for (String note : series.notes()) {
			add(spaced(new Paragraph(note, small), 0, 4));
		}
		float width = (document.getPageSize().getWidth() - 2 * MARGIN) / CHARTS_ACROSS - 8;
		String principle = null;
		PdfPTable grid = null;
		for (Report.SeriesStatement statement : series.statements()) {
			if (!statement.principle().equals(principle)) {
				finish(grid);
				principle = statement.principle();
				grid = new PdfPTable(CHARTS_ACROSS);
				grid.setWidthPercentage(100);
				grid.setSpacingBefore(8);
				// The principle's name heads its charts, and again on each page they
				// run onto, so that it never stands alone at the foot of a page.
				PdfPCell name = new PdfPCell(new Paragraph(principle, h3));
				name.setColspan(CHARTS_ACROSS);
				name.setBorder(Rectangle.NO_BORDER);
				name.setPadding(4);
				name.setPaddingBottom(6);
				grid.addCell(name);
				grid.setHeaderRows(1);
			}
			PdfPCell cell = new PdfPCell();
			cell.setBorder(Rectangle.NO_BORDER);
			cell.setPadding(4);
			cell.addElement(new Paragraph(statement.text(), smallBold));
			cell.addElement(smallChart(statement, width));
			for (Report.SeriesPoint point : statement.points()) {
				if (!point.agreed().isEmpty()) {
					cell.addElement(new Paragraph(series.agreedLabel() + " (" + point.period() + "): "
							+ String.join(" \u00b7 ", point.agreed()), small));
				}
				if (!point.shown()) {
					cell.addElement(new Paragraph(point.period() + ": " + series.notShown(), small));
				}
			}
			grid.addCell(cell);
		}
		finish(grid);
	}

	/** A grid of small charts, its last row filled out with empty cells. */
	private void finish(PdfPTable grid) {
		if (grid == null) {
			return;
		}
		// The cells that fill out the last row are blank, with no frame.
		grid.getDefaultCell().setBorder(Rectangle.NO_BORDER);
		grid.completeRow();
		add(grid);
	}

	private Image smallChart(Report.SeriesStatement statement, float width) {
		PdfTemplate template = writer.getDirectContent().createTemplate(width, SeriesCharts.HEIGHT);
		Graphics2D graphics = template.createGraphics(width, SeriesCharts.HEIGHT,
				ReportFonts.mapper(regularFont, boldFont));
		SeriesCharts.draw(statement, graphics, new Rectangle2D.Double(0, 0, width, SeriesCharts.HEIGHT));
		graphics.dispose();
		try {
			Image image = Image.getInstance(template);
			image.setAlt(statement.alt());
			return image;
		}
		catch (DocumentException e) {
			throw new IllegalStateException(e);
		}
	}

	// --- building blocks ---

	private void heading(String title) {
		heading(title, h1);
	}

	/** A heading, and a bookmark to it in the reader's side panel. */
	private void heading(String title, Font font) {
		add(spaced(new Paragraph(title, font), font == h1 || font.getSize() > h1.getSize() ? 0 : 10,
				font == h1 ? 10 : 6));
		// Just above where the heading was set, so that following the bookmark shows it.
		float top = Math.min(writer.getVerticalPosition(false) + font.getSize() * 2 + 16,
				document.getPageSize().getHeight());
		new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.XYZ, 0, top, 0), title);
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
			// The meeting's pages, all at 14 pt and more, and the cover stand on their
			// own.
			if (coverPage == 0 || page <= coverPage) {
				return;
			}
			PdfContentByte canvas = pdfWriter.getDirectContent();
			Font foot = new Font(regularFont, SMALL, Font.NORMAL, MUTED);
			float y = FOOTER;
			ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(report.title(), foot), MARGIN, y, 0);
			ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(text.get("report.page", page), foot),
					doc.getPageSize().getWidth() - MARGIN, y, 0);
		}

	}

}
