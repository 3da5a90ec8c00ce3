package org.peerreflect.participation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.round.RoundView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language guard (DESIGN section 4, invariant 9): where fewer than k of a question's
 * answers that the review shows are in the language other than the round's, the language
 * alone may tell the room who wrote them, so they are not offered as quotes unless the
 * steward, told why, chooses to keep them. The choice is kept by question only.
 */
@Service
@Transactional
public class LanguageGuard {

	private final JdbcTemplate jdbc;

	private final RoundService rounds;

	private final WrittenReview review;

	LanguageGuard(JdbcTemplate jdbc, RoundService rounds, WrittenReview review) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.review = review;
	}

	/**
	 * A question with fewer than k answers that count in a language other than the
	 * round's: the language alone may tell the room who wrote them, so they are left out
	 * of the quotes unless the steward chose to keep them.
	 */
	public record OtherLanguage(String item, String language, int answers, boolean kept) {
	}

	/** The language guard, question by question, for the answers the review shows. */
	@Transactional(readOnly = true)
	public Map<String, OtherLanguage> otherLanguage(UUID roundId, UUID organizationId) {
		RoundView round = review.closed(roundId, organizationId);
		return otherLanguage(roundId, round, review.shown(roundId, round.minGroupSize()));
	}

	private Map<String, OtherLanguage> otherLanguage(UUID roundId, RoundView round,
			Map<UUID, WrittenReview.Shown> shown) {
		Map<String, Map<String, Integer>> byItem = new LinkedHashMap<>();
		for (WrittenReview.Shown answer : shown.values()) {
			String language = AnswerLanguage.of(answer.text());
			if (language != null && !language.equals(round.language())) {
				byItem.computeIfAbsent(answer.item(), item -> new LinkedHashMap<>()).merge(language, 1, Integer::sum);
			}
		}
		Set<String> kept = new HashSet<>(jdbc
			.queryForList("select item_id from quoted_other_language where round_id = ?", String.class, roundId));
		Map<String, OtherLanguage> guarded = new LinkedHashMap<>();
		byItem.forEach((item, languages) -> languages.forEach((language, count) -> {
			if (count < round.minGroupSize()) {
				guarded.put(item, new OtherLanguage(item, language, count, kept.contains(item)));
			}
		}));
		return guarded;
	}

	/**
	 * The answers a steward may choose to quote: those the review shows, less the few in
	 * another language of a question whose steward has not chosen to keep them.
	 */
	Map<UUID, WrittenReview.Shown> quotable(UUID roundId, RoundView round) {
		Map<UUID, WrittenReview.Shown> shown = review.shown(roundId, round.minGroupSize());
		Map<String, OtherLanguage> guarded = otherLanguage(roundId, round, shown);
		Map<UUID, WrittenReview.Shown> quotable = new LinkedHashMap<>();
		shown.forEach((id, answer) -> {
			OtherLanguage other = guarded.get(answer.item());
			if (other == null || other.kept() || !other.language().equals(AnswerLanguage.of(answer.text()))) {
				quotable.put(id, answer);
			}
		});
		return quotable;
	}

	/**
	 * Keeps, or leaves out again, a question's few answers in another language among
	 * those that may be quoted. Only while the round is closed.
	 */
	public void keepOtherLanguage(UUID roundId, UUID organizationId, String itemId, boolean keep) {
		rounds.lockIn(roundId, organizationId, RoundState.CLOSED);
		review.textItem(roundId, organizationId, itemId);
		jdbc.update("delete from quoted_other_language where round_id = ? and item_id = ?", roundId, itemId);
		if (keep) {
			jdbc.update("insert into quoted_other_language (round_id, item_id) values (?, ?)", roundId, itemId);
		}
	}

}
