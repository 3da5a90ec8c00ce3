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
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.SealedRows;
import org.peerreflect.participation.Submission;
import org.peerreflect.report.KeptReport;
import org.peerreflect.report.Report;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The language guard: in an English round, the one answer written in Spanish would tell
 * the room who wrote it, so the review says so and it is not offered as a quote, and a
 * published report sets no such answer beside a statement, unless the steward, told why,
 * chose to keep it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LanguageGuardTest {

	/** A statement the report puts forward: members and staff answer it differently. */
	private static final String SPLIT = "fr-3";

	private static final String SPANISH = "Aquí damos y recibimos, y eso nos hace sentir en casa.";

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
		ours = new People(accounts, signIn, jdbc).organization("Language guard");
	}

	/** Eight people, k = 3, seven writing to fr-say in English and one in Spanish. */
	private UUID closedRound(String name) {
		UUID round = rounds.create(ours.id(), name, "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, ours.id());
		List<String> codes = participation.issueCodes(round, ours.id(), 8, "More of us came than we thought");
		for (int n = 1; n <= 8; n++) {
			Map<String, String> written = new LinkedHashMap<>();
			written.put("fr-say", n == 8 ? SPANISH : "We give and take " + n + " here, and it feels fair");
			participation.submit(codes.get(n - 1), Channel.ONLINE, new Submission(n % 2 == 0 ? "staff" : "member",
					Map.of("np-1", "4", SPLIT, n % 2 == 0 ? "2" : "5", "rs-1", n <= 4 ? "1" : "5"), written));
		}
		rounds.close(round, ours.id());
		return round;
	}

	@Test
	void aSingleSpanishAnswerInAnEnglishRoundIsNotQuotedByDefault() throws Exception {
		UUID round = closedRound("Left out");
		UUID spanish = SealedRows.answerStarting(context, round, "Aquí damos");
		UUID english = SealedRows.answerStarting(context, round, "We give and take 1 ");

		assertThat(page("/rounds/" + round + "/review"))
			.contains("Answers here in Spanish: 1. That is fewer than 3, so the language itself may show the room")
			.contains("Offer them anyway");
		String offered = page("/rounds/" + round + "/quotes/" + SPLIT + "?question=fr-say");
		assertThat(offered).contains("We give and take 1 here").doesNotContain(SPANISH);
		choose(round, List.of(spanish, english)).andExpect(flash().attribute("problem", "quotes.notShown"));

		// Kept, chosen, then left out again: the choice no longer stands beside it.
		keep(round, true);
		choose(round, List.of(spanish, english)).andExpect(flash().attribute("saved", true));
		keep(round, false);
		assertThat(page("/rounds/" + round + "/review")).contains("Offer them anyway");
		publish(round);
		assertThat(quotes(round)).containsExactly("We give and take 1 here, and it feels fair");
		// The answer is still among the written answers; only the quotes leave it out.
		assertThat(kept(round).words().items()).anySatisfy(block -> assertThat(block.answers()).contains(SPANISH));
	}

	@Test
	void theStewardMayKeepItKnowingWhy() throws Exception {
		UUID round = closedRound("Kept");
		UUID spanish = SealedRows.answerStarting(context, round, "Aquí damos");
		keep(round, true);
		assertThat(page("/rounds/" + round + "/review")).contains("Leave them out again");
		assertThat(page("/rounds/" + round + "/quotes/" + SPLIT + "?question=fr-say")).contains(SPANISH);
		choose(round, List.of(spanish)).andExpect(flash().attribute("saved", true));
		publish(round);
		assertThat(quotes(round)).containsExactly(SPANISH);
		assertThat(jdbc.queryForObject("select count(*) from quoted_other_language where round_id = ?", Integer.class,
				round))
			.isZero();
	}

	private void keep(UUID round, boolean keep) throws Exception {
		mvc.perform(post("/rounds/" + round + "/review/fr-say/other-language").with(user(ours.steward().principal()))
			.with(csrf())
			.param("keep", String.valueOf(keep))).andExpect(redirectedUrl("/rounds/" + round + "/review"));
	}

	private org.springframework.test.web.servlet.ResultActions choose(UUID round, List<UUID> ticked) throws Exception {
		var post = post("/rounds/" + round + "/quotes/" + SPLIT).with(user(ours.steward().principal()))
			.with(csrf())
			.param("question", "fr-say")
			.param("page", "0");
		ticked.forEach(id -> post.param("offered", id.toString()).param("answer", id.toString()));
		return mvc.perform(post);
	}

	private String page(String path) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(user(ours.steward().principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
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

	/** The words standing beside the split statement in the published report. */
	private List<String> quotes(UUID round) {
		return kept(round).differ()
			.items()
			.stream()
			.filter(item -> item.id().equals(SPLIT))
			.findFirst()
			.orElseThrow()
			.words();
	}

}
