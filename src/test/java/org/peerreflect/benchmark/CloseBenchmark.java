package org.peerreflect.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.peerreflect.PeerReflectApplication;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.publication.Publication;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: times sending answers to a round of many people, then closing and
 * publishing it, on a fresh H2 file (or on the PostgreSQL named by
 * {@code PEER_REFLECT_BENCH_DB_URL}). The answers go through the application's own
 * service, one transaction a person as on the answering pages, so the figures hold for
 * whatever the application keeps while a round is open. Run it with
 * {@code benchmarks/close.sh}.
 */
public final class CloseBenchmark {

	private CloseBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int people = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		String postgres = System.getenv("PEER_REFLECT_BENCH_DB_URL");
		List<String> settings = new ArrayList<>(List.of("--peer-reflect.code-key=benchmark-key-" + UUID.randomUUID(),
				"--logging.level.root=WARN", "--server.port=0"));
		Path folder = null;
		if (postgres == null) {
			folder = Files.createTempDirectory(Path.of("target"), "close-benchmark");
			settings.add("--spring.datasource.url=jdbc:h2:file:" + folder.toAbsolutePath().resolve("db")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000");
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
			ParticipationService participation = context.getBean(ParticipationService.class);
			Publication publication = context.getBean(Publication.class);
			String name = "Benchmark " + UUID.randomUUID();
			AccountService.Invitation steward = accounts.createOrganization(name, UUID.randomUUID() + "@example.org");
			UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
					steward.accountId());
			UUID round = rounds.create(organization, "Spring", "peer-support-principles", 1, "en", 5).id();
			List<String> codes = new ArrayList<>();
			while (codes.size() < people) {
				codes.addAll(participation.issueCodes(round, organization, Math.min(1000, people - codes.size())));
			}
			rounds.open(round, organization);
			Questionnaire questionnaire = rounds.questionnaire(round, organization);

			long started = System.nanoTime();
			long[] each = answer(participation, questionnaire, codes);
			double sending = seconds(started);
			Arrays.sort(each);
			System.out.printf("%,d people sent their answers in %.1f s: per person median %.2f ms, 95th %.2f ms%n",
					people, sending, each[each.length / 2] / 1e6, each[each.length * 95 / 100] / 1e6);
			System.out.printf("while open the database holds %s%n", size(jdbc, postgres != null, folder));

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
	 * Answers as people give them: every scale item mostly answered, a third write a
	 * sentence or two; each person one call, as "Send" makes it. Returns each call's
	 * nanoseconds.
	 */
	private static long[] answer(ParticipationService participation, Questionnaire questionnaire, List<String> codes) {
		Random random = new Random(codes.size());
		List<Item> scale = questionnaire.items().stream().filter(Item::isScale).toList();
		List<Item> text = questionnaire.items().stream().filter(item -> !item.isScale()).toList();
		List<String> perspectives = questionnaire.perspective().options().stream().map(o -> o.value()).toList();
		Channel[] channels = { Channel.ONLINE, Channel.ONLINE, Channel.KIOSK, Channel.PAPER };
		long[] each = new long[codes.size()];
		for (int p = 0; p < codes.size(); p++) {
			String perspective = random.nextInt(10) == 0 ? null : perspectives.get(random.nextInt(perspectives.size()));
			Map<String, String> answers = new HashMap<>();
			for (Item item : scale) {
				if (random.nextInt(10) > 0) {
					answers.put(item.id(), String.valueOf(1 + random.nextInt(5)));
				}
			}
			Map<String, String> written = new HashMap<>();
			if (p % 3 == 0) {
				written.put(text.get(random.nextInt(text.size())).id(),
						"Words from one of us, number " + p + ", about the kitchen table and the Tuesday walk.");
			}
			long started = System.nanoTime();
			participation.submit(codes.get(p), channels[p % channels.length],
					new Submission(perspective, answers, written));
			each[p] = System.nanoTime() - started;
		}
		return each;
	}

	/**
	 * What the database takes on disk: the H2 file, or PostgreSQL's schema and its log.
	 */
	private static String size(JdbcTemplate jdbc, boolean postgres, Path folder) throws Exception {
		if (!postgres) {
			long bytes = 0;
			try (var files = Files.list(folder)) {
				for (Path file : files.toList()) {
					bytes += Files.size(file);
				}
			}
			return String.format("%.1f MB in its file", bytes / 1e6);
		}
		Long tables = jdbc.queryForObject("select sum(pg_total_relation_size(c.oid)) from pg_class c "
				+ "join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'",
				Long.class);
		return String.format("%.1f MB in its tables", tables / 1e6);
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
