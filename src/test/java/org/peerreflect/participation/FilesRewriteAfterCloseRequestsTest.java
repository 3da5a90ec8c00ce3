package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request to rewrite the database files that comes while they are being rewritten (a
 * steward erasing answers just after publishing) is done too: the rewrite already under
 * way wrote the files before the answers were erased, so taking the later request for
 * done would leave the erased rows in the files' older copies (invariants 3 and 12).
 */
@SpringBootTest
class FilesRewriteAfterCloseRequestsTest {

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RoundService rounds;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aRequestMadeWhileTheFilesAreRewrittenIsDoneToo() throws Exception {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Requests");
		UUID round = rounds.create(harbour.id(), "Spring", "peer-support-principles", 1, "en", 5).id();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		AtomicInteger rewrites = new AtomicInteger();
		FilesRewriteAfterClose[] files = new FilesRewriteAfterClose[1];
		files[0] = new FilesRewriteAfterClose(jdbc, tables -> {
			if (rewrites.incrementAndGet() == 1) {
				// The answers are erased, and committed, while the files are written.
				transaction.executeWithoutResult(status -> files[0].rewriteAfterCommit(round));
			}
			return true;
		});
		try {
			transaction.executeWithoutResult(status -> files[0].rewriteAfterCommit(round));
			long until = System.nanoTime() + 10_000_000_000L;
			while (pending(round) > 0 && System.nanoTime() < until) {
				Thread.sleep(10);
			}
			assertThat(pending(round)).as("requests left").isZero();
			assertThat(rewrites).as("rewrites: the first, and one for the request made during it").hasValue(2);
		}
		finally {
			files[0].destroy();
		}
	}

	private int pending(UUID round) {
		return jdbc.queryForObject("select count(*) from answers_rewrite_pending where round_id = ?", Integer.class,
				round);
	}

}
