package org.peerreflect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Invariant 10 where ArchUnit cannot see: SQL is only text. The tables that hold answers
 * and codes are named in the main code of {@code participation}, their only reader and
 * writer, and nowhere else (the migrations make them).
 */
class AnswerTablesTest {

	/** A table name as SQL would use it: a whole word, not part of a longer name. */
	private static final Pattern ANSWER_TABLES = Pattern.compile(
			"\\b(response|response_answer|written_answer|chosen_quote|participation_code|answers_rewrite_key|answers_rewrite_pending)\\b"
					+ "(?=\\s|\"|\\)|,|$)",
			Pattern.MULTILINE);

	/** SQL words before a table name. */
	private static final Pattern SQL = Pattern
		.compile("(?i)\\b(from|into|update|join|table|vacuum)\\s+" + ANSWER_TABLES.pattern());

	private static List<Path> mainSources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
			return files.filter(path -> path.toString().endsWith(".java")).toList();
		}
	}

	private static boolean namesAnAnswerTable(Path file) {
		try {
			return SQL.matcher(Files.readString(file)).find();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void invariant10_onlyParticipationNamesTheAnswerTablesInSql() throws IOException {
		Path participation = Path.of("src", "main", "java", "org", "peerreflect", "participation");
		List<Path> naming = mainSources().stream().filter(AnswerTablesTest::namesAnAnswerTable).toList();
		// The check can fail: it finds the tables where they are used.
		assertThat(naming).contains(participation.resolve("ParticipationService.java"),
				participation.resolve("WrittenReview.java"));
		assertThat(naming).as("main code outside participation that names an answer table in SQL")
			.allMatch(path -> path.startsWith(participation));
	}

}
