package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * Every round in view, as the report model holds it: each figure is the one its round
 * published, worked out with the report's one rounding; a reworded statement starts its
 * series again and the report says so; agreements stand at the round they were made
 * after.
 */
class SeriesContentTest {

	private final Questionnaire questionnaire = ReportFixtures.questionnaire();

	private final ReportInput input = ReportFixtures.seriesInput(questionnaire, "en");

	private final Report.Series series = Report.of(input).series();

	/** The share of upper two answers, half up, worked out here on its own. */
	private static int upper(Distribution d) {
		int n = d.counts().size();
		int chose = d.counts().get(n - 1) + d.counts().get(n - 2);
		return (int) Math.floor(100.0 * chose / d.people() + 0.5);
	}

	private static ItemSummary item(GroupSummary summary, String id) {
		return summary.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void everyRoundIsNamedByItsPeriodOldestFirst() {
		assertThat(series.periods()).containsExactly("March 2025", "September 2025", "March 2026");
		assertThat(Report.of(input).parts()).containsSubsequence(Report.Part.SINCE, Report.Part.SERIES);
	}

	@Test
	void everyFigureIsTheOneItsRoundPublished() {
		List<GroupSummary> rounds = List.of(input.earlier().get(0).summary(), input.earlier().get(1).summary(),
				input.current());
		assertThat(series.statements()).isNotEmpty();
		int checked = 0;
		for (Report.SeriesStatement statement : series.statements()) {
			int first = rounds.size() - statement.points().size();
			for (int p = 0; p < statement.points().size(); p++) {
				Report.SeriesPoint point = statement.points().get(p);
				ItemSummary published = item(rounds.get(first + p), statement.id());
				if (point.shown()) {
					assertThat(point.upper()).as("%s, %s", statement.id(), point.period())
						.isEqualTo(upper(published.all()));
					assertThat(point.notSure()).isEqualTo(
							(int) Math.floor(100.0 * published.all().notSure() / published.all().people() + 0.5));
					assertThat(point.people()).isEqualTo(published.all().people());
					checked++;
				}
				else {
					assertThat(point.notSure()).isNull();
					assertThat(point.people()).isNull();
				}
			}
		}
		assertThat(checked).isGreaterThan(series.statements().size());
	}

	@Test
	void aRewordedStatementStartsItsSeriesAgainAndTheReportSaysSo() {
		Report.SeriesStatement reworded = series.statements()
			.stream()
			.filter(s -> s.id().equals("fr-1"))
			.findFirst()
			.orElseThrow();
		assertThat(reworded.points()).extracting(Report.SeriesPoint::period)
			.containsExactly("September 2025", "March 2026");
		assertThat(series.notes()).anySatisfy(
				note -> assertThat(note).contains("after March 2025").contains("starts again from September 2025"));
		Report.SeriesStatement unchanged = series.statements()
			.stream()
			.filter(s -> s.id().equals("fr-2"))
			.findFirst()
			.orElseThrow();
		assertThat(unchanged.points()).hasSize(3);
	}

	@Test
	void whatWeAgreedStandsAtTheRoundItWasAgreedAfter() {
		Report.SeriesStatement about = series.statements()
			.stream()
			.filter(s -> s.id().equals("fr-3"))
			.findFirst()
			.orElseThrow();
		assertThat(about.points().get(1).agreed()).singleElement().asString().startsWith("Rotate who leads");
		assertThat(about.points().get(0).agreed()).isEmpty();
		assertThat(about.points().get(2).agreed()).isEmpty();
	}

	@Test
	void aReportWithNoEarlierRoundHasNoSeries() {
		ReportInput alone = new ReportInput(input.current(), input.previous(), input.agreements(), "en", null, null,
				"March 2026", null, true);
		assertThat(Report.of(alone).series()).isNull();
		assertThat(Report.of(alone).parts()).doesNotContain(Report.Part.SERIES);
	}

	@Test
	void inSpanishTheSeriesSpeaksSpanish() {
		Report.Series spanish = Report.of(ReportFixtures.seriesInput(questionnaire, "es")).series();
		assertThat(spanish.title()).isEqualTo("Todas las rondas a la vista");
		assertThat(spanish.notes()).anySatisfy(note -> assertThat(note).contains("empieza de nuevo"));
	}

}
