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
 * Invariant 14: "since last time" sets a statement's figures beside last time's only
 * where the number of us who answered it is the same, or changed by at least k (the
 * larger k of the two rounds). Otherwise this time's less last time's would describe the
 * few who came or left.
 */
class SinceLastTimeTest {

	private final Questionnaire questionnaire = ReportFixtures.questionnaire();

	private final ReportText text = new ReportText("en");

	/**
	 * 20 members who answer every statement in turn over the scale; then {@code more}
	 * people of the board who all choose its lowest answer.
	 */
	private GroupSummary round(int more, int k) {
		CountTable table = new CountTable(questionnaire);
		table.addPeople("member", 20);
		table.addPeople("board", more);
		for (Item item : questionnaire.items()) {
			if (item.isScale()) {
				List<String> values = item.scale().options().stream().map(o -> o.value()).toList();
				for (int m = 0; m < 20; m++) {
					table.addAnswers(item.id(), "member", values.get((m + 1) % values.size()), 1);
				}
				if (more > 0) {
					table.addAnswers(item.id(), "board", values.get(0), more);
				}
			}
		}
		return new Gate(k, new Random(1)).summarize(table, WrittenAnswers.none());
	}

	private Report.Since since(GroupSummary now, GroupSummary last) {
		return Report
			.of(new ReportInput(now, last, List.of(), "en", "Harbour Peer Circle", null, "Autumn", null, false))
			.since();
	}

	@Test
	void invariant14_oneNewcomerIsNotGivenAwayBySinceLastTime() {
		GroupSummary last = round(0, 5);
		GroupSummary now = round(1, 5);
		// Each round on its own shows every statement for all of us.
		assertThat(now.items()).allMatch(GroupSummary.ItemSummary::shown);
		assertThat(last.items()).allMatch(GroupSummary.ItemSummary::shown);
		Report.Since since = since(now, last);
		assertThat(since.pairs()).hasSize(now.items().size()).allSatisfy(pair -> {
			// Last time's row says "not shown", this time's has its figures.
			assertThat(pair.table().rows().get(0).shown()).isFalse();
			assertThat(pair.table().rows().get(1).shown()).isTrue();
			assertThat(pair.then()).isEqualTo(text.get("report.notShown"));
			assertThat(pair.change()).isEqualTo(text.get("report.since.leftOut"));
			assertThat(pair.shift()).isNull();
		});
		assertThat(since.charts()).isEmpty();
	}

	@Test
	void invariant14_theSamePeopleOrAtLeastKMoreAreSetSideBySide() {
		GroupSummary last = round(0, 5);
		for (int more : new int[] { 0, 5, 9 }) {
			Report.Since since = since(round(more, 5), last);
			assertThat(since.pairs()).as("%d more", more).allSatisfy(pair -> {
				assertThat(pair.table().rows()).allMatch(Report.Row::shown);
				assertThat(pair.change()).isNotEqualTo(text.get("report.since.leftOut"));
			});
		}
	}

	@Test
	void invariant14_fewerThanKMoreOrFewerAreLeftOutWhicheverRoundCameFirst() {
		for (int more : new int[] { 1, 2, 4 }) {
			assertThat(since(round(more, 5), round(0, 5)).pairs()).as("%d more", more)
				.allMatch(pair -> pair.change().equals(text.get("report.since.leftOut")));
			assertThat(since(round(0, 5), round(more, 5)).pairs()).as("%d fewer", more)
				.allMatch(pair -> pair.change().equals(text.get("report.since.leftOut")));
		}
	}

	@Test
	void invariant14_theLargerKOfTheTwoRoundsCounts() {
		// Six more: enough at k = 5, too few beside a round that had k = 7.
		assertThat(since(round(6, 5), round(0, 5)).pairs())
			.noneMatch(pair -> pair.change().equals(text.get("report.since.leftOut")));
		assertThat(since(round(6, 5), round(0, 7)).pairs())
			.allMatch(pair -> pair.change().equals(text.get("report.since.leftOut")));
		assertThat(since(round(6, 7), round(0, 5)).pairs())
			.allMatch(pair -> pair.change().equals(text.get("report.since.leftOut")));
	}

}
