package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.questionnaire.Questionnaire;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spare cards can answer for people who never did, so the cover tells everyone how many
 * cards were printed, how many were used in all, and any printed after the round opened
 * with the steward's reason; and it says nothing the gate hides (DESIGN section 4,
 * residual risk; invariants 6 and 13).
 */
class CardsOnTheCoverTest {

	private final Questionnaire questionnaire = ReportFixtures.questionnaire();

	private final GroupSummary spring = ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, true);

	private Report report(ReportInput.Channels channels) {
		return Report.of(new ReportInput(spring, null, List.of(), "en", "Harbour", "Spring", "March", channels, true));
	}

	private static List<String> codes(Report report) {
		return report.cover()
			.stream()
			.filter(fact -> fact.label().equals("Participation codes"))
			.findFirst()
			.orElseThrow()
			.values();
	}

	@Test
	void cardsPrintedAfterOpeningAreCountedOnTheCoverWithTheirReason() {
		int people = spring.people();
		ReportInput.Channels channels = ReportInput.Channels.of(people + 15, people - 10, 5, 5, 5, people,
				List.of(new ReportInput.CardsAfterOpening(6, "Six people joined at the Tuesday meeting")));
		Report report = report(channels);
		assertThat(codes(report)).containsExactly(
				(people + 15) + " printed, " + people + " used: " + (people - 10)
						+ " online, 5 on the kiosk, 5 on paper.",
				"6 of them were printed after the round opened, because: Six people joined at the Tuesday meeting");
		assertThat(report.thanks()).contains(people + " of the " + (people + 15) + " cards handed out were used");
	}

	/**
	 * Online answers too few to stay hidden from the typist are left out of the figures:
	 * then neither the cover, nor the thanks, nor the kept input says how many used a
	 * card, which would tell how many answered online.
	 */
	@Test
	void whenAnswersAreLeftOutNoCountOfCardsUsedIsSaidOrKept() throws Exception {
		int inFigures = spring.people();
		ReportInput.Channels channels = ReportInput.Channels.of(inFigures + 20, 3, 0, inFigures, 5, inFigures,
				List.of());
		assertThat(channels.used()).isNull();
		assertThat(channels.online()).isNull();
		Report report = report(channels);
		assertThat(codes(report)).containsExactly(
				(inFigures + 20) + " printed. How many were used is not shown, so that every answer stays private.");
		assertThat(report.thanks()).isEqualTo("Thank you to everyone who took part and gave their time to this.");
		String kept = JsonMapper.builder().build().writeValueAsString(channels);
		assertThat(kept).doesNotContain(String.valueOf(inFigures + 3)).contains("\"online\":null");
	}

	/**
	 * An input kept by an earlier version holds the count of every way: the cover checks
	 * them again, and shows none where the answers that did not come on paper are too
	 * few.
	 */
	@Test
	void anInputKeptBeforeShowsNoWayTheRuleHides() {
		int people = spring.people();
		ReportInput.Channels kept = new ReportInput.Channels(people, null, 2, 0, people - 2, null);
		assertThat(codes(report(kept)))
			.containsExactly(people + " printed. How many were used is not shown, so that every answer stays private.");
	}

}
