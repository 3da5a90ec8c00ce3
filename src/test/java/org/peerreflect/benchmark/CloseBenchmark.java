package org.peerreflect.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.peerreflect.PeerReflectApplication;
import org.peerreflect.organization.AccountService;
import org.peerreflect.publication.Publication;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.round.RoundService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: times closing and publishing a round of many responses, on a fresh H2 file
 * (or on the PostgreSQL named by {@code PEER_REFLECT_BENCH_DB_URL}). The responses are
 * written straight into the tables, as many people would have left them, so that only the
 * close and the publish are timed. Run it with {@code benchmarks/close.sh}.
 */
public final class CloseBenchmark {

	private CloseBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int people = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		String postgres = System.getenv("PEER_REFLECT_BENCH_DB_URL");
		List<String> settings = new ArrayList<>(List.of("--peer-reflect.code-key=benchmark-key-" + UUID.randomUUID(),
				"--logging.level.root=WARN", "--server.port=0"));
		if (postgres == null) {
			Path folder = Files.createTempDirectory(Path.of("target"), "close-benchmark");
			settings.add("--spring.datasource.url=jdbc:h2:file:" + folder.toAbsolutePath().resolve("db")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		}
		else {
			String schema = "bench_" + Long.toHexString(System.nanoTime());
			settings.addAll(List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema="
							+ schema,
					"--spring.datasource.username="
							+ System.getenv().getOrDefault("PEER_REFLECT_BENCH_DB_USER", "peer_reflect"),
					"--spring.datasource.password="
							+ System.getenv().getOrDefault("PEER_REFLECT_BENCH_DB_PASSWORD", "peer_reflect"),
					"--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true"));
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerReflectApplication.class)
			.run(settings.toArray(String[]::new))) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			AccountService accounts = context.getBean(AccountService.class);
			RoundService rounds = context.getBean(RoundService.class);
			Publication publication = context.getBean(Publication.class);
			String name = "Benchmark " + UUID.randomUUID();
			AccountService.Invitation steward = accounts.createOrganization(name, UUID.randomUUID() + "@example.org");
			UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
					steward.accountId());
			UUID round = rounds.create(organization, "Spring", "peer-support-principles", 1, "en", 5).id();
			rounds.open(round, organization);
			Questionnaire questionnaire = rounds.questionnaire(round, organization);

			long started = System.nanoTime();
			fill(jdbc, round, questionnaire, people);
			System.out.printf("%,d responses stored straight into the tables in %.1f s%n", people, seconds(started));

			started = System.nanoTime();
			rounds.close(round, organization);
			double close = seconds(started);
			awaitFilesRewritten(context, jdbc);
			double rewritten = seconds(started);
			started = System.nanoTime();
			publication.publish(round, organization, name);
			double publish = seconds(started);
			System.out
				.printf("close %.2f s (the round's lock held throughout), files rewritten %.2f s after close began,"
						+ " publish %.2f s, peak heap %d MB%n", close, rewritten, publish, peakHeapMegabytes());
		}
	}

	/**
	 * Answers as people would have left them: every scale item mostly answered, a third
	 * write.
	 */
	private static void fill(JdbcTemplate jdbc, UUID round, Questionnaire questionnaire, int people) {
		Random random = new Random(people);
		List<Item> scale = questionnaire.items().stream().filter(Item::isScale).toList();
		List<Item> text = questionnaire.items().stream().filter(item -> !item.isScale()).toList();
		List<String> perspectives = questionnaire.perspective().options().stream().map(o -> o.value()).toList();
		boolean paperColumn = !jdbc.queryForList("select column_name from information_schema.columns "
				+ "where lower(table_name) = 'response' and lower(column_name) = 'on_paper' and lower(table_schema) = lower(current_schema)",
				String.class)
			.isEmpty();
		boolean keyed = !jdbc.queryForList("select column_name from information_schema.columns "
				+ "where lower(table_name) = 'response' and lower(column_name) = 'storage_key' and lower(table_schema) = lower(current_schema)",
				String.class)
			.isEmpty();
		List<Object[]> responses = new ArrayList<>();
		List<Object[]> answers = new ArrayList<>();
		List<Object[]> written = new ArrayList<>();
		for (int p = 0; p < people; p++) {
			UUID id = UUID.randomUUID();
			String perspective = random.nextInt(10) == 0 ? null : perspectives.get(random.nextInt(perspectives.size()));
			responses.add(keyed ? new Object[] { key(random), id, round, perspective, false } : paperColumn
					? new Object[] { id, round, perspective, false } : new Object[] { id, round, perspective });
			for (Item item : scale) {
				if (random.nextInt(10) > 0) {
					String answer = String.valueOf(1 + random.nextInt(5));
					answers.add(keyed ? new Object[] { key(random), id, item.id(), answer }
							: new Object[] { id, item.id(), answer });
				}
			}
			if (p % 3 == 0) {
				Item item = text.get(random.nextInt(text.size()));
				String words = "Words from one of us, number " + p;
				written.add(keyed ? new Object[] { key(random), UUID.randomUUID(), round, item.id(), words, false }
						: paperColumn ? new Object[] { UUID.randomUUID(), round, item.id(), words, false }
								: new Object[] { UUID.randomUUID(), round, item.id(), words });
			}
			if (answers.size() > 20_000) {
				flush(jdbc, keyed, paperColumn, responses, answers, written);
			}
		}
		flush(jdbc, keyed, paperColumn, responses, answers, written);
		jdbc.update("update round set responses = ?, used_online = ?, codes_printed = ? where id = ?", people, people,
				people, round);
	}

	private static long key(Random random) {
		return random.nextLong() & Long.MAX_VALUE;
	}

	/**
	 * Written as the application of the day writes them: with storage keys, a paper mark,
	 * or neither.
	 */
	private static void flush(JdbcTemplate jdbc, boolean keyed, boolean paperColumn, List<Object[]> responses,
			List<Object[]> answers, List<Object[]> written) {
		String key = keyed ? "storage_key, " : "";
		String mark = keyed ? "?, " : "";
		String paper = paperColumn ? ", on_paper" : "";
		String paperMark = paperColumn ? ", ?" : "";
		jdbc.batchUpdate("insert into response (" + key + "id, round_id, perspective" + paper + ") values (" + mark
				+ "?, ?, ?" + paperMark + ")", responses);
		jdbc.batchUpdate(
				"insert into response_answer (" + key + "response_id, item_id, answer) values (" + mark + "?, ?, ?)",
				answers);
		jdbc.batchUpdate("insert into written_answer (" + key + "id, round_id, item_id, answer" + paper + ") values ("
				+ mark + "?, ?, ?, ?" + paperMark + ")", written);
		responses.clear();
		answers.clear();
		written.clear();
	}

	/**
	 * Waits for the rewrite of the database files after close, where the application has
	 * one.
	 */
	private static void awaitFilesRewritten(ConfigurableApplicationContext context, JdbcTemplate jdbc)
			throws InterruptedException {
		boolean tracked = !jdbc.queryForList("select table_name from information_schema.tables "
				+ "where lower(table_name) = 'answers_rewrite_pending' and lower(table_schema) = lower(current_schema)",
				String.class)
			.isEmpty();
		while (tracked && jdbc.queryForObject("select count(*) from answers_rewrite_pending", Integer.class) > 0) {
			Thread.sleep(10);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static long peakHeapMegabytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / (1024 * 1024);
	}

}
