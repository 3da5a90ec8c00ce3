package org.peerreflect.round;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.peerreflect.insight.Gate;

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

	// --- the round's rules: each change checks that the round may take it ---

	/** From draft to taking answers. */
	void open() {
		require(RoundState.DRAFT, "round.notDraft");
		state = RoundState.OPEN;
	}

	/** From taking answers to closed; a closed round never opens again. */
	void close() {
		require(RoundState.OPEN, "round.notOpen");
		state = RoundState.CLOSED;
	}

	/** From closed to published, once. */
	void publish() {
		if (state == RoundState.PUBLISHED) {
			throw new RoundProblem("round.alreadyPublished");
		}
		require(RoundState.CLOSED, "round.notClosed");
		state = RoundState.PUBLISHED;
	}

	/**
	 * Notes that a published round's answers are erased (invariant 12); only a published
	 * round's may be.
	 */
	void eraseAnswers() {
		require(RoundState.PUBLISHED, "round.notPublished");
		answersErased = true;
	}

	/**
	 * k is never below the gate's lowest; it cannot be lowered once the first answer
	 * arrives, and may be raised until publication (invariant 5).
	 */
	void changeMinGroupSize(int k) {
		checkMinGroupSize(k);
		if (state == RoundState.PUBLISHED) {
			throw new RoundProblem("round.alreadyPublished");
		}
		if (k < minGroupSize && responses > 0) {
			throw new RoundProblem("round.minGroupSizeLocked");
		}
		minGroupSize = k;
	}

	/** A round's k is never below the gate's lowest. */
	static void checkMinGroupSize(int k) {
		if (k < Gate.LOWEST_MIN_GROUP_SIZE) {
			throw new RoundProblem("round.minGroupSizeTooLow");
		}
	}

	/** Counts code cards printed, which only a round that has not closed may have. */
	void printCards(int count) {
		if (!state.printsCards()) {
			throw new RoundProblem("round.closed");
		}
		codesPrinted += count;
	}

	/** Refuses with the state's own words when the round is not in {@code wanted}. */
	void require(RoundState wanted) {
		require(state, wanted);
	}

	/**
	 * The one wording of a round found in another state than wanted, for the round and
	 * its view.
	 */
	static void require(RoundState state, RoundState wanted) {
		if (state != wanted) {
			throw new RoundProblem(switch (wanted) {
				case PUBLISHED -> "round.notPublished";
				case CLOSED -> state == RoundState.PUBLISHED ? "round.alreadyPublished" : "review.notClosed";
				case OPEN -> "round.notOpen";
				case DRAFT -> "round.notDraft";
			});
		}
	}

	private void require(RoundState wanted, String problem) {
		if (state != wanted) {
			throw new RoundProblem(problem);
		}
	}

}
