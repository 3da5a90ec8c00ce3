package org.peerreflect.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * 100% stacked bars of statements on one scale. The options run from teal to deep plum,
 * each darker than the one before, so the order shows in greyscale and to colour-blind
 * readers and no option reads as "bad". Every option's colour holds a white label at
 * 4.5:1 or more and stands 3:1 or more against white, and a white gap parts each segment
 * from the next: neighbours are told apart by the gap and by their labels, since five
 * colours in a row cannot all be 3:1 from their neighbours and keep their order. "Not
 * sure" is pale grey with a grey outline. A segment too narrow for its label has it
 * written just outside the bar.
 */
final class Charts {

	/** Pale grey for "not sure", outlined so that it stands out from the white page. */
	static final Color NOT_SURE = new Color(0xf2f2f2);

	/** The outline of "not sure": 4.5:1 against white. */
	static final Color NOT_SURE_OUTLINE = new Color(0x767676);

	static final Color INK = PdfBlocks.INK;

	/** Width of the white gap between segments, in points of a chart 480 wide. */
	static final float GAP = 1.6f;

	private Charts() {
	}

	/**
	 * The colour of option {@code index} of {@code count}: a run in CIELAB from a teal of
	 * lightness 48 through blue to a deep plum of lightness 16, evenly spaced, the first
	 * option the lightest. The hue turns as the lightness falls, so that dark neighbours
	 * still look different.
	 */
	static Color optionColour(int index, int count) {
		double t = count <= 1 ? 0.5 : (double) index / (count - 1);
		double lightness = 48 - 32 * t;
		double hue = Math.toRadians(185 + 135 * t);
		double chroma = 32 + 13 * t;
		return lab(lightness, chroma * Math.cos(hue), chroma * Math.sin(hue));
	}

	/** A CIELAB colour (D65) in sRGB. */
	private static Color lab(double l, double a, double b) {
		double fy = (l + 16) / 116;
		double x = 0.95047 * labInverse(fy + a / 500);
		double y = labInverse(fy);
		double z = 1.08883 * labInverse(fy - b / 200);
		return new Color(gamma(3.2406 * x - 1.5372 * y - 0.4986 * z), gamma(-0.9689 * x + 1.8758 * y + 0.0415 * z),
				gamma(0.0557 * x - 0.2040 * y + 1.0570 * z));
	}

	private static double labInverse(double t) {
		return t * t * t > 0.008856 ? t * t * t : (t - 16.0 / 116) / 7.787;
	}

