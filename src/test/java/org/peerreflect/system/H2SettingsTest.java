package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerreflect.PeerReflectApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The small box: the data folder moves with {@code PEER_REFLECT_DATA}, settings kept; an
 * H2 address an operator wrote without the settings the application needs is refused
 * before anything opens it, in one sentence naming them.
 */
class H2SettingsTest {

	private static final String KEY = "--peer-reflect.code-key=h2-settings-test-key-0123456789abcdef";

	@TempDir
	Path folder;

	@Test
	void theSettingsAreNamedWhereTheyAreMissing() {
		assertThat(H2Settings.missing("jdbc:h2:file:/srv/peer-reflect/db")).containsExactly("MODE=PostgreSQL",
				"DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH", "WRITE_DELAY=0", "LOCK_TIMEOUT=30000");
		assertThat(H2Settings.missing("jdbc:h2:file:/srv/db;mode=postgresql;DATABASE_TO_LOWER=true;"
				+ "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=60000"))
			.as("any case, any order, a longer wait")
			.isEmpty();
		assertThat(H2Settings.missing("jdbc:h2:file:/srv/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=500;LOCK_TIMEOUT=1000"))
			.containsExactly("WRITE_DELAY=0", "LOCK_TIMEOUT=30000");
		assertThat(
				H2Settings.missing("jdbc:h2:mem:x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"))
			.as("in memory, nothing to write to a file")
			.isEmpty();
		assertThat(H2Settings.missing("jdbc:postgresql://localhost/peer_reflect")).isEmpty();
		assertThat(H2Settings.missing(null)).isEmpty();
	}

	/**
	 * PostgreSQL's address comes from the environment at connection time: a placeholder
	 * not yet filled is not refused, and an H2 address behind one is still checked.
	 */
	@Test
	void anAddressStillToBeFilledInIsLeftForLater() {
		org.springframework.mock.env.MockEnvironment postgres = new org.springframework.mock.env.MockEnvironment()
			.withProperty("spring.datasource.url", "${PEER_REFLECT_DB_URL}");
		new H2Settings().postProcessEnvironment(postgres, null);
		org.springframework.mock.env.MockEnvironment h2 = new org.springframework.mock.env.MockEnvironment()
			.withProperty("folder", "/srv/x")
			.withProperty("spring.datasource.url", "jdbc:h2:file:${folder}/db");
		assertThatThrownBy(() -> new H2Settings().postProcessEnvironment(h2, null))
			.isInstanceOf(H2Settings.Missing.class)
			.hasMessageContaining("MODE=PostgreSQL");
	}

	@Test
	void anAddressWithoutThemIsRefusedAtStartInOneSentence() {
		Path moved = folder.resolve("srv");
		Throwable refused = null;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerReflectApplication.class)
			.run("--server.port=0", KEY, "--spring.datasource.url=jdbc:h2:file:" + moved.resolve("db"))) {
			// not reached
		}
		catch (RuntimeException e) {
			refused = e;
		}
		assertThat(refused).isInstanceOf(H2Settings.Missing.class);
		FailureAnalysis analysis = new H2Settings.Explained().analyze(refused);
		assertThat(analysis.getDescription()).startsWith("The H2 address in spring.datasource.url lacks")
			.contains(
					";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000")
			.contains("PEER_REFLECT_DATA")
			.doesNotContain("\n");
		assertThat(moved).as("nothing made before the refusal").doesNotExist();
	}

	/**
	 * With the application's own settings (not the tests'), the data folder is where
	 * {@code peer-reflect.data} (PEER_REFLECT_DATA) says, and nothing goes to ./data.
	 */
	@Test
	void theDataFolderMovesWithItsSettingsKept() throws Exception {
		Path data = folder.resolve("srv").resolve("peer-reflect");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerReflectApplication.class)
			.properties("spring.config.location=classpath:/application.properties")
			.run("--server.port=0", KEY, "--peer-reflect.data=" + data, "--logging.level.root=WARN")) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			assertThat(url).startsWith("jdbc:h2:file:" + data + "/peer-reflect;");
			assertThat(H2Settings.missing(url)).isEmpty();
			assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
				.queryForObject("select count(*) from organization", Integer.class)).isNotNull();
		}
		try (var files = Files.list(data)) {
			assertThat(files.map(file -> file.getFileName().toString()).toList()).contains("peer-reflect.mv.db");
		}
	}

}
