package org.peerreflect.questionnaire;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questionnaires on offer: those bundled in the jar and every valid file in the
 * {@code questionnaires/} folder, for every organization; and each organization's own
 * uploads, for it alone. Files that are not valid are left out, and their errors logged
 * and kept for the administrator.
 */
@Service
public class QuestionnaireCatalog {

	private static final Logger log = LoggerFactory.getLogger(QuestionnaireCatalog.class);

	private final Map<String, Questionnaire> shared = new LinkedHashMap<>();

	private final Map<String, String> sharedText = new LinkedHashMap<>();

	private final List<QuestionnaireCheck> invalid = new ArrayList<>();

	private final UploadedQuestionnaireRepository uploads;

	private final Clock clock;

	QuestionnaireCatalog(@Value("${peer-reflect.questionnaire-folder:questionnaires}") String folder,
			UploadedQuestionnaireRepository uploads, Clock clock) {
		this.uploads = uploads;
		this.clock = clock;
		for (QuestionnaireFiles.Source source : QuestionnaireFiles.sources(Path.of(folder))) {
			QuestionnaireCheck check = source.check();
			if (!check.valid()) {
				invalid.add(check);
				check.errors().forEach(error -> log.warn("Questionnaire left out: {}", error));
				continue;
			}
			// The folder's copy of a bundled questionnaire is the same questionnaire.
			if (shared.putIfAbsent(key(check.questionnaire()), check.questionnaire()) == null) {
				sharedText.put(key(check.questionnaire()), source.text());
			}
		}
	}

	private static String key(Questionnaire questionnaire) {
		return questionnaire.id() + "@" + questionnaire.version();
	}

	/** Files that could not be offered, with their errors. */
	public List<QuestionnaireCheck> invalidFiles() {
		return List.copyOf(invalid);
	}

	public List<Questionnaire> shared() {
		return List.copyOf(shared.values());
	}

	/**
	 * Everything an organization may choose from: the shared ones, then its own uploads.
	 */
	@Transactional(readOnly = true)
	public List<Questionnaire> offeredTo(UUID organizationId) {
		List<Questionnaire> offered = new ArrayList<>(shared.values());
		for (UploadedQuestionnaire upload : uploads
			.findByOrganizationIdOrderByQuestionnaireIdAscVersionAsc(organizationId)) {
			QuestionnaireCheck check = QuestionnaireReader.read(upload.fileName(),
					upload.content().getBytes(StandardCharsets.UTF_8));
			if (check.valid()) {
				offered.add(check.questionnaire());
			}
		}
		return offered;
	}

	/**
	 * A questionnaire on offer to an organization, with the text of its file (a round
	 * keeps a copy).
	 */
	public record Offered(Questionnaire questionnaire, String fileName, String text) {
	}

	@Transactional(readOnly = true)
	public Optional<Offered> find(UUID organizationId, String id, int version) {
		Questionnaire one = shared.get(id + "@" + version);
		if (one != null) {
			return Optional.of(new Offered(one, id + ".yaml", sharedText.get(id + "@" + version)));
		}
		for (UploadedQuestionnaire upload : uploads
			.findByOrganizationIdOrderByQuestionnaireIdAscVersionAsc(organizationId)) {
			QuestionnaireCheck check = QuestionnaireReader.read(upload.fileName(),
					upload.content().getBytes(StandardCharsets.UTF_8));
			if (check.valid() && check.questionnaire().id().equals(id) && check.questionnaire().version() == version) {
				return Optional.of(new Offered(check.questionnaire(), upload.fileName(), upload.content()));
			}
		}
		return Optional.empty();
	}

	/**
	 * Checks an uploaded file and, when it is valid and its id and version are new, keeps
	 * it for the organization. The check is returned either way, errors and language
	 * notes included.
	 */
	@Transactional
	public QuestionnaireCheck upload(UUID organizationId, String fileName, byte[] bytes) {
		QuestionnaireCheck check = QuestionnaireReader.read(fileName, bytes);
		if (!check.valid()) {
			return check;
		}
		Questionnaire questionnaire = check.questionnaire();
		String content = new String(bytes, StandardCharsets.UTF_8);
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		// The table keeps one file per organization, id and version, even for two
		// uploads at the same moment.
		if (shared.containsKey(key(questionnaire)) || !uploads
			.insert(UploadedQuestionnaire.of(organizationId, questionnaire, fileName, content, clock.instant()))) {
			return new QuestionnaireCheck(fileName, null, List
				.of(new Finding(fileName, 0, "version " + questionnaire.version() + " of '" + questionnaire.id()
						+ "' is already offered; a used version never changes, so give the file a new version number")),
					check.notes());
		}
		return check;
	}

}
