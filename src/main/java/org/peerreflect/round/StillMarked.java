package org.peerreflect.round;

import java.util.List;
import java.util.UUID;

import org.peerreflect.questionnaire.LocalizedText;

/**
 * What the publish form lists before a round is published: the words of its reviewed
 * written answers that the review still marks and the steward has not taken out, question
 * by question. Given by the module that reads answers; it shows no more than the review
 * does (only questions the review may open, only the marked words, never a whole answer),
 * so the round's page never reads answers itself.
 */
public interface StillMarked {

	/**
	 * Questions with marked words still in their answers, in the questionnaire's order.
	 */
	List<Question> stillMarked(UUID roundId, UUID organizationId);

	/** One question's text and, for each answer still marked, its marked words. */
	record Question(String item, LocalizedText text, List<Answer> answers) {
	}

	/** The marked words of one answer, in the order they are written. */
	record Answer(List<Words> words) {
	}

	/** Marked words and the key of the short reason the review gives for them. */
	record Words(String text, String reason) {
	}

}
