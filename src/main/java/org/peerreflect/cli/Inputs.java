package org.peerreflect.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

import org.peerreflect.questionnaire.Finding;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCheck;
import org.peerreflect.questionnaire.QuestionnaireFiles;

/** What more than one command reads, and the plain words for what went wrong. */
final class Inputs {

	private Inputs() {
	}

	/** A questionnaire file, or one bundled in the jar by its name; a valid one only. */
	static Questionnaire questionnaire(String name) throws BadInput {
		QuestionnaireCheck check = QuestionnaireFiles.resolve(name)
			.orElseThrow(() -> new BadInput(name + ": no such file, and no bundled questionnaire of that name"));
		if (!check.valid()) {
			List<String> lines = new ArrayList<>(check.errors().stream().map(Finding::toString).toList());
			lines.add(check.file() + ": not a valid questionnaire; run 'validate' on it for details");
			throw new BadInput(lines);
		}
		return check.questionnaire();
	}

	static void requireLanguage(Questionnaire questionnaire, String language) throws BadInput {
		if (!questionnaire.speaks(language)) {
			throw new BadInput(questionnaire.id() + ": has no '" + language + "' texts (it has "
					+ String.join(", ", questionnaire.languages()) + ")");
		}
	}

	static String count(long n, String one) {
		return count(n, one, one + "s");
	}

	static String count(long n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

	/** Why a file could not be read or written, in a few words. */
	static String reason(Exception e) {
		if (e instanceof NoSuchFileException) {
			return "no such file or folder";
		}
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

}
