package org.peerreflect.questionnaire;

import java.time.Instant;
import java.util.UUID;

/**
 * A questionnaire file a steward uploaded for their own organization, as it was given.
 */
record UploadedQuestionnaire(UUID id, UUID organizationId, String questionnaireId, int version, String fileName,
		String content, Instant uploadedAt) {

	static UploadedQuestionnaire of(UUID organizationId, Questionnaire questionnaire, String fileName, String content,
			Instant uploadedAt) {
		return new UploadedQuestionnaire(UUID.randomUUID(), organizationId, questionnaire.id(), questionnaire.version(),
				fileName, content, uploadedAt);
	}

}
