package org.peerreflect.organization;

/**
 * Something a person asked that cannot be done, named by a message key for the page to
 * show.
 */
public class AccountProblem extends RuntimeException {

	private final String messageKey;

	public AccountProblem(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
