package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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

	/**
	 * PostgreSQL stamps each row with the transaction that wrote it ({@code xmin}), which
	 * would tell submissions apart; after close every row of the round carries the
	 * closing transaction alone.
	 */
	@Test
	void invariant3_afterCloseEveryRowCarriesTheClosingTransactionOnly() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 6, "More of us came than we thought");
		for (int n = 0; n < 6; n++) {
			participation.submit(codes.get(n), Channel.ONLINE, numbered(n));
		}
		assertThat(transactions("sealed_response", round.id())).isEqualTo(6);
		rounds.close(round.id(), organization);
		assertThat(transactions("response", round.id())).isOne();
		assertThat(transactions("written_answer", round.id())).isOne();
		assertThat(jdbc.queryForObject("select count(distinct a.xmin::text) from response_answer a join response r "
				+ "on r.id = a.response_id where r.round_id = ?", Integer.class, round.id()))
			.isOne();
	}

	/**
	 * PostgreSQL's ANALYZE keeps a sample of column values for its planner, which would
	 * hold people's words past close, publication and erasing: the answer tables' columns
	 * are never sampled.
	 */
	@Test
	void invariant12_noSampleOfAnswersOrCodesIsKeptForThePlanner() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 40, "More of us came than we thought");
		for (int n = 0; n < 30; n++) {
			participation.submit(codes.get(n), Channel.ONLINE, new Submission(n % 2 == 0 ? "member" : "staff",
					Map.of("np-1", String.valueOf(1 + n % 5)), Map.of("np-say", "Quillstone wrote " + n)));
		}
		rounds.close(round.id(), organization);
		for (String table : List.of("response", "response_answer", "written_answer", "participation_code")) {
			jdbc.execute("analyze " + table);
		}
		List<String> sampled = jdbc
			.queryForList("select tablename || '.' || attname from pg_stats where schemaname = current_schema() "
					+ "and (most_common_vals is not null or histogram_bounds is not null) "
					+ "and (tablename, attname) in (('written_answer', 'answer'), ('response_answer', 'answer'), "
					+ "('response', 'perspective'), ('response', 'on_paper'), ('written_answer', 'on_paper'), "
					+ "('participation_code', 'code_hash'))", String.class);
		assertThat(sampled).isEmpty();
		// Every column the migration names is kept out of sampling, the words as first
		// written (before review) included.
		assertThat(
				jdbc.queryForList(
						"select c.relname || '.' || a.attname from pg_attribute a "
								+ "join pg_class c on c.oid = a.attrelid join pg_namespace s on s.oid = c.relnamespace "
								+ "where s.nspname = current_schema() and a.attnum > 0 and a.attstattarget = 0",
						String.class))
			.containsExactlyInAnyOrder("written_answer.answer", "written_answer.on_paper",
					"written_answer_as_written.answer", "response_answer.answer", "response.perspective",
					"response.on_paper", "participation_code.code_hash", "sealed_response.sealed",
					"written_answer.sealed", "written_answer_as_written.sealed", "round_key.wrapped");
		assertThat(jdbc.queryForObject("select count(*) from pg_stats where schemaname = current_schema() "
				+ "and (most_common_vals::text like '%Quillstone%' or histogram_bounds::text like '%Quillstone%')",
				Integer.class))
			.isZero();
		// The planner still knows how the rows spread over rounds.
		assertThat(jdbc.queryForObject("select count(*) from pg_stats where schemaname = current_schema() "
				+ "and tablename = 'response' and attname = 'round_id'", Integer.class))
			.isOne();
	}

	private int transactions(String table, UUID round) {
		return jdbc.queryForObject("select count(distinct xmin::text) from " + table + " where round_id = ?",
				Integer.class, round);
	}

}
