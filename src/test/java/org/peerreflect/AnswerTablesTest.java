package org.peerreflect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.peerreflect.participation.AnswerTables;

/**
 * Invariant 10 where ArchUnit cannot see: SQL is only text. The tables that hold answers
 * and codes are named in the main code of {@code participation}, their only reader and
 * writer, and nowhere else (the migrations make them).
 */
class AnswerTablesTest {

	/**
	 * A table name as SQL would use it: a whole word, not part of a longer name; the
	 * names are participation's one list of them.
	 */
	private static final Pattern ANSWER_TABLES = Pattern
		.compile("\\b(" + String.join("|", AnswerTables.ALL) + ")\\b" + "(?=\\s|\"|\\)|,|$)", Pattern.MULTILINE);

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

	/**
	 * A name in the list that is no table (misspelt, or renamed by a migration) would
	 * leave its table unguarded here and its files not rewritten after close.
	 */
	@Test
	void everyListedAnswerTableIsATableTheMigrationsLeave() throws IOException {
		Pattern change = Pattern
			.compile("(?i)\\b(create table|drop table|alter table (\\w+) rename to)\\s+(?:if exists\\s+)?(\\w+)");
		Set<String> tables = new LinkedHashSet<>();
		for (Path migration : migrations()) {
			Matcher said = change.matcher(Files.readString(migration));
			while (said.find()) {
				String table = said.group(3).toLowerCase(java.util.Locale.ROOT);
				if (said.group(1).equalsIgnoreCase("create table")) {
					tables.add(table);
				}
				else if (said.group(1).equalsIgnoreCase("drop table")) {
					tables.remove(table);
				}
				else {
					tables.remove(said.group(2).toLowerCase(java.util.Locale.ROOT));
					tables.add(table);
				}
			}
		}
		assertThat(tables).as("tables the migrations leave").contains("round", "agreement");
		assertThat(tables).containsAll(AnswerTables.ALL);
	}

	/** Every migration, in the order Flyway runs them. */
	private static List<Path> migrations() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "db", "migration"))) {
			return files.filter(path -> path.toString().endsWith(".sql"))
				.sorted(Comparator.comparingInt(AnswerTablesTest::version))
				.toList();
		}
	}

	private static int version(Path migration) {
		String name = migration.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

}
