package org.peerreflect.participation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.round.RoundView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The written answers a steward chooses, between close and publication, to stand beside a
 * statement put forward for the meeting: up to two per statement, only answers the report
 * shows, kept by their random keys until publication. Which statements are put forward is
 * the report's to say; this only keeps what was chosen for them.
 */
@Service
@Transactional
public class QuoteChoices {

	/** Most quotes beside one statement: a taste of our words, not a list. */
	public static final int MOST_PER_STATEMENT = 2;

	private final JdbcTemplate jdbc;

	private final RoundService rounds;

	private final WrittenReview review;

	private final LanguageGuard guard;

	QuoteChoices(JdbcTemplate jdbc, RoundService rounds, WrittenReview review, LanguageGuard guard) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.review = review;
		this.guard = guard;
	}

	/** One chosen answer: the statement it stands beside, the question it answers. */
	public record Chosen(String statement, UUID answer, String question, String text) {
	}

	/**
	 * What is chosen for each statement, as reviewed now; an answer since removed whole,
	 * or whose question no longer has k that count, is left out, as the report would.
	 */
	@Transactional(readOnly = true)
	public List<Chosen> chosen(UUID roundId, UUID organizationId) {
		RoundView round = rounds.round(roundId, organizationId).require(RoundState.CLOSED);
		return chosen(roundId, guard.quotable(roundId, round));
	}

	private List<Chosen> chosen(UUID roundId, Map<UUID, WrittenReview.Shown> shown) {
		List<Chosen> chosen = new ArrayList<>();
		// By random key within a statement, so the order says nothing and stays the same.
		jdbc.query("select item_id, answer_id from chosen_quote where round_id = ? order by item_id, answer_id",
				row -> {
					UUID answer = row.getObject(2, UUID.class);
					WrittenReview.Shown words = shown.get(answer);
					if (words != null) {
						chosen.add(new Chosen(row.getString(1), answer, words.item(), words.text()));
					}
				}, roundId);
		return chosen;
	}

	/**
	 * The answers the review shows that may not be quoted now: the few in another
	 * language of a question, unless the steward chose to keep them.
	 */
	@Transactional(readOnly = true)
	public Set<UUID> leftOut(UUID roundId, UUID organizationId) {
		RoundView round = rounds.round(roundId, organizationId).require(RoundState.CLOSED);
		Set<UUID> left = new java.util.HashSet<>(review.shown(roundId, round.minGroupSize()).keySet());
		left.removeAll(guard.quotable(roundId, round).keySet());
		return left;
	}

	/**
	 * Saves what the steward ticked for one statement among the answers {@code offered}
	 * on the page: those ticked are chosen, those offered and not ticked are not, and
	 * what was chosen elsewhere stays. Refused for an answer the report does not show, or
	 * for more than two in all. Only while the round is closed.
	 */
	public void choose(UUID roundId, UUID organizationId, String statement, Collection<UUID> offered,
			Collection<UUID> ticked) {
		// Under the round's lock, so a choice never lands beside a publication that has
		// already read them.
		RoundView round = rounds.lockIn(roundId, organizationId, RoundState.CLOSED);
		Map<UUID, WrittenReview.Shown> shown = guard.quotable(roundId, round);
		Set<UUID> wanted = new LinkedHashSet<>(ticked == null ? List.of() : ticked);
		if (!shown.keySet().containsAll(wanted)) {
			throw new ParticipationProblem("quotes.notShown");
		}
		Set<UUID> now = new LinkedHashSet<>();
		chosen(roundId, shown).stream()
			.filter(chosen -> chosen.statement().equals(statement))
			.map(Chosen::answer)
			.forEach(now::add);
		if (offered != null) {
			now.removeAll(offered);
		}
		now.addAll(wanted);
		if (now.size() > MOST_PER_STATEMENT) {
			throw new ParticipationProblem("quotes.tooMany");
		}
		jdbc.update("delete from chosen_quote where round_id = ? and item_id = ?", roundId, statement);
		for (UUID answer : now) {
			jdbc.update("insert into chosen_quote (round_id, item_id, answer_id) values (?, ?, ?)", roundId, statement,
					answer);
		}
	}

	/**
	 * At publication, within its transaction: the words chosen for each statement, as
	 * reviewed. The rows go with the written answers once the report is kept.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, List<String>> quotes(UUID roundId, UUID organizationId) {
		RoundView round = rounds.round(roundId, organizationId);
		Map<String, List<String>> quotes = new LinkedHashMap<>();
		for (Chosen chosen : chosen(roundId, guard.quotable(roundId, round))) {
			quotes.computeIfAbsent(chosen.statement(), statement -> new ArrayList<>()).add(chosen.text());
		}
		return quotes;
	}

}
