package org.peerreflect.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.SeriesGate.Line;
import org.peerreflect.questionnaire.LocalizedText;

/**
 * The series gate: which statements line up across rounds, and which figures it leaves
 * out so that rounds side by side tell no more than each round alone (invariant 14).
 */
class SeriesGateTest {

	private static final LocalizedText WORDS = new LocalizedText(
			Map.of("en", "We listen to each other.", "es", "Nos escuchamos."));

	private static final List<GroupSummary.Option> FOUR = List.of("a", "b", "c", "d")
		.stream()
		.map(v -> new GroupSummary.Option(v, LocalizedText.of("en", v)))
		.toList();

	/**
	 * A round with one statement, "members" of {@code members} people (null: withheld)
	 * and everyone else outside any group; every person answered the statement.
	 */
	private static GroupSummary round(int k, int people, Integer members, LocalizedText words, String memberLabel,
			String principle) {
		Distribution all = spread(people);
		GroupDistribution ofMembers = new GroupDistribution("member", LocalizedText.of("en", memberLabel),
				members == null ? null : spread(members));
		ItemSummary item = new ItemSummary("listen", words, FOUR, LocalizedText.of("en", "Not sure"), all, 0.5,
				List.of(ofMembers), null);
		return new GroupSummary("q", 1, LocalizedText.of("en", "Q"), k, people, LocalizedText.of("en", "I am"),
				List.of(new GroupSummary.Group("member", LocalizedText.of("en", memberLabel), members)),
				List.of(new GroupSummary.PrincipleSummary(principle, LocalizedText.of("en", "P"),
						LocalizedText.of("en", "P"), List.of(item), List.of())));
	}

	private static GroupSummary round(int k, int people, Integer members) {
		return round(k, people, members, WORDS, "Member", "listening");
	}

