package org.peerreflect.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.peerreflect.PeerReflectApplication;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Processes;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: the packaged application's resident memory, read from {@code /proc}, at
 * each step of a round's life, all of it over HTTP: at rest after start, while 32 people
 * send their answers (10,000 of them in all), and while the steward closes and publishes
 * the round. Run it with {@code benchmarks/memory.sh}, which gives the JVM's settings.
 *
 * <p>
 * Arguments: the jar, a fresh data folder, the number of people, then the JVM's settings.
 */
public final class MemoryBenchmark {

	private static final String KEY = "memory-benchmark-key-for-participation-codes-0123456789";

	private static final String EMAIL = "steward@example.org";

	private static final String PASSWORD = "memory-benchmark-password";

	private MemoryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]).toAbsolutePath();
		Path data = Path.of(args[1]).toAbsolutePath();
		int people = Integer.parseInt(args[2]);
		List<String> jvm = List.of(args).subList(3, args.length);
		// The round, its codes and the steward's password are made before the
		// application starts, on the same data folder, as a steward would have done.
		Prepared prepared = prepare(data, people);
		int port = Processes.freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvm);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--logging.level.root=WARN"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(data.toFile())
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("application.log").toFile());
		builder.environment().put("PEER_REFLECT_DATA", data.toString());
		builder.environment().put("PEER_REFLECT_CODE_KEY", KEY);
		System.out.println("java " + String.join(" ", jvm) + (System.getenv("MALLOC_ARENA_MAX") == null ? ""
				: ", MALLOC_ARENA_MAX=" + System.getenv("MALLOC_ARENA_MAX")));
		System.out.println("| step | seconds | VmRSS at the end | highest VmRSS seen | VmHWM at the end |");
		System.out.println("|---|---|---|---|---|");
		Process application = builder.start();
		try (Sampler sampler = new Sampler(application.pid(),
				jvm.stream().anyMatch(setting -> setting.startsWith("-XX:NativeMemoryTracking")))) {
			long started = System.nanoTime();
			Processes.awaitStarted(port, application, Duration.ofSeconds(180));
			// At rest: started, then left alone a while, as a server waits for people.
			Thread.sleep(10_000);
			sampler.step("at rest after start", started);

			started = System.nanoTime();
			int errors = takePart(port, prepared.codes(), 32);
			sampler.step(String.format("%,d people sending their answers, 32 at once (%d errors)", people, errors),
					started);

			started = System.nanoTime();
			LightBrowser steward = signIn(port);
			closeAndPublish(steward, prepared.round());
			sampler.step("closing and publishing the round", started);

			// The report once more, as the board reads it.
			started = System.nanoTime();
			expect(steward.get("/reports/" + prepared.round() + "/report.pdf"), 200, "the PDF");
			expect(steward.get("/reports/" + prepared.round() + "/report.xlsx"), 200, "the workbook");
			sampler.step("downloading the PDF and the workbook", started);
			steward.close();
		}
		finally {
			application.destroy();
			application.waitFor(30, TimeUnit.SECONDS);
		}
	}

	record Prepared(UUID round, List<String> codes) {
	}

	private static Prepared prepare(Path data, int count) {
		// The file the jar opens from PEER_REFLECT_DATA, named here as the tests'
		// settings
		// would otherwise give an in-memory database.
		String file = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("peer-reflect")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerReflectApplication.class)
			.run(file, "--server.port=0", "--peer-reflect.code-key=" + KEY, "--logging.level.root=WARN")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			AccountService accounts = context.getBean(AccountService.class);
			AccountService.Invitation steward = accounts.createOrganization("Memory", EMAIL);
			accounts.setPasswordWithLink(steward.link().substring(steward.link().lastIndexOf('/') + 1), PASSWORD);
			UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
					steward.accountId());
			RoundService rounds = context.getBean(RoundService.class);
			UUID round = rounds.create(organization, "Spring", "peer-support-principles", 1, "en", 5).id();
			rounds.open(round, organization);
			List<String> codes = new ArrayList<>();
			while (codes.size() < count) {
				codes.addAll(context.getBean(ParticipationService.class)
					.issueCodes(round, organization, Math.min(RoundView.MOST_CARDS_AT_ONCE, count - codes.size()),
							"More of us came than we thought"));
			}
			return new Prepared(round, codes);
		}
	}

	/** Everyone's whole way through the pages, {@code atOnce} people at a time. */
	private static int takePart(int port, List<String> codes, int atOnce) throws InterruptedException {
		Queue<String> left = new ConcurrentLinkedQueue<>(codes);
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(atOnce);
		for (int p = 0; p < atOnce; p++) {
			pool.execute(() -> {
				LightBrowser browser = new LightBrowser(port);
				String code;
				while ((code = left.poll()) != null) {
					try {
						LoadBenchmark.journey(browser, code);
					}
					catch (RuntimeException | AssertionError e) {
						if (errors.incrementAndGet() == 1) {
							System.out.println("| first error: " + e + " |");
						}
					}
				}
				browser.close();
			});
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.HOURS);
		return errors.get();
	}

	private static LightBrowser signIn(int port) {
		LightBrowser browser = new LightBrowser(port);
		Map<String, String> fields = LightBrowser.hiddenFields(browser.get("/sign-in").body());
		fields.putAll(Map.of("email", EMAIL, "password", PASSWORD));
		LightBrowser.Page signedIn = browser.post("/sign-in", fields);
		if (signedIn.location() == null || signedIn.location().contains("failed")) {
			throw new IllegalStateException(
					"the steward could not sign in: " + signedIn.status() + " " + signedIn.location());
		}
		return browser;
	}

	/** As the steward does it: the close page, then "Publish" on the round's page. */
	private static void closeAndPublish(LightBrowser steward, UUID round) {
		Map<String, String> fields = LightBrowser.hiddenFields(steward.get("/rounds/" + round + "/close").body());
		LightBrowser.Page closed = steward.post("/rounds/" + round + "/close", fields);
		if (closed.status() / 100 != 3) {
			throw new IllegalStateException("closing answered " + closed.status());
		}
		fields = LightBrowser.hiddenFields(steward.get("/rounds/" + round).body());
		fields.putAll(Map.of("reviewed", "on", "marked", "on"));
		LightBrowser.Page published = steward.post("/rounds/" + round + "/publish", fields);
		if (published.location() == null || !published.location().contains("/reports/")) {
			throw new IllegalStateException("not published: " + published.status() + " " + published.location());
		}
	}

	private static void expect(LightBrowser.Page page, int status, String what) {
		if (page.status() != status) {
			throw new IllegalStateException(what + " answered " + page.status());
		}
	}

	/**
	 * Reads the application's VmRSS every 100 ms, so that a step's highest is seen and
	 * not only its end.
	 */
	private static final class Sampler implements AutoCloseable {

		private final Path status;

		private final String pid;

		private final boolean nmt;

		private final AtomicLong highest = new AtomicLong();

		private final Thread thread;

		private volatile boolean running = true;

		Sampler(long pid, boolean nmt) {
			this.pid = String.valueOf(pid);
			this.nmt = nmt;
			this.status = Path.of("/proc", String.valueOf(pid), "status");
			this.thread = new Thread(() -> {
				while (running) {
					try {
						long rss = read("VmRSS:");
						highest.accumulateAndGet(rss, Math::max);
						Thread.sleep(100);
					}
					catch (IOException | InterruptedException e) {
						return;
					}
				}
			}, "memory sampler");
			thread.setDaemon(true);
			thread.start();
		}

		void step(String name, long startedNanos) throws IOException {
			highest.accumulateAndGet(read("VmRSS:"), Math::max);
			// With -XX:NativeMemoryTracking=summary, where the memory is, as the JVM
			// counts it.
			if (nmt) {
				try {
					Process jcmd = new ProcessBuilder(
							Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid, "VM.native_memory",
							"summary", "scale=MB")
						.redirectErrorStream(true)
						.start();
					for (String line : new String(jcmd.getInputStream().readAllBytes()).split("\n")) {
						if (line.contains("committed=") && !line.contains("(mmap") && !line.contains("(malloc")) {
							System.out.println("| nmt | " + line.strip() + " |");
						}
					}
				}
				catch (IOException e) {
					System.out.println("| nmt | " + e + " |");
				}
			}
			System.out.printf("| %s | %.1f | %d MB | %d MB | %d MB |%n", name, (System.nanoTime() - startedNanos) / 1e9,
					read("VmRSS:") / 1024, highest.getAndSet(0) / 1024, read("VmHWM:") / 1024);
		}

		private long read(String field) throws IOException {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
			throw new IOException(field + " not in " + status);
		}

		@Override
		public void close() {
			running = false;
		}

	}

}
