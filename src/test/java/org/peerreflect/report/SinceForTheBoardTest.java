package org.peerreflect.report;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.questionnaire.Questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Since last time" answers the board's question, did what we agreed to try move: the
 * agreements first with their statements then and now, how the other statements moved
 * counted up, down and within chance (never averaged), the size of change chance alone
 * can show worked out from the two rounds' own counts, and every statement in the
 * questionnaire's order with "not sure" apart.
 */
class SinceForTheBoardTest {

	private static final Questionnaire QUESTIONNAIRE = ReportFixtures.questionnaire();

	private static final GroupSummary SPRING = ReportFixtures.summary(QUESTIONNAIRE, ReportFixtures.SPRING, true);

	private static final GroupSummary AUTUMN = ReportFixtures.summary(QUESTIONNAIRE, ReportFixtures.AUTUMN, true);

	private static Report.Since since(String language) {
		return Report
			.of(new ReportInput(SPRING, AUTUMN, ReportFixtures.agreements(), language, "Harbour Peer Circle", null,
					"Spring 2026", null, true))
			.since();
	}

	@Test
	void chanceIsWorkedOutFromTheTwoRoundsOwnCounts() {
		// 1.96 × √(0.25/40 + 0.25/45) × 100 = 21.3.
		assertThat(SinceContent.chanceMargin(40, 45)).isEqualTo(21);
		// 1.96 × √(0.25/5 + 0.25/5) × 100 = 62.0.
		assertThat(SinceContent.chanceMargin(5, 5)).isEqualTo(62);
		// 1.96 × √(0.25/400 + 0.25/400) × 100 = 6.9.
		assertThat(SinceContent.chanceMargin(400, 400)).isEqualTo(7);
		Report.Since since = since("en");
		int margin = SinceContent.chanceMargin(AUTUMN.people(), SPRING.people());
		assertThat(since.chance())
			.startsWith("With " + AUTUMN.people() + " of us last time and " + SPRING.people()
					+ " this time, a share can move by up to " + margin + " points")
			.contains("1.96 × √(0.25 ÷ " + AUTUMN.people() + " + 0.25 ÷ " + SPRING.people() + ") × 100");
	}

	@Test
	void theAgreementsComeFirstWithTheirStatementsAndTheOthersAreCountedNeverAveraged() {
		Report.Since since = since("en");
		List<ReportInput.Agreement> agreements = ReportFixtures.agreements();
		assertThat(since.moves()).extracting(Report.AgreedMove::agreement)
			.containsExactlyElementsOf(agreements.stream().map(ReportInput.Agreement::text).toList());
		for (int a = 0; a < agreements.size(); a++) {
			ReportInput.Agreement agreement = agreements.get(a);
			assertThat(since.moves().get(a).statements()).extracting(Report.SincePair::id)
				.containsExactlyElementsOf(
						since.pairs().stream().map(Report.SincePair::id).filter(agreement::about).toList());
		}
		int margin = SinceContent.chanceMargin(AUTUMN.people(), SPRING.people());
		List<Report.SincePair> others = since.pairs()
			.stream()
			.filter(pair -> pair.agreed().isEmpty() && pair.shift() != null)
			.toList();
		long up = others.stream().filter(pair -> pair.shift() > margin).count();
		long down = others.stream().filter(pair -> pair.shift() < -margin).count();
		assertThat(since.others()).isEqualTo(new ReportText("en").get("report.since.others", others.size(), up, down,
				margin, others.size() - up - down));
		// Moved means beyond chance, and nothing else.
		assertThat(since.pairs()).allSatisfy(
				pair -> assertThat(pair.moved()).isEqualTo(pair.shift() != null && Math.abs(pair.shift()) > margin));
		// No average, no net score, no arrows.
		String all = KeptReport.write(Report.of(new ReportInput(SPRING, AUTUMN, ReportFixtures.agreements(), "en",
				"Harbour Peer Circle", null, "Spring 2026", null, true)));
		assertThat(all).doesNotContainIgnoringCase("average")
			.doesNotContainIgnoringCase("net score")
			.doesNotContainPattern("[\\u2190-\\u21ff\\u25b2\\u25bc]");
	}

	@Test
	void everyStatementInTheQuestionnairesOrderWithNotSureApartInBothLanguages() {
		for (String language : List.of("en", "es")) {
			Report.Since since = since(language);
			assertThat(since.pairs()).extracting(Report.SincePair::id)
				.containsExactlyElementsOf(SPRING.items().stream().map(GroupSummary.ItemSummary::id).toList());
			assertThat(since.header()).hasSize(6);
			for (Report.SincePair pair : since.pairs()) {
				GroupSummary.ItemSummary now = SPRING.items()
					.stream()
					.filter(i -> i.id().equals(pair.id()))
					.findFirst()
					.orElseThrow();
				assertThat(pair.principle()).isNotBlank();
				if (pair.shift() != null) {
					assertThat(pair.notSureNow())
						.isEqualTo(OneReportModelTest.halfUp(now.all().notSure(), now.all().people()) + "%");
				}
			}
			// The charts set the statements side by side in the same order.
			List<String> charted = since.charts()
				.stream()
				.flatMap(chart -> chart.bars().bars().stream())
				.map(Report.Bar::label)
				.filter(label -> !label.equals(new ReportText(language).get("report.since.barLast")))
				.toList();
			assertThat(charted).containsExactlyElementsOf(
					since.pairs().stream().filter(pair -> pair.shift() != null).map(Report.SincePair::text).toList());
		}
	}

}
