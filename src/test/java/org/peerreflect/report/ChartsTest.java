package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The charts read on paper, on a projector and to colour-blind readers: every option's
 * colour holds its label at 4.5:1, stands 3:1 from the white gap that parts it from its
 * neighbours, and is darker than the option before it; every segment that holds anyone is
 * labelled with the table's percent.
 */
class ChartsTest {

	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 4, 5, 6, 7 })
	void everyOptionHoldsItsLabelStandsFromTheGapAndIsDarkerThanTheOneBefore(int count) {
		double lastLuminance = 2;
		for (int o = 0; o < count; o++) {
			Color colour = Charts.optionColour(o, count);
			String which = "option " + (o + 1) + " of " + count + " " + Integer.toHexString(colour.getRGB());
			assertThat(Charts.contrast(colour, Charts.labelColour(colour))).as(which).isGreaterThanOrEqualTo(4.5);
			assertThat(Charts.contrast(colour, Color.WHITE)).as(which + " against the white gap")
				.isGreaterThanOrEqualTo(3);
			assertThat(Charts.luminance(colour)).as(which + " darker than the one before").isLessThan(lastLuminance);
			lastLuminance = Charts.luminance(colour);
		}
		assertThat(Charts.GAP).isPositive();
	}

	@Test
	void notSureIsPaleWithAnOutlineThatStandsFromThePageAndAnInkLabel() {
		assertThat(Charts.contrast(Charts.NOT_SURE_OUTLINE, Color.WHITE)).isGreaterThanOrEqualTo(3);
		assertThat(Charts.labelColour(Charts.NOT_SURE)).isEqualTo(Charts.INK);
		assertThat(Charts.contrast(Charts.NOT_SURE, Charts.INK)).isGreaterThanOrEqualTo(4.5);
	}

	/**
	 * A 2% segment gets its label too, the same whole percents as the table, which add up
	 * to 100.
	 */
	@Test
	void everySegmentThatHoldsAnyoneIsLabelledWithTheTablesPercent() {
		Report.Bars bars = new Report.Bars(List.of("No", "Partly", "Yes"), "Not sure",
				List.of(new Report.Bar("Small slices", List.of(1, 0, 46), 2)), false);
		JFreeChart chart = Charts.bars(bars);
		CategoryPlot plot = (CategoryPlot) chart.getPlot();
		CategoryDataset data = plot.getDataset();
		CategoryItemRenderer renderer = plot.getRenderer();
		int[] percents = ReportContent.percents(List.of(1, 0, 46, 2), 49);
		for (int row = 0; row < data.getRowCount(); row++) {
			String label = renderer.getItemLabelGenerator(row, 0).generateLabel(data, row, 0);
			assertThat(label).as("option %d", row)
				.isEqualTo(percents[row] == 0 && row == 1 ? null : percents[row] + "%");
		}
		// Drawn, the narrow segments' labels land outside the bar, in ink: more ink than
		// the same chart without them.
		Report.Bars none = new Report.Bars(bars.options(), bars.notSure(),
				List.of(new Report.Bar("Small slices", List.of(0, 0, 49), 0)), false);
		assertThat(inkPixels(Charts.bars(bars), bars)).isGreaterThan(inkPixels(Charts.bars(none), none) + 20);
		assertThat(Charts.fitsInside(30, 20)).isTrue();
		assertThat(Charts.fitsInside(22, 20)).isFalse();
	}

	private static int inkPixels(JFreeChart chart, Report.Bars bars) {
		BufferedImage image = chart.createBufferedImage(480, Math.round(Charts.height(bars)));
		int ink = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				if ((image.getRGB(x, y) & 0xffffff) == (Charts.INK.getRGB() & 0xffffff)) {
					ink++;
				}
			}
		}
		return ink;
	}

}
