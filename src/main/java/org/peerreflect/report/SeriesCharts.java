package org.peerreflect.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * One small line chart of a statement across its rounds, for the PDF's small multiples:
 * the same 0 to 100 scale on every chart, each shown round a dot with its share above it,
 * neighbouring shown rounds joined, a round left out a gap; each round's period under it,
 * on two lines where it is long. Drawn as vectors with real text, at the report's chart
 * type size.
 */
final class SeriesCharts {

	/** Height of a small chart, in points. */
	static final float HEIGHT = 132;

	private static final Color GRID = new Color(0xd6d9de);

	private static final Color LINE = new Color(0x1f3f66);

	private SeriesCharts() {
	}

	static void draw(Report.SeriesStatement statement, Graphics2D g2, Rectangle2D area) {
		g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g2.setFont(ReportFonts.awtRegular(Charts.TEXT));
		FontMetrics metrics = g2.getFontMetrics();
		float line = metrics.getHeight();
		double left = area.getX() + metrics.stringWidth("100") + 6;
		double right = area.getMaxX() - 14;
		double top = area.getY() + line + 4;
		double bottom = area.getMaxY() - 2 * line - 6;
		g2.setStroke(new BasicStroke(0.6f));
		for (int tick : List.of(0, 50, 100)) {
			double y = y(tick, top, bottom);
			g2.setPaint(tick == 0 ? Charts.INK : GRID);
			g2.draw(new Line2D.Double(left, y, right, y));
			g2.setPaint(Charts.INK);
			String label = String.valueOf(tick);
			g2.drawString(label, (float) (left - 4 - metrics.stringWidth(label)),
					(float) (y + metrics.getAscent() / 2.0 - 1));
		}
		List<Report.SeriesPoint> points = statement.points();
		double[] xs = new double[points.size()];
		for (int p = 0; p < points.size(); p++) {
			xs[p] = points.size() == 1 ? (left + right) / 2 : left + 12 + p * (right - left - 24) / (points.size() - 1);
		}
		g2.setPaint(LINE);
		g2.setStroke(new BasicStroke(1.6f));
		for (int p = 1; p < points.size(); p++) {
			Integer before = points.get(p - 1).upper();
			Integer after = points.get(p).upper();
			if (before != null && after != null) {
				g2.draw(new Line2D.Double(xs[p - 1], y(before, top, bottom), xs[p], y(after, top, bottom)));
			}
		}
		for (int p = 0; p < points.size(); p++) {
			Report.SeriesPoint point = points.get(p);
			if (point.upper() != null) {
				double y = y(point.upper(), top, bottom);
				g2.setPaint(LINE);
				g2.fill(new Ellipse2D.Double(xs[p] - 2.5, y - 2.5, 5, 5));
				g2.setPaint(Charts.INK);
				String share = point.upper() + "%";
				g2.drawString(share, (float) (xs[p] - metrics.stringWidth(share) / 2.0), (float) (y - 5));
			}
			g2.setPaint(Charts.INK);
			// Each label keeps to its own share of the axis and inside the chart, so
			// that neighbours never run into each other or off the page.
			double slot = points.size() == 1 ? area.getWidth() : (right - left) / (points.size() - 1);
			String[] period = twoLines(point.period());
			for (int l = 0; l < period.length; l++) {
				String said = fitted(period[l], slot - 4, metrics);
				double width = metrics.stringWidth(said);
				double x = Math.max(area.getX(), Math.min(area.getMaxX() - width, xs[p] - width / 2.0));
				g2.drawString(said, (float) x, (float) (bottom + line * (l + 1) + 2));
			}
		}
	}

	private static double y(int share, double top, double bottom) {
		return bottom - share * (bottom - top) / 100.0;
	}

	/**
	 * A period on two lines, broken at the space (or else the dash) nearest its middle:
	 * "September" over "2025", "December 2026" over "(round 2)".
	 */
	static String[] twoLines(String period) {
		int best = -1;
		for (int at = 1; at < period.length() - 1; at++) {
			char c = period.charAt(at);
			boolean breaks = c == ' ' || c == '-' && period.indexOf(' ') < 0;
			if (breaks && (best < 0 || Math.abs(at - period.length() / 2.0) < Math.abs(best - period.length() / 2.0))) {
				best = at;
			}
		}
		if (best < 0) {
			return new String[] { period };
		}
		// A dash stays with the first line; a space goes.
		int first = period.charAt(best) == ' ' ? best : best + 1;
		return new String[] { period.substring(0, first), period.substring(best + 1) };
	}

	/**
	 * The words as they fit in {@code width}, shortened with an ellipsis if they must be.
	 */
	static String fitted(String words, double width, FontMetrics metrics) {
		if (metrics.stringWidth(words) <= width) {
			return words;
		}
		String cut = words;
		while (cut.length() > 1 && metrics.stringWidth(cut + "\u2026") > width) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut.strip() + "\u2026";
	}

}
