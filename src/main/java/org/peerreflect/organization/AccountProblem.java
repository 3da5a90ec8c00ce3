package org.peerreflect.organization;

import org.peerreflect.system.Refusal;

/** What the accounts refuse: a name or email taken, a weak password, a used link. */
public class AccountProblem extends Refusal {

	AccountProblem(String messageKey) {
		super(messageKey, false);
	}

	private AccountProblem(String messageKey, boolean notFound) {
		super(messageKey, notFound);
	}

	/** Another organization's account, or none, reads as no account at all. */
	static AccountProblem notFound(String messageKey) {
		return new AccountProblem(messageKey, true);
	}

}
