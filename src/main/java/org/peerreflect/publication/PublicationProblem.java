package org.peerreflect.publication;

import org.peerreflect.system.Refusal;

/**
 * What publishing refuses: publishing or erasing without the steward's word, an agreement
 * that cannot be kept, a report that is not there to read.
 */
class PublicationProblem extends Refusal {

	PublicationProblem(String messageKey) {
		super(messageKey, false);
	}

	private PublicationProblem(String messageKey, boolean notFound) {
		super(messageKey, notFound);
	}

	/** A report or chart that is not there reads as a page that is not there. */
	static PublicationProblem notFound(String messageKey) {
		return new PublicationProblem(messageKey, true);
	}

}
