package org.peerreflect.report;

import java.util.List;
import java.util.Objects;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Every statement at a glance on one page, then each principle with its statements'
 * tables.
 */
final class PdfPrinciples extends PdfPart {

	PdfPrinciples(PdfContext pdf) {
		super(pdf);
	}

	void overview(Report.Overview overview) {
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
	 * The principles one after another, filling pages: a principle starts a page only
	 * where the last one ended.
	 */
	void principles() {
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

	private void headerCell(PdfPTable table, String label) {
		columnHead(table, label, small, Element.ALIGN_RIGHT);
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

}
