package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.publication.Publication;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Invariant 3 on the embedded database as it really runs, in a file: people answer with
 * words no one else uses, the round closes, and then the data folder is read as raw
 * bytes, as an administrator with a copy of it would. Each word is there at most once, no
 * code's HMAC is there, nothing in the file was written before the close (H2 stamps every
 * chunk with its write time), and the words stand in no order of their sending. The same
 * after the answers are erased.
 */
@SpringBootTest
class FilesRewriteAfterCloseOnH2FileTest {

	private static final Path FOLDER = temporaryFolder();

	@DynamicPropertySource
	static void inAFile(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + FOLDER.resolve("peer-reflect")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000");
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("peer-reflect-files");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * H2's chunk header: its id, then (further on) its write time in ms after the file
	 * was made.
	 */
	private static final Pattern CHUNK = Pattern.compile("chunk:([0-9a-f]+),[^\\n]*?time:([0-9a-f]+)");

	private static final Pattern CREATED = Pattern.compile("H:2,[^\\n]*?created:([0-9a-f]+)");

	@Autowired
	RoundKeys keys;

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	Publication publication;

	@Autowired
	FilesRewriteAfterClose files;

	@Autowired
	ReviewChanges changes;

	@Autowired
	CodeKey key;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void invariant3_afterCloseTheDataFolderHoldsNoEarlierCopyTimeOrOrder() throws Exception {
		UUID organization = organization();
		RoundView round = rounds.open(
				rounds.create(organization, "Spring at Brackenfold", "peer-support-principles", 1, "en", 5).id(),
				organization);
		List<String> codes = participation.issueCodes(round.id(), organization, 12, "More of us came than we thought");
		List<String> words = new ArrayList<>();
		for (int n = 0; n < codes.size(); n++) {
			String first = "quillfeather" + (1000 + n);
			String second = "lanternmoss" + (1000 + n);
			words.add(first);
			words.add(second);
			participation.submit(codes.get(n), n % 2 == 0 ? Channel.ONLINE : Channel.KIOSK, new Submission(
					n % 3 == 0 ? "member" : "staff", Map.of("np-1", "4"), Map.of("np-say", first, "na-say", second)));
			// Apart in time, as people are: each submission its own chunk.
			Thread.sleep(30);
		}
		// H2 writes what was committed to the file within half a second.
		Thread.sleep(700);
		byte[] open = dataFolder();
		// The reading works: the round's name is in the file, as it should be.
		assertThat(Processes.count(open, "Brackenfold")).as("the reading finds what is in the clear").isPositive();
		for (String word : words) {
			// While the round is open every answer is sealed under the round's key
			// (invariant 3); before, each word was in the file at least once.
			assertThat(Processes.count(open, word)).as(word + " while open").isZero();
		}

		Instant closing = Instant.now();
		rounds.close(round.id(), organization);
		awaitRewritten();
		byte[] closed = dataFolder();
		System.out.println("Data folder after close: " + closed.length + " bytes searched");

		for (String word : words) {
			// Sealed again from close to publication: no copy in the clear, earlier or
			// now.
			assertThat(Processes.count(closed, word)).as(word).isZero();
		}
		for (String code : codes) {
			assertThat(Processes.count(closed, key.hash(ParticipationCodes.normalize(code)))).as("a used code's HMAC")
				.isZero();
		}
		assertThat(chunkTimes(closed)).as("every chunk was written after the close")
			.isNotEmpty()
			.allSatisfy(written -> assertThat(written).isAfterOrEqualTo(closing.minusMillis(1)));

		publication.publish(round.id(), organization, "Harbour");
		Instant erasing = Instant.now();
		publication.erase(round.id(), organization);
		awaitRewritten();
		byte[] erased = dataFolder();
		String quoted = jdbc.queryForObject("select report_input from published_report where round_id = ?",
				String.class, round.id());
		for (String word : words) {
			// Only where the published report quotes it: its kept input, and its kept
			// model, which may quote it twice (in our own words, and beside a statement
			// to talk over). Nothing else is left: every copy is a quote in a kept
			// report, never a value in a row of answers. (The database may still hold a
			// page of the kept report twice until it next compacts; that copy tells no
			// more than the report itself.)
			if (quoted.contains(word)) {
				assertThat(Processes.count(erased, word)).as(word + " after erasing").isGreaterThanOrEqualTo(2);
				assertThat(framed(erased, word)).as(word + " after erasing, each copy a quote of a kept report")
					.containsOnly("\"" + word + "\"");
			}
			else {
				assertThat(Processes.count(erased, word)).as(word + " after erasing").isZero();
			}
		}
		assertThat(jdbc.queryForObject("select count(*) from written_answer where round_id = ?", Integer.class,
				round.id()))
			.isZero();
		assertThat(chunkTimes(erased))
			.allSatisfy(written -> assertThat(written).isAfterOrEqualTo(erasing.minusMillis(1)));
	}

	/**
	 * Words a steward took out stay in the database until the report is published, so
	 * that the change can be undone; after publication they are nowhere in the data
	 * folder.
	 */
	@Test
	void wordsTakenOutInReviewAreGoneFromTheDataFolderOncePublished() throws Exception {
		UUID organization = organization();
		RoundView round = closedWithWords(organization, 6, n -> "Tallowmere" + n + " helped us " + n + " times");
		for (int n = 0; n < 6; n++) {
			UUID answer = SealedRows.answerStarting(jdbc, keys, round.id(), "Tallowmere" + n + " ");
			changes.redact(round.id(), organization, "np-say", answer, "[removed] helped us " + n + " times");
		}
		assertThat(SealedRows.words(jdbc, keys, round.id(), "id")).allMatch(words -> words.startsWith("[removed] "));
		Thread.sleep(700);
		// Kept to be put back until publication, sealed: never in the clear in the file.
		assertThat(Processes.count(dataFolder(), "Tallowmere3")).as("words taken out, while in review").isZero();
		assertThat(Processes.count(dataFolder(), "helped us 3")).as("words kept, while in review").isZero();

		publication.publish(round.id(), organization, "Harbour");
		assertThat(jdbc.queryForObject("select count(*) from written_answer_as_written b join written_answer w "
				+ "on w.id = b.answer_id where w.round_id = ?", Integer.class, round.id()))
			.isZero();
		awaitRewritten();
		byte[] published = dataFolder();
		for (int n = 0; n < 6; n++) {
			assertThat(Processes.count(published, "Tallowmere" + n)).as("words taken out, after publication").isZero();
			assertThat(Processes.count(published, "helped us " + n + " times")).as("what was kept").isPositive();
		}
	}

	/**
	 * Words changed in review by a version that kept no first wording (a plain update)
	 * are gone from the data folder once the report is published too: publication
	 * rewrites the files whenever the round has written answers.
	 */
	@Test
	void wordsChangedBeforeFirstWordingsWereKeptAreGoneOncePublished() throws Exception {
		UUID organization = organization();
		RoundView round = closedWithWords(organization, 5, n -> "Wrenholloway" + n + " met us " + n + " times");
		// As a version before sealing kept them: in the clear, then changed in place.
		for (UUID answer : jdbc.queryForList("select id from written_answer where round_id = ?", UUID.class,
				round.id())) {
			jdbc.update("update written_answer set answer = ?, sealed = null where id = ?",
					SealedRows.words(jdbc, keys, answer), answer);
		}
		Thread.sleep(700);
		jdbc.update(
				"update written_answer set answer = replace(answer, 'Wrenholloway', '[removed] ') where round_id = ?",
				round.id());
		Thread.sleep(700);
		assertThat(Processes.count(dataFolder(), "Wrenholloway2")).as("the old copy, before publication").isPositive();
		publication.publish(round.id(), organization, "Harbour");
		awaitRewritten();
		byte[] published = dataFolder();
		for (int n = 0; n < 5; n++) {
			assertThat(Processes.count(published, "Wrenholloway" + n)).as("words taken out, after publication")
				.isZero();
		}
	}

	/**
	 * A closed round (files rewritten) in which each of {@code people} wrote its words to
	 * np-say.
	 */
	private RoundView closedWithWords(UUID organization, int people, java.util.function.IntFunction<String> words)
			throws Exception {
		RoundView round = rounds.open(rounds.create(organization, "Words", "peer-support-principles", 1, "en", 5).id(),
				organization);
		List<String> codes = participation.issueCodes(round.id(), organization, people,
				"More of us came than we thought");
		for (int n = 0; n < people; n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission(null, Map.of(), Map.of("np-say", words.apply(n))));
		}
		rounds.close(round.id(), organization);
		awaitRewritten();
		return round;
	}

