package org.peerreflect.round;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCatalog;
import org.peerreflect.questionnaire.QuestionnaireReader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds and their lifecycle: draft, open, closed, published. Every method of a steward
 * names the organization, and a round of another organization reads as no round at all.
 */
@Service
@Transactional
public class RoundService {

	private final RoundRepository rounds;

	private final QuestionnaireCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * For the participant's pages, asked on every request: the round's few columns, not
	 * its whole row.
	 */
	private final JdbcTemplate jdbc;

	/** Each round's copy of its questionnaire, read once: it never changes. */
	private final Map<UUID, Questionnaire> questionnaires = new ConcurrentHashMap<>();

	RoundService(RoundRepository rounds, QuestionnaireCatalog catalog, ApplicationEventPublisher events, Clock clock,
			JdbcTemplate jdbc) {
		this.rounds = rounds;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	public RoundView create(UUID organizationId, String name, String questionnaireId, int version, String language,
			int minGroupSize) {
		Round.checkMinGroupSize(minGroupSize);
		QuestionnaireCatalog.Offered offered = catalog.find(organizationId, questionnaireId, version)
			.orElseThrow(() -> new RoundProblem("round.noSuchQuestionnaire"));
		if (!offered.questionnaire().speaks(language)) {
			throw new RoundProblem("round.languageMissing");
		}
		Round round = new Round(organizationId, name.strip(), questionnaireId, version, offered.text(), language,
				minGroupSize, clock.instant());
		rounds.insert(round);
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
		return change(roundId, organizationId, Round::open);
	}

	/**
	 * Closes the round, with its row locked, and in the same transaction has its answers
	 * rewritten in random order and its codes deleted (invariant 3). A closed round never
	 * opens again.
	 */
	public RoundView close(UUID roundId, UUID organizationId) {
		change(roundId, organizationId, Round::close);
		events.publishEvent(new RoundClosing(roundId, questionnaire(roundId)));
		// As the close left it: the ways people answered are counted while it closes.
		return round(roundId, organizationId);
	}

	/** k is never below 3, and changes only while the round is a draft (invariant 5). */
	public RoundView setMinGroupSize(UUID roundId, UUID organizationId, int minGroupSize) {
		return change(roundId, organizationId, round -> round.changeMinGroupSize(minGroupSize));
	}

	/**
	 * Marks a closed round published, with its row locked, inside the caller's
	 * transaction, which keeps the report; a round is published once.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RoundView markPublished(UUID roundId, UUID organizationId) {
		return change(roundId, organizationId, Round::publish);
	}

	/**
	 * Notes, inside the caller's transaction, that a published round's answers are being
	 * erased (invariant 12); only a published round's may be.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RoundView markAnswersErased(UUID roundId, UUID organizationId) {
		return change(roundId, organizationId, Round::eraseAnswers);
	}

	/**
	 * Locks a round of the organization, within the caller's transaction, and requires it
	 * to be in {@code state}: whoever changes what belongs to a closed or published round
	 * holds the same lock as publishing, so no change slips in beside it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RoundView lockIn(UUID roundId, UUID organizationId, RoundState state) {
		Round round = own(roundId, organizationId, true);
		round.require(state);
		return RoundView.of(round);
	}

	/**
	 * Counts codes printed for a round that is not closed yet; once it is open, with the
	 * reason, kept for the report's cover.
	 */
	public void addPrintedCodes(UUID roundId, UUID organizationId, int count, String reason) {
		RoundView round = change(roundId, organizationId, r -> r.printCards(count, reason));
		// The cards are the first place the round's results link may be printed.
		ResultsLinks.make(jdbc, roundId);
		if (round.takesAnswers()) {
			jdbc.update("insert into cards_after_opening (id, round_id, position, cards, reason) values (?, ?, "
					+ "(select coalesce(max(position), 0) + 1 from cards_after_opening where round_id = ?), ?, ?)",
					UUID.randomUUID(), roundId, roundId, count, reason.strip());
		}
	}

	/** Cards printed after the round opened, and why. */
	public record CardsAfterOpening(int cards, String reason) {
	}

	@Transactional(readOnly = true)
	public List<CardsAfterOpening> cardsAfterOpening(UUID roundId, UUID organizationId) {
		own(roundId, organizationId, false);
		return jdbc.query("select cards, reason from cards_after_opening where round_id = ? order by position",
				(row, n) -> new CardsAfterOpening(row.getInt(1), row.getString(2)), roundId);
	}

	/** The longest reason a steward may give for cards printed after opening. */
	public static final int LONGEST_CARDS_REASON = Round.LONGEST_REASON;

	/**
	 * For whoever stores answers: locks the round's row (SELECT ... FOR UPDATE) within
	 * the caller's transaction and gives its questionnaire when the round is open; empty
	 * when it is not, and then nothing may be stored.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Questionnaire> lockOpen(UUID roundId) {
		List<String> state = jdbc.queryForList("select state from round where id = ? for update", String.class,
				roundId);
		if (state.isEmpty() || !RoundState.valueOf(state.get(0)).takesAnswers()) {
			return Optional.empty();
		}
		return Optional.of(questionnaire(roundId));
	}

	/**
	 * An open round's questionnaire, language and name, for the participant's pages; the
	 * name only where the kiosk says which round it takes answers for.
	 */
	public record Open(Questionnaire questionnaire, String language, String name) {
	}

	@Transactional(readOnly = true)
	public Optional<Open> openRound(UUID roundId) {
		List<Map<String, Object>> round = jdbc.queryForList(
				"select language, name from round where id = ? and state = ?", roundId, RoundState.OPEN.name());
		return round.stream()
			.findFirst()
			.map(row -> new Open(questionnaire(roundId), (String) row.get("language"), (String) row.get("name")));
	}

	/**
	 * Counts one stored response of a round locked by {@link #lockOpen}, whichever way it
	 * came: the round's row changes alike for every way of answering, and the ways are
	 * counted at close from the sealed answers (invariant 3).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void countResponse(UUID roundId) {
		jdbc.update("update round set responses = responses + 1 where id = ?", roundId);
	}

	/**
	 * At close, inside the closing transaction: how many codes were used each way, as the
	 * sealed answers said once opened.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void countChannels(UUID roundId, int online, int kiosk, int paper) {
		jdbc.update("update round set used_online = used_online + ?, used_kiosk = used_kiosk + ?, "
				+ "used_paper = used_paper + ? where id = ?", online, kiosk, paper, roundId);
	}

	@Transactional(readOnly = true)
	public Questionnaire questionnaire(UUID roundId, UUID organizationId) {
		return questionnaire(own(roundId, organizationId, false));
	}

	private Questionnaire questionnaire(Round round) {
		return questionnaires.computeIfAbsent(round.getId(),
				id -> read(round.getQuestionnaireId(), round.getQuestionnaireFile()));
	}

	/**
	 * The questionnaire a round was opened with, read from its row only the first time it
	 * is asked for.
	 */
	private Questionnaire questionnaire(UUID roundId) {
		return questionnaires.computeIfAbsent(roundId,
				id -> jdbc.queryForObject("select questionnaire_id, questionnaire_file from round where id = ?",
						(row, n) -> read(row.getString(1), row.getString(2)), id));
	}

	private static Questionnaire read(String questionnaireId, String file) {
		return QuestionnaireReader.read(questionnaireId + ".yaml", file.getBytes(StandardCharsets.UTF_8))
			.questionnaire();
	}

	/**
	 * Applies one of the round's rules with its row locked, and writes what the rule
	 * changed; a rule that refuses leaves the row as it was.
	 */
	private RoundView change(UUID roundId, UUID organizationId, Consumer<Round> rule) {
		Round round = own(roundId, organizationId, true);
		rule.accept(round);
		rounds.update(round);
		return RoundView.of(round);
	}

	private Round own(UUID roundId, UUID organizationId, boolean lock) {
		Optional<Round> round = lock ? rounds.lockById(roundId) : rounds.findById(roundId);
		return round.filter(r -> r.getOrganizationId().equals(organizationId))
			.orElseThrow(() -> RoundProblem.notFound("round.notFound"));
	}

}
