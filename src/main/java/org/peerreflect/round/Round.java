package org.peerreflect.round;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One reflection round of an organization, with its own copy of its questionnaire. It
 * keeps only counts of what happened, never who or when.
 */
@Entity
@Table(name = "round")
class Round {

	@Id
	private UUID id;

	@Column(name = "organization_id", nullable = false)
	private UUID organizationId;

	@Column(nullable = false)
	private String name;

	@Column(name = "questionnaire_id", nullable = false)
	private String questionnaireId;

	@Column(name = "questionnaire_version", nullable = false)
	private int questionnaireVersion;

	@Column(name = "questionnaire_file", nullable = false)
	private String questionnaireFile;

	@Column(nullable = false)
	private String language;

	@Column(name = "min_group_size", nullable = false)
	private int minGroupSize;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RoundState state;

	@Column(nullable = false)
	private int responses;

	@Column(name = "codes_printed", nullable = false)
	private int codesPrinted;

	@Column(name = "used_online", nullable = false)
	private int usedOnline;

	@Column(name = "used_kiosk", nullable = false)
	private int usedKiosk;

	@Column(name = "used_paper", nullable = false)
	private int usedPaper;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "answers_erased", nullable = false)
	private boolean answersErased;

	protected Round() {
	}

	Round(UUID organizationId, String name, String questionnaireId, int questionnaireVersion, String questionnaireFile,
			String language, int minGroupSize, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.organizationId = organizationId;
		this.name = name;
		this.questionnaireId = questionnaireId;
		this.questionnaireVersion = questionnaireVersion;
		this.questionnaireFile = questionnaireFile;
		this.language = language;
		this.minGroupSize = minGroupSize;
		this.state = RoundState.DRAFT;
		this.createdAt = createdAt;
	}

	UUID getId() {
		return id;
	}

	UUID getOrganizationId() {
		return organizationId;
	}

	String getName() {
		return name;
	}

	String getQuestionnaireFile() {
		return questionnaireFile;
	}

	String getQuestionnaireId() {
		return questionnaireId;
	}

	int getQuestionnaireVersion() {
		return questionnaireVersion;
	}

	String getLanguage() {
		return language;
	}

	int getMinGroupSize() {
		return minGroupSize;
	}

	RoundState getState() {
		return state;
	}

	int getResponses() {
		return responses;
	}

	int getCodesPrinted() {
		return codesPrinted;
	}

	int getUsedOnline() {
		return usedOnline;
	}

	int getUsedKiosk() {
		return usedKiosk;
	}

	int getUsedPaper() {
		return usedPaper;
	}

	boolean isAnswersErased() {
		return answersErased;
	}

	void answersErased() {
		answersErased = true;
	}

	void setState(RoundState state) {
		this.state = state;
	}

	void setMinGroupSize(int minGroupSize) {
		this.minGroupSize = minGroupSize;
	}

	void addPrinted(int count) {
		codesPrinted += count;
	}

}
