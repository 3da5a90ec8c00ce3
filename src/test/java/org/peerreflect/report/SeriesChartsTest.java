package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/**
 * A small chart's round labels stay readable and inside their share of the axis, however
 * a round is named: a month and year, a repeated period, or an answers file's name.
 */
class SeriesChartsTest {

	@Test
	void aLabelBreaksAtTheSpaceOrDashNearestItsMiddle() {
		assertThat(SeriesCharts.twoLines("September 2025")).containsExactly("September", "2025");
		assertThat(SeriesCharts.twoLines("December 2026 (round 2)")).containsExactly("December 2026", "(round 2)");
		assertThat(SeriesCharts.twoLines("round-spring-before")).containsExactly("round-spring-", "before");
		assertThat(SeriesCharts.twoLines("2026")).containsExactly("2026");
	}

	@Test
	void aLabelTooWideForItsShareIsShortenedAndSaysSo() {
		Graphics2D g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
		g2.setFont(ReportFonts.awtRegular(Charts.TEXT));
		FontMetrics metrics = g2.getFontMetrics();
		assertThat(SeriesCharts.fitted("March", 200, metrics)).isEqualTo("March");
		String cut = SeriesCharts.fitted("spring-before-the-last-one", 40, metrics);
		assertThat(cut).endsWith("\u2026").startsWith("spr");
		assertThat(metrics.stringWidth(cut)).isLessThanOrEqualTo(40);
		g2.dispose();
	}

}
