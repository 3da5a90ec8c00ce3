package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerreflect.PeerReflectApplication;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.HttpBrowser;
import org.peerreflect.testing.PostgresTestDatabase;
import org.peerreflect.testing.Processes;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing a participant was thanked for is lost: the packaged application runs as a
 * process of its own, people send their answers over HTTP, sixteen at a time, and the
 * process is killed with {@code kill -9} in the middle of it. Every submission that
 * showed "thank you" must then be in the database, and its code used up, on the embedded
 * H2 file as configured by default and on PostgreSQL.
 */
class KillUnderLoadIT {

	private static final String KEY = "kill-test-key-for-participation-codes-0123456789";

	private static final int PEOPLE = 600;

	@TempDir
	Path work;

	@Test
	void everyThankedSubmissionSurvivesAKillOnTheDefaultH2File() throws Exception {
		// The process runs from this folder, on the default database URL:
		// ./data/peer-reflect.
		Path file = work.resolve("data").resolve("peer-reflect");
		String url = "jdbc:h2:file:" + file
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000";
		// Prepared through the same file; the process then opens it with the default
		// settings.
		Map<String, String> codes = prepare(List.of("--spring.datasource.url=" + url));
		List<String> thanked = killUnderLoad(List.of(), codes.keySet());
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			assertKept(connection, thanked, codes);
		}
	}

	@Test
	void everyThankedSubmissionSurvivesAKillOnPostgres() throws Exception {
		PostgresTestDatabase.requireOrSkip();
		String schema = PostgresTestDatabase.freshSchema();
		Map<String, String> properties = PostgresTestDatabase.properties(schema);
		List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
		properties.forEach((name, value) -> settings.add("--" + name + "=" + value));
		Map<String, String> codes = prepare(settings);
		List<String> thanked = killUnderLoad(settings, codes.keySet());
		try (Connection connection = DriverManager.getConnection(properties.get("spring.datasource.url"),
				PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)) {
			assertKept(connection, thanked, codes);
		}
	}

	/**
	 * An open round with its codes, made through the application's services; codes and
	 * their HMACs.
	 */
	private Map<String, String> prepare(List<String> settings) {
		List<String> arguments = new ArrayList<>(settings);
		arguments.addAll(List.of("--server.port=0", "--peer-reflect.code-key=" + KEY, "--logging.level.root=WARN"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerReflectApplication.class)
			.run(arguments.toArray(String[]::new))) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			AccountService.Invitation steward = context.getBean(AccountService.class)
				.createOrganization("Harbour " + UUID.randomUUID(), UUID.randomUUID() + "@example.org");
			UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
					steward.accountId());
			RoundService rounds = context.getBean(RoundService.class);
			UUID round = rounds.create(organization, "Spring", "peer-support-principles", 1, "en", 5).id();
			rounds.open(round, organization);
			CodeKey key = context.getBean(CodeKey.class);
			Map<String, String> codes = new LinkedHashMap<>();
			for (String code : context.getBean(ParticipationService.class)
				.issueCodes(round, organization, PEOPLE, "More of us came than we thought")) {
				codes.put(code, key.hash(code));
			}
			return codes;
		}
	}

	/**
	 * Starts the jar, sends answers sixteen at a time, kills it once enough were thanked.
	 */
	private List<String> killUnderLoad(List<String> settings, Iterable<String> codes) throws Exception {
		int port = Processes.freePort();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true", "-jar",
				Path.of(System.getProperty("peerreflect.jar", "target/peer-reflect.jar")).toAbsolutePath().toString()));
		command.addAll(settings);
		command.addAll(List.of("--server.port=" + port, "--peer-reflect.code-key=" + KEY));
		Process process = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("application.log").toFile())
			.start();
		Queue<String> waiting = new ConcurrentLinkedQueue<>();
		codes.forEach(waiting::add);
		Queue<String> thanked = new ConcurrentLinkedQueue<>();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService people = Executors.newFixedThreadPool(16);
		try {
			Processes.awaitStarted(port, process, Duration.ofSeconds(180));
			for (int n = 0; n < 16; n++) {
				people.execute(() -> {
					String code;
					while (!killed.get() && (code = waiting.poll()) != null) {
						try {
							if (answer(port, code)) {
								thanked.add(code);
							}
						}
						catch (RuntimeException gone) {
							// The process was killed while this person was sending.
						}
					}
				});
			}
			Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
			while (thanked.size() < 60 && Instant.now().isBefore(deadline) && process.isAlive()) {
				Thread.sleep(5);
			}
			// kill -9: no shutdown hook, nothing written on the way out.
			process.destroyForcibly();
			killed.set(true);
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			people.shutdownNow();
			people.awaitTermination(30, TimeUnit.SECONDS);
			process.destroyForcibly();
		}
		assertThat(thanked).as("people thanked before the kill (see %s)", work.resolve("application.log"))
			.hasSizeGreaterThanOrEqualTo(60);
		return List.copyOf(thanked);
	}

	/**
	 * One person's whole way: the start page, their code, one answer and words, "Send".
	 */
	private static boolean answer(int port, String code) {
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> start = browser.get("/join");
		HttpResponse<String> first = browser
			.follow(browser.post("/join/start", start.body(), Map.of("code", code, "lang", "en")));
		Map<String, String> fields = Html.hiddenFields(first.body());
		fields.put("a.np-1", "4");
		fields.put("w.np-say", "kept " + code);
		fields.put("go", "submit");
		HttpResponse<String> thanks = browser.post("/join/page", first.body(), fields);
		// Thanked: sent on to the thank-you page.
		return thanks.statusCode() == 303
				&& thanks.headers().firstValue("Location").orElse("").contains("/join/thanks");
	}

	private static void assertKept(Connection connection, List<String> thanked, Map<String, String> codes)
			throws SQLException {
		// Opened with the rounds' keys, from the code key the application was given, as
		// only it can.
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
				new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
		RoundKeys keys = SealedRows.keys(jdbc, KEY);
		List<String> words = new java.util.ArrayList<>();
		int withAnswer = 0;
		for (java.util.UUID round : jdbc.queryForList("select distinct round_id from sealed_response",
				java.util.UUID.class)) {
			for (SealedForm.Opened opened : SealedRows.opened(jdbc, keys, round)) {
				words.addAll(opened.submission().written().values());
				withAnswer += opened.submission().answers().containsKey("np-1") ? 1 : 0;
			}
		}
		System.out.println("Killed under load: " + thanked.size() + " thanked, "
				+ count(connection, "select count(*) from sealed_response", null) + " kept");
		for (String code : thanked) {
			assertThat(words.stream().filter(("kept " + code)::equals).count()).as("the words of a thanked submission")
				.isOne();
			assertThat(
					count(connection, "select count(*) from participation_code where code_hash = ?", codes.get(code)))
				.as("the code of a thanked submission is used up")
				.isZero();
		}
		// Every submission kept was either thanked or on its way when the process died;
		// none twice, and each with its answer.
		assertThat(words.stream().filter(w -> w.startsWith("kept ")).count()).isGreaterThanOrEqualTo(thanked.size())
			.isEqualTo(count(connection, "select count(*) from sealed_response", null))
			.isEqualTo(withAnswer);
	}

	private static int count(Connection connection, String sql, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (value != null) {
				statement.setString(1, value);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

}
