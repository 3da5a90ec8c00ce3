package org.peerreflect.round;

import java.util.UUID;

import org.peerreflect.gate.GroupSummary;

/**
 * A round as a steward sees it. No figure of the answers is here: while the round is open
 * only the {@link AnswerCount} may be said.
 */
public record RoundView(UUID id, String name, String questionnaireId, int questionnaireVersion, String language,
		int minGroupSize, RoundState state, AnswerCount answers, int codesPrinted, int usedOnline, int usedKiosk,
		int usedPaper, boolean answersErased) {

	/** Most code cards printed at once: a few pages, not a stack nobody checks. */
	public static final int MOST_CARDS_AT_ONCE = 1000;

	static RoundView of(Round round) {
		return new RoundView(round.getId(), round.getName(), round.getQuestionnaireId(),
				round.getQuestionnaireVersion(), round.getLanguage(), round.getMinGroupSize(), round.getState(),
				AnswerCount.of(round.getResponses(), round.getMinGroupSize()), round.getCodesPrinted(),
				round.getUsedOnline(), round.getUsedKiosk(), round.getUsedPaper(), round.isAnswersErased());
	}

	/**
	 * Whether exact counts of answers, in all and per channel, may be shown: never while
	 * the round may still take answers (invariant 6), and after close only where they
	 * pass the rule that protects the answers that did not come on paper (invariant 13).
	 */
	public boolean exactCountsShown() {
		return state.ended() && GroupSummary.channelsMayBeShown(usedOnline, usedKiosk, usedPaper, minGroupSize);
	}

	// What the round's pages and other modules ask of it; the rules are its state's.

	public boolean isDraft() {
		return state == RoundState.DRAFT;
	}

	public boolean takesAnswers() {
		return state.takesAnswers();
	}

	public boolean printsCards() {
		return state.printsCards();
	}

	public boolean inReview() {
		return state.inReview();
	}

	public boolean ended() {
		return state.ended();
	}

	public boolean isPublished() {
		return state == RoundState.PUBLISHED;
	}

	/**
	 * This view, when the round is in {@code wanted}; otherwise refused in the state's
	 * own words.
	 */
	public RoundView require(RoundState wanted) {
		Round.require(state, wanted);
		return this;
	}

	/** How many answered, exactly; only to be shown where {@link #exactCountsShown()}. */
	public int answeredInAll() {
		return usedOnline + usedKiosk + usedPaper;
	}

}
