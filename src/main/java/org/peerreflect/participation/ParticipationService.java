package org.peerreflect.participation;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.peerreflect.answers.AnswerRow;
import org.peerreflect.answers.AnswersCsv;
import org.peerreflect.answers.AnswersProblem;
import org.peerreflect.gate.CountTable;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundClosing;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of responses and written answers. A response is stored with a random
 * key and nothing but answers and a perspective; written answers apart from it, each on
 * its own; the code that allowed it is deleted in the same transaction, with the round's
 * row locked.
 */
@Service
@Transactional
public class ParticipationService {

	/**
	 * Largest paper answers file read: a stack of paper forms typed in is far smaller,
	 * and it is read into memory.
	 */
	public static final long LARGEST_PAPER_FILE = 1024 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * A random storage key drawn by the database, where rows are rewritten in SQL
	 * (PostgreSQL): 64 bits of a random UUID, since {@code random()} gives only 52.
	 */
	private static final String STORAGE_KEY = "('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16))::bit(64)::bigint";

	private final JdbcTemplate jdbc;

	private final CodeKey key;

	private final RoundService rounds;

	private final AnswerFiles files;

	private final RoundKeys keys;

	ParticipationService(JdbcTemplate jdbc, CodeKey key, RoundService rounds, AnswerFiles files, RoundKeys keys) {
		this.jdbc = jdbc;
		this.key = key;
		this.rounds = rounds;
		this.files = files;
		this.keys = keys;
	}

	/**
	 * One and the same answer for a used, an unknown and a closed round's code (invariant
	 * 2).
	 */
	public enum Outcome {

		ACCEPTED, NOT_ACCEPTED

	}

	/**
	 * New codes for a round that is not closed. Only their HMACs are kept; the codes
	 * themselves go straight onto the cards and nowhere else.
	 */
	public List<String> issueCodes(UUID roundId, UUID organizationId, int count) {
		return issueCodes(roundId, organizationId, count, null);
	}

	/**
	 * As {@link #issueCodes(UUID, UUID, int)}; once the round is open only with a reason,
	 * which the report's cover repeats.
	 */
	public List<String> issueCodes(UUID roundId, UUID organizationId, int count, String reason) {
		if (count < 1 || count > RoundView.MOST_CARDS_AT_ONCE) {
			throw new ParticipationProblem("codes.count");
		}
		rounds.addPrintedCodes(roundId, organizationId, count, reason);
		keys.ensure(roundId);
		List<String> codes = new ArrayList<>(count);
		while (codes.size() < count) {
			String code = ParticipationCodes.newCode();
			try {
				jdbc.update("insert into participation_code (code_hash, round_id) values (?, ?)", key.hash(code),
						roundId);
				codes.add(code);
			}
			catch (DuplicateKeyException taken) {
				// One in 10^14: draw again.
			}
		}
		return codes;
	}

	/**
	 * Stores one person's answers if the code is unused and its round open; the code is
	 * used up in the same transaction. Answers that do not fit the round's questionnaire
	 * store nothing and leave the code as it was.
	 */
	public Outcome submit(String typedCode, Channel channel, Submission submission) {
		return submit(typedCode, channel, submission, null);
	}

	/**
	 * As {@link #submit(String, Channel, Submission)}, accepting only a code of
	 * {@code requiredRound} when given.
	 */
	private Outcome submit(String typedCode, Channel channel, Submission submission, UUID requiredRound) {
		String hash = key.hash(ParticipationCodes.normalize(typedCode));
		List<UUID> round = jdbc.queryForList("select round_id from participation_code where code_hash = ?", UUID.class,
				hash);
		if (round.isEmpty() || requiredRound != null && !requiredRound.equals(round.get(0))) {
			return Outcome.NOT_ACCEPTED;
		}
		UUID roundId = round.get(0);
		Optional<Questionnaire> questionnaire = rounds.lockOpen(roundId);
		if (questionnaire.isEmpty() || jdbc.update("delete from participation_code where code_hash = ?", hash) == 0) {
			return Outcome.NOT_ACCEPTED;
		}
		requireFits(questionnaire.get(), submission);
		// One sealed row of the round's one length: what, how and by which way someone
		// answered is under the round's key, and the round's row changes alike for every
		// way of answering (invariant 3).
		byte[] sealed = keys.of(roundId)
			.seal(SealedForm.submission(questionnaire.get(), channel, withoutEmptyWords(submission)));
		jdbc.update("insert into sealed_response (storage_key, round_id, sealed) values (?, ?, ?)", storageKey(),
				roundId, sealed);
		rounds.countResponse(roundId);
		return Outcome.ACCEPTED;
	}

