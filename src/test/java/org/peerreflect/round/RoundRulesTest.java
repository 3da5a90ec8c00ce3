package org.peerreflect.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A round keeps its own rules: each change checks that the round may take it, and refuses
 * in the state's words when it may not. No database: the rules are the round's, not the
 * service's.
 */
class RoundRulesTest {

	private static Round draft() {
		return new Round(UUID.randomUUID(), "Spring", "q", 1, "id: q", "en", 5, Instant.EPOCH);
	}

	private static void refused(Runnable change, String problem) {
		assertThatThrownBy(change::run).isInstanceOf(RoundProblem.class).hasMessage(problem);
	}

	@Test
	void aRoundGoesFromDraftToOpenToClosedToPublishedAndNeverBack() {
		Round round = draft();
		refused(round::close, "round.notOpen");
		refused(round::publish, "round.notClosed");
		round.open();
		assertThat(round.getState()).isEqualTo(RoundState.OPEN);
		refused(round::open, "round.notDraft");
		refused(round::publish, "round.notClosed");
		round.close();
		refused(round::open, "round.notDraft");
		refused(round::close, "round.notOpen");
		refused(round::eraseAnswers, "round.notPublished");
		round.publish();
		refused(round::publish, "round.alreadyPublished");
		round.eraseAnswers();
		assertThat(round.isAnswersErased()).isTrue();
	}

	@Test
	void cardsArePrintedBeforeTheRoundOpensAndAfterOnlyWithAReasonUntilItCloses() {
		Round round = draft();
		round.printCards(10, null);
		round.open();
		// Spare cards in a steward's hands can answer: after opening, only with a reason
		// the cover repeats.
		refused(() -> round.printCards(5, null), "round.cardsNeedReason");
		refused(() -> round.printCards(5, "  "), "round.cardsNeedReason");
		refused(() -> round.printCards(5, "x".repeat(201)), "round.cardsReasonTooLong");
		assertThat(round.getCodesPrinted()).isEqualTo(10);
		round.printCards(5, "Five more people came to the Tuesday meeting");
		assertThat(round.getCodesPrinted()).isEqualTo(15);
		round.close();
		refused(() -> round.printCards(1, "late"), "round.closed");
		assertThat(round.getCodesPrinted()).isEqualTo(15);
		assertThat(RoundState.DRAFT.printsCards()).isTrue();
		assertThat(RoundState.CLOSED.printsCards()).isFalse();
	}

	@Test
	void invariant5_kIsNeverBelowThreeAndIsFixedWhenTheRoundOpens() {
		Round round = draft();
		refused(() -> round.changeMinGroupSize(2), "round.minGroupSizeTooLow");
		round.changeMinGroupSize(3);
		round.changeMinGroupSize(8);
		assertThat(round.getMinGroupSize()).isEqualTo(8);
		round.open();
		// Up or down: either would let a steward count who has answered.
		refused(() -> round.changeMinGroupSize(9), "round.minGroupSizeLocked");
		refused(() -> round.changeMinGroupSize(7), "round.minGroupSizeLocked");
		round.close();
		refused(() -> round.changeMinGroupSize(9), "round.minGroupSizeLocked");
		round.publish();
		refused(() -> round.changeMinGroupSize(9), "round.minGroupSizeLocked");
		assertThat(round.getMinGroupSize()).isEqualTo(8);
	}

	@Test
	void aRoundInAnotherStateIsRefusedInThatStatesWords() {
		Round round = draft();
		refused(() -> round.require(RoundState.CLOSED), "review.notClosed");
		refused(() -> round.require(RoundState.PUBLISHED), "round.notPublished");
		round.open();
		round.close();
		round.require(RoundState.CLOSED);
		round.publish();
		refused(() -> round.require(RoundState.CLOSED), "round.alreadyPublished");
		RoundView view = RoundView.of(round);
		assertThat(view.isPublished()).isTrue();
		assertThat(view.ended()).isTrue();
		assertThat(view.takesAnswers()).isFalse();
		assertThat(view.require(RoundState.PUBLISHED)).isSameAs(view);
		refused(() -> view.require(RoundState.CLOSED), "round.alreadyPublished");
	}

}
