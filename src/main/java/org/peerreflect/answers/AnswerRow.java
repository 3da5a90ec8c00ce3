package org.peerreflect.answers;

import java.util.Map;

/**
 * One row of an answers file: one person's scale answers (option value or
 * {@code not-sure}), their perspective (null when none), their written answers and, in
 * the application, the participation code the row uses up. Skipped items are simply
 * absent.
 */
public record AnswerRow(long row, String perspective, Map<String, String> answers, Map<String, String> written,
		String code) {
}
