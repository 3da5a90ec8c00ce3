package org.peerreflect.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * A chart of the report drawn as a PNG for the web page, with the same look as in the
 * PDF; and the height a chart is laid out at, which the page also gives it.
 */
final class ChartPng {

	private ChartPng() {
	}

	/**
	 * Width the chart is laid out in, close to the PDF's, so its labels come out about
	 * 1.6 times the PDF's size on a page 900 wide.
	 */
	static final int DRAWN_WIDTH = 560;

	/** Pixels per unit drawn: sharp on a projector and on a phone's dense screen. */
	private static final int SHARPNESS = 3;

	/**
	 * Width a chart for a phone is laid out in: its labels take a larger share of a
	 * narrow screen.
	 */
	private static final int NARROW_WIDTH = 340;

	/** How tall a chart's bars are laid out at {@link #DRAWN_WIDTH} wide. */
	static int drawnHeight(Report.Bars bars) {
		return Math.round(Charts.height(bars) * DRAWN_WIDTH / 480f);
	}

	/**
	 * A chart as a PNG, laid out for a phone's narrow screen when {@code narrow}.
	 */
	static byte[] png(Report.Chart drawn, boolean narrow) {
		int drawnHeight = drawnHeight(drawn.bars());
		int width = narrow ? NARROW_WIDTH : DRAWN_WIDTH;
		// A narrow chart's labels wrap onto more lines, so each bar gets more room.
		int height = narrow ? Math.round(drawnHeight * 1.3f) : drawnHeight;
		BufferedImage image = Charts.image(drawn.bars(), width, height, SHARPNESS);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return png.toByteArray();
	}

}