	private static int gamma(double linear) {
		double c = Math.max(0, Math.min(1, linear));
		return (int) Math.round(255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055));
	}

	/** WCAG's relative luminance of a colour. */
	static double luminance(Color colour) {
		double[] channels = { colour.getRed(), colour.getGreen(), colour.getBlue() };
		for (int c = 0; c < 3; c++) {
			double v = channels[c] / 255;
			channels[c] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}

	/** WCAG's contrast ratio of two colours, from 1 to 21. */
	static double contrast(Color one, Color other) {
		double a = luminance(one) + 0.05;
		double b = luminance(other) + 0.05;
		return Math.max(a, b) / Math.min(a, b);
	}

	/** The colour of a label on this colour: white, or ink on a pale one. */
	static Color labelColour(Color colour) {
		return contrast(Color.WHITE, colour) >= contrast(INK, colour) ? Color.WHITE : INK;
	}

	/** A bar per statement, labelled with its text, as the report's model gives them. */
	static JFreeChart bars(Report.Bars bars) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		int optionCount = bars.options().size();
		for (int b = 0; b < bars.bars().size(); b++) {
			Report.Bar bar = bars.bars().get(b);
			BarKey key = new BarKey(bar.label(), b);
			for (int o = 0; o < optionCount; o++) {
				data.addValue(bar.counts().get(o), bars.options().get(o), key);
			}
			data.addValue(bar.notSure(), bars.notSure(), key);
		}
		JFreeChart chart = stackedPercent(data, optionCount);
		if (bars.paired()) {
			((CategoryPlot) chart.getPlot()).getDomainAxis().setCategoryMargin(0.15);
			((CategoryPlot) chart.getPlot()).getDomainAxis().setMaximumCategoryLabelLines(3);
		}
		return chart;
	}

	/**
	 * A bar's place in its chart, shown by its label, so that two bars may carry the same
	 * label ("last time").
	 */
	private record BarKey(String label, int place) implements Comparable<BarKey> {

		@Override
		public int compareTo(BarKey other) {
			return Integer.compare(place, other.place);
		}

		@Override
		public String toString() {
			return label;
		}

	}

	static JFreeChart stackedPercent(CategoryDataset data, int optionCount) {
		CategoryAxis categories = new CategoryAxis();
		categories.setTickLabelFont(ReportFonts.awtRegular(9f));
		categories.setTickLabelPaint(INK);
		categories.setMaximumCategoryLabelWidthRatio(0.42f);
		categories.setMaximumCategoryLabelLines(4);
		// Room between the bars for the labels of segments too narrow to hold them, and
		// as much at the ends.
		int bars = Math.max(1, data.getColumnCount());
		categories.setCategoryMargin(bars == 1 ? 0 : CATEGORY_MARGIN);
		double edge = bars == 1 ? 0.2 : CATEGORY_MARGIN / (bars - 1) / 2;
		categories.setLowerMargin(edge);
		categories.setUpperMargin(edge);
		categories.setAxisLineVisible(false);

		NumberAxis shares = new NumberAxis();
		shares.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
		shares.setRange(0, 1);
		shares.setTickUnit(new NumberTickUnit(0.25, NumberFormat.getPercentInstance(Locale.ROOT)));
		shares.setTickLabelFont(ReportFonts.awtRegular(9f));
		shares.setTickLabelPaint(INK);

		StackedBarRenderer renderer = new Segments();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(true);
		renderer.setDefaultOutlinePaint(Color.WHITE);
		renderer.setDefaultOutlineStroke(new BasicStroke(GAP));
		for (int o = 0; o <= optionCount; o++) {
			Color colour = o < optionCount ? optionColour(o, optionCount) : NOT_SURE;
			renderer.setSeriesPaint(o, colour);
			renderer.setSeriesItemLabelPaint(o, labelColour(colour));
			if (o == optionCount) {
				renderer.setSeriesOutlinePaint(o, NOT_SURE_OUTLINE);
				renderer.setSeriesOutlineStroke(o, new BasicStroke(0.8f));
			}
		}
		renderer.setDefaultItemLabelGenerator(new ShareLabels());
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(ReportFonts.awtBold(9f));
		renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));

		CategoryPlot plot = new CategoryPlot(data, categories, shares, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(new Color(0xcccccc));
		plot.setInsets(new RectangleInsets(2, 2, 2, 16));

		JFreeChart chart = new JFreeChart(null, ReportFonts.awtBold(10f), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		LegendTitle legend = chart.getLegend();
		legend.setPosition(RectangleEdge.BOTTOM);
		legend.setItemFont(ReportFonts.awtRegular(9f));
		legend.setItemPaint(INK);
		legend.setFrame(BlockBorder.NONE);
		return chart;
	}

	/**
	 * The share of the bars' axis left between bars, for the labels written outside them.
	 */
	private static final double CATEGORY_MARGIN = 0.45;

	/** The height a chart of {@code bars} bars needs, in points. */
	static float height(int bars) {
		return 46 + 40f * Math.max(bars, 1);
	}

	/**
	 * The height a chart needs, in points: paired bars (this time and last time) sit a
	 * little closer.
	 */
	static float height(Report.Bars bars) {
		return bars.paired() ? 46 + 34f * Math.max(bars.bars().size(), 1) : height(bars.bars().size());
	}

	/**
	 * Stacked segments whose label is written inside when it fits and otherwise just
	 * outside the bar, in ink: above it, or below it for every other option, so that two
	 * narrow neighbours' labels do not cover each other.
	 */
	private static final class Segments extends StackedBarRenderer {

		private static final long serialVersionUID = 1L;

		Segments() {
			super(true);
		}

		@Override
		protected void drawItemLabel(Graphics2D g2, CategoryDataset data, int row, int column, CategoryPlot plot,
				CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
			String label = generator.generateLabel(data, row, column);
			if (label == null) {
				return;
			}
			g2.setFont(getItemLabelFont(row, column));
			if (fitsInside(bar.getWidth(), g2.getFontMetrics().stringWidth(label))) {
				super.drawItemLabel(g2, data, row, column, plot, generator, bar, negative);
				return;
			}
			g2.setPaint(INK);
			boolean above = row % 2 == 0;
			// Kept inside the plot, which clips what is drawn: a narrow segment at either
			// end keeps its label.
			double half = g2.getFontMetrics().stringWidth(label) / 2.0 + 1;
			double x = bar.getCenterX();
			Rectangle area = g2.getClipBounds();
			if (area != null) {
				x = Math.max(area.getMinX() + half, Math.min(area.getMaxX() - half, x));
			}
			TextUtils.drawAlignedString(label, g2, (float) x, (float) (above ? bar.getMinY() - 1 : bar.getMaxY() + 1),
					above ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
		}

	}

	/**
	 * Whether a label this wide fits inside a segment this wide, with a little room on
	 * each side.
	 */
	static boolean fitsInside(double segment, double label) {
		return segment >= label + 4;
	}

	/** Labels each segment that holds anyone with its share of the bar. */
	private static final class ShareLabels extends StandardCategoryItemLabelGenerator {

		private static final long serialVersionUID = 1L;

		@Override
		public String generateLabel(CategoryDataset dataset, int row, int column) {
			// The same whole percents as the tables beside the chart, which add up to
			// 100.
			List<Integer> counts = new ArrayList<>();
			int total = 0;
			for (int r = 0; r < dataset.getRowCount(); r++) {
				Number value = dataset.getValue(r, column);
				counts.add(value == null ? 0 : value.intValue());
				total += counts.get(r);
			}
			if (total == 0 || counts.get(row) == 0) {
				return null;
			}
			return ReportContent.percents(counts, total)[row] + "%";
		}

	}

}