	/** {@code people} answers spread over the four options, none "not sure". */
	private static Distribution spread(int people) {
		List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0));
		for (int p = 0; p < people; p++) {
			counts.set(p % 4, counts.get(p % 4) + 1);
		}
		return new Distribution(people, counts, 0);
	}

	private static Line only(List<GroupSummary> rounds) {
		List<Line> lines = SeriesGate.lines(rounds);
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

	private static boolean allShown(Line line, int round) {
		return line.rounds().get(round).shown();
	}

	private static boolean membersShown(Line line, int round) {
		return line.rounds().get(round).groups().get(0).shown();
	}

	@Test
	void aStatementAskedAlikeLinesUpOverEveryRound() {
		Line line = only(List.of(round(5, 20, 10), round(5, 20, 10), round(5, 20, 10)));
		assertThat(line.restartedAfter()).isEqualTo(-1);
		assertThat(line.reworded()).isFalse();
		assertThat(line.rounds()).hasSize(3).allSatisfy(item -> assertThat(item.shown()).isTrue());
	}

	@Test
	void aChangedWordingInAnyLanguageStartsTheSeriesAgain() {
		LocalizedText otherSpanish = new LocalizedText(
				Map.of("en", "We listen to each other.", "es", "Nos escuchamos entre todas las personas."));
		Line line = only(List.of(round(5, 20, 10), round(5, 20, 10, otherSpanish, "Member", "listening"),
				round(5, 20, 10, otherSpanish, "Member", "listening")));
		assertThat(line.reworded()).isTrue();
		assertThat(line.restartedAfter()).isZero();
		assertThat(line.from()).isEqualTo(1);
		assertThat(line.rounds().get(0)).isNull();
		assertThat(allShown(line, 1)).isTrue();
	}

	@Test
	void aStatementMovedToAnotherPrincipleStartsTheSeriesAgain() {
		Line line = only(List.of(round(5, 20, 10), round(5, 20, 10, WORDS, "Member", "another")));
		assertThat(line.reworded()).isTrue();
		assertThat(line.from()).isEqualTo(1);
		assertThat(SeriesGate.fingerprint("listening", round(5, 20, 10).items().get(0)))
			.isNotEqualTo(SeriesGate.fingerprint("another", round(5, 20, 10).items().get(0)));
	}

	@Test
	void aRenamedGroupStaysOneGroupAcrossTheSeries() {
		Line line = only(List.of(round(5, 20, 10, WORDS, "Member", "listening"),
				round(5, 20, 10, WORDS, "Member of the circle", "listening")));
		assertThat(line.from()).isZero();
		assertThat(membersShown(line, 0)).isTrue();
		assertThat(membersShown(line, 1)).isTrue();
	}

	@Test
	void roundsOfDifferentKLineUpAndTheLargerKGuardsThem() {
		// 4 apart: enough at k 3 and 4, not at k 5, the larger of 3 and 5.
		Line line = only(List.of(round(3, 20, 10), round(5, 24, 10)));
		assertThat(line.from()).isZero();
		assertThat(allShown(line, 0)).isFalse();
		assertThat(allShown(line, 1)).isFalse();
		assertThat(only(List.of(round(3, 20, 10), round(4, 24, 10))).rounds())
			.allSatisfy(item -> assertThat(item.shown()).isTrue());
	}

	@Test
	void aGroupThatChangedByKLessOneIsLeftOutBothSides() {
		Line line = only(List.of(round(5, 30, 10), round(5, 30, 14)));
		assertThat(membersShown(line, 0)).isFalse();
		assertThat(membersShown(line, 1)).isFalse();
		// All of us stayed the same: still shown.
		assertThat(allShown(line, 0)).isTrue();
		assertThat(allShown(line, 1)).isTrue();
	}

	@Test
	void aGroupThatChangedByKIsShown() {
		Line line = only(List.of(round(5, 30, 10), round(5, 30, 15)));
		assertThat(membersShown(line, 0)).isTrue();
		assertThat(membersShown(line, 1)).isTrue();
	}

	@Test
	void aGroupThatDidNotChangeIsShown() {
		Line line = only(List.of(round(5, 30, 10), round(5, 35, 10)));
		assertThat(membersShown(line, 0)).isTrue();
		assertThat(membersShown(line, 1)).isTrue();
		assertThat(allShown(line, 1)).isTrue();
	}

	@Test
	void allOfUsChangedByFewerThanKIsLeftOut() {
		Line line = only(List.of(round(5, 30, 10), round(5, 31, 10), round(5, 40, 10)));
		assertThat(allShown(line, 0)).isFalse();
		assertThat(allShown(line, 1)).isFalse();
		// Its neighbour left out, the third round stands alone and is shown.
		assertThat(allShown(line, 2)).isTrue();
		assertThat(membersShown(line, 2)).isTrue();
	}

	@Test
	void aGroupIsInTheSeriesOnlyWhereItWasShownAndItsNeighboursAreTheShownRounds() {
		// Withheld in the middle round: the first and last rounds are neighbours, 3
		// apart.
		Line line = only(List.of(round(5, 30, 10), round(5, 30, null), round(5, 30, 13)));
		assertThat(membersShown(line, 1)).isFalse();
		assertThat(membersShown(line, 0)).isFalse();
		assertThat(membersShown(line, 2)).isFalse();
		Line apart = only(List.of(round(5, 30, 10), round(5, 30, null), round(5, 30, 15)));
		assertThat(membersShown(apart, 0)).isTrue();
		assertThat(membersShown(apart, 1)).isFalse();
		assertThat(membersShown(apart, 2)).isTrue();
	}

	@Test
	void leavingOutMakesNewNeighboursWhichAreCheckedInTurn() {
		// 20 and 22 are 2 apart: both out; then 10 and 13 are neighbours, 3 apart: out
		// too.
		Line line = only(List.of(round(5, 30, 10), round(5, 30, 20), round(5, 30, 22), round(5, 30, 13)));
		for (int r = 0; r < 4; r++) {
			assertThat(membersShown(line, r)).as("round %d", r).isFalse();
		}
	}

	@Test
	void atMostTheLastFiveRoundsAreRead() {
		List<GroupSummary> six = new ArrayList<>();
		for (int r = 0; r < 6; r++) {
			six.add(round(5, 20, 10));
		}
		assertThat(only(six).rounds()).hasSize(SeriesGate.MOST_ROUNDS);
	}

	@Test
	void theGateNeverShowsAFigureItsRoundWithheld() {
		GroupSummary withheld = round(5, 20, null);
		Line line = only(List.of(round(5, 20, 10), withheld));
		assertThat(membersShown(line, 1)).isFalse();
		assertThat(line.rounds().get(1).all()).isSameAs(withheld.items().get(0).all());
	}

}
