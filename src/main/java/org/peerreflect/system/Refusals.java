package org.peerreflect.system;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a steward's action that was refused is answered: the next page says why, in the
 * attribute that every page shows ({@code fragments/parts :: problem}).
 */
public final class Refusals {

	/** The attribute holding the message key of what was refused. */
	public static final String PROBLEM = "problem";

	private Refusals() {
	}

	/**
	 * Does the action; when it is refused, keeps the refusal for the page the steward is
	 * sent to next and answers true.
	 */
	public static boolean refused(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			return false;
		}
		catch (Refusal refusal) {
			keep(redirect, refusal);
			return true;
		}
	}

	/** Keeps a refusal for the page the steward is sent to next. */
	public static void keep(RedirectAttributes redirect, Refusal refusal) {
		redirect.addFlashAttribute(PROBLEM, refusal.messageKey());
	}

}
