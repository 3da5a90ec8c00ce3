package org.peerreflect.round;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.peerreflect.insight.Gate;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCatalog;
import org.peerreflect.questionnaire.QuestionnaireReader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds and their lifecycle: draft, open, closed, published. Every method of a steward names the
 * organization, and a round of another organization reads as no round at all.
 */
@Service
@Transactional
public class RoundService {

	private final RoundRepository rounds;

	private final QuestionnaireCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Each round's copy of its questionnaire, read once: it never changes. */
	private final Map<UUID, Questionnaire> questionnaires = new ConcurrentHashMap<>();

	RoundService(RoundRepository rounds, QuestionnaireCatalog catalog, ApplicationEventPublisher events, Clock clock) {
		this.rounds = rounds;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	public RoundView create(UUID organizationId, String name, String questionnaireId, int version, String language,
			int minGroupSize) {
		if (minGroupSize < Gate.LOWEST_MIN_GROUP_SIZE) {
			throw new RoundProblem("round.minGroupSizeTooLow");
		}
		QuestionnaireCatalog.Offered offered = catalog.find(organizationId, questionnaireId, version)
			.orElseThrow(() -> new RoundProblem("round.noSuchQuestionnaire"));
		if (!offered.questionnaire().speaks(language)) {
			throw new RoundProblem("round.languageMissing");
		}
		Round round = rounds.save(new Round(organizationId, name.strip(), questionnaireId, version, offered.text(), language,
				minGroupSize, clock.instant()));
		return RoundView.of(round);
	}

	@Transactional(readOnly = true)
	public List<RoundView> rounds(UUID organizationId) {
		return rounds.findByOrganizationIdOrderByCreatedAtDesc(organizationId).stream().map(RoundView::of).toList();
	}

	@Transactional(readOnly = true)
	public RoundView round(UUID roundId, UUID organizationId) {
		return RoundView.of(own(roundId, organizationId, false));
	}

	public RoundView open(UUID roundId, UUID organizationId) {
		Round round = own(roundId, organizationId, true);
		if (round.getState() != RoundState.DRAFT) {
			throw new RoundProblem("round.notDraft");
		}
		round.setState(RoundState.OPEN);
		return RoundView.of(round);
	}

	/**
	 * Closes the round, with its row locked, and in the same transaction has its answers rewritten
	 * in random order and its codes deleted (invariant 3). A closed round never opens again.
	 */
	public RoundView close(UUID roundId, UUID organizationId) {
		Round round = own(roundId, organizationId, true);
		if (round.getState() != RoundState.OPEN) {
			throw new RoundProblem("round.notOpen");
		}
		round.setState(RoundState.CLOSED);
		events.publishEvent(new RoundClosing(roundId));
		return RoundView.of(round);
	}

	/**
	 * k is never below 3; it cannot be lowered once the first answer arrives, and may be raised
	 * until publication (invariant 5).
	 */
	public RoundView setMinGroupSize(UUID roundId, UUID organizationId, int minGroupSize) {
		Round round = own(roundId, organizationId, true);
		if (minGroupSize < Gate.LOWEST_MIN_GROUP_SIZE) {
			throw new RoundProblem("round.minGroupSizeTooLow");
		}
		if (round.getState() == RoundState.PUBLISHED) {
			throw new RoundProblem("round.alreadyPublished");
		}
		if (minGroupSize < round.getMinGroupSize() && round.getResponses() > 0) {
			throw new RoundProblem("round.minGroupSizeLocked");
		}
		round.setMinGroupSize(minGroupSize);
		return RoundView.of(round);
	}

	/**
	 * Marks a closed round published, with its row locked, inside the caller's transaction, which
	 * keeps the report; a round is published once.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public RoundView publishing(UUID roundId, UUID organizationId) {
		Round round = own(roundId, organizationId, true);
		if (round.getState() == RoundState.PUBLISHED) {
			throw new RoundProblem("round.alreadyPublished");
		}
		if (round.getState() != RoundState.CLOSED) {
			throw new RoundProblem("round.notClosed");
		}
		round.setState(RoundState.PUBLISHED);
		return RoundView.of(round);
	}

	/**
	 * Notes, inside the caller's transaction, that a published round's answers are being erased
	 * (invariant 12); only a published round's may be.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public RoundView erasing(UUID roundId, UUID organizationId) {
		Round round = own(roundId, organizationId, true);
		if (round.getState() != RoundState.PUBLISHED) {
			throw new RoundProblem("round.notPublished");
		}
		round.answersErased();
		return RoundView.of(round);
	}

	/**
	 * Locks a round of the organization, within the caller's transaction, and requires it to be in
	 * {@code state}: whoever changes what belongs to a closed or published round holds the same lock
	 * as publishing, so no change slips in beside it.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public RoundView locked(UUID roundId, UUID organizationId, RoundState state) {
		Round round = own(roundId, organizationId, true);
		if (round.getState() != state) {
			throw new RoundProblem(switch (state) {
				case PUBLISHED -> "round.notPublished";
				case CLOSED -> round.getState() == RoundState.PUBLISHED ? "round.alreadyPublished" : "review.notClosed";
				default -> "round.notFound";
			});
		}
		return RoundView.of(round);
	}

	/** Counts codes printed for a round that is not closed yet. */
	public void addPrintedCodes(UUID roundId, UUID organizationId, int count) {
		Round round = own(roundId, organizationId, true);
		if (round.getState() != RoundState.DRAFT && round.getState() != RoundState.OPEN) {
			throw new RoundProblem("round.closed");
		}
		round.addPrinted(count);
	}

	/**
	 * For whoever stores answers: locks the round's row (SELECT ... FOR UPDATE) within the caller's
	 * transaction and gives its questionnaire when the round is open; empty when it is not, and then
	 * nothing may be stored.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Optional<Questionnaire> lockOpen(UUID roundId) {
		Round round = rounds.lockById(roundId).orElse(null);
		if (round == null || round.getState() != RoundState.OPEN) {
			return Optional.empty();
		}
		return Optional.of(questionnaire(round));
	}

	/** An open round's questionnaire and language, for the participant's pages. */
	public record Open(Questionnaire questionnaire, String language) {
	}

	@Transactional(readOnly = true)
	public Optional<Open> openRound(UUID roundId) {
		return rounds.findById(roundId).filter(round -> round.getState() == RoundState.OPEN)
			.map(round -> new Open(questionnaire(round), round.getLanguage()));
	}

	/** Counts one stored response of a round locked by {@link #lockOpen}. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void counted(UUID roundId, Channel channel) {
		rounds.findById(roundId).orElseThrow().counted(channel);
	}

	@Transactional(readOnly = true)
	public Questionnaire questionnaire(UUID roundId, UUID organizationId) {
		return questionnaire(own(roundId, organizationId, false));
	}

	private Questionnaire questionnaire(Round round) {
		return questionnaires.computeIfAbsent(round.getId(), id -> QuestionnaireReader
			.read(round.getQuestionnaireId() + ".yaml", round.getQuestionnaireFile().getBytes(StandardCharsets.UTF_8))
			.questionnaire());
	}

	private Round own(UUID roundId, UUID organizationId, boolean lock) {
		Optional<Round> round = lock ? rounds.lockById(roundId) : rounds.findById(roundId);
		return round.filter(r -> r.getOrganizationId().equals(organizationId))
			.orElseThrow(() -> new RoundProblem("round.notFound"));
	}

}