	/**
	 * People sending answers to one round while others close get their answers kept,
	 * never an error.
	 */
	@Test
	void answersKeepArrivingWhileAnotherRoundsFileIsRewritten() throws Exception {
		UUID organization = organization();
		List<RoundView> closing = new ArrayList<>();
		for (int r = 0; r < 3; r++) {
			RoundView round = rounds.open(
					rounds.create(organization, "Closing " + r, "peer-support-principles", 1, "en", 5).id(),
					organization);
			for (String code : participation.issueCodes(round.id(), organization, 20,
					"More of us came than we thought")) {
				participation.submit(code, Channel.ONLINE, new Submission(null, Map.of("np-1", "2"), Map.of()));
			}
			closing.add(round);
		}
		RoundView staying = rounds
			.open(rounds.create(organization, "Staying", "peer-support-principles", 1, "en", 5).id(), organization);
		List<String> codes = participation.issueCodes(staying.id(), organization, 150,
				"More of us came than we thought");
		ExecutorService people = Executors.newFixedThreadPool(8);
		try {
			List<Future<ParticipationService.Outcome>> sent = new ArrayList<>();
			for (String code : codes) {
				sent.add(people.submit(() -> participation.submit(code, Channel.ONLINE,
						new Submission("member", Map.of("np-1", "5"), Map.of("np-say", "kept " + code)))));
				if (sent.size() % 40 == 10 && sent.size() < 120) {
					RoundView round = closing.get((sent.size() - 10) / 40);
					rounds.close(round.id(), organization);
				}
			}
			for (Future<ParticipationService.Outcome> outcome : sent) {
				assertThat(outcome.get()).isEqualTo(ParticipationService.Outcome.ACCEPTED);
			}
		}
		finally {
			people.shutdown();
		}
		awaitRewritten();
		assertThat(SealedRows.submissions(jdbc, staying.id())).isEqualTo(150);
		rounds.close(staying.id(), organization);
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, staying.id()))
			.isEqualTo(150);
		assertThat(jdbc.queryForObject("select count(*) from written_answer where round_id = ?", Integer.class,
				staying.id()))
			.isEqualTo(150);
	}

	private UUID organization() {
		AccountService.Invitation steward = accounts.createOrganization("Files " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		return jdbc.queryForObject("select organization_id from account where id = ?", UUID.class, steward.accountId());
	}

	private void awaitRewritten() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!files.settled()) {
			assertThat(Instant.now()).as("the files are rewritten in time").isBefore(deadline);
			Thread.sleep(50);
		}
	}

	/**
	 * For each copy of a word, the name of the JSON list it stands in ("answers",
	 * "words"), or "" when it stands in none. This test's answers are single words, so
	 * the nearest bracket before a copy opens its list.
	 */
	/**
	 * Each copy of the word with the byte before and after it. A quote in a kept report's
	 * JSON stands between double quotes; in a row of answers the same words follow their
	 * length and precede the next column. Unlike the JSON around it, this holds even when
	 * the database splits the report into blocks with bytes of its own between them.
	 */
	private static List<String> framed(byte[] bytes, String word) {
		String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
		List<String> copies = new ArrayList<>();
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			copies.add(text.substring(Math.max(0, at - 1), Math.min(text.length(), at + word.length() + 1)));
		}
		return copies;
	}

	/**
	 * Every file of the data folder, one after the other, as a copy of it would hold
	 * them.
	 */
	private static byte[] dataFolder() throws IOException {
		java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
		try (Stream<Path> paths = Files.list(FOLDER)) {
			for (Path path : paths.sorted().toList()) {
				all.write(Files.readAllBytes(path));
			}
		}
		return all.toByteArray();
	}

	/**
	 * When each chunk of the store was written, from its file header's creation time and
	 * its own.
	 */
	private static List<Instant> chunkTimes(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		Matcher created = CREATED.matcher(text);
		assertThat(created.find()).as("an H2 file header").isTrue();
		long base = Long.parseLong(created.group(1), 16);
		Matcher chunk = CHUNK.matcher(text);
		List<Instant> times = new ArrayList<>();
		while (chunk.find()) {
			times.add(Instant.ofEpochMilli(base + Long.parseLong(chunk.group(2), 16)));
		}
		return times;
	}

}
