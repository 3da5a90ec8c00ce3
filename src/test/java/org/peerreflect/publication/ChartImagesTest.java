package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.questionnaire.LocalizedText;
import org.peerreflect.report.Report;
import org.peerreflect.report.ReportInput;

/**
 * A published report never changes, so each of its pictures is drawn once and then kept.
 */
class ChartImagesTest {

	private static ReportInput report() {
		LocalizedText text = LocalizedText.of("en", "We share what we hope for.");
		List<GroupSummary.Option> options = List.of("a", "b", "c", "d")
			.stream()
			.map(v -> new GroupSummary.Option(v, LocalizedText.of("en", v)))
			.toList();
		ItemSummary item = new ItemSummary("w-one", text, options, LocalizedText.of("en", "Not sure"),
				new Distribution(6, List.of(3, 0, 0, 3), 0), 1.0, List.of(), null);
		GroupSummary summary = new GroupSummary("audit", 1, text, 5, 6, null, List.of(),
				List.of(new GroupSummary.PrincipleSummary("whole", text, text, List.of(item), List.of())));
		return new ReportInput(summary, null, List.of(), "en", "Circle", "Spring", "May", null, true);
	}

	@Test
	void aChartIsDrawnOnceAndKeptForTheNextReader() {
		ChartImages charts = new ChartImages();
		UUID round = UUID.randomUUID();
		byte[] first = charts.png(round, Report.of(report()), 0, false);
		assertThat(first).isNotEmpty();
		assertThat(charts.png(round, Report.of(report()), 0, false)).isSameAs(first);
		assertThat(charts.png(round, Report.of(report()), 0, true)).isNotSameAs(first);
		assertThat(charts.png(round, Report.of(report()), 99, false)).isNull();
	}

}
