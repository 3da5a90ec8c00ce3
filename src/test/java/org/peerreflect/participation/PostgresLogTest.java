package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.publication.Publication;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.system.DatabaseFiles;
import org.peerreflect.testing.OnPostgres;
import org.peerreflect.testing.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invariant 3 in PostgreSQL's own log, read as raw bytes from {@code pg_wal} as an
 * operator with a copy of the data directory could: while the round is open the log holds
 * no answer in the clear; once the round closes, is published and its answers erased, the
 * segments written before are retired, and with them every sealed copy and the round's
 * wrapped key. Each reading has a control that finds what the log does hold, so a reading
 * that finds nothing because it reads nothing fails.
 */
@OnPostgres
class PostgresLogTest {

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	ReviewChanges changes;

	@Autowired
	Publication publication;

	@Autowired
	FilesRewriteAfterClose files;

	@Autowired
	DatabaseFiles databaseFiles;

	@Autowired
	RoundKeys keys;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theServerIsSetSoThatTheApplicationCanRetireItsLog() {
		// .ci/postgres-start sets wal_recycle = off and grants what retiring needs; a
		// server left as it comes says so to the administrator (see the log problems).
		assertThat(databaseFiles.logProblems()).isEmpty();
	}

	@Test
	void invariant3_theLogHoldsNoAnswerWhileOpenAndNothingUnpublishedOnceRetired() throws Exception {
		AccountService.Invitation steward = accounts.createOrganization("Log " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		String name = "Kestrelmoor " + UUID.randomUUID();
		RoundView round = rounds.create(organization, name, "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 8, "More of us came than we thought");
		rounds.open(round.id(), organization);
		List<String> words = new ArrayList<>();
		for (int n = 0; n < codes.size(); n++) {
			String said = "ashgrove" + (1000 + n) + " by Millbrook" + (1000 + n);
			String other = "birchlow" + (1000 + n);
			words.add("ashgrove" + (1000 + n));
			words.add(other);
			Channel channel = Channel.values()[n % 3];
			participation.submit(codes.get(n), channel, new Submission(n % 2 == 0 ? "member" : "staff",
					Map.of("np-1", String.valueOf(1 + n % 5)), Map.of("np-say", said, "na-say", other)));
		}
		byte[] wrapped = jdbc.queryForObject("select wrapped from round_key where round_id = ?", byte[].class,
				round.id());
		byte[] sealed = Arrays
			.copyOf(jdbc.queryForList("select sealed from sealed_response where round_id = ?", byte[].class, round.id())
				.get(0), 64);

		byte[] open = log();
		assertThat(Processes.count(open, name)).as("the reading finds what the log holds in the clear").isPositive();
		assertThat(occurrences(open, sealed)).as("the reading finds a sealed submission in the log").isPositive();
		for (String word : words) {
			assertThat(Processes.count(open, word)).as(word + " in the log while open").isZero();
		}
		assertThat(Processes.count(open, "Millbrook1003")).isZero();

		rounds.close(round.id(), organization);
		awaitSettled();
		byte[] closed = log();
		assertThat(occurrences(closed, sealed)).as("a sealed submission, once the round closed").isZero();
		for (String word : words) {
			assertThat(Processes.count(closed, word)).as(word + " in the log after close").isZero();
		}
		assertThat(jdbc.queryForObject("select count(*) from round_key where round_id = ?", Integer.class, round.id()))
			.as("the round's key, still needed for its written answers until publication")
			.isOne();

		// Words a steward takes out never reach the log in the clear.
		for (int n = 0; n < codes.size(); n++) {
			UUID answer = SealedRows.answerStarting(jdbc, keys, round.id(), "ashgrove" + (1000 + n));
			changes.redact(round.id(), organization, "np-say", answer, "ashgrove" + (1000 + n) + " by [removed]");
		}
		assertThat(Processes.count(log(), "Millbrook1003")).as("words taken out, in review").isZero();

		publication.publish(round.id(), organization, "Harbour");
		awaitSettled();
		byte[] published = log();
		assertThat(occurrences(published, wrapped)).as("the round's key, once published").isZero();
		assertThat(jdbc.queryForObject("select count(*) from round_key where round_id = ?", Integer.class, round.id()))
			.isZero();
		for (int n = 0; n < codes.size(); n++) {
			assertThat(Processes.count(published, "Millbrook" + (1000 + n))).as("words taken out, once published")
				.isZero();
		}

		publication.erase(round.id(), organization);
		awaitSettled();
		byte[] erased = log();
		String kept = jdbc.queryForObject("select report_input from published_report where round_id = ?", String.class,
				round.id());
		for (String word : words) {
			if (!kept.contains(word)) {
				assertThat(Processes.count(erased, word)).as(word + " in the log after erasing").isZero();
			}
		}
		assertThat(occurrences(erased, wrapped)).isZero();
		assertThat(occurrences(erased, sealed)).isZero();
	}

	private void awaitSettled() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!files.settled()) {
			assertThat(Instant.now()).isBefore(deadline);
			Thread.sleep(50);
		}
	}

	/** Every segment file in pg_wal, one after another, as raw bytes. */
	private byte[] log() {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (String segment : jdbc.queryForList("select name from pg_ls_waldir() order by name", String.class)) {
			all.writeBytes(jdbc.queryForObject("select pg_read_binary_file('pg_wal/' || ?)", byte[].class, segment));
		}
		return all.toByteArray();
	}

	private static int occurrences(byte[] haystack, byte[] needle) {
		int count = 0;
		for (int at = 0; at + needle.length <= haystack.length; at++) {
			if (Arrays.equals(haystack, at, at + needle.length, needle, 0, needle.length)) {
				count++;
			}
		}
		return count;
	}

}
