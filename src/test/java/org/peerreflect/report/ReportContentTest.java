package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.GroupSummary.PrincipleSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.answers.AnswerRow;

/**
 * The sentences and lists the PDF and the workbook share, worked out from the example
 * round.
 */
class ReportContentTest {

	private final GroupSummary spring = ReportFixtures.summary(ReportFixtures.questionnaire(), ReportFixtures.SPRING,
			false);

	private final ReportText text = new ReportText("en");

	@Test
	void aPrinciplesSentenceNamesTheAnswerGivenMostOftenOverItsItems() {
		for (PrincipleSummary principle : spring.principles()) {
			int options = principle.items().get(0).options().size();
			int[] totals = new int[options];
			int answers = 0;
			for (ItemSummary item : principle.items()) {
				for (int o = 0; o < options; o++) {
					totals[o] += item.all().counts().get(o);
				}
				answers += item.all().people();
			}
			int best = 0;
			for (int o = 1; o < options; o++) {
				best = totals[o] > totals[best] ? o : best;
			}
			String label = text.of(principle.items().get(0).options().get(best).label());
			assertThat(ReportContent.principleSentence(principle, text))
				.isEqualTo(text.of(principle.title()) + ": the answer we gave most often was \"" + label + "\" ("
						+ ReportContent.percent(totals[best], answers) + "% of our answers).");
		}
	}

	@Test
	void thePrinciplesOfARoundWithTooFewPeopleHaveNoSentence() {
		List<AnswerRow> four = ReportFixtures.rows(ReportFixtures.questionnaire(), ReportFixtures.SPRING).subList(0, 4);
		GroupSummary tiny = new Gate(5).summarize(ReportFixtures.countTable(ReportFixtures.questionnaire(), four),
				WrittenAnswers.none());
		assertThat(tiny.principles()).allSatisfy(p -> assertThat(ReportContent.principleSentence(p, text)).isNull());
	}

	/**
	 * The bands the words come from: near-agreement (neighbouring answers, or almost all
	 * of us on the top two) reads as close; an even spread over the scale as differing a
	 * lot.
	 */
	@Test
	void howMuchViewsDifferIsSaidInBandsWhereNearAgreementReadsAsAgreement() {
		String close = text.get("report.spread.close");
		String some = text.get("report.spread.some");
		String wide = text.get("report.spread.wide");
		// 38 of 40 chose "mostly" or "very true", evenly; two chose the lowest two.
		assertThat(words(1, 1, 0, 19, 19)).isEqualTo(close);
		// Split between two neighbouring answers.
		assertThat(words(0, 0, 20, 20, 0)).isEqualTo(close);
		assertThat(words(0, 10, 10, 10, 10)).isEqualTo(some);
		assertThat(words(8, 8, 8, 8, 8)).isEqualTo(wide);
		assertThat(words(20, 0, 0, 0, 20)).isEqualTo(wide);
		// The edges, as "How to read this" gives them.
		assertThat(ReportContent.spreadWords(ReportContent.CLOSE_BELOW - 0.001, text)).isEqualTo(close);
		assertThat(ReportContent.spreadWords(ReportContent.CLOSE_BELOW, text)).isEqualTo(some);
		assertThat(ReportContent.spreadWords(ReportContent.WIDE_FROM, text)).isEqualTo(wide);
		assertThat(String.join(" ", ReportContent.howToRead(spring, text)))
			.contains("Below 0.35 we say \"our views are close\"")
			.contains("From 0.60 up we say \"our views differ a lot\"");
	}

	private String words(long... counts) {
		return ReportContent.spreadWords(org.peerreflect.gate.OrdinalSpread.leik(counts), text);
	}

}
