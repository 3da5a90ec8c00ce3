package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerreflect.PeerReflectApplication;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.FilesRewriteAfterClose;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backups that docs/operations.md describes, taken and restored as it says: the H2
 * data folder copied while the server is stopped, and PostgreSQL's {@code pg_dump}
 * restored with {@code pg_restore} into a fresh database. Peer Reflect started on the
 * restored copy serves every published report byte for byte as before.
 */
class BackupRestoreIT {

	private static final String KEY = "backup-test-key-for-participation-codes-0123456789";

	@TempDir
	Path work;

	/** A published round's id, its organization's, and the files it serves. */
	record Published(UUID round, UUID organization, byte[] pdf, byte[] workbook) {
	}

	@Test
	void theH2DataFolderCopiedWhileStoppedServesEveryReportAsBefore() throws Exception {
		Path original = work.resolve("original").resolve("data");
		Published published;
		try (ConfigurableApplicationContext context = start(h2(original))) {
			published = publish(context);
		}
		// Stop, copy the data folder, start again: on the copy, as on a machine restored
		// from it.
		Path restored = work.resolve("restored").resolve("data");
		Files.createDirectories(restored);
		try (Stream<Path> files = Files.list(original)) {
			for (Path file : files.toList()) {
				Files.copy(file, restored.resolve(file.getFileName()));
			}
		}
		try (ConfigurableApplicationContext context = start(h2(restored))) {
			assertServedAsBefore(context, published);
		}
	}

	@Test
	void aPostgresDumpRestoredIntoAFreshDatabaseServesEveryReportAsBefore() throws Exception {
		PostgresTestDatabase.requireOrSkip();
		String schema = PostgresTestDatabase.freshSchema();
		Published published;
		try (ConfigurableApplicationContext context = start(postgres(PostgresTestDatabase.URL, schema))) {
			published = publish(context);
		}
		Path dump = work.resolve("peer-reflect.dump");
		String database = "restored_" + schema;
		run("pg_dump", "--format=custom", "--file=" + dump, "--schema=" + schema, "--host=localhost",
				"--username=" + PostgresTestDatabase.USER, "peer_reflect_test");
		try (Connection admin = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
				PostgresTestDatabase.PASSWORD); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		try {
			run("pg_restore", "--no-owner", "--host=localhost", "--username=" + PostgresTestDatabase.USER,
					"--dbname=" + database, dump.toString());
			String url = PostgresTestDatabase.URL.replace("/peer_reflect_test", "/" + database);
			try (ConfigurableApplicationContext context = start(postgres(url, schema))) {
				assertServedAsBefore(context, published);
			}
		}
		finally {
			try (Connection admin = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
					PostgresTestDatabase.PASSWORD); Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
			}
		}
	}

	private static List<String> h2(Path folder) {
		return List.of("--spring.datasource.url=jdbc:h2:file:" + folder.resolve("peer-reflect")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000");
	}

	private static List<String> postgres(String url, String schema) {
		List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
		PostgresTestDatabase.properties(schema)
			.forEach((name, value) -> settings.add("--" + name + "=" + (name.equals("spring.datasource.url")
					? url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema : value)));
		return settings;
	}

	private static ConfigurableApplicationContext start(List<String> settings) {
		List<String> arguments = new ArrayList<>(settings);
		arguments.addAll(List.of("--server.port=0", "--peer-reflect.code-key=" + KEY, "--logging.level.root=WARN"));
		return new SpringApplicationBuilder(PeerReflectApplication.class).run(arguments.toArray(String[]::new));
	}

	/** A round answered by twelve people, closed, its files rewritten, and published. */
	private static Published publish(ConfigurableApplicationContext context) throws InterruptedException {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		AccountService.Invitation steward = context.getBean(AccountService.class)
			.createOrganization("Harbour " + UUID.randomUUID(), UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundService rounds = context.getBean(RoundService.class);
		ParticipationService participation = context.getBean(ParticipationService.class);
		UUID round = rounds.create(organization, "Spring", "peer-support-principles", 1, "en", 5).id();
		rounds.open(round, organization);
		List<String> codes = participation.issueCodes(round, organization, 12, "More of us came than we thought");
		for (int n = 0; n < codes.size(); n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission(n % 2 == 0 ? "member" : "staff",
							Map.of("np-1", String.valueOf(1 + n % 5), "fr-3", String.valueOf(5 - n % 3)),
							Map.of("np-say", "Tea and talk, number " + n)));
		}
		rounds.close(round, organization);
		FilesRewriteAfterClose files = context.getBean(FilesRewriteAfterClose.class);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!files.settled()) {
			assertThat(Instant.now()).isBefore(deadline);
			Thread.sleep(50);
		}
		Publication publication = context.getBean(Publication.class);
		publication.publish(round, organization, "Harbour");
		return new Published(round, organization, publication.pdf(round, organization).orElseThrow(),
				publication.workbook(round, organization).orElseThrow());
	}

	private static void assertServedAsBefore(ConfigurableApplicationContext context, Published published) {
		Publication publication = context.getBean(Publication.class);
		assertThat(publication.published(published.organization())).hasSize(1);
		assertThat(publication.pdf(published.round(), published.organization()).orElseThrow())
			.isEqualTo(published.pdf());
		assertThat(publication.workbook(published.round(), published.organization()).orElseThrow())
			.isEqualTo(published.workbook());
	}

	private void run(String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve(command[0] + ".log").toFile());
		builder.environment().put("PGPASSWORD", PostgresTestDatabase.PASSWORD);
		Process process = builder.start();
		process.getOutputStream().close();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(work.resolve(command[0] + ".log"))).isZero();
	}

}
