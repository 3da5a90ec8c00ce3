package org.peerreflect.questionnaire;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface UploadedQuestionnaireRepository extends JpaRepository<UploadedQuestionnaire, UUID> {

	List<UploadedQuestionnaire> findByOrganizationIdOrderByQuestionnaireIdAscVersionAsc(UUID organizationId);

	boolean existsByOrganizationIdAndQuestionnaireIdAndVersion(UUID organizationId, String questionnaireId,
			int version);

}
