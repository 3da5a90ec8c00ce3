package org.peerreflect.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;

/**
 * Since last time: what we agreed and how its statements moved, then every statement
 * asked both times beside last time's figures.
 */
final class PdfSince extends PdfPart {

	PdfSince(PdfContext pdf) {
		super(pdf);
	}

	void sinceLastTime(Report.Since since) {
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

}
