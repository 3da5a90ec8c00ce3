package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.OnPostgres;
import org.peerreflect.testing.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invariant 3 on PostgreSQL, read from the table files themselves: deleted and updated
 * rows stay in a table's pages as dead versions until the table is written anew. After
 * close, once the closing transaction has committed, the answer tables are rewritten
 * without anyone asking: each word people wrote is in the file once, no used code's HMAC
 * is there, and the round's row is there once (its earlier versions counted the answers
 * by channel, one at a time).
 */
@OnPostgres
class FilesRewriteAfterCloseOnPostgresTest {

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	FilesRewriteAfterClose files;

	@Autowired
	CodeKey key;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void invariant3_afterCloseNoDeadRowVersionIsLeftInTheTableFiles() throws InterruptedException {
		AccountService.Invitation steward = accounts.createOrganization("Files " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		String name = "Round " + UUID.randomUUID();
		RoundView round = rounds.open(rounds.create(organization, name, "peer-support-principles", 1, "en", 5).id(),
				organization);
		List<String> codes = participation.issueCodes(round.id(), organization, 10, "More of us came than we thought");
		List<String> words = new ArrayList<>();
		for (int n = 0; n < codes.size(); n++) {
			String word = "heronwillow" + (1000 + n);
			words.add(word);
			participation.submit(codes.get(n), n % 2 == 0 ? Channel.ONLINE : Channel.KIOSK,
					new Submission("member", Map.of("np-1", "3"), Map.of("np-say", word)));
		}
		jdbc.execute("CHECKPOINT");
		assertThat(Processes.count(file("round"), name)).as("the attack works while the round is open")
			.isGreaterThan(1);

		rounds.close(round.id(), organization);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!files.settled()) {
			assertThat(Instant.now()).isBefore(deadline);
			Thread.sleep(50);
		}
		jdbc.execute("CHECKPOINT");

		byte[] written = file("written_answer");
		for (String word : words) {
			// Sealed under the round's key from the moment it was sent until publication.
			assertThat(Processes.count(written, word)).as(word).isZero();
			assertThat(Processes.count(file("sealed_response"), word)).as(word).isZero();
		}
		assertThat(jdbc.queryForObject("select count(*) from written_answer where round_id = ?", Integer.class,
				round.id()))
			.isEqualTo(10);
		byte[] codeFile = file("participation_code");
		for (String code : codes) {
			assertThat(Processes.count(codeFile, key.hash(ParticipationCodes.normalize(code)))).as("a used code's HMAC")
				.isZero();
		}
		assertThat(Processes.count(file("round"), name)).as("the round's row, without its earlier versions").isOne();
		assertThat(Processes.count(file("response"), round.id().toString())).isZero();
	}

	/**
	 * A transaction that began before the close (another instance's, a backup's) may
	 * still see the rows as they were, and VACUUM FULL then copies them: the rewrite is
	 * done only once none is left.
	 */
	@Test
	void invariant3_aRewriteThatAnOlderTransactionStillSeesIsDoneAgainLater() throws Exception {
		AccountService.Invitation steward = accounts.createOrganization("Files " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.open(rounds.create(organization, "Seen", "peer-support-principles", 1, "en", 5).id(),
				organization);
		List<String> codes = participation.issueCodes(round.id(), organization, 6, "More of us came than we thought");
		for (String code : codes) {
			participation.submit(code, Channel.ONLINE, new Submission(null, Map.of("np-1", "2"), Map.of()));
		}
		try (java.sql.Connection older = dataSource.getConnection()) {
			older.setAutoCommit(false);
			older.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
			// A snapshot taken now, holding no lock on the answer tables.
			try (var statement = older.createStatement()) {
				statement.executeQuery("select count(*) from organization").close();
			}
			rounds.close(round.id(), organization);
			Thread.sleep(2_000);
			assertThat(files.settled()).as("not done while an older transaction could see the old rows").isFalse();
			older.rollback();
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!files.settled()) {
			assertThat(Instant.now()).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	@Autowired
	javax.sql.DataSource dataSource;

	private byte[] file(String table) {
		return jdbc.queryForObject("select pg_read_binary_file(pg_relation_filepath(?::regclass))", byte[].class,
				table);
	}

}
