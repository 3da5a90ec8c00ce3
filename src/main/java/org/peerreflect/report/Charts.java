package org.peerreflect.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * 100% stacked bars of statements on one scale, readable in a room and on a photocopy.
 * The options run through one blue ramp from pale to deep navy, each step at least 1.5:1
 * from the next in WCAG contrast and as grey (a photocopy's grey too), so the order shows
 * without colour, to colour-blind readers, and no option reads as "bad". Each segment's
 * label is white or ink, whichever holds 4.5:1, and a thin ink outline keeps the palest
 * segment on the page. "Not sure" is white with a dashed outline: not a step of the
 * scale. Every segment that holds anyone carries its percent, inside when it fits and
 * otherwise just above or below the bar, never dropped.
 */
final class Charts {

	/** "Not sure": no fill, set apart by its dashed outline. */
	static final Color NOT_SURE = Color.WHITE;

	/** The outline of "not sure": 4.5:1 against white. */
	static final Color NOT_SURE_OUTLINE = new Color(0x767676);

	static final Color INK = PdfBlocks.INK;

	/** The segments' outline, in points of a chart 480 wide. */
	static final float OUTLINE = 0.6f;

	/**
	 * The size of every word and figure in a chart, in points as printed: the PDF places
	 * charts at full size.
	 */
	static final float TEXT = 10f;

	/**
	 * Seven steps of blue, pale to deep navy: each neighbour 1.52:1 or more apart in WCAG
	 * contrast and in the grey a photocopier makes, the chroma kept low enough at the
	 * dark end for that grey to hold. The middle steps straddle the band in which neither
	 * white nor ink would hold 4.5:1.
	 */
	private static final Color[] RAMP = { new Color(0xf1f9ff), new Color(0x9bc8e8), new Color(0x679bc6),
			new Color(0x4d7aa5), new Color(0x365a85), new Color(0x293b5c), new Color(0x11192e) };

	/**
	 * The steps of the ramp a scale of 2 to 7 options takes: those furthest apart, so a
	 * short scale's neighbours differ most.
	 */
	private static final int[][] STEPS = { {}, { 3 }, { 1, 5 }, { 1, 3, 5 }, { 0, 2, 4, 6 }, { 0, 1, 2, 4, 6 },
			{ 0, 1, 2, 4, 5, 6 }, { 0, 1, 2, 3, 4, 5, 6 } };

	private Charts() {
	}

	/** The colour of option {@code index} of {@code count}, the first the palest. */
	static Color optionColour(int index, int count) {
		if (count >= 1 && count < STEPS.length) {
			return RAMP[STEPS[count][index]];
		}
		// Scales are 2 to 7 options long; anything else still gets the ramp in order.
		return RAMP[(int) Math.round((double) index * (RAMP.length - 1) / Math.max(1, count - 1))];
	}

	/**
	 * The grey a photocopier or a greyscale print makes of a colour: the luma of its sRGB
	 * values.
	 */
	static Color grey(Color colour) {
		int grey = (int) Math.round(0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue());
		return new Color(grey, grey, grey);
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
		return stackedPercent(data, optionCount);
	}

	/**
	 * Draws the chart of {@code bars} into {@code area}, then every segment's label;
	 * returns the labels as placed.
	 */
	static List<Placed> draw(Report.Bars bars, Graphics2D g2, Rectangle2D area) {
		JFreeChart chart = bars(bars);
		ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
		chart.draw(g2, area, info);
		CategoryDataset data = ((CategoryPlot) chart.getPlot()).getDataset();
		List<List<Segment>> columns = new ArrayList<>();
		for (int b = 0; b < bars.bars().size(); b++) {
			columns.add(new ArrayList<>());
		}
		for (Object entity : info.getEntityCollection().getEntities()) {
			if (entity instanceof CategoryItemEntity item) {
				int row = data.getRowIndex(item.getRowKey());
				int column = data.getColumnIndex(item.getColumnKey());
				String label = labels(bars.bars().get(column)).get(row);
				if (label != null) {
					columns.get(column).add(new Segment(row, label, item.getArea().getBounds2D()));
				}
			}
		}
		g2.setFont(ReportFonts.awtBold(TEXT));
		List<Placed> placed = new ArrayList<>();
		for (List<Segment> segments : columns) {
			segments.sort(Comparator.comparingInt(Segment::row));
			placed.addAll(place(segments, g2, info.getPlotInfo().getDataArea(), area, bars.options().size()));
		}
		return placed;
	}

	/** A chart as an image {@code sharpness} times the size it is laid out at. */
	static BufferedImage image(Report.Bars bars, int width, int height, int sharpness) {
		BufferedImage image = new BufferedImage(width * sharpness, height * sharpness, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g2.scale(sharpness, sharpness);
		draw(bars, g2, new Rectangle2D.Double(0, 0, width, height));
		g2.dispose();
		return image;
	}

	/**
	 * Each segment's label, options then "not sure": the percent the tables print, or
	 * null for a segment that holds nobody.
	 */
	static List<String> labels(Report.Bar bar) {
		List<Integer> counts = new ArrayList<>(bar.counts());
		counts.add(bar.notSure());
		int people = counts.stream().mapToInt(Integer::intValue).sum();
		// The one function the tables' figures come from, so chart and table agree.
		int[] percents = ReportContent.percents(counts, people);
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			labels.add(counts.get(i) == 0 ? null : percents[i] + "%");
		}
		return labels;
	}

	/** A segment that holds anyone, where the chart drew it. */
	private record Segment(int row, String label, Rectangle2D bar) {
	}

	/** A label as drawn: its words and the box they take. */
	record Placed(String label, Rectangle2D box, boolean inside) {
	}

	/** Room between two labels written outside a bar, and between a label and its bar. */
	private static final double PAD = 2;

	/**
	 * Writes a bar's labels: inside a segment wide and tall enough, in white or ink;
	 * otherwise in ink just above the bar, or below it where the row above is taken,
	 * moved along only as far as needed for no two to touch.
	 */
	private static List<Placed> place(List<Segment> segments, Graphics2D g2, Rectangle2D plot, Rectangle2D area,
			int optionCount) {
		FontMetrics metrics = g2.getFontMetrics();
		double height = metrics.getAscent() + metrics.getDescent();
		List<Placed> placed = new ArrayList<>();
		List<List<double[]>> rows = List.of(new ArrayList<>(), new ArrayList<>());
		List<List<Segment>> rowSegments = List.of(new ArrayList<>(), new ArrayList<>());
		for (Segment segment : segments) {
			double width = metrics.stringWidth(segment.label());
			Rectangle2D bar = segment.bar();
			if (fitsInside(bar.getWidth(), width) && bar.getHeight() >= height) {
				Color fill = segment.row() < optionCount ? optionColour(segment.row(), optionCount) : NOT_SURE;
				g2.setPaint(labelColour(fill));
				double x = bar.getCenterX() - width / 2;
				double baseline = bar.getCenterY() - height / 2 + metrics.getAscent();
				g2.drawString(segment.label(), (float) x, (float) baseline);
				placed.add(new Placed(segment.label(),
						new Rectangle2D.Double(x, baseline - metrics.getAscent(), width, height), true));
				continue;
			}
			// The row that moves the label least from over its segment; above on a tie.
			// Not left of the plot, where the statements are written.
			double wanted = Math.max(plot.getMinX(), bar.getCenterX() - width / 2);
			int best = 0;
			double bestX = Double.MAX_VALUE;
			for (int r = 0; r < 2; r++) {
				List<double[]> taken = rows.get(r);
				double x = taken.isEmpty() ? wanted : Math.max(wanted, taken.get(taken.size() - 1)[1] + PAD);
				if (x - wanted < bestX - wanted) {
					best = r;
					bestX = x;
				}
			}
			rows.get(best).add(new double[] { bestX, bestX + width });
			rowSegments.get(best).add(segment);
		}
		// Labels pushed past the chart's right edge move back left, the ones before them
		// with them.
		for (int r = 0; r < 2; r++) {
			List<double[]> taken = rows.get(r);
			double limit = area.getMaxX() - PAD;
			for (int i = taken.size() - 1; i >= 0; i--) {
				double[] span = taken.get(i);
				double shift = Math.max(0, span[1] - limit);
				span[0] -= shift;
				span[1] -= shift;
				limit = span[0] - PAD;
			}
			g2.setPaint(INK);
			for (int i = 0; i < taken.size(); i++) {
				Segment segment = rowSegments.get(r).get(i);
				Rectangle2D bar = segment.bar();
				double top = r == 0 ? bar.getMinY() - PAD - height : bar.getMaxY() + PAD;
				g2.drawString(segment.label(), (float) taken.get(i)[0], (float) (top + metrics.getAscent()));
				placed.add(new Placed(segment.label(),
						new Rectangle2D.Double(taken.get(i)[0], top, taken.get(i)[1] - taken.get(i)[0], height),
						false));
			}
		}
		return placed;
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

	/** How thick a bar is, in points. */
	static final float BAR = 18;

	/**
	 * The room between two bars, in points: a row of labels under the one and a row over
	 * the next.
	 */
	static final float BETWEEN = 32;

	static JFreeChart stackedPercent(CategoryDataset data, int optionCount) {
		CategoryAxis categories = new CategoryAxis();
		categories.setTickLabelFont(ReportFonts.awtRegular(TEXT));
		categories.setTickLabelPaint(INK);
		categories.setMaximumCategoryLabelWidthRatio(0.4f);
		categories.setMaximumCategoryLabelLines(4);
		// Bars BAR thick with BETWEEN between them and half as much at each end, for the
		// labels written outside them.
		int bars = Math.max(1, data.getColumnCount());
		double length = bars * (BAR + BETWEEN);
		categories.setCategoryMargin(BETWEEN * (bars - 1) / length);
		categories.setLowerMargin(BETWEEN / 2 / length);
		categories.setUpperMargin(BETWEEN / 2 / length);
		categories.setAxisLineVisible(false);

		NumberAxis shares = new NumberAxis();
		shares.setRange(0, 1);
		shares.setTickUnit(new NumberTickUnit(0.25, NumberFormat.getPercentInstance(Locale.ROOT)));
		shares.setTickLabelFont(ReportFonts.awtRegular(TEXT));
		shares.setTickLabelPaint(INK);

		StackedBarRenderer renderer = new StackedBarRenderer(true);
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(true);
		renderer.setDefaultOutlinePaint(INK);
		renderer.setDefaultOutlineStroke(new BasicStroke(OUTLINE));
		for (int o = 0; o <= optionCount; o++) {
			renderer.setSeriesPaint(o, o < optionCount ? optionColour(o, optionCount) : NOT_SURE);
		}
		renderer.setSeriesOutlinePaint(optionCount, NOT_SURE_OUTLINE);
		renderer.setSeriesOutlineStroke(optionCount,
				new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 2.5f, 1.5f }, 0f));
		// The labels are written by draw, which never drops one.
		renderer.setDefaultItemLabelsVisible(false);

		CategoryPlot plot = new CategoryPlot(data, categories, shares, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(new Color(0xcccccc));
		plot.setInsets(new RectangleInsets(2, 2, 2, 16));

		JFreeChart chart = new JFreeChart(null, ReportFonts.awtBold(TEXT), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		LegendTitle legend = chart.getLegend();
		legend.setPosition(RectangleEdge.BOTTOM);
		legend.setItemFont(ReportFonts.awtRegular(TEXT));
		legend.setItemPaint(INK);
		legend.setFrame(BlockBorder.NONE);
		return chart;
	}

	/** The width charts are laid out at, in points: the PDF's text column. */
	static final float WIDTH = 480;

	/**
	 * The height a chart needs at {@link #WIDTH}, in points: its bars with the room
	 * between them, and whatever the axis and the legend (which may wrap) take, measured
	 * by drawing it once.
	 */
	static float height(Report.Bars bars) {
		int count = Math.max(1, bars.bars().size());
		float trial = 600;
		BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = scratch.createGraphics();
		ChartRenderingInfo info = new ChartRenderingInfo();
		// Drawn empty: the height depends on the bars' number and the words, not the
		// figures.
		List<Report.Bar> empty = bars.bars()
			.stream()
			.map(bar -> new Report.Bar(bar.label(), Collections.nCopies(bars.options().size(), 0), 0))
			.toList();
		bars(new Report.Bars(bars.options(), bars.notSure(), empty, bars.paired())).draw(g2,
				new Rectangle2D.Double(0, 0, WIDTH, trial), info);
		g2.dispose();
		double other = trial - info.getPlotInfo().getDataArea().getHeight();
		return (float) Math.ceil(other + count * (BAR + BETWEEN));
	}

	/**
	 * Whether a label this wide fits inside a segment this wide, with a little room on
	 * each side.
	 */
	static boolean fitsInside(double segment, double label) {
		return segment >= label + 4;
	}

}
