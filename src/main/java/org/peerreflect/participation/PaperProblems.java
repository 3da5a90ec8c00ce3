package org.peerreflect.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.peerreflect.answers.AnswersProblem;
import org.peerreflect.questionnaire.Questionnaire;
import org.springframework.context.MessageSource;

/**
 * A paper upload's problems in the words of the steward on the round's page: the row, the
 * column and the question it is about, and what to do on this page (the "Saved as"
 * choice, the spreadsheet offered here), never the command line's flags.
 */
final class PaperProblems {

	private PaperProblems() {
	}

	static List<String> describe(List<AnswersProblem> problems, Questionnaire questionnaire, String roundLanguage,
			MessageSource messages, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (AnswersProblem problem : problems) {
			List<Object> values = new ArrayList<>(problem.values());
			if (problem.kind() == AnswersProblem.Kind.NOT_AN_ANSWER) {
				// The statement itself, as the form printed it, so the steward finds it
				// on the paper.
				values.add(questionnaire.item(problem.values().get(1))
					.map(item -> item.text().in(roundLanguage))
					.orElse(problem.values().get(1)));
			}
			String what = messages.getMessage("paper.problem." + problem.kind(), values.toArray(), locale);
			lines.add(problem.kind() == AnswersProblem.Kind.MORE ? what : messages.getMessage(where(problem),
					new Object[] { problem.row(), problem.column(), problem.file(), what }, locale));
		}
		return lines;
	}

	private static String where(AnswersProblem problem) {
		if (problem.row() <= 0) {
			return "paper.where.file";
		}
		return problem.column() == null
				|| "code".equals(problem.column()) && problem.kind() == AnswersProblem.Kind.CODE_DOES_NOT_WORK
						? "paper.where.row" : "paper.where.cell";
	}

}
