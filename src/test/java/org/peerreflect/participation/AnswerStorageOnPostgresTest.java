package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.OnPostgres;

/** The same invariants on a real PostgreSQL server, with the {@code postgres} profile. */
@OnPostgres
class AnswerStorageOnPostgresTest extends AnswerStorageContract {

	@Override
	String storageOrder() {
		return "ctid";
	}

	@Override
	boolean keepsWritingOrderUntilClose() {
		return true;
	}

	/**
	 * PostgreSQL stamps each row with the transaction that wrote it ({@code xmin}), which
	 * would tell submissions apart; after close every row of the round carries the
	 * closing transaction alone.
	 */
	@Test
	void invariant3_afterCloseEveryRowCarriesTheClosingTransactionOnly() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 6);
		for (int n = 0; n < 6; n++) {
			participation.submit(codes.get(n), Channel.ONLINE, numbered(n));
		}
		assertThat(transactions("response", round.id())).isEqualTo(6);
		assertThat(transactions("written_answer", round.id())).isEqualTo(6);
		rounds.close(round.id(), organization);
		assertThat(transactions("response", round.id())).isOne();
		assertThat(transactions("written_answer", round.id())).isOne();
		assertThat(jdbc.queryForObject("select count(distinct a.xmin::text) from response_answer a join response r "
				+ "on r.id = a.response_id where r.round_id = ?", Integer.class, round.id()))
			.isOne();
	}

	private int transactions(String table, UUID round) {
		return jdbc.queryForObject("select count(distinct xmin::text) from " + table + " where round_id = ?",
				Integer.class, round);
	}

}
