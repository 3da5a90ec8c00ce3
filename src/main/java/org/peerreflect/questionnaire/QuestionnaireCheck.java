package org.peerreflect.questionnaire;

import java.util.List;

/**
 * What reading one questionnaire file gave: the questionnaire when it is valid, the
 * errors that make it invalid, and language notes (never errors: a community may reclaim
 * its own words).
 */
public record QuestionnaireCheck(String file, Questionnaire questionnaire, List<Finding> errors, List<Finding> notes) {

	public QuestionnaireCheck {
		errors = List.copyOf(errors);
		notes = List.copyOf(notes);
	}

	public boolean valid() {
		return errors.isEmpty() && questionnaire != null;
	}

}
