package org.peerreflect.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
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
 * 100% stacked bars of a principle's items. Colours run from light to dark blue in scale order
 * (ColorBrewer's PuBu, colour-blind safe), so no option reads as "bad" and the order still shows
 * in greyscale; "not sure" is near-white with an outline.
 */
final class Charts {

	/** ColorBrewer PuBu, light to dark, for scales of up to seven options. */
	private static final Color[] SCALE = { new Color(0xece7f2), new Color(0xd0d1e6), new Color(0xa6bddb),
			new Color(0x74a9cf), new Color(0x3690c0), new Color(0x0570b0), new Color(0x034e7b) };

	static final Color NOT_SURE = new Color(0xfafafa);

	static final Color INK = new Color(0x1d2733);

	private Charts() {
	}

	/** The colour of option {@code index} of {@code count}, spread over the light-to-dark run. */
	static Color optionColour(int index, int count) {
		if (count <= 1) {
			return SCALE[3];
		}
		int first = count <= 5 ? 1 : 0;
		int last = SCALE.length - 1;
		int slot = first + (int) Math.round((double) index * (last - first) / (count - 1));
		return SCALE[slot];
	}

	/** Whether a label on this colour should be white to be read. */
	static boolean dark(Color colour) {
		double luminance = 0.2126 * colour.getRed() + 0.7152 * colour.getGreen() + 0.0722 * colour.getBlue();
		return luminance < 140;
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
			((org.jfree.chart.plot.CategoryPlot) chart.getPlot()).getDomainAxis().setCategoryMargin(0.15);
			((org.jfree.chart.plot.CategoryPlot) chart.getPlot()).getDomainAxis().setMaximumCategoryLabelLines(3);
		}
		return chart;
	}

	/** A bar's place in its chart, shown by its label, so that two bars may carry the same label ("last time"). */
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
		categories.setCategoryMargin(0.25);
		categories.setLowerMargin(0.02);
		categories.setUpperMargin(0.02);
		categories.setAxisLineVisible(false);

		NumberAxis shares = new NumberAxis();
		shares.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT));
		shares.setRange(0, 1);
		shares.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.25, java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT)));
		shares.setTickLabelFont(ReportFonts.awtRegular(9f));
		shares.setTickLabelPaint(INK);

		StackedBarRenderer renderer = new StackedBarRenderer(true);
		renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(true);
		renderer.setDefaultOutlinePaint(Color.WHITE);
		renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
		for (int o = 0; o <= optionCount; o++) {
			Color colour = o < optionCount ? optionColour(o, optionCount) : NOT_SURE;
			renderer.setSeriesPaint(o, colour);
			renderer.setSeriesItemLabelPaint(o, dark(colour) ? Color.WHITE : INK);
			if (o == optionCount) {
				renderer.setSeriesOutlinePaint(o, new Color(0x8c8c8c));
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
		legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
		return chart;
	}

	/** The height a chart of {@code bars} bars needs, in points. */
	static float height(int bars) {
		return 46 + 34f * Math.max(bars, 1);
	}

	/** The height a chart needs, in points: paired bars (this time and last time) sit closer. */
	static float height(Report.Bars bars) {
		return bars.paired() ? 46 + 22f * Math.max(bars.bars().size(), 1) : height(bars.bars().size());
	}

	/** Labels a segment with its share of the bar when it is wide enough to hold one. */
	private static final class ShareLabels extends StandardCategoryItemLabelGenerator {

		private static final long serialVersionUID = 1L;

		@Override
		public String generateLabel(CategoryDataset dataset, int row, int column) {
			double total = 0;
			for (int r = 0; r < dataset.getRowCount(); r++) {
				Number value = dataset.getValue(r, column);
				total += value == null ? 0 : value.doubleValue();
			}
			Number value = dataset.getValue(row, column);
			if (value == null || total == 0) {
				return null;
			}
			double share = value.doubleValue() / total;
			return share >= 0.07 ? Math.round(share * 100) + "%" : null;
		}

	}

}
