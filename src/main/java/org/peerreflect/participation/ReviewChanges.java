package org.peerreflect.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.round.RoundView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steward's changes to a closed round's written answers (invariant 9): "[removed]" in
 * place of words that could give someone away, and nothing else, and putting answers back
 * as they were written. Each waits for the round's lock, so no change lands beside a
 * publication that has read the words already; the words as written are kept sealed until
 * publication. What the review may show, and so what may be changed, is
 * {@link WrittenReview}'s to say.
 */
@Service
@Transactional
public class ReviewChanges {

	private final JdbcTemplate jdbc;

	private final RoundService rounds;

	private final WrittenReview review;

	ReviewChanges(JdbcTemplate jdbc, RoundService rounds, WrittenReview review) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.review = review;
	}

	/**
	 * Puts "[removed]" in place of some words of one answer, and nothing else. Only while
	 * the round is closed and not yet published, and only for an item the review may
	 * show.
	 */
	public void redact(UUID roundId, UUID organizationId, String itemId, UUID answerId, String edited) {
		// Under the round's lock, so an edit never lands beside a publication that has
		// read the old words.
		RoundView round = rounds.lockIn(roundId, organizationId, RoundState.CLOSED);
		review.textItem(roundId, organizationId, itemId);
		WrittenReview.Reviewable reviewable = review.reviewable(roundId, round.minGroupSize(), null);
		if (reviewable.counting().getOrDefault(itemId, 0) < round.minGroupSize()) {
			throw new ParticipationProblem("review.tooFew");
		}
		boolean withoutOnline = reviewable.withoutOnline().contains(itemId);
		WrittenReview.Words words = review.words(roundId);
		List<String> original = jdbc.query(
				"select answer, on_paper, sealed from written_answer where id = ? and round_id = ? and item_id = ?",
				(row, n) -> row.getBoolean(2) || !withoutOnline ? words.of(row.getBytes(3), row.getString(1)) : null,
				answerId, roundId, itemId);
		if (original.isEmpty() || original.get(0) == null) {
			throw new ParticipationProblem("review.noSuchAnswer");
		}
		String now = Redaction.asRedaction(original.get(0), edited)
			.orElseThrow(() -> new ParticipationProblem("review.onlyRemoved"));
		if (now.equals(Redaction.normalize(original.get(0)))) {
			return;
		}
		// The words as written are kept once, from before the first change, until
		// publication.
		jdbc.update("insert into written_answer_as_written (answer_id, answer, sealed) select id, answer, sealed "
				+ "from written_answer w where id = ? and not exists "
				+ "(select 1 from written_answer_as_written b where b.answer_id = w.id)", answerId);
		// Sealed again, so that the words taken out are never in the clear in any file
		// (invariant 3).
		jdbc.update("update written_answer set answer = null, sealed = ? where id = ?", words.seal(now), answerId);
	}

	/**
	 * Puts one changed answer back as it was written. Only while the round is closed: it
	 * may be an answer wholly removed, whose question then has fewer than k that count
	 * and cannot be read here.
	 */
	public void putBack(UUID roundId, UUID organizationId, String itemId, UUID answerId) {
		rounds.lockIn(roundId, organizationId, RoundState.CLOSED);
		review.textItem(roundId, organizationId, itemId);
		if (putBack(roundId, itemId, answerId) == 0) {
			throw new ParticipationProblem("review.noSuchAnswer");
		}
	}

	/**
	 * Puts every changed answer to one question back as it was written; returns how many.
	 */
	public int putBackAll(UUID roundId, UUID organizationId, String itemId) {
		rounds.lockIn(roundId, organizationId, RoundState.CLOSED);
		review.textItem(roundId, organizationId, itemId);
		return putBack(roundId, itemId, null);
	}

	/**
	 * Puts back as written only the answers of one question that were removed whole,
	 * leaving the words taken out of the others out: the way back for a question that a
	 * removal took under k, which cannot be opened to put answers back one by one.
	 * Returns how many.
	 */
	public int putBackRemovedWhole(UUID roundId, UUID organizationId, String itemId) {
		rounds.lockIn(roundId, organizationId, RoundState.CLOSED);
		review.textItem(roundId, organizationId, itemId);
		WrittenReview.Words words = review.words(roundId);
		List<UUID> whole = new ArrayList<>();
		jdbc.query("select w.id, w.answer, w.sealed from written_answer w join written_answer_as_written b "
				+ "on b.answer_id = w.id where w.round_id = ? and w.item_id = ?", row -> {
					if (WrittenAnswers.whollyRemoved(words.of(row.getBytes(3), row.getString(2)))) {
						whole.add(row.getObject(1, UUID.class));
					}
				}, roundId, itemId);
		whole.forEach(answer -> putBack(roundId, itemId, answer));
		return whole.size();
	}

	private int putBack(UUID roundId, String itemId, UUID answerId) {
		String which = "w.round_id = ? and w.item_id = ?" + (answerId == null ? "" : " and w.id = ?");
		Object[] values = answerId == null ? new Object[] { roundId, itemId }
				: new Object[] { roundId, itemId, answerId };
		List<UUID> changed = jdbc.queryForList("select w.id from written_answer w join written_answer_as_written b "
				+ "on b.answer_id = w.id where " + which, UUID.class, values);
		for (UUID id : changed) {
			jdbc.update("update written_answer set answer = (select answer from written_answer_as_written where "
					+ "answer_id = ?), sealed = (select sealed from written_answer_as_written where answer_id = ?) "
					+ "where id = ?", id, id, id);
			jdbc.update("delete from written_answer_as_written where answer_id = ?", id);
		}
		return changed.size();
	}

}
