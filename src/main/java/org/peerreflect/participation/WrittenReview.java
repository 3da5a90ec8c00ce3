package org.peerreflect.participation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.LocalizedText;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.round.RoundView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steward's review of a closed round's written answers (invariant 9), the one place
 * where answers are read before the gate: one item at a time, never one person's answers
 * together, only items with at least k answers that still count, shuffled afresh on every
 * reading. This is the reading, and what publication and erasing delete;
 * {@link ReviewChanges} makes the steward's changes and {@link LanguageGuard} keeps the
 * few answers in another language out of the quotes, both through what this says may be
 * shown.
 */
@Service
@Transactional
public class WrittenReview {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final RoundService rounds;

	private final FilesRewriteAfterClose files;

	private final RoundKeys keys;

	WrittenReview(JdbcTemplate jdbc, RoundService rounds, FilesRewriteAfterClose files, RoundKeys keys) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.files = files;
		this.keys = keys;
	}

	/**
	 * A round's written answers as words: sealed under the round's key from close to
	 * publication, or in the clear where a version before sealing wrote them. The key is
	 * opened once, when the first sealed answer is met.
	 */
	final class Words {

		private final UUID roundId;

		private RoundKeys.Sealer sealer;

		Words(UUID roundId) {
			this.roundId = roundId;
		}

		String of(byte[] sealed, String clear) {
			if (sealed == null) {
				return clear;
			}
			if (sealer == null) {
				sealer = keys.existing(roundId);
			}
			return SealedForm.openWritten(sealer.open(sealed));
		}

		byte[] seal(String words) {
			if (sealer == null) {
				sealer = keys.of(roundId);
			}
			return sealer.seal(SealedForm.written(words));
		}

	}

	/**
	 * A text item as the review lists it: how many answers count, and whether it can be
	 * reviewed.
	 */
	public record ItemToReview(String id, LocalizedText principle, LocalizedText text, int counting, boolean enough,
			int changed, int removedWhole) {
	}

	/** One written answer with its random key, and whether the steward has changed it. */
	public record Answer(UUID id, String text, boolean changed) {
	}

	/** One item's answers, in a fresh random order. */
	public record ItemAnswers(String id, LocalizedText text, List<Answer> answers, long order, int page, int pages,
			int firstNumber) {
	}

	/**
	 * Answers on one page of the review: a page stays well under 200 KB even of the
	 * longest answers.
	 */
	public static final int PAGE_SIZE = 25;

	/** Every text item of a closed round with how many of its answers count toward k. */
	@Transactional(readOnly = true)
	public List<ItemToReview> items(UUID roundId, UUID organizationId) {
		RoundView round = closed(roundId, organizationId);
		Questionnaire questionnaire = rounds.questionnaire(roundId, organizationId);
		Map<String, Integer> counting = reviewable(roundId, round.minGroupSize(), null).counting();
		Map<String, Integer> changed = new LinkedHashMap<>();
		Map<String, Integer> removedWhole = new LinkedHashMap<>();
		Words words = new Words(roundId);
		jdbc.query("select w.item_id, w.answer, w.sealed from written_answer w "
				+ "join written_answer_as_written b on b.answer_id = w.id where w.round_id = ?", row -> {
					changed.merge(row.getString(1), 1, Integer::sum);
					if (WrittenAnswers.whollyRemoved(words.of(row.getBytes(3), row.getString(2)))) {
						removedWhole.merge(row.getString(1), 1, Integer::sum);
					}
				}, roundId);
		List<ItemToReview> items = new ArrayList<>();
		for (Principle principle : questionnaire.principles()) {
			for (Item item : principle.items()) {
				if (!item.isScale()) {
					int count = counting.getOrDefault(item.id(), 0);
					items.add(new ItemToReview(item.id(), principle.title(), item.text(), count,
							count >= round.minGroupSize(), changed.getOrDefault(item.id(), 0),
							removedWhole.getOrDefault(item.id(), 0)));
				}
			}
		}
		return items;
	}

	/**
	 * One page of an item's answers in the random order of this view: {@code order} draws
	 * it, so that the pages of one view follow each other; without one, a new view draws
	 * a new order. Refused for an item with fewer than k answers that count.
	 */
	@Transactional(readOnly = true)
	public ItemAnswers item(UUID roundId, UUID organizationId, String itemId, Long view, int page) {
		long order = view != null ? view : RANDOM.nextLong();
		RoundView round = closed(roundId, organizationId);
		Item item = textItem(roundId, organizationId, itemId);
		Reviewable reviewable = reviewable(roundId, round.minGroupSize(), null);
		if (reviewable.counting().getOrDefault(itemId, 0) < round.minGroupSize()) {
			throw ParticipationProblem.notFound("review.tooFew");
		}
		boolean withoutOnline = reviewable.withoutOnline().contains(itemId);
		List<Answer> answers = new ArrayList<>();
		Words words = new Words(roundId);
		// In the order of their random keys first, so that one order value always draws
		// the same order.
		jdbc.query("select w.id, w.answer, w.on_paper, b.answer_id, w.sealed from written_answer w "
				+ "left join written_answer_as_written b on b.answer_id = w.id where w.round_id = ? and w.item_id = ? "
				+ "order by w.id", row -> {
					if (row.getBoolean(3) || !withoutOnline) {
						answers.add(new Answer(row.getObject(1, UUID.class),
								words.of(row.getBytes(5), row.getString(2)), row.getObject(4) != null));
					}
				}, roundId, itemId);
		Collections.shuffle(answers, new Random(order));
		int pages = Math.max(1, (answers.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.max(0, Math.min(page, pages - 1));
		int from = shown * PAGE_SIZE;
		return new ItemAnswers(itemId, item.text(),
				List.copyOf(answers.subList(from, Math.min(answers.size(), from + PAGE_SIZE))), order, shown, pages,
				from + 1);
	}

	/**
	 * What removing all of one answer would do, asked before it is done: the answer as it
	 * reads now, and whether its question would then have fewer than k answers that
	 * count, so that it leaves the review and the report. Only for an answer the review
	 * may show.
	 */
	public record Removal(String item, Answer answer, boolean leavesTooFew, int minGroupSize) {
	}

	@Transactional(readOnly = true)
	public Removal removal(UUID roundId, UUID organizationId, String itemId, UUID answerId) {
		int k = closed(roundId, organizationId).minGroupSize();
		Answer answer = answer(roundId, organizationId, itemId, answerId);
		boolean tooFew = reviewable(roundId, k, answerId).counting().getOrDefault(itemId, 0) < k;
		return new Removal(itemId, answer, tooFew, k);
	}

	/** One answer as it reads now; only for an answer the review may show. */
	@Transactional(readOnly = true)
	public Answer answer(UUID roundId, UUID organizationId, String itemId, UUID answerId) {
		RoundView round = closed(roundId, organizationId);
		textItem(roundId, organizationId, itemId);
		int k = round.minGroupSize();
		Reviewable now = reviewable(roundId, k, null);
		if (now.counting().getOrDefault(itemId, 0) < k) {
			throw ParticipationProblem.notFound("review.tooFew");
		}
		boolean withoutOnline = now.withoutOnline().contains(itemId);
		Words words = new Words(roundId);
		List<Answer> found = jdbc.query(
				"select w.answer, w.on_paper, w.sealed, b.answer_id from written_answer w "
						+ "left join written_answer_as_written b on b.answer_id = w.id "
						+ "where w.id = ? and w.round_id = ? and w.item_id = ?",
				(row, n) -> row.getBoolean(2) || !withoutOnline
						? new Answer(answerId, words.of(row.getBytes(3), row.getString(1)), row.getObject(4) != null)
						: null,
				answerId, roundId, itemId);
		if (found.isEmpty() || found.get(0) == null) {
			throw ParticipationProblem.notFound("review.noSuchAnswer");
		}
		return found.get(0);
	}

	/**
	 * At publication, within its transaction, once the gate has read the reviewed
	 * answers: what was published is kept with the report, so the round's written
	 * answers, the words as written of those changed, and the round's key go, and the
	 * database's files are rewritten once it commits (invariant 3). Whatever of the round
	 * stayed sealed can then no longer be read by anyone, with the code key or without.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forgetAfterPublishing(UUID roundId) {
		jdbc.update("delete from chosen_quote where round_id = ?", roundId);
		jdbc.update("delete from quoted_other_language where round_id = ?", roundId);
		jdbc.update("delete from written_answer_as_written b where exists "
				+ "(select 1 from written_answer w where w.id = b.answer_id and w.round_id = ?)", roundId);
		jdbc.update("delete from written_answer where round_id = ?", roundId);
		keys.destroy(roundId);
		files.rewriteAfterCommit(roundId);
	}

	/**
	 * Whether an item's answers may still be read here: at least k of them still count.
	 */
	@Transactional(readOnly = true)
	public boolean readable(UUID roundId, UUID organizationId, String itemId) {
		int k = rounds.round(roundId, organizationId).minGroupSize();
		return reviewable(roundId, k, null).counting().getOrDefault(itemId, 0) >= k;
	}

	/**
	 * The round's reviewed written answers, for the gate at publication only: within the
	 * publishing transaction, which holds the round's lock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public WrittenAnswers reviewed(UUID roundId, UUID organizationId) {
		rounds.round(roundId, organizationId);
		WrittenAnswers written = WrittenAnswers.none();
		Words words = new Words(roundId);
		jdbc.query("select item_id, answer, on_paper, sealed from written_answer where round_id = ?", row -> {
			written.add(row.getString(1), words.of(row.getBytes(4), row.getString(2)), row.getBoolean(3));
		}, roundId);
		return written;
	}

	/**
	 * Deletes a published round's responses and written answers (invariant 12), within
	 * the caller's transaction; what was published stays.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void eraseAnswers(UUID roundId) {
		jdbc.update("delete from chosen_quote where round_id = ?", roundId);
		jdbc.update("delete from quoted_other_language where round_id = ?", roundId);
		jdbc.update("delete from written_answer where round_id = ?", roundId);
		jdbc.update("delete from response where round_id = ?", roundId);
		keys.destroy(roundId);
		files.rewriteAfterCommit(roundId);
	}

	/** A written answer the report may show, as reviewed, and the question it answers. */
	record Shown(String item, String text) {
	}

	/**
	 * Every answer of a round that the review may show and that still counts, by its
	 * random key: the answers a steward may choose to quote.
	 */
	Map<UUID, Shown> shown(UUID roundId, int k) {
		Reviewable reviewable = reviewable(roundId, k, null);
		Map<UUID, Shown> shown = new LinkedHashMap<>();
		Words words = new Words(roundId);
		jdbc.query("select id, item_id, answer, on_paper, sealed from written_answer where round_id = ?", row -> {
			String item = row.getString(2);
			if (reviewable.counting().getOrDefault(item, 0) >= k
					&& (row.getBoolean(4) || !reviewable.withoutOnline().contains(item))) {
				String text = words.of(row.getBytes(5), row.getString(3));
				if (!text.isBlank() && !WrittenAnswers.whollyRemoved(text)) {
					shown.put(row.getObject(1, UUID.class), new Shown(item, text.strip()));
				}
			}
		}, roundId);
		return shown;
	}

	/** The round's written answers as words, for the steward's changes too. */
	Words words(UUID roundId) {
		return new Words(roundId);
	}

	RoundView closed(UUID roundId, UUID organizationId) {
		return rounds.round(roundId, organizationId).require(RoundState.CLOSED);
	}

	Item textItem(UUID roundId, UUID organizationId, String itemId) {
		return rounds.questionnaire(roundId, organizationId)
			.item(itemId)
			.filter(item -> !item.isScale())
			.orElseThrow(() -> ParticipationProblem.notFound("review.noSuchItem"));
	}

	/**
	 * What the review may show, item by item, as the gate will count it: answers that
	 * still count toward k (an answer wholly removed no longer does), and of those that
	 * did not come on paper only where they are none or at least k, in the round and for
	 * the item (invariant 13). Otherwise the steward who typed the paper forms would find
	 * the few others' words here, set apart from their own, though the report leaves them
	 * out. {@code removedToo}, when given, is read as if wholly removed.
	 */
	Reviewable reviewable(UUID roundId, int k, UUID removedToo) {
		Integer online = jdbc.queryForObject("select count(*) from response where round_id = ? and not on_paper",
				Integer.class, roundId);
		Map<String, Integer> paper = new LinkedHashMap<>();
		Map<String, Integer> notPaper = new LinkedHashMap<>();
		Words words = new Words(roundId);
		jdbc.query("select item_id, answer, on_paper, sealed, id from written_answer where round_id = ?", row -> {
			if (!row.getObject(5, UUID.class).equals(removedToo)
					&& !WrittenAnswers.whollyRemoved(words.of(row.getBytes(4), row.getString(2)))) {
				(row.getBoolean(3) ? paper : notPaper).merge(row.getString(1), 1, Integer::sum);
			}
		}, roundId);
		Map<String, Integer> counting = new LinkedHashMap<>(paper);
		Set<String> withoutOnline = new HashSet<>();
		notPaper.forEach((item, count) -> {
			if (GroupSummary.countMayBeShown(online, k) && GroupSummary.countMayBeShown(count, k)) {
				counting.merge(item, count, Integer::sum);
			}
			else {
				withoutOnline.add(item);
			}
		});
		return new Reviewable(counting, withoutOnline);
	}

	/**
	 * Per text item, how many answers count toward k, and the items whose non-paper
	 * answers are left out.
	 */
	record Reviewable(Map<String, Integer> counting, Set<String> withoutOnline) {
	}

}
