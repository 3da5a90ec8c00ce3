package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.SealedRows;
import org.peerreflect.participation.Submission;
import org.peerreflect.report.KeptReport;
import org.peerreflect.report.Report;
import org.peerreflect.report.ReportInput;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.Pdfs;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The steward chooses, between close and publication, the written answers that stand
 * beside each statement put forward for the meeting: up to two, only answers the report
 * shows, changeable until publication; the report then carries exactly those, and the
 * choice goes with the written answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QuotePagesTest {

	private static final String SPLIT = "fr-3";

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	private People.Organization ours;

	@BeforeEach
	void organization() {
		ours = new People(accounts, signIn, jdbc).organization("Quoting");
	}

	/**
	 * Eight people, k = 3: members answer fr-3 with 5, staff with 2, and rs-1 splits too,
	 * so the report puts both forward; each writes to fr-say and to rs-say; everyone
	 * answers np-1 alike.
	 */
	private UUID closedRound(String name) {
		UUID round = rounds.create(ours.id(), name, "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, ours.id());
		List<String> codes = participation.issueCodes(round, ours.id(), 8, "More of us came than we thought");
		for (int n = 1; n <= 8; n++) {
			Map<String, String> written = new LinkedHashMap<>();
			written.put("fr-say", "Give and take " + n + " here");
			written.put("rs-say", "Safe place " + n + " here");
			participation.submit(codes.get(n - 1), Channel.ONLINE, new Submission(n % 2 == 0 ? "staff" : "member",
					Map.of("np-1", "4", SPLIT, n % 2 == 0 ? "2" : "5", "rs-1", n <= 4 ? "1" : "5"), written));
		}
		rounds.close(round, ours.id());
		return round;
	}

	private String page(String path) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(user(ours.steward().principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private MockHttpServletRequestBuilder choose(UUID round, String statement, List<UUID> offered, List<UUID> ticked) {
		MockHttpServletRequestBuilder post = post("/rounds/" + round + "/quotes/" + statement)
			.with(user(ours.steward().principal()))
			.with(csrf())
			.param("question", "fr-say")
			.param("page", "0");
		offered.forEach(id -> post.param("offered", id.toString()));
		ticked.forEach(id -> post.param("answer", id.toString()));
		return post;
	}

	private UUID answer(UUID round, String start) {
		return SealedRows.answerStarting(context, round, start);
	}

	private Set<UUID> chosenRows(UUID round) {
		return Set
			.copyOf(jdbc.queryForList("select answer_id from chosen_quote where round_id = ?", UUID.class, round));
	}

	private void publish(UUID round) throws Exception {
		mvc.perform(post("/rounds/" + round + "/publish").param("reviewed", "yes")
			.with(user(ours.steward().principal()))
			.with(csrf())).andExpect(redirectedUrl("/reports/" + round));
	}

	private Report kept(UUID round) {
		return KeptReport.read(jdbc.queryForObject("select report_model from published_report where round_id = ?",
				String.class, round));
	}

	private static Map<String, List<String>> beside(Report report) {
		return report.differ()
			.items()
			.stream()
			.collect(
					Collectors.toMap(Report.DifferItem::id, Report.DifferItem::words, (a, b) -> a, LinkedHashMap::new));
	}

	@Test
	void theStewardChoosesChangesAndIsRefusedAThirdThenTheReportCarriesExactlyThose() throws Exception {
		UUID round = closedRound("Chosen words");
		assertThat(page("/rounds/" + round)).contains("Choose our words beside the statements");
		String list = page("/rounds/" + round + "/quotes");
		assertThat(list).contains("In our community, staff and members truly take on the same roles.")
			.contains("Nothing chosen yet.");
		String statement = page("/rounds/" + round + "/quotes/" + SPLIT);
		// Its own principle's question first, every answer to it as reviewed, each with a
		// box.
		assertThat(statement).contains("(same principle as the statement)")
			.contains("Give and take 1 here")
			.contains("Give and take 8 here")
			.contains("type=\"checkbox\" name=\"answer\"");
		assertThat(statement.indexOf("What does give and take look like among us?"))
			.isLessThan(statement.indexOf("What makes this a place where we can be ourselves?"));

		UUID two = answer(round, "Give and take 2");
		UUID three = answer(round, "Give and take 3");
		UUID four = answer(round, "Give and take 4");
		UUID safe = answer(round, "Safe place 5");
		mvc.perform(choose(round, SPLIT, List.of(two, three, four), List.of(two, three)))
			.andExpect(flash().attribute("saved", true));
		assertThat(chosenRows(round)).containsExactlyInAnyOrder(two, three);
		String chosen = page("/rounds/" + round + "/quotes");
		assertThat(chosen).contains("Give and take 2 here").contains("Give and take 3 here");
		// The other statement put forward still has nothing beside it.
		assertThat(chosen.split("Nothing chosen yet\\.", -1)).hasSize(2);

		// Changed: three unticked, four ticked, on the same page.
		mvc.perform(choose(round, SPLIT, List.of(two, three, four), List.of(two, four)))
			.andExpect(flash().attribute("saved", true));
		assertThat(chosenRows(round)).containsExactlyInAnyOrder(two, four);

		// A third, from another question's page, is refused and nothing changes.
		mvc.perform(choose(round, SPLIT, List.of(safe), List.of(safe)))
			.andExpect(flash().attribute("problem", "quotes.tooMany"));
		assertThat(chosenRows(round)).containsExactlyInAnyOrder(two, four);
		// An answer that is not there, and a statement not put forward, are refused too.
		mvc.perform(choose(round, SPLIT, List.of(), List.of(UUID.randomUUID())))
			.andExpect(flash().attribute("problem", "quotes.notShown"));
		mvc.perform(choose(round, "np-1", List.of(), List.of(safe)))
			.andExpect(flash().attribute("problem", "quotes.notPutForward"))
			.andExpect(redirectedUrl("/rounds/" + round));
		assertThat(chosenRows(round)).containsExactlyInAnyOrder(two, four);
		// The chosen two are ticked at the top, once, and the others offered below.
		String again = page("/rounds/" + round + "/quotes/" + SPLIT);
		String top = again.substring(again.indexOf("Beside this statement now"), again.indexOf("Answers to:"));
		String below = again.substring(again.indexOf("Answers to:"));
		assertThat(top).contains("checked id=\"chosen-1\"", "checked id=\"chosen-2\"", two.toString(), four.toString())
			.doesNotContain(three.toString());
		assertThat(below).contains(three.toString()).doesNotContain(two.toString(), four.toString(), "checked");

		publish(round);
		Report report = kept(round);
		Map<String, List<String>> words = beside(report);
		assertThat(words.get(SPLIT)).containsExactlyInAnyOrder("Give and take 2 here", "Give and take 4 here");
		assertThat(words).hasSizeGreaterThan(1);
		words.forEach((id, quotes) -> {
			if (!id.equals(SPLIT)) {
				assertThat(quotes).as(id).isEmpty();
			}
		});
		String pdf = Pdfs
			.text(jdbc.queryForObject("select pdf from published_report where round_id = ?", byte[].class, round));
		assertThat(pdf.replaceAll("\\s+", " ")).contains("Give and take 2 here").contains("Give and take 4 here");
		// Made again from the kept input, twice: the same words stand beside it.
		ReportInput input = JsonMapper.builder()
			.build()
			.readValue(jdbc.queryForObject("select report_input from published_report where round_id = ?", String.class,
					round), ReportInput.class);
		assertThat(beside(Report.of(input))).isEqualTo(words).isEqualTo(beside(Report.of(input)));
		// The choice went with the written answers it pointed at.
		assertThat(chosenRows(round)).isEmpty();

		// Once published, nothing changes and the pages say so.
		mvc.perform(choose(round, SPLIT, List.of(), List.of(two)))
			.andExpect(flash().attribute("problem", "quotes.published"))
			.andExpect(redirectedUrl("/rounds/" + round));
		mvc.perform(get("/rounds/" + round + "/quotes").with(user(ours.steward().principal())))
			.andExpect(status().isNotFound());
	}

	@Test
	void withNothingChosenNoWordsStandBesideAnyStatement() throws Exception {
		UUID round = closedRound("Nothing chosen");
		publish(round);
		Report report = kept(round);
		assertThat(report.differ().items()).isNotEmpty()
			.allSatisfy(item -> assertThat(item.words()).as(item.id()).isEmpty());
		// The words are all still in the report, with the other written answers.
		assertThat(report.words().items())
			.anySatisfy(block -> assertThat(block.answers()).contains("Give and take 1 here"));
	}

	/**
	 * A chosen answer the steward later removes whole no longer counts: it leaves the
	 * page and the report, and the other chosen one stays.
	 */
	@Test
	void anAnswerRemovedWholeAfterItWasChosenIsNotQuoted() throws Exception {
		UUID round = closedRound("Removed after");
		UUID one = answer(round, "Give and take 1");
		UUID five = answer(round, "Give and take 5");
		mvc.perform(choose(round, SPLIT, List.of(one, five), List.of(one, five)))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(post("/rounds/" + round + "/review/fr-say/" + five).with(user(ours.steward().principal()))
			.with(csrf())
			.param("all", "1")
			.param("confirmed", "yes")).andExpect(flash().attribute("saved", true));
		assertThat(page("/rounds/" + round + "/quotes")).contains("Give and take 1 here")
			.doesNotContain("Give and take 5 here");
		publish(round);
		assertThat(beside(kept(round)).get(SPLIT)).containsExactly("Give and take 1 here");
	}

}
