package org.peerreflect.participation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.peerreflect.insight.CountTable;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundClosing;
import org.peerreflect.round.RoundProblem;
import org.peerreflect.round.RoundService;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of responses and written answers. A response is stored with a random key and
 * nothing but answers and a perspective; written answers apart from it, each on its own; the code
 * that allowed it is deleted in the same transaction, with the round's row locked.
 */
@Service
@Transactional
public class ParticipationService {

	/** Largest paper answers file read: a stack of paper forms typed in is far smaller, and it is read into memory. */
	public static final long LARGEST_PAPER_FILE = 1024 * 1024;

	/** Most cards a steward can ask for at once. */
	public static final int MOST_CODES = 1000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final CodeKey key;

	private final RoundService rounds;

	ParticipationService(JdbcTemplate jdbc, CodeKey key, RoundService rounds) {
		this.jdbc = jdbc;
		this.key = key;
		this.rounds = rounds;
	}

	/** One and the same answer for a used, an unknown and a closed round's code (invariant 2). */
	public enum Outcome {
		ACCEPTED, NOT_ACCEPTED
	}

	/**
	 * New codes for a round that is not closed. Only their HMACs are kept; the codes themselves go
	 * straight onto the cards and nowhere else.
	 */
	public List<String> issueCodes(UUID roundId, UUID organizationId, int count) {
		if (count < 1 || count > MOST_CODES) {
			throw new RoundProblem("codes.count");
		}
		rounds.addPrintedCodes(roundId, organizationId, count);
		List<String> codes = new ArrayList<>(count);
		while (codes.size() < count) {
			String code = ParticipationCodes.newCode();
			try {
				jdbc.update("insert into participation_code (code_hash, round_id) values (?, ?)", key.hash(code), roundId);
				codes.add(code);
			}
			catch (DuplicateKeyException taken) {
				// One in 10^14: draw again.
			}
		}
		return codes;
	}

	/**
	 * Stores one person's answers if the code is unused and its round open; the code is used up in
	 * the same transaction. Answers that do not fit the round's questionnaire store nothing and
	 * leave the code as it was.
	 */
	public Outcome submit(String typedCode, Channel channel, Submission submission) {
		return submit(typedCode, channel, submission, null);
	}

	/** As {@link #submit(String, Channel, Submission)}, accepting only a code of {@code requiredRound} when given. */
	private Outcome submit(String typedCode, Channel channel, Submission submission, UUID requiredRound) {
		String hash = key.hash(ParticipationCodes.normalize(typedCode));
		List<UUID> round = jdbc.queryForList("select round_id from participation_code where code_hash = ?", UUID.class, hash);
		if (round.isEmpty() || requiredRound != null && !requiredRound.equals(round.get(0))) {
			return Outcome.NOT_ACCEPTED;
		}
		UUID roundId = round.get(0);
		Optional<Questionnaire> questionnaire = rounds.lockOpen(roundId);
		if (questionnaire.isEmpty() || jdbc.update("delete from participation_code where code_hash = ?", hash) == 0) {
			return Outcome.NOT_ACCEPTED;
		}
		requireFits(questionnaire.get(), submission);
		UUID response = UUID.randomUUID();
		jdbc.update("insert into response (id, round_id, perspective) values (?, ?, ?)", response, roundId,
				submission.perspective());
		for (Map.Entry<String, String> answer : submission.answers().entrySet()) {
			jdbc.update("insert into response_answer (response_id, item_id, answer) values (?, ?, ?)", response,
					answer.getKey(), answer.getValue());
		}
		for (Map.Entry<String, String> written : submission.written().entrySet()) {
			// A NUL (from a file typed in from paper) cannot be stored as text by PostgreSQL.
			String words = written.getValue().replace("\0", "").strip();
			if (!words.isEmpty()) {
				jdbc.update("insert into written_answer (id, round_id, item_id, answer) values (?, ?, ?, ?)",
						UUID.randomUUID(), roundId, written.getKey(), words);
			}
		}
		rounds.counted(roundId, channel);
		return Outcome.ACCEPTED;
	}

	/** A paper answers file was refused whole; nothing of it was stored. */
	public static final class PaperRefused extends RuntimeException {

		private final List<AnswersProblem> problems;

		PaperRefused(List<AnswersProblem> problems) {
			super(problems.isEmpty() ? "refused" : problems.get(0).toString());
			this.problems = List.copyOf(problems);
		}

		public List<AnswersProblem> problems() {
			return problems;
		}

	}

	/**
	 * Types in a round's paper answers from a CSV with a {@code code} column (DESIGN section 5): each
	 * row uses up one unused code of this round. All rows or none: one problem, and nothing is kept.
	 *
	 * @return how many rows were stored
	 */
	public int importPaper(UUID roundId, UUID organizationId, String fileName, java.io.InputStream csv,
			java.nio.charset.Charset encoding) {
		if (rounds.round(roundId, organizationId).state() != org.peerreflect.round.RoundState.OPEN) {
			throw new RoundProblem("paper.roundNotOpen");
		}
		Questionnaire questionnaire = rounds.questionnaire(roundId, organizationId);
		List<AnswerRow> rows = new ArrayList<>();
		AnswersCsv.Result read = new AnswersCsv(questionnaire, true, encoding).read(fileName, csv, rows::add);
		if (!read.ok()) {
			throw new PaperRefused(read.problems());
		}
		for (AnswerRow row : rows) {
			Map<String, String> written = new LinkedHashMap<>();
			row.written().forEach((item, text) -> {
				if (!text.isBlank()) {
					written.put(item, text);
				}
			});
			Outcome outcome = submit(row.code(), Channel.PAPER, new Submission(row.perspective(), row.answers(), written),
					roundId);
			if (outcome != Outcome.ACCEPTED) {
				// Thrown out of the transaction: every row before this one is undone too.
				throw new PaperRefused(List.of(new AnswersProblem(fileName, row.row(), "code",
						"this code does not work for this round: it is used already, unknown, or another round's")));
			}
		}
		return rows.size();
	}

