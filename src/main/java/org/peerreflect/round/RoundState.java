package org.peerreflect.round;

/**
 * A round's life: prepared, taking answers, closed (answers rewritten, codes gone),
 * published. What each stage allows is said here once, for the round, its view and its
 * pages.
 */
public enum RoundState {

	DRAFT, OPEN, CLOSED, PUBLISHED;

	/** Answers are stored only while the round is open. */
	public boolean takesAnswers() {
		return this == OPEN;
	}

	/** Code cards are printed, and counted, until the round closes. */
	public boolean printsCards() {
		return this == DRAFT || this == OPEN;
	}

	/**
	 * Closed and not yet published: its written answers are read and it may be published.
	 */
	public boolean inReview() {
		return this == CLOSED;
	}

	/** Closed, published or not: no answer can come any more. */
	public boolean ended() {
		return this == CLOSED || this == PUBLISHED;
	}

}
