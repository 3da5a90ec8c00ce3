package org.peerreflect.participation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundClosing;
import org.peerreflect.round.RoundService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What closing a round does to its answers, inside the closing transaction: the sealed
 * rows are opened once and written anew under fresh keys, shuffled, and the codes go.
 * {@link ParticipationService} stores answers while the round is open; after this
 * commits, {@link FilesRewriteAfterClose} has the database's files written anew.
 */
@Component
@Transactional
class AnswersAtClose {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * A random storage key drawn by the database, where rows are rewritten in SQL
	 * (PostgreSQL): 64 bits of a random UUID, since {@code random()} gives only 52.
	 */
	private static final String STORAGE_KEY = "('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16))::bit(64)::bigint";

	private final JdbcTemplate jdbc;

	private final RoundService rounds;

	private final FilesRewriteAfterClose files;

	private final RoundKeys keys;

	AnswersAtClose(JdbcTemplate jdbc, RoundService rounds, FilesRewriteAfterClose files, RoundKeys keys) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.files = files;
		this.keys = keys;
	}

	/**
	 * At close, inside the closing transaction: the round's sealed answers are opened
	 * once and written as the counts need them, in an order drawn afresh, and its codes
	 * deleted (invariant 3). Responses are written in the clear in one random order, and
	 * each question's written answers, sealed again one by one, in another of their own,
	 * so that neither the table's order nor the log's tells who answered when, or which
	 * answers were one person's. How many used each way is counted here, from what was
	 * sealed. Once this commits, the database's files are rewritten so that no earlier
	 * copy stays in them.
	 */
	@EventListener
	public void rewriteAtClose(RoundClosing closing) {
		UUID roundId = closing.roundId();
		if (files.rowsKeepWritingOrder()) {
			// Rows stored in the clear by a version before answers were sealed.
			rewriteInRandomOrder(roundId);
		}
		openSealed(roundId, closing.questionnaire());
		jdbc.update("delete from participation_code where round_id = ?", roundId);
		files.rewriteAfterCommit(roundId);
	}

	/** Sealed rows read at a time: a few megabytes however long the answers. */
	private static final int SEALED_PAGE = 100;

	/**
	 * Opens the round's sealed rows a page at a time and writes each page out before the
	 * next is read, so that closing a round of any size holds only a page of answers in
	 * memory. The rows are read twice, each time in an order drawn afresh: once for the
	 * responses and their answers, once for the written answers, so that where a written
	 * answer sits tells nothing of the response it came with.
	 */
	private void openSealed(UUID roundId, Questionnaire questionnaire) {
		// The keys alone (the index holds them), then the rows a page at a time by key: a
		// query that sorted the round's rows would read every one of them at once.
		List<Long> storageKeys = new ArrayList<>(
				jdbc.queryForList("select storage_key from sealed_response where round_id = ?", Long.class, roundId));
		if (storageKeys.isEmpty()) {
			return;
		}
		RoundKeys.Sealer sealer = keys.existing(roundId);
		int[] byChannel = new int[Channel.values().length];
		Collections.shuffle(storageKeys, RANDOM);
		inPages(storageKeys, questionnaire, sealer, page -> {
			List<Object[]> responses = new ArrayList<>();
			List<Object[]> answers = new ArrayList<>();
			for (SealedForm.Opened one : page) {
				byChannel[one.channel().ordinal()]++;
				UUID response = UUID.randomUUID();
				responses.add(new Object[] { ParticipationService.storageKey(), response, roundId,
						one.submission().perspective(), one.channel() == Channel.PAPER });
				one.submission()
					.answers()
					.forEach((item, answer) -> answers
						.add(new Object[] { ParticipationService.storageKey(), response, item, answer }));
			}
			jdbc.batchUpdate(
					"insert into response (storage_key, id, round_id, perspective, on_paper) values (?, ?, ?, ?, ?)",
					responses);
			jdbc.batchUpdate(
					"insert into response_answer (storage_key, response_id, item_id, answer) values (?, ?, ?, ?)",
					answers);
		});
		Collections.shuffle(storageKeys, RANDOM);
		inPages(storageKeys, questionnaire, sealer, page -> {
			List<Object[]> written = new ArrayList<>();
			for (SealedForm.Opened one : page) {
				for (Item item : questionnaire.items()) {
					String words = item.isScale() ? null : one.submission().written().get(item.id());
					if (words != null) {
						written.add(new Object[] { ParticipationService.storageKey(), UUID.randomUUID(), roundId,
								item.id(), sealer.seal(SealedForm.written(words)), one.channel() == Channel.PAPER });
					}
				}
			}
			jdbc.batchUpdate("insert into written_answer (storage_key, id, round_id, item_id, sealed, on_paper) "
					+ "values (?, ?, ?, ?, ?, ?)", written);
		});
		// The sealed rows, opened now, are deleted after the close commits, a few at a
		// time (FilesRewriteAfterClose): in one statement H2 would hold every one of them
		// in memory.
		rounds.countChannels(roundId, byChannel[Channel.ONLINE.ordinal()], byChannel[Channel.KIOSK.ordinal()],
				byChannel[Channel.PAPER.ordinal()]);
	}

	/** Opens the rows of {@code storageKeys} a page at a time, in that order. */
	private void inPages(List<Long> storageKeys, Questionnaire questionnaire, RoundKeys.Sealer sealer,
			Consumer<List<SealedForm.Opened>> write) {
		for (int from = 0; from < storageKeys.size(); from += SEALED_PAGE) {
			List<Long> keysOfPage = storageKeys.subList(from, Math.min(storageKeys.size(), from + SEALED_PAGE));
			Map<Long, SealedForm.Opened> opened = new HashMap<>();
			jdbc.query("select storage_key, sealed from sealed_response where storage_key in ("
					+ String.join(", ", Collections.nCopies(keysOfPage.size(), "?")) + ")", row -> {
						opened.put(row.getLong(1),
								SealedForm.openSubmission(questionnaire, sealer.open(row.getBytes(2))));
					}, keysOfPage.toArray());
			// In the order drawn, not the order the database gives them back in.
			write.accept(keysOfPage.stream().map(opened::get).toList());
		}
	}

	private void rewriteInRandomOrder(UUID roundId) {
		List<Object[]> keys = new ArrayList<>();
		jdbc.query("select id from response where round_id = ?", row -> {
			keys.add(new Object[] { row.getObject(1, UUID.class), UUID.randomUUID() });
		}, roundId);
		jdbc.query("select id from written_answer where round_id = ?", row -> {
			keys.add(new Object[] { row.getObject(1, UUID.class), UUID.randomUUID() });
		}, roundId);
		jdbc.batchUpdate("insert into answers_rewrite_key (old_id, new_id) values (?, ?)", keys);
		// New keys are random, so rows written in the order of their new keys are in
		// random order.
		jdbc.update("insert into response (storage_key, id, round_id, perspective, on_paper) select " + STORAGE_KEY
				+ ", k.new_id, r.round_id, r.perspective, r.on_paper from response r join answers_rewrite_key k "
				+ "on k.old_id = r.id where r.round_id = ? order by k.new_id", roundId);
		jdbc.update("insert into response_answer (storage_key, response_id, item_id, answer) select " + STORAGE_KEY
				+ ", k.new_id, a.item_id, a.answer from response_answer a join answers_rewrite_key k "
				+ "on k.old_id = a.response_id order by k.new_id, a.item_id");
		// EXISTS, not IN: H2 checks an IN list again for every row it deletes.
		jdbc.update("delete from response_answer a where exists "
				+ "(select 1 from answers_rewrite_key k where k.old_id = a.response_id)");
		jdbc.update("delete from response r where exists (select 1 from answers_rewrite_key k where k.old_id = r.id)");
		jdbc.update(
				"insert into written_answer (storage_key, id, round_id, item_id, answer, on_paper) select "
						+ STORAGE_KEY + ", k.new_id, w.round_id, w.item_id, w.answer, w.on_paper from written_answer w "
						+ "join answers_rewrite_key k on k.old_id = w.id where w.round_id = ? order by k.new_id",
				roundId);
		jdbc.update(
				"delete from written_answer w where exists (select 1 from answers_rewrite_key k where k.old_id = w.id)");
		jdbc.update("delete from answers_rewrite_key");
	}

}
