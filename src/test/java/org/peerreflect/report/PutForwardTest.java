package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.peerreflect.gate.CountTable;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * What the report puts before the room ("where our views differ most", projected at the
 * meeting) never features a statement that all but one of a shown group answered alike:
 * the one who answered otherwise would read there what each of the others said.
 */
class PutForwardTest {

	private static final String ONE_APART = "np-1";

	private static final String SPLIT = "np-2";

	/**
	 * 20 members and 6 staff, both shown. np-1 and np-2: the members split between the
	 * two ends; on np-1 five staff chose the top and one the bottom, on np-2 they split
	 * three and three. Every other statement: most chose the middle.
	 */
	private static GroupSummary summary(Questionnaire questionnaire) {
		CountTable table = new CountTable(questionnaire);
		table.addPeople("member", 20);
		table.addPeople("staff", 6);
		for (Item item : questionnaire.items()) {
			if (!item.isScale()) {
				continue;
			}
			List<String> v = item.scale().options().stream().map(o -> o.value()).toList();
			String low = v.get(0);
			String high = v.get(v.size() - 1);
			String middle = v.get(v.size() / 2);
			if (item.id().equals(ONE_APART) || item.id().equals(SPLIT)) {
				table.addAnswers(item.id(), "member", low, 10);
				table.addAnswers(item.id(), "member", high, 10);
				boolean oneApart = item.id().equals(ONE_APART);
				table.addAnswers(item.id(), "staff", high, oneApart ? 5 : 3);
				table.addAnswers(item.id(), "staff", low, oneApart ? 1 : 3);
			}
			else {
				table.addAnswers(item.id(), "member", middle, 14);
				table.addAnswers(item.id(), "member", v.get(1), 3);
				table.addAnswers(item.id(), "member", v.get(v.size() - 2), 3);
				table.addAnswers(item.id(), "staff", middle, 4);
				table.addAnswers(item.id(), "staff", v.get(1), 1);
				table.addAnswers(item.id(), "staff", v.get(v.size() - 2), 1);
			}
		}
		return new Gate(5, new Random(5)).summarize(table, WrittenAnswers.none());
	}

	@Test
	void aStatementThatAllButOneOfAShownGroupAnsweredAlikeIsNeverPutForward() {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		GroupSummary summary = summary(questionnaire);
		GroupSummary.ItemSummary oneApart = item(summary, ONE_APART);
		// Shown, with both groups: the gate does not block it.
		assertThat(oneApart.groups()).filteredOn(GroupSummary.GroupDistribution::shown).hasSize(2);
		assertThat(summary.allButOneAlike(oneApart)).isTrue();
		assertThat(summary.allButOneAlike(item(summary, SPLIT))).isFalse();

		ReportText text = new ReportText("en");
		Report report = Report
			.of(new ReportInput(summary, null, List.of(), "en", "Harbour Peer Circle", null, "Spring", null, false));
		List<String> featured = report.differ().items().stream().map(Report.DifferItem::text).toList();
		// Split as much as np-2, and its groups as far apart: only all but one alike
		// keeps it out.
		assertThat(featured).contains(text.of(item(summary, SPLIT).text())).doesNotContain(text.of(oneApart.text()));
		assertThat(DifferContent.splits(summary, 10)).doesNotContain(oneApart);
		assertThat(DifferContent.groupGaps(summary, 10)).noneMatch(gap -> gap.item().equals(oneApart));
		assertThat(DifferContent.unsure(summary, 10)).doesNotContain(oneApart);
		assertThat(DifferContent.fewUpper(summary, 10)).doesNotContain(oneApart);
		assertThat(DifferContent.placesToStart(summary, 30)).noneMatch(place -> place.item().equals(oneApart));
		// The statement itself is still in the report, with its figures.
		assertThat(report.principles()).flatMap(Report.PrincipleBlock::items)
			.filteredOn(block -> block.id().equals(ONE_APART))
			.singleElement()
			.satisfies(block -> assertThat(block.table()).isNotNull());
	}

	@Test
	void manyNotSureButAllButOneOfAShownGroupAlikeIsNotPutForwardEither() {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		CountTable table = new CountTable(questionnaire);
		table.addPeople("member", 20);
		table.addPeople("staff", 6);
		for (Item item : questionnaire.items()) {
			if (item.isScale()) {
				String middle = item.scale().options().get(2).value();
				table.addAnswers(item.id(), "member", middle, 12);
				table.addAnswers(item.id(), "member", "not-sure", 8);
				table.addAnswers(item.id(), "staff", "not-sure", item.id().equals(ONE_APART) ? 5 : 3);
				table.addAnswers(item.id(), "staff", middle, item.id().equals(ONE_APART) ? 1 : 3);
			}
		}
		GroupSummary summary = new Gate(5, new Random(5)).summarize(table, WrittenAnswers.none());
		assertThat(DifferContent.unsure(summary, 50)).isNotEmpty().doesNotContain(item(summary, ONE_APART));
	}

	private static GroupSummary.ItemSummary item(GroupSummary summary, String id) {
		return summary.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
	}

}
