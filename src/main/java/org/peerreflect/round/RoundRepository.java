package org.peerreflect.round;

import static org.peerreflect.system.SqlTimes.instant;
import static org.peerreflect.system.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The round table, in plain SQL like every other table. */
@Repository
class RoundRepository {

	private static final String SELECT = "select id, organization_id, name, questionnaire_id, questionnaire_version, "
			+ "questionnaire_file, language, min_group_size, state, responses, codes_printed, used_online, "
			+ "used_kiosk, used_paper, created_at, answers_erased from round ";

	private final JdbcTemplate jdbc;

	RoundRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Round round) {
		jdbc.update("insert into round (id, organization_id, name, questionnaire_id, questionnaire_version, "
				+ "questionnaire_file, language, min_group_size, state, responses, codes_printed, used_online, "
				+ "used_kiosk, used_paper, created_at, answers_erased) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				round.getId(), round.getOrganizationId(), round.getName(), round.getQuestionnaireId(),
				round.getQuestionnaireVersion(), round.getQuestionnaireFile(), round.getLanguage(),
				round.getMinGroupSize(), round.getState().name(), round.getResponses(), round.getCodesPrinted(),
				round.getUsedOnline(), round.getUsedKiosk(), round.getUsedPaper(), utc(round.getCreatedAt()),
				round.isAnswersErased());
	}

	/**
	 * Writes what the round's rules change, and nothing else: not the questionnaire's
	 * text, nor the counts of responses, which submissions add to in SQL.
	 */
	void update(Round round) {
		jdbc.update(
				"update round set state = ?, min_group_size = ?, codes_printed = ?, answers_erased = ? where id = ?",
				round.getState().name(), round.getMinGroupSize(), round.getCodesPrinted(), round.isAnswersErased(),
				round.getId());
	}

	Optional<Round> findById(UUID id) {
		return jdbc.query(SELECT + "where id = ?", RoundRepository::round, id).stream().findFirst();
	}

	/** SELECT ... FOR UPDATE: submitting and closing take turns on the round's row. */
	Optional<Round> lockById(UUID id) {
		return jdbc.query(SELECT + "where id = ? for update", RoundRepository::round, id).stream().findFirst();
	}

	List<Round> findByOrganizationIdOrderByCreatedAtDesc(UUID organizationId) {
		return jdbc.query(SELECT + "where organization_id = ? order by created_at desc", RoundRepository::round,
				organizationId);
	}

	private static Round round(ResultSet row, int n) throws SQLException {
		return new Round(row.getObject("id", UUID.class), row.getObject("organization_id", UUID.class),
				row.getString("name"), row.getString("questionnaire_id"), row.getInt("questionnaire_version"),
				row.getString("questionnaire_file"), row.getString("language"), row.getInt("min_group_size"),
				RoundState.valueOf(row.getString("state")), row.getInt("responses"), row.getInt("codes_printed"),
				row.getInt("used_online"), row.getInt("used_kiosk"), row.getInt("used_paper"),
				instant(row, "created_at"), row.getBoolean("answers_erased"));
	}

}