	/** The round a code opens, while the code is unused and its round open. */
	public record OpenRound(UUID roundId, Questionnaire questionnaire, String language) {
	}

	/**
	 * Which open round an unused code belongs to, without using it up: the participant's pages ask
	 * this before the first question. Empty for a used, unknown or closed round's code alike.
	 */
	@Transactional(readOnly = true)
	public Optional<OpenRound> roundOf(String typedCode) {
		String hash = key.hash(ParticipationCodes.normalize(typedCode));
		List<UUID> round = jdbc.queryForList("select round_id from participation_code where code_hash = ?", UUID.class, hash);
		if (round.isEmpty()) {
			return Optional.empty();
		}
		return rounds.openRound(round.get(0)).map(open -> new OpenRound(round.get(0), open.questionnaire(), open.language()));
	}

	/** Answers that do not fit the questionnaire are a fault of the page that sent them. */
	static void requireFits(Questionnaire questionnaire, Submission submission) {
		if (submission.perspective() != null && (questionnaire.perspective() == null
				|| questionnaire.perspective().indexOf(submission.perspective()) < 0)) {
			throw new IllegalArgumentException("not a perspective of this round");
		}
		submission.answers().forEach((id, answer) -> {
			Item item = questionnaire.item(id).filter(Item::isScale)
				.orElseThrow(() -> new IllegalArgumentException("not a scale item of this round"));
			if (!Scale.NOT_SURE.equals(answer) && item.scale().indexOf(answer) < 0) {
				throw new IllegalArgumentException("not an answer to this item");
			}
		});
		submission.written().keySet().forEach(id -> questionnaire.item(id).filter(item -> !item.isScale())
			.orElseThrow(() -> new IllegalArgumentException("not a text item of this round")));
	}

	/**
	 * At close, inside the closing transaction: every response and written answer of the round is
	 * written anew, with new keys, in random order, and its codes are deleted (invariant 3).
	 */
	@EventListener
	public void rewriteAtClose(RoundClosing closing) {
		UUID roundId = closing.roundId();
		record Stored(String perspective, Map<String, String> answers) {
		}
		Map<UUID, Stored> responses = new LinkedHashMap<>();
		jdbc.query("select r.id, r.perspective, a.item_id, a.answer from response r left join response_answer a "
				+ "on a.response_id = r.id where r.round_id = ?", row -> {
					Stored stored = responses.computeIfAbsent(row.getObject(1, UUID.class),
							id -> new Stored(safe(row, 2), new LinkedHashMap<>()));
					if (row.getString(3) != null) {
						stored.answers().put(row.getString(3), row.getString(4));
					}
				}, roundId);
		List<Stored> shuffled = new ArrayList<>(responses.values());
		Collections.shuffle(shuffled, RANDOM);
		jdbc.update("delete from response where round_id = ?", roundId);
		for (Stored stored : shuffled) {
			UUID id = UUID.randomUUID();
			jdbc.update("insert into response (id, round_id, perspective) values (?, ?, ?)", id, roundId, stored.perspective());
			stored.answers().forEach((item, answer) -> jdbc
				.update("insert into response_answer (response_id, item_id, answer) values (?, ?, ?)", id, item, answer));
		}
		List<String[]> written = jdbc.query("select item_id, answer from written_answer where round_id = ?",
				(row, n) -> new String[] { row.getString(1), row.getString(2) }, roundId);
		Collections.shuffle(written, RANDOM);
		jdbc.update("delete from written_answer where round_id = ?", roundId);
		for (String[] answer : written) {
			jdbc.update("insert into written_answer (id, round_id, item_id, answer) values (?, ?, ?, ?)", UUID.randomUUID(),
					roundId, answer[0], answer[1]);
		}
		jdbc.update("delete from participation_code where round_id = ?", roundId);
	}

	private static String safe(java.sql.ResultSet row, int column) {
		try {
			return row.getString(column);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The round's count table, counted by the database: no response is read into memory. */
	@Transactional(readOnly = true)
	public CountTable countTable(UUID roundId, Questionnaire questionnaire) {
		CountTable table = new CountTable(questionnaire);
		jdbc.query("select perspective, count(*) from response where round_id = ? group by perspective",
				row -> { table.addPeople(row.getString(1), row.getLong(2)); }, roundId);
		jdbc.query("select r.perspective, a.item_id, a.answer, count(*) from response r join response_answer a "
				+ "on a.response_id = r.id where r.round_id = ? group by r.perspective, a.item_id, a.answer",
				row -> { table.addAnswers(row.getString(2), row.getString(1), row.getString(3), row.getLong(4)); }, roundId);
		return table;
	}

}
