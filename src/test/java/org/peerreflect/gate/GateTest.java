package org.peerreflect.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.questionnaire.Questionnaire;

/** The gate, rule by rule (DESIGN section 4, invariants 7, 8 and 9). */
class GateTest {

	private final Questionnaire questionnaire = TestQuestionnaires.small();

	private final Gate gate = new Gate(5, new Random(7));

	/** Adds {@code n} people of a perspective who all gave {@code answer} to item a-1. */
	private static void people(CountTable table, String perspective, int n, String answer) {
		table.addPeople(perspective, n);
		if (answer != null) {
			table.addAnswers("a-1", perspective, answer, n);
		}
	}

	private static List<String> shownGroups(ItemSummary item) {
		return item.groups().stream().filter(GroupDistribution::shown).map(GroupDistribution::value).toList();
	}

	@Nested
	class Invariant7_KCountsPeople {

		@Test
		void aRoundWithFewerThanKPeopleShowsNoResults() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 4, "3");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.resultsShown()).isFalse();
			assertThat(summary.people()).isNull();
			assertThat(summary.items()).allSatisfy(item -> assertThat(item.shown()).isFalse());
			assertThat(summary.groups()).allSatisfy(group -> assertThat(group.shown()).isFalse());
		}

		@Test
		void manyAnswersFromFewPeopleStillShowNothing() {
			CountTable table = new CountTable(questionnaire);
			table.addPeople("member", 4);
			// 4 people, but 12 answers over three items: k counts the people.
			for (String item : List.of("a-1", "a-2", "b-1")) {
				table.addAnswers(item, "member", "2", 4);
			}
			assertThat(gate.summarize(table, WrittenAnswers.none()).items()).noneMatch(ItemSummary::shown);
		}

		@Test
		void anItemAnsweredByFewerThanKShowsNoDistribution() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			// Four different answers, so that no rule about answers given alike could be
			// what hides them: only their number does.
			table.addAnswers("a-2", "member", "1", 1);
			table.addAnswers("a-2", "member", "2", 1);
			table.addAnswers("a-2", "member", "3", 1);
			table.addAnswers("a-2", "member", "not-sure", 1);
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.people()).isEqualTo(20);
			assertThat(item(summary, "a-1").all().people()).isEqualTo(20);
			assertThat(item(summary, "a-1").all().counts()).containsExactly(0, 0, 20);
			assertThat(item(summary, "a-2").shown()).isFalse();
			assertThat(item(summary, "a-2").all()).isNull();
			assertThat(item(summary, "a-2").spread()).isNull();
		}

		@Test
		void anItemAnsweredByExactlyKShowsItsDistribution() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			table.addAnswers("a-2", "member", "1", 2);
			table.addAnswers("a-2", "member", "2", 2);
			table.addAnswers("a-2", "member", "not-sure", 1);
			ItemSummary a2 = item(gate.summarize(table, WrittenAnswers.none()), "a-2");
			assertThat(a2.all().counts()).containsExactly(2, 2, 0);
			assertThat(a2.all().notSure()).isEqualTo(1);
		}

		@Test
		void aRoundOfKMinusOnePeopleWhoAnsweredDifferentlyShowsNothing() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 2, "1");
			people(table, "staff", 1, "2");
			people(table, null, 1, "3");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.people()).isNull();
			assertThat(summary.items()).noneMatch(ItemSummary::shown);
			people(table, null, 1, "not-sure");
			assertThat(gate.summarize(table, WrittenAnswers.none()).people()).as("k people").isEqualTo(5);
		}

		@Test
		void notSureCountsAsAnAnswer() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 3, "2");
			people(table, null, 2, "not-sure");
			ItemSummary a1 = item(gate.summarize(table, WrittenAnswers.none()), "a-1");
			assertThat(a1.all().people()).isEqualTo(5);
			assertThat(a1.all().notSure()).isEqualTo(2);
			assertThat(a1.all().counts()).containsExactly(0, 3, 0);
		}

		@Test
		void kIsNeverBelowThree() {
			assertThatThrownBy(() -> new Gate(2)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("never below 3");
			assertThat(new Gate(3).minGroupSize()).isEqualTo(3);
		}

	}

	@Nested
	class Invariant8_Perspectives {

		@Test
		void groupsOf20_6_4ShowOnlyThe20() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			people(table, "staff", 6, "3");
			people(table, "board", 4, "3");
			ItemSummary a1 = item(gate.summarize(table, WrittenAnswers.none()), "a-1");
			assertThat(shownGroups(a1)).containsExactly("member");
		}

		@Test
		void groupsOf20_6_6WithTwoOfNoGroupShow20AndTheFirst6() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			people(table, "staff", 6, "2");
			people(table, "volunteer", 6, "1");
			people(table, null, 2, "3");
			ItemSummary a1 = item(gate.summarize(table, WrittenAnswers.none()), "a-1");
			assertThat(shownGroups(a1)).containsExactly("member", "staff");
		}

		@Test
		void groupsOf20_6_4WithOneOfNoGroupShowOnlyThe20() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			people(table, "staff", 6, "3");
			people(table, "board", 4, "3");
			people(table, null, 1, "3");
			ItemSummary a1 = item(gate.summarize(table, WrittenAnswers.none()), "a-1");
			assertThat(shownGroups(a1)).containsExactly("member");
		}

		/**
		 * Secondary suppression withholds one group at a time: 20/5/4/4 leaves 8 outside,
		 * 4 once the largest small group is left out; withholding the 5 makes it 9, and
		 * the members stay.
		 */
		@Test
		void groupsOf20_5_4_4ShowTheMembersAfterWithholdingThe5() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, null);
			people(table, "staff", 5, null);
			people(table, "volunteer", 4, null);
			people(table, "board", 4, null);
			assertThat(roundGroupsShown(gate.summarize(table, WrittenAnswers.none()))).containsExactly("member");
		}

		/**
		 * 20/5/4: the 5 are withheld for the round by secondary suppression, not for
		 * being under k. On each item the members stay shown: outside them are 9, and 5
		 * once the largest group under k (the 4) is left out; the 5 are not that group.
		 */
		@Test
		void aGroupOfExactlyKWithheldForTheOthersIsNotTakenForAGroupUnderK() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 7, "1");
			people(table, "member", 7, "2");
			people(table, "member", 6, "3");
			people(table, "staff", 3, "1");
			people(table, "staff", 2, "2");
			people(table, "board", 2, "3");
			people(table, "board", 2, "1");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(roundGroupsShown(summary)).containsExactly("member");
			assertThat(shownGroups(item(summary, "a-1"))).containsExactly("member");
		}

		/**
		 * 20/6/4 with the 4 all on paper: nothing of theirs is online, but the rule for
		 * everyone still withholds the 6.
		 */
		@Test
		void groupsOf20_6_4WithTheFourOnPaperStillShowOnlyThe20() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, null);
			people(table, "staff", 6, null);
			table.addPeople("board", true, 4);
			assertThat(roundGroupsShown(gate.summarize(table, WrittenAnswers.none()))).containsExactly("member");
		}

		/** The smallest shown group is withheld first, even when it is listed first. */
		@Test
		void theSmallestShownGroupGoesFirstWhereverItIsListed() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 6, null);
			people(table, "staff", 20, null);
			people(table, "board", 4, null);
			assertThat(roundGroupsShown(gate.summarize(table, WrittenAnswers.none()))).containsExactly("staff");
		}

		@Test
		void everyoneInShownGroupsShowsThemAll() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 8, "3");
			people(table, "staff", 5, "1");
			ItemSummary a1 = item(gate.summarize(table, WrittenAnswers.none()), "a-1");
			assertThat(shownGroups(a1)).containsExactly("member", "staff");
		}

		@Test
		void preferNotToSayIsNeverAGroup() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 10, "3");
			people(table, "prefer-not-to-say", 10, "3");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(item(summary, "a-1").groups()).extracting(GroupDistribution::value)
				.doesNotContain("prefer-not-to-say");
			assertThat(summary.groups()).extracting(GroupSummary.Group::value).doesNotContain("prefer-not-to-say");
			assertThat(shownGroups(item(summary, "a-1"))).containsExactly("member");
		}

		@Test
		void groupsAreDecidedItemByItem() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			people(table, "staff", 6, "3");
			table.addAnswers("a-2", "member", "2", 20);
			table.addAnswers("a-2", "staff", "2", 3);
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(shownGroups(item(summary, "a-1"))).containsExactly("member", "staff");
			// Only 3 staff answered a-2: staff is withheld, and with 3 outside, so is
			// everyone else.
			assertThat(shownGroups(item(summary, "a-2"))).isEmpty();
		}

		@Test
		void aWithheldGroupHasNoFiguresAtAll() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			people(table, "board", 4, "1");
			people(table, "staff", 6, "2");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(item(summary, "a-1").groups()).filteredOn(g -> !g.shown())
				.allSatisfy(g -> assertThat(g.distribution()).isNull());
			assertThat(summary.groups()).filteredOn(g -> g.value().equals("board"))
				.allSatisfy(g -> assertThat(g.people()).isNull());
		}

		@Test
		void aGroupWithheldForTheRoundStaysWithheldOnEveryItem() {
			// 20 members and 6 staff answer a-1; 4 board members skip it and answer a-2
			// only.
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			people(table, "staff", 6, "2");
			table.addPeople("board", 4);
			table.addAnswers("a-2", "board", "1", 4);
			table.addAnswers("a-2", "member", "3", 20);
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			// For the round, staff is withheld: otherwise 30 - 20 - 6 would give the
			// board's 4.
			assertThat(summary.groups()).filteredOn(GroupSummary.Group::shown)
				.extracting(GroupSummary.Group::value)
				.containsExactly("member");
			// On a-1 alone staff would pass the rule, but showing its 6 there would give
			// the same away.
			assertThat(shownGroups(item(summary, "a-1"))).containsExactly("member");
			assertThat(shownGroups(item(summary, "a-2"))).isEmpty();
		}

		@Test
		void roundLevelGroupSizesFollowTheSameRule() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, null);
			people(table, "staff", 6, null);
			people(table, "board", 4, null);
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.groups()).filteredOn(GroupSummary.Group::shown)
				.extracting(GroupSummary.Group::value)
				.containsExactly("member");
		}

	}

	@Nested
	class Invariant9_WrittenAnswers {

		@Test
		void fewerThanKWrittenAnswersAreNotShown() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 10, "3");
			WrittenAnswers written = WrittenAnswers.none();
			for (int i = 0; i < 4; i++) {
				written.add("a-say", "answer " + i);
			}
			GroupSummary.WrittenSummary say = gate.summarize(table, written).written().get(0);
			assertThat(say.shown()).isFalse();
			assertThat(say.answers()).isEmpty();
		}

		@Test
		void kWrittenAnswersAreShownShuffled() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 10, "3");
			WrittenAnswers written = WrittenAnswers.none();
			List<String> given = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				given.add("answer " + i);
				written.add("a-say", "answer " + i);
			}
			GroupSummary.WrittenSummary say = gate.summarize(table, written).written().get(0);
			assertThat(say.shown()).isTrue();
			assertThat(say.answers()).containsExactlyInAnyOrderElementsOf(given).isNotEqualTo(given);
		}

		@Test
		void anAnswerWhollyRemovedStopsCounting() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 10, "3");
			WrittenAnswers written = WrittenAnswers.none();
			for (int i = 0; i < 4; i++) {
				written.add("a-say", "answer " + i);
			}
			written.add("a-say", "[removed] [removed].");
			assertThat(gate.summarize(table, written).written().get(0).shown()).isFalse();
			written.add("a-say", "Thanks to [removed] for the tea.");
			GroupSummary.WrittenSummary say = gate.summarize(table, written).written().get(0);
			assertThat(say.shown()).isTrue();
			assertThat(say.answers()).hasSize(5).doesNotContain("[removed] [removed].");
		}

		@Test
		void anAnswerOfOnlyAnEmojiOrPunctuationStillCounts() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 10, "3");
			WrittenAnswers written = WrittenAnswers.none();
			for (String answer : List.of("\uD83D\uDC4D", "!!!", "yes", "more of this", "ok")) {
				written.add("a-say", answer);
			}
			GroupSummary.WrittenSummary say = gate.summarize(table, written).written().get(0);
			assertThat(say.shown()).isTrue();
			assertThat(say.answers()).hasSize(5);
		}

		@Test
		void writtenAnswersNeedARoundOfAtLeastKPeople() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 4, "3");
			WrittenAnswers written = WrittenAnswers.none();
			for (int i = 0; i < 6; i++) {
				written.add("a-say", "answer " + i);
			}
			assertThat(gate.summarize(table, written).written().get(0).shown()).isFalse();
		}

	}

	/**
	 * Invariant 8, answers given alike: a withheld group, or everyone outside the shown
	 * groups, is never left with one possible answer on an item, unless the whole round
	 * answered alike.
	 */
	@Nested
	class Invariant8_AnswersGivenAlike {

		/**
		 * 20 members with mixed answers; 6 staff and 4 board members who all chose
		 * "High".
		 */
		private CountTable twentyMixedAndTenAlike() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 7, "1");
			people(table, "member", 7, "2");
			people(table, "member", 6, "3");
			people(table, "staff", 6, "3");
			people(table, "board", 4, "3");
			return table;
		}

		@Test
		void theWithheldTenWhoAllAnsweredAlikeAreNotPinnedBySubtraction() {
			GroupSummary summary = gate.summarize(twentyMixedAndTenAlike(), WrittenAnswers.none());
			ItemSummary a1 = item(summary, "a-1");
			// "All of us" minus "members" would have been 10 of 10 "High". Showing "all
			// of us" without
			// the members would give it away too: the members, shown for the round, all
			// answered a-1,
			// so the one reason left for withholding them there would be the ten
			// answering alike, and
			// only "High" was chosen by ten or more.
			assertThat(a1.shown()).isFalse();
			assertThat(shownGroups(a1)).isEmpty();
			// The members stay shown for the round.
			assertThat(summary.groups().get(0).people()).isEqualTo(20);
		}

		@Test
		void noAnswerCountsAsAnAnswer() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 7, "1");
			people(table, "member", 7, "2");
			people(table, "member", 6, "3");
			// Staff and board all left a-1 out: the figures would tell that each of them
			// did.
			people(table, "staff", 6, null);
			people(table, "board", 4, null);
			assertThat(item(gate.summarize(table, WrittenAnswers.none()), "a-1").shown()).isFalse();
		}

		@Test
		void outsideThatAnsweredInTwoWaysByAtLeastTwoEachLeavesTheShownGroupShown() {
			CountTable table = twentyMixedAndTenAlike();
			table.addPeople("volunteer", 2);
			table.addAnswers("a-1", "volunteer", "2", 2);
			assertThat(shownGroups(item(gate.summarize(table, WrittenAnswers.none()), "a-1")))
				.containsExactly("member");
		}

		/**
		 * The board reader who is one of the withheld: 20 members with mixed answers
		 * shown; outside them 6 staff and 3 board members chose "High", one board member
		 * "Middle". That board member, taking their own answer away from "all of us less
		 * the members", would read "High" for each of the nine others.
		 */
		@Test
		void oneOfTheWithheldWhoTakesTheirOwnAnswerAwayIsNotLeftWithTheOthersPinned() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 7, "1");
			people(table, "member", 7, "2");
			people(table, "member", 6, "3");
			people(table, "staff", 6, "3");
			people(table, "board", 3, "3");
			people(table, "board", 1, "2");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			// Only "High" was given by nine or more: with the members withheld on this
			// item alone, anyone could guess why, and which answer. So nothing of it.
			assertThat(item(summary, "a-1").shown()).isFalse();
			assertThat(shownGroups(item(summary, "a-1"))).isEmpty();
			assertThat(summary.groups().get(0).people()).isEqualTo(20);
			// The others, answered in many ways outside the members too, stay as they
			// were.
			assertThat(shownGroups(item(summary, "b-1"))).isEmpty();
		}

		@Test
		void theOneWhoSkippedAnItemIsNotLeftWithTheOthersPinned() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 7, "1");
			people(table, "member", 7, "2");
			people(table, "member", 6, "3");
			people(table, "staff", 6, "3");
			people(table, "board", 3, "3");
			// One board member left a-1 out: "no answer" is an answer too.
			people(table, "board", 1, null);
			assertThat(item(gate.summarize(table, WrittenAnswers.none()), "a-1").shown()).isFalse();
		}

		@Test
		void theOneWhoWasNotSureIsNotLeftWithTheOthersPinned() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 7, "1");
			people(table, "member", 7, "2");
			people(table, "member", 6, "3");
			people(table, "staff", 6, "3");
			people(table, "volunteer", 4, "3");
			people(table, null, 1, "not-sure");
			assertThat(item(gate.summarize(table, WrittenAnswers.none()), "a-1").shown()).isFalse();
		}

		/**
		 * Members (8, 8 and 4 over the three answers) shown; 4 board members, 4
		 * volunteers and one of no group outside them, eight of whom chose "High" and one
		 * "Low". Each of "Low", "Middle" and "High" was chosen by at least eight people
		 * in the round, so a reader who guesses that answers given alike hid the members
		 * on this item cannot tell which answer: leaving out the breakdown is enough, and
		 * "all of us" stays.
		 */
		@Test
		void theBreakdownAloneGoesWhenThreeAnswersCouldEachHaveBeenTheOneGivenAlike() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 8, "1");
			people(table, "member", 8, "2");
			people(table, "member", 4, "3");
			people(table, "board", 4, "3");
			people(table, "volunteer", 4, "3");
			people(table, null, 1, "1");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			ItemSummary a1 = item(summary, "a-1");
			assertThat(a1.shown()).isTrue();
			assertThat(a1.all().counts()).containsExactly(9, 8, 12);
			assertThat(shownGroups(a1)).isEmpty();
			assertThat(summary.groups().get(0).people()).isEqualTo(20);
		}

		@Test
		void withOnlyTwoAnswersThatCouldHaveBeenGivenAlikeTheWholeItemIsWithheld() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 7, "1");
			people(table, "member", 7, "2");
			people(table, "member", 6, "3");
			people(table, "board", 4, "3");
			people(table, "volunteer", 4, "3");
			people(table, null, 1, "1");
			// "Low" 8 and "High" 14 reach eight, "Middle" 7 does not.
			assertThat(item(gate.summarize(table, WrittenAnswers.none()), "a-1").shown()).isFalse();
		}

		@Test
		void aShownGroupWithAllButOneAlikeIsShownAndMarkedSoThatItIsNeverPutForward() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 7, "1");
			people(table, "member", 6, "2");
			people(table, "member", 7, "3");
			people(table, "staff", 5, "3");
			people(table, "staff", 1, "1");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			ItemSummary a1 = item(summary, "a-1");
			assertThat(shownGroups(a1)).containsExactly("member", "staff");
			assertThat(summary.allButOneAlike(a1)).isTrue();
			table.addPeople("staff", 1);
			table.addAnswers("a-1", "staff", "1", 1);
			GroupSummary two = gate.summarize(table, WrittenAnswers.none());
			assertThat(two.allButOneAlike(item(two, "a-1"))).as("two of the staff apart").isFalse();
		}

		@Test
		void allOfUsWithAllButOneAlikeIsMarkedToo() {
			CountTable table = new CountTable(questionnaire);
			people(table, null, 9, "3");
			// One of the ten left the item out.
			people(table, null, 1, null);
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(item(summary, "a-1").shown()).isTrue();
			assertThat(summary.allButOneAlike(item(summary, "a-1"))).isTrue();
			assertThat(summary.allButOneAlike(item(summary, "b-1"))).as("all ten left it out").isFalse();
		}

		@Test
		void aWholeRoundThatAnsweredAlikeIsShownAsItIs() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			people(table, "staff", 6, "3");
			people(table, "board", 4, "3");
			assertThat(shownGroups(item(gate.summarize(table, WrittenAnswers.none()), "a-1")))
				.containsExactly("member");
		}

	}

	/**
	 * Invariant 13: whoever typed the paper forms knows those answers; every figure still
	 * protects the answers that came online or on the kiosk.
	 */
	@Nested
	class Invariant13_PaperAnswers {

		private static void paper(CountTable table, String perspective, int n, String answer) {
			table.addPeople(perspective, true, n);
			if (answer != null) {
				table.addAnswers("a-1", perspective, true, answer, n);
			}
		}

		@Test
		void aGroupWithExactlyKAnswersOnlineBesideItsPaperFormsIsShown() {
			CountTable table = new CountTable(questionnaire);
			paper(table, "member", 10, "1");
			people(table, "member", 5, "2");
			people(table, "staff", 8, "3");
			assertThat(roundGroupsShown(gate.summarize(table, WrittenAnswers.none()))).containsExactly("member",
					"staff");
		}

		/**
		 * Secondary suppression for what the typist cannot see: online, 4 board members
		 * and 2 volunteers are outside the shown groups (their paper forms make both
		 * groups big enough, but so few online would be given away). 6 online, 2 once the
		 * largest of them is left out: the staff are withheld too, leaving 12 online
		 * outside, 8 without the board.
		 */
		@Test
		void theAnswersOnlineOutsideTheShownGroupsAreNoneOrAtLeastKWithoutTheLargestWithheld() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, null);
			people(table, "staff", 6, null);
			paper(table, "board", 10, null);
			people(table, "board", 4, null);
			paper(table, "volunteer", 10, null);
			people(table, "volunteer", 2, null);
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.someLeftOut()).isFalse();
			assertThat(roundGroupsShown(summary)).containsExactly("member");
		}

		/**
		 * As above, one group at a time: 8 online outside (4 board, 4 volunteers, each
		 * with 4 forms on paper), 4 without the largest; withholding the 5 staff makes it
		 * 13, 9 without, and the members stay.
		 */
		@Test
		void theTypistsSecondarySuppressionWithholdsOneGroupAtATime() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, null);
			people(table, "staff", 5, null);
			paper(table, "board", 4, null);
			people(table, "board", 4, null);
			paper(table, "volunteer", 4, null);
			people(table, "volunteer", 4, null);
			assertThat(roundGroupsShown(gate.summarize(table, WrittenAnswers.none()))).containsExactly("member");
		}

		@Test
		void aRoundThatShowsNothingDoesNotSayAFewWereLeftOut() {
			CountTable table = new CountTable(questionnaire);
			paper(table, "member", 3, "1");
			people(table, "member", 1, "2");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.resultsShown()).isFalse();
			assertThat(summary.someLeftOut()).isFalse();
			assertThat(summary.fewLeftOut()).isNull();
		}

		/**
		 * Answers given alike, when every answer came on paper: nothing is left for the
		 * typist to learn, and leaving out the breakdown is enough as it is online.
		 */
		@Test
		void allOnPaperTheBreakdownAloneGoesWhereThreeAnswersCouldHaveBeenGivenAlike() {
			CountTable table = new CountTable(questionnaire);
			paper(table, "member", 8, "1");
			paper(table, "member", 8, "2");
			paper(table, "member", 4, "3");
			paper(table, "board", 4, "3");
			paper(table, "volunteer", 4, "3");
			paper(table, null, 1, "1");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			ItemSummary a1 = item(summary, "a-1");
			assertThat(a1.shown()).isTrue();
			assertThat(shownGroups(a1)).isEmpty();
			assertThat(roundGroupsShown(summary)).containsExactly("member");
		}

		@Test
		void oneAnswerOnlineBesideNineteenOnPaperIsLeftOutNotGivenAway() {
			CountTable table = new CountTable(questionnaire);
			paper(table, "member", 10, "1");
			paper(table, "staff", 9, "2");
			people(table, "member", 1, "3");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.someLeftOut()).isTrue();
			assertThat(summary.people()).isEqualTo(19);
			assertThat(item(summary, "a-1").all().counts()).as("the paper forms alone").containsExactly(10, 9, 0);
		}

		@Test
		void aShownGroupWithFewerThanKOnlineIsWithheld() {
			CountTable table = new CountTable(questionnaire);
			paper(table, "member", 10, "1");
			people(table, "member", 2, "2");
			people(table, "staff", 8, "3");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.someLeftOut()).isFalse();
			assertThat(summary.people()).isEqualTo(20);
			// Members minus the typed forms would be the 2 members who answered online.
			assertThat(summary.groups()).noneMatch(GroupSummary.Group::shown);
			assertThat(shownGroups(item(summary, "a-1"))).isEmpty();
		}

		@Test
		void anItemAnsweredOnlineByFewerThanKShowsNoDistribution() {
			CountTable table = new CountTable(questionnaire);
			paper(table, "member", 10, "1");
			people(table, "member", 6, null);
			table.addAnswers("a-1", "member", "2", 2);
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.people()).isEqualTo(16);
			assertThat(item(summary, "a-1").shown()).isFalse();
		}

		@Test
		void thoseWhoDidNotAnswerOnPaperAllAlikeWhileTheRoundWasNotShowNoDistribution() {
			CountTable table = new CountTable(questionnaire);
			paper(table, null, 3, "1");
			paper(table, null, 2, null);
			people(table, "member", 6, "3");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			// "All of us" less the typed forms would be 6 of 6 "High".
			assertThat(item(summary, "a-1").shown()).isFalse();
		}

		@Test
		void withoutPaperNothingChanges() {
			CountTable table = new CountTable(questionnaire);
			people(table, "member", 20, "3");
			people(table, "staff", 6, "2");
			people(table, "staff", 6, "1");
			GroupSummary summary = gate.summarize(table, WrittenAnswers.none());
			assertThat(summary.someLeftOut()).isFalse();
			assertThat(shownGroups(item(summary, "a-1"))).containsExactly("member", "staff");
		}

		@Test
		void writtenAnswersOnlineFewerThanKAreLeftOutAndThePaperOnesShown() {
			CountTable table = new CountTable(questionnaire);
			paper(table, "member", 10, "1");
			people(table, "member", 10, "2");
			WrittenAnswers written = WrittenAnswers.none();
			for (int i = 0; i < 6; i++) {
				written.add("a-say", "typed " + i, true);
			}
			written.add("a-say", "sent one", false);
			written.add("a-say", "sent two", false);
			GroupSummary summary = gate.summarize(table, written);
			assertThat(summary.written().get(0).answers()).hasSize(6)
				.allSatisfy(a -> assertThat(a).startsWith("typed"));
			assertThat(summary.someLeftOut()).isTrue();
		}

		@Test
		void writtenAnswersOnlineAtLeastKAreAllShown() {
			CountTable table = new CountTable(questionnaire);
			paper(table, "member", 10, "1");
			people(table, "member", 10, "2");
			WrittenAnswers written = WrittenAnswers.none();
			for (int i = 0; i < 5; i++) {
				written.add("a-say", "typed " + i, true);
				written.add("a-say", "sent " + i, false);
			}
			assertThat(gate.summarize(table, written).written().get(0).answers()).hasSize(10);
		}

	}

	private static List<String> roundGroupsShown(GroupSummary summary) {
		return summary.groups().stream().filter(GroupSummary.Group::shown).map(GroupSummary.Group::value).toList();
	}

	@Test
	void theSummaryCarriesThePerspectiveQuestionForTheReport() {
		CountTable table = new CountTable(questionnaire);
		people(table, "member", 5, "1");
		assertThat(gate.summarize(table, WrittenAnswers.none()).perspectiveQuestion().in("en"))
			.isEqualTo("I take part mostly as");
	}

	@Test
	void aPerspectiveTheQuestionnaireDoesNotOfferIsRefused() {
		CountTable table = new CountTable(questionnaire);
		assertThatThrownBy(() -> table.addPeople("guest", 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a perspective of small: guest");
	}

	static ItemSummary item(GroupSummary summary, String id) {
		return summary.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
	}

}
