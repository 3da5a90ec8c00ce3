package org.peerreflect.participation;

import java.util.Map;

/**
 * What one person gives in one go: scale answers by item id (an option value or
 * {@code not-sure}), their perspective (or null), and written answers by item id.
 * Everything is optional.
 */
public record Submission(String perspective, Map<String, String> answers, Map<String, String> written) {

	public Submission {
		answers = answers == null ? Map.of() : Map.copyOf(answers);
		written = written == null ? Map.of() : Map.copyOf(written);
	}

}