	/**
	 * Written answers as they are kept: a NUL (from a file typed in from paper) cannot be
	 * stored as text by PostgreSQL, and words that are only spaces are no answer.
	 */
	private static Submission withoutEmptyWords(Submission submission) {
		Map<String, String> written = new LinkedHashMap<>();
		submission.written().forEach((item, text) -> {
			String words = text.replace("\0", "").strip();
			if (!words.isEmpty()) {
				written.put(item, words);
			}
		});
		return new Submission(submission.perspective(), submission.answers(), written);
	}

	/**
	 * The key a row of answers is stored by: random, so that a database that keeps rows
	 * in key order (H2) keeps no order of arrival (invariant 3). One in 10^9 of a million
	 * rows meets a key already taken; drawing it again is not worth the code.
	 */
	private static long storageKey() {
		return RANDOM.nextLong() & Long.MAX_VALUE;
	}

	/**
	 * A paper answers file was refused whole; nothing of it was stored. The page lists
	 * each problem with its row and column.
	 */
	public static final class PaperRefused extends ParticipationProblem {

		private final List<AnswersProblem> problems;

		PaperRefused(List<AnswersProblem> problems) {
			super("paper.refused");
			this.problems = List.copyOf(problems);
		}

		public List<AnswersProblem> problems() {
			return problems;
		}

	}

	/**
	 * Types in a round's paper answers from a CSV with a {@code code} column (DESIGN
	 * section 5): each row uses up one unused code of this round. All rows or none: one
	 * problem, and nothing is kept.
	 * @return how many rows were stored
	 */
	public int importPaper(UUID roundId, UUID organizationId, String fileName, InputStream csv, Charset encoding) {
		String language = rounds.round(roundId, organizationId).language();
		// The round is held from before the file is read: a close asked for meanwhile
		// waits for the whole file, instead of the rows finding it closed one by one.
		Questionnaire questionnaire = rounds.lockOpen(roundId)
			.orElseThrow(() -> new ParticipationProblem("paper.roundNotOpen"));
		List<AnswerRow> rows = new ArrayList<>();
		AnswersCsv.Result read = new AnswersCsv(questionnaire, true, encoding, language).read(fileName, csv, rows::add);
		if (!read.ok()) {
			throw new PaperRefused(read.problems());
		}
		List<AnswersProblem> tooLong = new ArrayList<>();
		for (AnswerRow row : rows) {
			row.written().forEach((item, text) -> {
				if (text.strip().length() > PageQuestion.LONGEST_WRITTEN) {
					tooLong.add(new AnswersProblem(fileName, row.row(), item, AnswersProblem.Kind.WRITTEN_TOO_LONG,
							"a written answer longer than " + PageQuestion.LONGEST_WRITTEN + " characters", item,
							String.valueOf(PageQuestion.LONGEST_WRITTEN), String.valueOf(text.strip().length())));
				}
			});
		}
		if (!tooLong.isEmpty()) {
			throw new PaperRefused(tooLong);
		}
		for (AnswerRow row : rows) {
			Map<String, String> written = new LinkedHashMap<>();
			row.written().forEach((item, text) -> {
				if (!text.isBlank()) {
					written.put(item, text.strip());
				}
			});
			Outcome outcome = submit(row.code(), Channel.PAPER,
					new Submission(row.perspective(), row.answers(), written), roundId);
			if (outcome != Outcome.ACCEPTED) {
				// Thrown out of the transaction: every row before this one is undone too.
				throw new PaperRefused(List.of(new AnswersProblem(fileName, row.row(), "code",
						AnswersProblem.Kind.CODE_DOES_NOT_WORK,
						"this code does not work for this round: it is used already, unknown, or another round's")));
			}
		}
		return rows.size();
	}

	/** The round a code opens, while the code is unused and its round open. */
	public record OpenRound(UUID roundId, Questionnaire questionnaire, String language) {
	}

	/**
	 * Which open round an unused code belongs to, without using it up: the participant's
	 * pages ask this before the first question. Empty for a used, unknown or closed
	 * round's code alike.
	 */
	@Transactional(readOnly = true)
	/**
	 * The name of the open round a kiosk takes answers for; empty when it is not open.
	 */
	public Optional<String> kioskRoundName(UUID roundId) {
		return rounds.openRound(roundId).map(RoundService.Open::name);
	}

	public Optional<OpenRound> roundOf(String typedCode) {
		String hash = key.hash(ParticipationCodes.normalize(typedCode));
		List<UUID> round = jdbc.queryForList("select round_id from participation_code where code_hash = ?", UUID.class,
				hash);
		if (round.isEmpty()) {
			return Optional.empty();
		}
		return rounds.openRound(round.get(0))
			.map(open -> new OpenRound(round.get(0), open.questionnaire(), open.language()));
	}

