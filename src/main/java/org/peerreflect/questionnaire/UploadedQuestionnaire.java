package org.peerreflect.questionnaire;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A questionnaire file a steward uploaded; offered to their organization only. */
@Entity
@Table(name = "uploaded_questionnaire")
class UploadedQuestionnaire {

	@Id
	private UUID id;

	@Column(name = "organization_id", nullable = false)
	private UUID organizationId;

	@Column(name = "questionnaire_id", nullable = false)
	private String questionnaireId;

	@Column(nullable = false)
	private int version;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	@Column(nullable = false)
	private String content;

	@Column(name = "uploaded_at", nullable = false)
	private Instant uploadedAt;

	protected UploadedQuestionnaire() {
	}

	UploadedQuestionnaire(UUID organizationId, Questionnaire questionnaire, String fileName, String content,
			Instant uploadedAt) {
		this.id = UUID.randomUUID();
		this.organizationId = organizationId;
		this.questionnaireId = questionnaire.id();
		this.version = questionnaire.version();
		this.fileName = fileName;
		this.content = content;
		this.uploadedAt = uploadedAt;
	}

	String getFileName() {
		return fileName;
	}

	String getContent() {
		return content;
	}

}
