package org.peerreflect.participation;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tests' own way to read what a round keeps sealed, with the round's key, as only the
 * application can: the database alone holds none of it in the clear.
 */
public final class SealedRows {

	private SealedRows() {
	}

	static int submissions(JdbcTemplate jdbc, UUID round) {
		return jdbc.queryForObject("select count(*) from sealed_response where round_id = ?", Integer.class, round);
	}

	/** The lengths of the round's sealed submissions, one of each. */
	static List<Integer> lengths(JdbcTemplate jdbc, UUID round) {
		return jdbc.queryForList("select distinct octet_length(sealed) from sealed_response where round_id = ?",
				Integer.class, round);
	}

	/** One written answer's words, opened with the round's key. */
	static String words(JdbcTemplate jdbc, RoundKeys keys, UUID answer) {
		return jdbc.queryForObject("select round_id, sealed, answer from written_answer where id = ?",
				(row, n) -> row.getBytes(2) == null ? row.getString(3)
						: SealedForm.openWritten(keys.existing(row.getObject(1, UUID.class)).open(row.getBytes(2))),
				answer);
	}

	/** A round's written answers' words, in the order the rows are stored. */
	static List<String> words(JdbcTemplate jdbc, RoundKeys keys, UUID round, String storageOrder) {
		return jdbc
			.queryForList("select id from written_answer where round_id = ? order by " + storageOrder, UUID.class,
					round)
			.stream()
			.map(id -> words(jdbc, keys, id))
			.toList();
	}

	/** The one written answer of a round whose words start with {@code start}. */
	static UUID answerStarting(JdbcTemplate jdbc, RoundKeys keys, UUID round, String start) {
		List<UUID> found = jdbc.queryForList("select id from written_answer where round_id = ?", UUID.class, round)
			.stream()
			.filter(id -> words(jdbc, keys, id).startsWith(start))
			.toList();
		if (found.size() != 1) {
			throw new IllegalStateException(found.size() + " answers start with " + start);
		}
		return found.get(0);
	}

	/**
	 * For tests of other modules: one written answer's words, with the round's key from
	 * the application.
	 */
	public static String words(org.springframework.context.ApplicationContext context, UUID answer) {
		return words(context.getBean(JdbcTemplate.class), context.getBean(RoundKeys.class), answer);
	}

	/** For tests of other modules: the one answer of a round whose words start so. */
	public static UUID answerStarting(org.springframework.context.ApplicationContext context, UUID round,
			String start) {
		return answerStarting(context.getBean(JdbcTemplate.class), context.getBean(RoundKeys.class), round, start);
	}

	/**
	 * Every sealed submission kept for a round while it is open, opened with the round's
	 * key and read with its own questionnaire.
	 */
	static List<SealedForm.Opened> opened(JdbcTemplate jdbc, RoundKeys keys, UUID round) {
		org.peerreflect.questionnaire.Questionnaire questionnaire = jdbc.queryForObject(
				"select questionnaire_id, questionnaire_file from round where id = ?",
				(row, n) -> org.peerreflect.questionnaire.QuestionnaireReader
					.read(row.getString(1) + ".yaml",
							row.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8))
					.questionnaire(),
				round);
		RoundKeys.Sealer sealer = keys.existing(round);
		return jdbc.queryForList("select sealed from sealed_response where round_id = ?", byte[].class, round)
			.stream()
			.map(sealed -> SealedForm.openSubmission(questionnaire, sealer.open(sealed)))
			.toList();
	}

	/**
	 * The rounds' keys as the application holds them, for a database read from outside
	 * it.
	 */
	static RoundKeys keys(JdbcTemplate jdbc, String codeKey) {
		return new RoundKeys(jdbc, new CodeKey(codeKey, "", System.getProperty("java.io.tmpdir"), "jdbc:h2:mem:"));
	}

}
