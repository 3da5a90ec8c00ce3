package org.peerreflect.round;

import java.time.Instant;
import java.util.UUID;

import org.peerreflect.gate.Gate;

/**
 * One reflection round of an organization, with its own copy of its questionnaire. It
 * keeps only counts of what happened, never who or when.
 */
class Round {

	private final UUID id;

	private final UUID organizationId;

	private final String name;

	private final String questionnaireId;

	private final int questionnaireVersion;

	private final String questionnaireFile;

	private final String language;

	private int minGroupSize;

	private RoundState state;

	private final int responses;

	private int codesPrinted;

	private final int usedOnline;

	private final int usedKiosk;

	private final int usedPaper;

	private final Instant createdAt;

	private boolean answersErased;

	/** A new round, a draft. */
	Round(UUID organizationId, String name, String questionnaireId, int questionnaireVersion, String questionnaireFile,
			String language, int minGroupSize, Instant createdAt) {
		this(UUID.randomUUID(), organizationId, name, questionnaireId, questionnaireVersion, questionnaireFile,
				language, minGroupSize, RoundState.DRAFT, 0, 0, 0, 0, 0, createdAt, false);
	}

	/** A round as its row holds it. */
	Round(UUID id, UUID organizationId, String name, String questionnaireId, int questionnaireVersion,
			String questionnaireFile, String language, int minGroupSize, RoundState state, int responses,
			int codesPrinted, int usedOnline, int usedKiosk, int usedPaper, Instant createdAt, boolean answersErased) {
		this.id = id;
		this.organizationId = organizationId;
		this.name = name;
		this.questionnaireId = questionnaireId;
		this.questionnaireVersion = questionnaireVersion;
		this.questionnaireFile = questionnaireFile;
		this.language = language;
		this.minGroupSize = minGroupSize;
		this.state = state;
		this.responses = responses;
		this.codesPrinted = codesPrinted;
		this.usedOnline = usedOnline;
		this.usedKiosk = usedKiosk;
		this.usedPaper = usedPaper;
		this.createdAt = createdAt;
		this.answersErased = answersErased;
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

	Instant getCreatedAt() {
		return createdAt;
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
	 * k is never below the gate's lowest, and is fixed when the round opens (invariant
	 * 5): a k changed while answers come in, up or down, would tell how many have
	 * answered.
	 */
	void changeMinGroupSize(int k) {
		checkMinGroupSize(k);
		if (state != RoundState.DRAFT) {
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

	/** The longest reason for cards printed after the round opened. */
	static final int LONGEST_REASON = 200;

	/**
	 * Counts code cards printed, which only a round that has not closed may have; once it
	 * is open, only with a reason, which the report's cover repeats: spare cards in a
	 * steward's hands could answer for people who never did.
	 */
	void printCards(int count, String reason) {
		if (!state.printsCards()) {
			throw new RoundProblem("round.closed");
		}
		if (state == RoundState.OPEN && (reason == null || reason.isBlank())) {
			throw new RoundProblem("round.cardsNeedReason");
		}
		if (state == RoundState.OPEN && reason.strip().length() > LONGEST_REASON) {
			throw new RoundProblem("round.cardsReasonTooLong");
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
			throw RoundProblem.notFound(switch (wanted) {
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
