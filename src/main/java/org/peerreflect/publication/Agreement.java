package org.peerreflect.publication;

import java.util.List;
import java.util.UUID;

import org.peerreflect.report.ReportInput;

/** One thing the group agreed to try, and the ids of the statements it was about. */
public record Agreement(UUID id, String text, List<String> statements) {

	public Agreement {
		statements = List.copyOf(statements);
	}

	ReportInput.Agreement forReport() {
		return new ReportInput.Agreement(text, statements);
	}

}
