package org.peerreflect.round;

/**
 * Something asked of a round that cannot be done, named by a message key for the page to
 * show.
 */
public class RoundProblem extends RuntimeException {

	private final String messageKey;

	public RoundProblem(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
