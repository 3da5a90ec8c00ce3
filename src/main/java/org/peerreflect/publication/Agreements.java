package org.peerreflect.publication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The group's agreements after a published round: a few things it agreed to try, each
 * with the statements of the round's questionnaire it was about, kept in the order they
 * were made. Called only inside {@code Publication}'s transactions.
 */
@Component
class Agreements {

	/** Most agreements a round keeps: a few things to try, not a plan. */
	static final int MOST_AGREEMENTS = 12;

	/** Longest agreement, in characters: a few lines. */
	static final int LONGEST_AGREEMENT = 1000;

	private final JdbcTemplate jdbc;

	private final RoundService rounds;

	Agreements(JdbcTemplate jdbc, RoundService rounds) {
		this.jdbc = jdbc;
		this.rounds = rounds;
	}

	List<Agreement> agreements(UUID roundId, UUID organizationId) {
		rounds.round(roundId, organizationId);
		return agreements(roundId);
	}

	List<Agreement> agreements(UUID roundId) {
		Map<UUID, List<String>> about = new HashMap<>();
		jdbc.query(
				"select s.agreement_id, s.item_id from agreement_statement s join agreement a on a.id = s.agreement_id "
						+ "where a.round_id = ? order by s.item_id",
				(RowCallbackHandler) row -> about.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
					.add(row.getString(2)),
				roundId);
		return jdbc.query("select id, text from agreement where round_id = ? order by position", (row, n) -> {
			UUID id = row.getObject(1, UUID.class);
			return new Agreement(id, row.getString(2), about.getOrDefault(id, List.of()));
		}, roundId);
	}

	/**
	 * Records one thing the group agreed to try, after the round is published, with the
	 * statements of the round's questionnaire it was about (none is fine).
	 */
	void agree(UUID roundId, UUID organizationId, String text, Collection<String> statements) {
		rounds.lockIn(roundId, organizationId, RoundState.PUBLISHED);
		Agreed agreed = checked(roundId, organizationId, text, statements);
		Integer count = jdbc.queryForObject("select count(*) from agreement where round_id = ?", Integer.class,
				roundId);
		if (count >= MOST_AGREEMENTS) {
			throw new PublicationProblem("agreements.tooMany");
		}
		Integer last = jdbc.queryForObject("select coalesce(max(position), 0) from agreement where round_id = ?",
				Integer.class, roundId);
		UUID id = UUID.randomUUID();
		jdbc.update("insert into agreement (id, round_id, position, text) values (?, ?, ?, ?)", id, roundId, last + 1,
				agreed.text());
		about(id, agreed.statements());
	}

	/**
	 * Corrects one agreement: its words and the statements it was about, in its place in
	 * the list.
	 */
	void correct(UUID roundId, UUID organizationId, UUID agreementId, String text, Collection<String> statements) {
		rounds.lockIn(roundId, organizationId, RoundState.PUBLISHED);
		Agreed agreed = checked(roundId, organizationId, text, statements);
		if (jdbc.update("update agreement set text = ? where id = ? and round_id = ?", agreed.text(), agreementId,
				roundId) == 0) {
			throw new PublicationProblem("agreements.noSuch");
		}
		jdbc.update("delete from agreement_statement where agreement_id = ?", agreementId);
		about(agreementId, agreed.statements());
	}

	/** One agreement of a round, as the pages that change or remove it show it. */
	Agreement agreement(UUID roundId, UUID organizationId, UUID agreementId) {
		return agreements(roundId, organizationId).stream()
			.filter(agreement -> agreement.id().equals(agreementId))
			.findFirst()
			.orElseThrow(() -> PublicationProblem.notFound("agreements.noSuch"));
	}

	/** An agreement's words and statements as they are kept. */
	private record Agreed(String text, List<String> statements) {
	}

	private Agreed checked(UUID roundId, UUID organizationId, String text, Collection<String> statements) {
		List<String> asked = rounds.questionnaire(roundId, organizationId).statementIds();
		List<String> about = statements == null ? List.of() : statements.stream().distinct().toList();
		if (!asked.containsAll(about)) {
			throw new PublicationProblem("agreements.unknownStatement");
		}
		String agreed = text == null ? "" : text.replace("\r\n", "\n").replace("\0", "").strip();
		if (agreed.isEmpty()) {
			throw new PublicationProblem("agreements.empty");
		}
		if (agreed.length() > LONGEST_AGREEMENT) {
			throw new PublicationProblem("agreements.tooLong");
		}
		return new Agreed(agreed, about);
	}

	private void about(UUID agreementId, List<String> statements) {
		for (String item : statements) {
			jdbc.update("insert into agreement_statement (agreement_id, item_id) values (?, ?)", agreementId, item);
		}
	}

	void remove(UUID roundId, UUID organizationId, UUID agreementId) {
		rounds.lockIn(roundId, organizationId, RoundState.PUBLISHED);
		jdbc.update("delete from agreement where id = ? and round_id = ?", agreementId, roundId);
	}

}
