package org.peerreflect.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.peerreflect.PeerReflectApplication;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.Processes;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: people taking part over HTTP against the packaged application, each with a
 * code of their own, through the whole way (start page, code, every page of questions,
 * the review, "Send"), at 1, 8 and 32 at once. Prints journeys a second, the storing
 * POST's latency, the application's CPU time per journey and its resident memory. Run it
 * with {@code benchmarks/load.sh}.
 *
 * <p>
 * Arguments: {@code h2} or {@code postgres}, the number of instances (PostgreSQL only),
 * seconds per level.
 */
public final class LoadBenchmark {

	private static final String KEY = "load-benchmark-key-for-participation-codes-0123456789";

	private LoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		boolean postgres = args.length > 0 && args[0].equals("postgres");
		int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		Path work = Files.createTempDirectory(Path.of("target"), "load-benchmark").toAbsolutePath();
		List<String> settings = new ArrayList<>();
		if (postgres) {
			String url = System.getenv()
				.getOrDefault("PEER_REFLECT_BENCH_DB_URL", "jdbc:postgresql://localhost:5432/peer_reflect_test");
			String schema = "load_" + Long.toHexString(System.nanoTime());
			settings.addAll(List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
					"--spring.datasource.username="
							+ System.getenv().getOrDefault("PEER_REFLECT_BENCH_DB_USER", "peer_reflect"),
					"--spring.datasource.password="
							+ System.getenv().getOrDefault("PEER_REFLECT_BENCH_DB_PASSWORD", "peer_reflect"),
					"--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true"));
		}
		else {
			// As configured by default, from a folder of its own.
			settings.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("data").resolve("peer-reflect")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000");
		}
		Queue<String> codes = new ConcurrentLinkedQueue<>(prepare(settings, 12_000));
		List<Process> processes = new ArrayList<>();
		List<Integer> ports = new ArrayList<>();
		try {
			for (int i = 0; i < instances; i++) {
				int port = Processes.freePort();
				List<String> command = new ArrayList<>(
						List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
								"-Djava.awt.headless=true",
								// -Dload.jar=FILE runs another build, for a before and
								// after; -Dload.jfr=FILE records where the application's
								// CPU goes, with Flight Recorder.
								System.getProperty("load.jfr") == null ? "-Dload.jfr=none"
										: "-XX:StartFlightRecording=settings=profile,filename="
												+ System.getProperty("load.jfr") + i,
								"-jar",
								Path.of(System.getProperty("load.jar", "target/peer-reflect.jar"))
									.toAbsolutePath()
									.toString()));
				command.addAll(postgres ? settings : List.of());
				command.addAll(List.of("--server.port=" + port, "--peer-reflect.code-key=" + KEY,
						"--logging.level.root=WARN"));
				// -Dload.args="--a=b --c=d": settings to try on the application.
				if (System.getProperty("load.args") != null) {
					command.addAll(List.of(System.getProperty("load.args").split(" ")));
				}
				processes.add(new ProcessBuilder(command).directory(work.toFile())
					.redirectErrorStream(true)
					.redirectOutput(work.resolve("application-" + i + ".log").toFile())
					.start());
				ports.add(port);
			}
			for (int i = 0; i < ports.size(); i++) {
				Processes.awaitStarted(ports.get(i), processes.get(i), Duration.ofSeconds(120));
			}
			// Warm up, as a server that has been running a while would be.
			level(ports, codes, 8, Math.max(20, seconds / 2), processes, false);
			System.out.printf("%s, %d instance(s), %d s per level, -Xmx256m%n", postgres ? "PostgreSQL" : "H2 file",
					instances, seconds);
			System.out.println("| people at once | journeys/s | storing POST p50 | p95 | p99 | CPU per journey | "
					+ "people's CPU per journey | resident memory | errors |");
			System.out.println("|---|---|---|---|---|---|---|---|---|");
			// -Dload.levels=32 runs only the levels named, for trying one change quickly.
			for (int people : java.util.Arrays.stream(System.getProperty("load.levels", "1,8,32").split(","))
				.map(Integer::valueOf)
				.toList()) {
				level(ports, codes, people, seconds, processes, true);
			}
		}
		finally {
			for (Process process : processes) {
				process.destroy();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	private static List<String> prepare(List<String> settings, int count) {
		List<String> arguments = new ArrayList<>(settings);
		arguments.addAll(List.of("--server.port=0", "--peer-reflect.code-key=" + KEY, "--logging.level.root=WARN"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerReflectApplication.class)
			.run(arguments.toArray(String[]::new))) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			AccountService.Invitation steward = context.getBean(AccountService.class)
				.createOrganization("Load " + UUID.randomUUID(), UUID.randomUUID() + "@example.org");
			UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
					steward.accountId());
			RoundService rounds = context.getBean(RoundService.class);
			UUID round = rounds.create(organization, "Load", "peer-support-principles", 1, "en", 5).id();
			rounds.open(round, organization);
			List<String> codes = new ArrayList<>();
			while (codes.size() < count) {
				codes.addAll(context.getBean(ParticipationService.class)
					.issueCodes(round, organization,
							Math.min(org.peerreflect.round.RoundView.MOST_CARDS_AT_ONCE, count - codes.size()),
							"More of us came than we thought"));
			}
			return codes;
		}
	}

	private static void level(List<Integer> ports, Queue<String> codes, int people, int seconds,
			List<Process> processes, boolean print) throws Exception {
		long cpuBefore = cpuTicks(processes);
		long ownBefore = ownCpuNanos();
		List<Long> storing = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger journeys = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		Instant end = Instant.now().plusSeconds(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(people);
		long started = System.nanoTime();
		for (int p = 0; p < people; p++) {
			int port = ports.get(p % ports.size());
			pool.execute(() -> {
				String code;
				LightBrowser browser = new LightBrowser(port);
				while (Instant.now().isBefore(end) && (code = codes.poll()) != null) {
					try {
						long took = journey(browser, code);
						storing.add(took);
						journeys.incrementAndGet();
					}
					catch (RuntimeException | AssertionError e) {
						errors.incrementAndGet();
					}
				}
				browser.close();
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - started) / 1e9;
		long cpu = cpuTicks(processes) - cpuBefore;
		long own = ownCpuNanos() - ownBefore;
		if (!print) {
			return;
		}
		List<Long> sorted = new ArrayList<>(storing);
		Collections.sort(sorted);
		System.out.printf("| %d | %.1f | %.0f ms | %.0f ms | %.0f ms | %.1f ms | %.1f ms | %s | %d |%n", people,
				journeys.get() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
				journeys.get() == 0 ? 0.0 : cpu * 10.0 / journeys.get(),
				journeys.get() == 0 ? 0.0 : own / 1e6 / journeys.get(), resident(processes), errors.get());
	}

	/** One person's whole way; the time of the storing POST ("Send"), in nanoseconds. */
	static long journey(LightBrowser browser, String code) {
		browser.forget();
		LightBrowser.Page page = browser.get("/join");
		Map<String, String> fields = LightBrowser.hiddenFields(page.body());
		fields.putAll(Map.of("code", code, "lang", "en"));
		page = browser.postAndFollow("/join/start", fields);
		int steps = 0;
		while (!page.body().contains("name=\"go\" value=\"submit\"")) {
			fields = LightBrowser.hiddenFields(page.body());
			fields.put("go", "next");
			if (steps == 0) {
				fields.putAll(Map.of("a.np-1", "4", "a.np-2", "5", "w.np-say", "Tea on Fridays"));
			}
			page = browser.postAndFollow("/join/page", fields);
			if (page.status() != 200 || ++steps > 12) {
				throw new IllegalStateException("the way through stopped at " + page.status());
			}
		}
		fields = LightBrowser.hiddenFields(page.body());
		fields.put("go", "submit");
		long started = System.nanoTime();
		LightBrowser.Page thanks = browser.post("/join/page", fields);
		long took = System.nanoTime() - started;
		if (thanks.status() != 303) {
			throw new IllegalStateException("not thanked: " + thanks.status());
		}
		return took;
	}

	private static double percentile(List<Long> sorted, double share) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1)) / 1e6;
	}

	/** User and system CPU time of the application processes, in clock ticks of 10 ms. */
	private static long cpuTicks(List<Process> processes) throws IOException {
		long ticks = 0;
		for (Process process : processes) {
			String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		return ticks;
	}

	/**
	 * The CPU this process (the people) used, so that what they take from the application
	 * shows.
	 */
	private static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static String resident(List<Process> processes) throws IOException {
		List<String> sizes = new ArrayList<>();
		for (Process process : processes) {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					sizes.add(Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB");
				}
			}
		}
		return String.join(" + ", sizes);
	}

}
