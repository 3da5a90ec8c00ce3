package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.gate.CountTable;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.organization.AccountService;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.round.AnswerCount;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundProblem;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How rounds keep answers, invariant by invariant (DESIGN section 4), on any database;
 * run on H2 and on a real PostgreSQL by the two subclasses.
 */
abstract class AnswerStorageContract {

	@Autowired
	FilesRewriteAfterClose files;

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	CodeKey key;

	@Autowired
	RoundKeys keys;

	@Autowired
	JdbcTemplate jdbc;

	/** The expression that gives a table's rows in the order they are stored. */
	abstract String storageOrder();

	UUID organization() {
		AccountService.Invitation steward = accounts.createOrganization("Round " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		return jdbc.queryForObject("select organization_id from account where id = ?", UUID.class, steward.accountId());
	}

	RoundView openRound(UUID organization, int k) {
		RoundView round = rounds.create(organization, "Spring", "peer-support-principles", 1, "en", k);
		return rounds.open(round.id(), organization);
	}

	/**
	 * The submission order n, written into four answers (6^4 combinations) and a written
	 * answer.
	 */
	static Submission numbered(int n) {
		String[] values = { "1", "2", "3", "4", "5", "not-sure" };
		Map<String, String> answers = new HashMap<>();
		int rest = n;
		for (String item : List.of("np-1", "np-2", "np-3", "np-4")) {
			answers.put(item, values[rest % 6]);
			rest /= 6;
		}
		return new Submission(n % 3 == 0 ? "member" : null, answers, Map.of("np-say", "answer " + n));
	}

	private static int number(Map<String, String> answers) {
		List<String> values = List.of("1", "2", "3", "4", "5", "not-sure");
		int n = 0;
		int weight = 1;
		for (String item : List.of("np-1", "np-2", "np-3", "np-4")) {
			n += values.indexOf(answers.get(item)) * weight;
			weight *= 6;
		}
		return n;
	}

	private List<Integer> responsesInStorageOrder(UUID round) {
		List<Integer> order = new ArrayList<>();
		for (UUID id : jdbc.queryForList("select id from response where round_id = ? order by " + storageOrder(),
				UUID.class, round)) {
			Map<String, String> answers = new HashMap<>();
			jdbc.query("select item_id, answer from response_answer where response_id = ?", row -> {
				answers.put(row.getString(1), row.getString(2));
			}, id);
			order.add(number(answers));
		}
		return order;
	}

	private List<Integer> writtenInStorageOrder(UUID round) {
		return SealedRows.words(jdbc, keys, round, storageOrder())
			.stream()
			.map(a -> Integer.parseInt(a.substring("answer ".length())))
			.toList();
	}

	private static Set<String> columns(JdbcTemplate jdbc, String table) {
		return new TreeSet<>(jdbc.queryForList(
				"select lower(column_name) from information_schema.columns "
						+ "where lower(table_name) = ? and lower(table_schema) = lower(current_schema)",
				String.class, table));
	}

	@Test
	void invariant1_aResponseHoldsOnlyAnswersAndAPerspective() {
		// Beside the answers, only whether they were typed in from paper (invariant 13).
		// And the random key each row is stored by (invariant 3).
		assertThat(columns(jdbc, "response")).containsExactly("id", "on_paper", "perspective", "round_id",
				"storage_key");
		assertThat(columns(jdbc, "response_answer")).containsExactly("answer", "item_id", "response_id", "storage_key");
		// From close to publication the words are sealed; rows from before sealing keep
		// them in answer.
		assertThat(columns(jdbc, "written_answer")).containsExactly("answer", "id", "item_id", "on_paper", "round_id",
				"sealed", "storage_key");
		// While the round is open, one sealed row a submission and nothing else.
		assertThat(columns(jdbc, "sealed_response")).containsExactly("round_id", "sealed", "storage_key");
		Integer defaults = jdbc.queryForObject(
				"select count(*) from information_schema.columns where lower(table_name) in "
						+ "('response', 'response_answer', 'written_answer', 'sealed_response') "
						+ "and lower(table_schema) = lower(current_schema) " + "and column_default is not null",
				Integer.class);
		assertThat(defaults).as("no column fills itself: no time, no sequence, no identity").isZero();

		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		String code = participation.issueCodes(round.id(), organization, 1, "More of us came than we thought").get(0);
		participation.submit(code, Channel.ONLINE, numbered(7));
		rounds.close(round.id(), organization);
		UUID id = jdbc.queryForObject("select id from response where round_id = ?", UUID.class, round.id());
		assertThat(id.version()).isEqualTo(4);
		UUID written = jdbc.queryForObject("select id from written_answer where round_id = ?", UUID.class, round.id());
		assertThat(written.version()).isEqualTo(4);
	}

	@Test
	void invariant2_aCodeIsStoredOnlyAsItsHmac() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 20, "More of us came than we thought");
		assertThat(codes).doesNotHaveDuplicates()
			.allSatisfy(code -> assertThat(code).hasSize(10).matches("[" + ParticipationCodes.ALPHABET + "]+"));
		List<String> stored = jdbc.queryForList("select code_hash from participation_code where round_id = ?",
				String.class, round.id());
		assertThat(stored).hasSize(20)
			.doesNotContainAnyElementsOf(codes)
			.containsExactlyInAnyOrderElementsOf(codes.stream().map(key::hash).toList());
	}

	@Test
	void invariant2_aUsedAnUnknownAndAClosedRoundsCodeGetTheSameAnswer() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 3, "More of us came than we thought");
		assertThat(participation.submit(ParticipationCodes.printed(codes.get(0)).toLowerCase(), Channel.ONLINE,
				numbered(1)))
			.isEqualTo(ParticipationService.Outcome.ACCEPTED);
		ParticipationService.Outcome used = participation.submit(codes.get(0), Channel.ONLINE, numbered(2));
		ParticipationService.Outcome unknown = participation.submit("ACDEFGHJKM", Channel.ONLINE, numbered(3));
		rounds.close(round.id(), organization);
		ParticipationService.Outcome closed = participation.submit(codes.get(1), Channel.ONLINE, numbered(4));
		assertThat(List.of(used, unknown, closed)).containsOnly(ParticipationService.Outcome.NOT_ACCEPTED);
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round.id()))
			.isOne();
	}

	@Test
	void invariant2_usingACodeAndStoringTheAnswersHappenTogether() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		String code = participation.issueCodes(round.id(), organization, 1, "More of us came than we thought").get(0);
		Submission misfit = new Submission(null, Map.of("np-1", "9"), Map.of());
		assertThatThrownBy(() -> participation.submit(code, Channel.ONLINE, misfit))
			.isInstanceOf(IllegalArgumentException.class);
		// Nothing was stored and the code was not used up.
		assertThat(SealedRows.submissions(jdbc, round.id())).isZero();
		assertThat(participation.submit(code, Channel.KIOSK, numbered(5)))
			.isEqualTo(ParticipationService.Outcome.ACCEPTED);
		assertThat(SealedRows.submissions(jdbc, round.id())).isOne();
		// The way it came is counted at close, from the sealed answers.
		assertThat(rounds.close(round.id(), organization).usedKiosk()).isOne();
	}

	@Test
	void invariant3_atCloseAnswersAreRewrittenInRandomOrderAndCodesDeleted() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 45, "More of us came than we thought");
		List<Integer> submitted = new ArrayList<>();
		for (int n = 0; n < 40; n++) {
			participation.submit(codes.get(n), n % 2 == 0 ? Channel.ONLINE : Channel.PAPER, numbered(n));
			submitted.add(n);
		}
		// While open nothing is in the clear: one sealed row a submission, all of one
		// length.
		assertThat(responsesInStorageOrder(round.id())).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from written_answer where round_id = ?", Integer.class,
				round.id()))
			.isZero();
		assertThat(SealedRows.submissions(jdbc, round.id())).isEqualTo(40);
		assertThat(SealedRows.lengths(jdbc, round.id())).hasSize(1);

		RoundView closed = rounds.close(round.id(), organization);
		List<Integer> responses = responsesInStorageOrder(round.id());
		List<Integer> written = writtenInStorageOrder(round.id());
		assertThat(responses).containsExactlyInAnyOrderElementsOf(submitted).isNotEqualTo(submitted);
		assertThat(written).containsExactlyInAnyOrderElementsOf(submitted).isNotEqualTo(submitted);
		// Each in an order of its own: where a written answer sits says nothing of the
		// response it came with.
		assertThat(written).isNotEqualTo(responses);
		assertThat(jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class,
				round.id()))
			.isZero();
		// The sealed rows, opened by the close, go once it has committed, a few at a
		// time.
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
		while (!files.settled()) {
			assertThat(java.time.Instant.now()).isBefore(deadline);
			Thread.onSpinWait();
		}
		assertThat(SealedRows.submissions(jdbc, round.id())).isZero();
		assertThat(closed.codesPrinted()).isEqualTo(45);
		assertThat(closed.usedOnline()).isEqualTo(20);
		assertThat(closed.usedPaper()).isEqualTo(20);
		assertThat(participation.submit(codes.get(44), Channel.ONLINE, numbered(44)))
			.isEqualTo(ParticipationService.Outcome.NOT_ACCEPTED);
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round.id()))
			.isEqualTo(40);
		assertThatThrownBy(() -> rounds.open(round.id(), organization)).isInstanceOf(RoundProblem.class)
			.hasMessage("round.notDraft");
	}

	/**
	 * While the round is open nothing in the clear changes by what someone answered or
	 * how they came: the round's row says nothing of the ways, every sealed row is one
	 * length, and the ways are counted right once the round closes.
	 */
	@Test
	void invariant3_whileOpenNothingInTheClearTellsWhatOrHowSomeoneAnswered() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 9, "More of us came than we thought");
		for (int n = 0; n < 9; n++) {
			Map<String, String> written = n % 3 == 0 ? Map.of()
					: Map.of("np-say", "w".repeat(n == 4 ? PageQuestion.LONGEST_WRITTEN : n), "na-say", "é");
			participation.submit(codes.get(n), Channel.values()[n % 3],
					new Submission(n % 2 == 0 ? "member" : null, n == 5 ? Map.of() : Map.of("np-1", "2"), written));
		}
		RoundView open = rounds.round(round.id(), organization);
		assertThat(List.of(open.usedOnline(), open.usedKiosk(), open.usedPaper())).containsOnly(0);
		assertThat(SealedRows.lengths(jdbc, round.id())).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round.id()))
			.isZero();
		RoundView closed = rounds.close(round.id(), organization);
		assertThat(List.of(closed.usedOnline(), closed.usedKiosk(), closed.usedPaper())).containsExactly(3, 3, 3);
		assertThat(SealedRows.words(jdbc, keys, round.id(), "id")).hasSize(12)
			.contains("w".repeat(PageQuestion.LONGEST_WRITTEN));
	}

	@Test
	void invariant5_kIsNeverBelowThreeAndNeverChangesOnceTheRoundOpens() {
		UUID organization = organization();
		assertThatThrownBy(() -> rounds.create(organization, "Low", "peer-support-principles", 1, "en", 2))
			.isInstanceOf(RoundProblem.class)
			.hasMessage("round.minGroupSizeTooLow");
		RoundView round = openRound(organization, 6);
		// Before anyone answers as well as after: raising k to see when "at least k"
		// turns into "fewer than k" would count who has answered.
		assertThatThrownBy(() -> rounds.setMinGroupSize(round.id(), organization, 7)).isInstanceOf(RoundProblem.class)
			.hasMessage("round.minGroupSizeLocked");
		String code = participation.issueCodes(round.id(), organization, 1, "More of us came than we thought").get(0);
		participation.submit(code, Channel.ONLINE, numbered(1));
		assertThatThrownBy(() -> rounds.setMinGroupSize(round.id(), organization, 5)).isInstanceOf(RoundProblem.class)
			.hasMessage("round.minGroupSizeLocked");
		assertThatThrownBy(() -> rounds.setMinGroupSize(round.id(), organization, 8)).isInstanceOf(RoundProblem.class)
			.hasMessage("round.minGroupSizeLocked");
		assertThat(rounds.round(round.id(), organization).minGroupSize()).isEqualTo(6);
	}

	@Test
	void invariant6_whileOpenTheCountSaysFewerThanKThenAtLeastM() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 13, "More of us came than we thought");
		for (int n = 0; n < 13; n++) {
			participation.submit(codes.get(n), Channel.ONLINE, numbered(n));
			AnswerCount count = rounds.round(round.id(), organization).answers();
			if (n + 1 < 5) {
				assertThat(count.fewerThanMinimum()).isTrue();
				assertThat(count.atLeast()).isZero();
			}
			else {
				assertThat(count.fewerThanMinimum()).isFalse();
				assertThat(count.atLeast()).isEqualTo(n + 1 < 10 ? 5 : 10);
			}
		}
		assertThat(RoundView.class.getRecordComponents()).extracting(c -> c.getName()).doesNotContain("responses");
	}

	@Test
	void theCountTableComesFromTheDatabaseAndFeedsTheGate() {
		UUID organization = organization();
		RoundView round = openRound(organization, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 12, "More of us came than we thought");
		for (int n = 0; n < 12; n++) {
			participation.submit(codes.get(n), Channel.ONLINE, numbered(n));
		}
		rounds.close(round.id(), organization);
		Questionnaire questionnaire = rounds.questionnaire(round.id(), organization);
		CountTable table = participation.countTable(round.id(), questionnaire);
		GroupSummary summary = new Gate(5).summarize(table, WrittenAnswers.none());
		assertThat(summary.people()).isEqualTo(12);
		GroupSummary.ItemSummary np1 = summary.items().get(0);
		// np-1 takes the values 1..5, not-sure in turn: 12 people give two of each.
		assertThat(np1.all().counts()).containsExactly(2, 2, 2, 2, 2);
		assertThat(np1.all().notSure()).isEqualTo(2);
		// 4 members (n = 0, 3, 6, 9) stay under k: no group shown.
		assertThat(np1.groups()).noneMatch(GroupSummary.GroupDistribution::shown);
	}

	@Test
	void anotherOrganizationsRoundReadsAsNoRound() {
		UUID ours = organization();
		UUID theirs = organization();
		RoundView round = openRound(ours, 5);
		assertThatThrownBy(() -> rounds.round(round.id(), theirs)).isInstanceOf(RoundProblem.class)
			.hasMessage("round.notFound");
		assertThatThrownBy(() -> participation.issueCodes(round.id(), theirs, 5, "More of us came than we thought"))
			.isInstanceOf(RoundProblem.class);
		assertThatThrownBy(() -> rounds.close(round.id(), theirs)).isInstanceOf(RoundProblem.class);
	}

}
