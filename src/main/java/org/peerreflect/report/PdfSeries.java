package org.peerreflect.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;

/** Every round in view: small line charts side by side, under their principles. */
final class PdfSeries extends PdfPart {

	PdfSeries(PdfContext pdf) {
		super(pdf);
	}

	/** Small charts side by side, so that a long questionnaire stays a few pages. */
	private static final int CHARTS_ACROSS = 2;

	/**
	 * Small multiples: one small line chart per statement, under its principle, all on
	 * the same 0 to 100 scale and labelled with each round's period; under each, what we
	 * agreed after a round and the rounds whose figure is left out.
	 */
	void series(Report.Series series) {
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

}
