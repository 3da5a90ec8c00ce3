package org.peerreflect.questionnaire;

import static org.peerreflect.system.SqlTimes.instant;
import static org.peerreflect.system.SqlTimes.utc;

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

	/**
	 * Keeps the upload unless the organization already has this version, even from an
	 * upload at the same moment; says whether it was kept.
	 */
	boolean insert(UploadedQuestionnaire upload) {
		return 1 == jdbc.update(
				"insert into uploaded_questionnaire (id, organization_id, questionnaire_id, version, file_name, "
						+ "content, uploaded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
				upload.id(), upload.organizationId(), upload.questionnaireId(), upload.version(), upload.fileName(),
				upload.content(), utc(upload.uploadedAt()));
	}

	List<UploadedQuestionnaire> findByOrganizationIdOrderByQuestionnaireIdAscVersionAsc(UUID organizationId) {
		return jdbc.query(
				"select id, organization_id, questionnaire_id, version, file_name, content, uploaded_at "
						+ "from uploaded_questionnaire where organization_id = ? order by questionnaire_id, version",
				(row, n) -> new UploadedQuestionnaire(row.getObject("id", UUID.class),
						row.getObject("organization_id", UUID.class), row.getString("questionnaire_id"),
						row.getInt("version"), row.getString("file_name"), row.getString("content"),
						instant(row, "uploaded_at")),
				organizationId);
	}

}
