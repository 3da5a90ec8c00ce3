package org.peerreflect.participation;

import org.peerreflect.system.Refusal;

/**
 * What taking part refuses: cards, paper or a kiosk for a round that is not open, and
 * review of written answers that would show too few or change what may not be changed.
 */
public class ParticipationProblem extends Refusal {

	ParticipationProblem(String messageKey) {
		super(messageKey, false);
	}

	private ParticipationProblem(String messageKey, boolean notFound) {
		super(messageKey, notFound);
	}

	/** A question the review may not show reads as a page that is not there. */
	static ParticipationProblem notFound(String messageKey) {
		return new ParticipationProblem(messageKey, true);
	}

}
