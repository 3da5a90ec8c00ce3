package org.peerreflect.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.report.ReportInput;

/** The agreements file of the {@code report} command. */
final class Agreements {

	private Agreements() {
	}

	/**
	 * One agreement a line, as written, after the ids of the statements it was about in
	 * square brackets when there are any: "[fr-3 fr-5] Take turns leading the circle". A
	 * byte order mark and repeated lines are dropped; an id the questionnaire does not
	 * ask is named with its line.
	 */
	static List<ReportInput.Agreement> read(Path file, Questionnaire questionnaire) throws BadInput {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException | UncheckedIOException e) {
			throw new BadInput(file + ": cannot read the agreements (" + Inputs.reason(e)
					+ "); it should be UTF-8 text, one agreement a line");
		}
		List<String> asked = questionnaire.statementIds();
		List<ReportInput.Agreement> agreements = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (int n = 0; n < lines.size(); n++) {
			String line = lines.get(n).replace("\uFEFF", "").strip();
			if (line.isEmpty()) {
				continue;
			}
			ReportInput.Agreement agreement = ReportInput.Agreement.ofLine(line);
			for (String id : agreement.statements()) {
				if (!asked.contains(id)) {
					problems.add(file + ":" + (n + 1) + ": '" + id
							+ "' is not a statement of the questionnaire (its statements: " + String.join(", ", asked)
							+ ")");
				}
			}
			if (agreement.text().isEmpty()) {
				problems.add(file + ":" + (n + 1) + ": the statements are named but the agreement itself is missing");
			}
			// A repeated agreement is listed once, about every statement either line
			// named.
			int same = agreements.stream().map(ReportInput.Agreement::text).toList().indexOf(agreement.text());
			if (same < 0) {
				agreements.add(agreement);
			}
			else {
				List<String> about = new ArrayList<>(agreements.get(same).statements());
				agreement.statements().stream().filter(id -> !about.contains(id)).forEach(about::add);
				agreements.set(same, new ReportInput.Agreement(agreement.text(), about));
			}
		}
		if (!problems.isEmpty()) {
			throw new BadInput(problems);
		}
		return agreements;
	}

}
