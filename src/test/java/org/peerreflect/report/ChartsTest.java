package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The charts read on paper, on a photocopy and to colour-blind readers: each answer's
 * colour stands 1.5:1 or more from its neighbours, in colour and in grey, is bluer than
 * it is red or green, and holds its label at 4.5:1; every segment that holds anyone
 * carries the table's percent, never dropped, no two labels on top of each other.
 */
class ChartsTest {

	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 4, 5, 6, 7 })
	void neighboursStandApartInColourAndInGreyAndEveryLabelHolds(int count) {
		List<Color> colours = new ArrayList<>();
		for (int o = 0; o < count; o++) {
			colours.add(Charts.optionColour(o, count));
		}
		// "Not sure" comes after the last answer.
		colours.add(Charts.NOT_SURE);
		for (int o = 0; o < colours.size(); o++) {
			Color colour = colours.get(o);
			String which = "segment " + (o + 1) + " of " + count + " " + Integer.toHexString(colour.getRGB());
			assertThat(Charts.contrast(colour, Charts.labelColour(colour))).as(which + ": its label")
				.isGreaterThanOrEqualTo(4.5);
			if (o == 0) {
				continue;
			}
			Color before = colours.get(o - 1);
			assertThat(Charts.contrast(colour, before)).as(which + " beside the one before")
				.isGreaterThanOrEqualTo(1.5);
			assertThat(Charts.contrast(Charts.grey(colour), Charts.grey(before)))
				.as(which + " beside the one before, photocopied")
				.isGreaterThanOrEqualTo(1.5);
			if (o < count) {
				// Light to dark, so the order reads without colour.
				assertThat(Charts.luminance(colour)).as(which + " darker").isLessThan(Charts.luminance(before));
				assertThat(Charts.luminance(Charts.grey(colour))).as(which + " darker in grey")
					.isLessThan(Charts.luminance(Charts.grey(before)));
			}
		}
	}

	/** One hue, blue: nothing reads as a red-amber-green judgement. */
	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 4, 5, 6, 7 })
	void everyAnswerIsABlueNoneRedAmberOrGreen(int count) {
		for (int o = 0; o < count; o++) {
			Color colour = Charts.optionColour(o, count);
			float[] hsb = Color.RGBtoHSB(colour.getRed(), colour.getGreen(), colour.getBlue(), null);
			assertThat(colour.getBlue()).as("option %d of %d", o + 1, count)
				.isGreaterThan(colour.getRed())
				.isGreaterThanOrEqualTo(colour.getGreen());
			assertThat(hsb[0] * 360).as("hue of option %d of %d", o + 1, count).isBetween(195f, 240f);
		}
	}

	@Test
	void notSureIsSetApartByItsOutlineAndCarriesAnInkLabel() {
		assertThat(Charts.contrast(Charts.NOT_SURE_OUTLINE, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
		assertThat(Charts.labelColour(Charts.NOT_SURE)).isEqualTo(Charts.INK);
	}

	/**
	 * Thin slices side by side, at both ends and in the middle, in long Spanish words:
	 * every one is labelled with the table's percent, once, inside the chart, and no two
	 * labels touch.
	 */
	@Test
	void everySegmentThatHoldsAnyoneIsLabelledOnceWithTheTablesPercentAndNoTwoTouch() {
		Report.Bars bars = longSpanish();
		int height = Math.round(Charts.height(bars));
		BufferedImage image = new BufferedImage(480, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		Rectangle2D area = new Rectangle2D.Double(0, 0, 480, height);
		List<Charts.Placed> placed = Charts.draw(bars, g2, area);
		g2.dispose();

		List<String> expected = new ArrayList<>();
		for (Report.Bar bar : bars.bars()) {
			List<Integer> counts = new ArrayList<>(bar.counts());
			counts.add(bar.notSure());
			int[] percents = ReportContent.percents(counts, counts.stream().mapToInt(Integer::intValue).sum());
			for (int i = 0; i < counts.size(); i++) {
				if (counts.get(i) > 0) {
					expected.add(percents[i] + "%");
				}
			}
		}
		assertThat(placed.stream().map(Charts.Placed::label).toList()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(placed.stream().filter(p -> !p.inside()).count()).as("some written outside their bar")
			.isGreaterThan(5);
		for (int i = 0; i < placed.size(); i++) {
			Rectangle2D box = placed.get(i).box();
			assertThat(area.contains(box)).as("%s inside the chart", placed.get(i)).isTrue();
			for (int j = i + 1; j < placed.size(); j++) {
				assertThat(box.intersects(placed.get(j).box())).as("%s and %s", placed.get(i), placed.get(j)).isFalse();
			}
		}
	}

	@Test
	void theWebImageIsDrawnTheSameWay() {
		Report.Bars bars = longSpanish();
		BufferedImage image = Charts.image(bars, 560, Math.round(Charts.height(bars) * 560 / 480), 2);
		assertThat(image.getWidth()).isEqualTo(1120);
		int darkest = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				if ((image.getRGB(x, y) & 0xffffff) == (Charts.optionColour(6, 7).getRGB() & 0xffffff)) {
					darkest++;
				}
			}
		}
		assertThat(darkest).as("pixels of the darkest answer").isGreaterThan(1000);
	}

	/** A seven-step scale in long Spanish words, with many thin slices. */
	static Report.Bars longSpanish() {
		List<String> options = List.of("Nada cierto en nuestro caso", "Casi nada cierto", "Un poco cierto",
				"Cierto en parte", "Bastante cierto", "Casi siempre cierto", "Muy cierto en nuestro caso");
		return new Report.Bars(options, "No lo sé", List.of(
				new Report.Bar("En nuestra comunidad, el personal y los miembros asumimos de verdad los mismos papeles "
						+ "y las mismas responsabilidades.", List.of(1, 1, 1, 30, 1, 1, 1), 1),
				new Report.Bar("Las decisiones sobre nuestra comunidad las tomamos entre todas las personas, también "
						+ "quienes llegaron hace poco.", List.of(0, 2, 1, 1, 0, 1, 40), 2),
				new Report.Bar(
						"Nuestras conversaciones cambian la forma en que nos vemos y vemos a las demás personas.",
						List.of(12, 1, 13, 1, 12, 1, 1), 0),
				new Report.Bar("Cuando algo sale mal, lo hablamos juntas y juntos.", List.of(1, 0, 0, 0, 0, 0, 0), 0)),
				false);
	}

}
