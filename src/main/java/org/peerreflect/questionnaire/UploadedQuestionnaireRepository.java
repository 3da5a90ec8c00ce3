package org.peerreflect.questionnaire;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The uploaded_questionnaire table, in plain SQL like every other table. */
@Repository
class UploadedQuestionnaireRepository {

	private final JdbcTemplate jdbc;

	UploadedQuestionnaireRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UploadedQuestionnaire upload) {
		jdbc.update(
				"insert into uploaded_questionnaire (id, organization_id, questionnaire_id, version, file_name, "
						+ "content, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)",
				upload.id(), upload.organizationId(), upload.questionnaireId(), upload.version(), upload.fileName(),
				upload.content(), Timestamp.from(upload.uploadedAt()));
	}

	List<UploadedQuestionnaire> findByOrganizationIdOrderByQuestionnaireIdAscVersionAsc(UUID organizationId) {
		return jdbc.query(
				"select id, organization_id, questionnaire_id, version, file_name, content, uploaded_at "
						+ "from uploaded_questionnaire where organization_id = ? order by questionnaire_id, version",
				(row, n) -> new UploadedQuestionnaire(row.getObject("id", UUID.class),
						row.getObject("organization_id", UUID.class), row.getString("questionnaire_id"),
						row.getInt("version"), row.getString("file_name"), row.getString("content"),
						row.getTimestamp("uploaded_at").toInstant()),
				organizationId);
	}

	boolean existsByOrganizationIdAndQuestionnaireIdAndVersion(UUID organizationId, String questionnaireId,
			int version) {
		return !jdbc
			.queryForList("select 1 from uploaded_questionnaire where organization_id = ? and questionnaire_id = ? "
					+ "and version = ?", Integer.class, organizationId, questionnaireId, version)
			.isEmpty();
	}

}
