package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invariant 13 on the review page: the steward who typed the paper forms reads the
 * written answers before publishing. Where the answers that did not come on paper are too
 * few for the report to quote, the review does not show them either, or the steward could
 * set them apart from their own.
 */
@SpringBootTest
class ReviewOfPaperTest {

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	WrittenReview review;

	@Autowired
	ReviewChanges changes;

	@Autowired
	JdbcTemplate jdbc;

	private record Round(UUID id, UUID organization) {
	}

	private Round closedRound(int onPaper, int online) {
		AccountService.Invitation steward = accounts.createOrganization("Review " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		UUID round = rounds.create(organization, "Paper circle", "peer-support-principles", 1, "en", 5).id();
		rounds.open(round, organization);
		List<String> codes = participation.issueCodes(round, organization, onPaper + online,
				"More of us came than we thought");
		for (int n = 0; n < onPaper + online; n++) {
			boolean paper = n < onPaper;
			participation.submit(codes.get(n), paper ? Channel.PAPER : Channel.ONLINE, new Submission("member",
					Map.of("np-1", "3"), Map.of("np-say", (paper ? "typed words " : "sent words ") + n)));
		}
		rounds.close(round, organization);
		return new Round(round, organization);
	}

	private List<String> shown(Round round) {
		return review.item(round.id(), round.organization(), "np-say", null, 0)
			.answers()
			.stream()
			.map(WrittenReview.Answer::text)
			.toList();
	}

	@Test
	void invariant13_theFewWordsSentBesideManyTypedOnesAreNotShownForReview() {
		Round round = closedRound(11, 1);
		assertThat(shown(round)).hasSize(11).allSatisfy(words -> assertThat(words).startsWith("typed"));
		UUID sent = jdbc.queryForObject("select id from written_answer where round_id = ? and not on_paper", UUID.class,
				round.id());
		assertThatThrownBy(() -> changes.redact(round.id(), round.organization(), "np-say", sent, "[removed]"))
			.isInstanceOf(ParticipationProblem.class)
			.hasMessage("review.noSuchAnswer");
	}

	@Test
	void enoughWordsSentBesideTheTypedOnesAreAllShown() {
		assertThat(shown(closedRound(6, 5))).hasSize(11);
	}

}
