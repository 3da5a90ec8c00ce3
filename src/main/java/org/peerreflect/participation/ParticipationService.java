package org.peerreflect.participation;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.util.ArrayList;
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
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Storing answers while a round is open: codes issued and used up, and each person's
 * answers kept as one sealed row under the round's key, in the same transaction that
 * deletes their code, with the round's row locked; paper answers typed in come the same
 * way. What close does to those rows is {@link AnswersAtClose}'s; the count table the
 * gate is given at publication is counted here.
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

	private final JdbcTemplate jdbc;

	private final CodeKey key;

	private final RoundService rounds;

	private final RoundKeys keys;

	ParticipationService(JdbcTemplate jdbc, CodeKey key, RoundService rounds, RoundKeys keys) {
		this.jdbc = jdbc;
		this.key = key;
		this.rounds = rounds;
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
	static long storageKey() {
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
	 * The name of the open round a kiosk takes answers for; empty when it is not open.
	 */
	@Transactional(readOnly = true)
	public Optional<String> kioskRoundName(UUID roundId) {
		return rounds.openRound(roundId).map(RoundService.Open::name);
	}

	/**
	 * Which open round an unused code belongs to, without using it up: the participant's
	 * pages ask this before the first question. Empty for a used, unknown or closed
	 * round's code alike.
	 */
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
