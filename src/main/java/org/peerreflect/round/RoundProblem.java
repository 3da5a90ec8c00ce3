package org.peerreflect.round;

import org.peerreflect.system.Refusal;

/**
 * What a round refuses: a change its state does not allow, or a round that is not ours.
 */
public class RoundProblem extends Refusal {

	RoundProblem(String messageKey) {
		super(messageKey, false);
	}

	private RoundProblem(String messageKey, boolean notFound) {
		super(messageKey, notFound);
	}

	/**
	 * A round that reads as absent: another organization's, or one in the wrong state for
	 * the page asked for.
	 */
	static RoundProblem notFound(String messageKey) {
		return new RoundProblem(messageKey, true);
	}

}