	/**
	 * Answers that do not fit the questionnaire are a fault of the page that sent them.
	 */
	static void requireFits(Questionnaire questionnaire, Submission submission) {
		if (submission.perspective() != null && (questionnaire.perspective() == null
				|| questionnaire.perspective().indexOf(submission.perspective()) < 0)) {
			throw new IllegalArgumentException("not a perspective of this round");
		}
		submission.answers().forEach((id, answer) -> {
			Item item = questionnaire.item(id)
				.filter(Item::isScale)
				.orElseThrow(() -> new IllegalArgumentException("not a scale item of this round"));
			if (!Scale.NOT_SURE.equals(answer) && item.scale().indexOf(answer) < 0) {
				throw new IllegalArgumentException("not an answer to this item");
			}
		});
		submission.written().forEach((id, text) -> {
			questionnaire.item(id)
				.filter(item -> !item.isScale())
				.orElseThrow(() -> new IllegalArgumentException("not a text item of this round"));
			if (text.length() > PageQuestion.LONGEST_WRITTEN) {
				throw new IllegalArgumentException("a written answer longer than any may be");
			}
		});
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

	private void openSealed(UUID roundId, Questionnaire questionnaire) {
		Integer sealedRows = jdbc.queryForObject("select count(*) from sealed_response where round_id = ?",
				Integer.class, roundId);
		if (sealedRows == 0) {
			return;
		}
		RoundKeys.Sealer sealer = keys.existing(roundId);
		List<SealedForm.Opened> opened = new ArrayList<>(sealedRows);
		// The keys first (the index holds them), then the rows a page at a time by key:
		// a query that sorted the round's rows would read every one of them at once.
		List<Long> keys = jdbc.queryForList("select storage_key from sealed_response where round_id = ?", Long.class,
				roundId);
		for (int from = 0; from < keys.size(); from += SEALED_PAGE) {
			List<Long> page = keys.subList(from, Math.min(keys.size(), from + SEALED_PAGE));
			jdbc.query("select sealed from sealed_response where storage_key in ("
					+ String.join(", ", Collections.nCopies(page.size(), "?")) + ")", row -> {
						opened.add(SealedForm.openSubmission(questionnaire, sealer.open(row.getBytes(1))));
					}, page.toArray());
		}
		Collections.shuffle(opened, RANDOM);
		int[] byChannel = new int[Channel.values().length];
		List<Object[]> responses = new ArrayList<>();
		List<Object[]> answers = new ArrayList<>();
		for (SealedForm.Opened one : opened) {
			byChannel[one.channel().ordinal()]++;
			UUID response = UUID.randomUUID();
			responses.add(new Object[] { storageKey(), response, roundId, one.submission().perspective(),
					one.channel() == Channel.PAPER });
			one.submission()
				.answers()
				.forEach((item, answer) -> answers.add(new Object[] { storageKey(), response, item, answer }));
		}
		jdbc.batchUpdate(
				"insert into response (storage_key, id, round_id, perspective, on_paper) values (?, ?, ?, ?, ?)",
				responses);
		jdbc.batchUpdate("insert into response_answer (storage_key, response_id, item_id, answer) values (?, ?, ?, ?)",
				answers);
		for (Item item : questionnaire.items()) {
			if (item.isScale()) {
				continue;
			}
			List<Object[]> written = new ArrayList<>();
			for (SealedForm.Opened one : opened) {
				String words = one.submission().written().get(item.id());
				if (words != null) {
					written.add(new Object[] { storageKey(), UUID.randomUUID(), roundId, item.id(),
							sealer.seal(SealedForm.written(words)), one.channel() == Channel.PAPER });
				}
			}
			Collections.shuffle(written, RANDOM);
			jdbc.batchUpdate("insert into written_answer (storage_key, id, round_id, item_id, sealed, on_paper) "
					+ "values (?, ?, ?, ?, ?, ?)", written);
		}
		// The sealed rows, opened now, are deleted after the close commits, a few at a
		// time (AnswerFiles): in one statement H2 would hold every one of them in memory.
		rounds.countChannels(roundId, byChannel[Channel.ONLINE.ordinal()], byChannel[Channel.KIOSK.ordinal()],
				byChannel[Channel.PAPER.ordinal()]);
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

	/**
	 * The round's count table, counted by the database: no response is read into memory.
	 */
	@Transactional(readOnly = true)
	public CountTable countTable(UUID roundId, Questionnaire questionnaire) {
		CountTable table = new CountTable(questionnaire);
		jdbc.query(
				"select perspective, on_paper, count(*) from response where round_id = ? group by perspective, on_paper",
				row -> {
					table.addPeople(row.getString(1), row.getBoolean(2), row.getLong(3));
				}, roundId);
		jdbc.query(
				"select r.perspective, r.on_paper, a.item_id, a.answer, count(*) from response r join response_answer a "
						+ "on a.response_id = r.id where r.round_id = ? group by r.perspective, r.on_paper, a.item_id, a.answer",
				row -> {
					table.addAnswers(row.getString(3), row.getString(1), row.getBoolean(2), row.getString(4),
							row.getLong(5));
				}, roundId);
		return table;
	}

}
