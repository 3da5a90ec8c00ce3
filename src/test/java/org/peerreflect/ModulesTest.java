package org.peerreflect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.peerreflect.participation.AnswerTables;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The house's map as an allow-list: each module's {@code package-info.java} says what it
 * owns and which modules it may use, and nothing else is allowed. SQL is invisible to a
 * type check, so the tables that hold answers are guarded here by their names.
 */
class ModulesTest {

	private static final ApplicationModules MODULES = ApplicationModules.of(PeerReflectApplication.class);

	/**
	 * Fails on any use of a module not listed in the user's {@code allowedDependencies},
	 * and on cycles.
	 */
	@Test
	void eachModuleUsesOnlyTheModulesItsPackageInfoAllows() {
		MODULES.verify();
	}

	@Test
	void everyModuleSaysWhatItOwnsAndWhatItMayUse() throws IOException {
		List<String> names = MODULES.stream().map(module -> module.getIdentifier().toString()).sorted().toList();
		assertThat(names).containsExactly("answers", "cli", "demo", "gate", "organization", "participation", "printed",
				"publication", "questionnaire", "report", "round", "system");
		for (String name : names) {
			Path info = Path.of("src/main/java/org/peerreflect", name, "package-info.java");
			assertThat(info).as(name).exists();
			String text = Files.readString(info);
			assertThat(text).as(name + " says what it owns").startsWith("/**");
			assertThat(text).as(name + " lists what it may use")
				.containsPattern("@ApplicationModule\\(\\s*allowedDependencies = \\{");
		}
	}

	/** SQL naming a table: after from, join, into, update, table or delete from. */
	private static final Pattern SQL_TABLE = Pattern
		.compile("(?i)\\b(?:from|join|into|update|table)\\s+(" + String.join("|", AnswerTables.ALL) + ")\\b");

	@Test
	void onlyParticipationAndTheMigrationsNameTheAnswerTables() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				if (file.startsWith(Path.of("src/main/java/org/peerreflect/participation"))) {
					continue;
				}
				Matcher sql = SQL_TABLE.matcher(Files.readString(file));
				while (sql.find()) {
					found.add(file + ": " + sql.group());
				}
			}
		}
		assertThat(found).as("answer tables named outside participation").isEmpty();
	}

}
