package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The check before publishing: the publish form lists, question by question, the words
 * the review still marks in the answers and the steward has not taken out, and publishing
 * waits for one tick that they were looked at; with nothing marked it asks nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublishCheckTest {

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
		ours = new People(accounts, signIn, jdbc).organization("Checking before publishing");
	}

	/**
	 * A closed round (k = 3) in which person n writes {@code written.apply(n)} to fr-say.
	 */
	private UUID closedRound(String name, IntFunction<String> written) {
		UUID round = rounds.create(ours.id(), name, "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, ours.id());
		List<String> codes = participation.issueCodes(round, ours.id(), 3, "More of us came than we thought");
		for (int n = 1; n <= 3; n++) {
			participation.submit(codes.get(n - 1), Channel.ONLINE,
					new Submission("member", Map.of("np-1", "4"), Map.of("fr-say", written.apply(n))));
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

	private int published(UUID round) {
		return jdbc.queryForObject("select count(*) from published_report where round_id = ?", Integer.class, round);
	}

	@Test
	void wordsStillMarkedAreListedAndPublishingWaitsUntilTheStewardSaysTheyWereLookedAt() throws Exception {
		UUID round = closedRound("Marked words left in",
				n -> n == 1 ? "Odile from the Tuesday circle always makes me laugh" : "We listen to each other");
		String form = page("/rounds/" + round);
		// The question, then only the marked words with their reasons: never the answer.
		assertThat(form).contains("Words still marked")
			.contains(
					"Odile</mark> <span>(a name?)</span>, <mark lang=\"en\">Tuesday</mark> <span>(a day or time?)</span>")
			.contains("id=\"marked\" type=\"checkbox\" name=\"marked\" value=\"yes\" required")
			.doesNotContain("always makes me laugh");
		assertThat(form.indexOf("Words still marked")).isLessThan(form.indexOf("Odile"));

		// Ticking only that the answers were read is refused, and nothing is made or
		// shared.
		MockHttpServletResponse refusal = mvc
			.perform(post("/rounds/" + round + "/publish").param("reviewed", "yes")
				.param("share", "yes")
				.with(user(ours.steward().principal()))
				.with(csrf()))
			.andExpect(redirectedUrl("/rounds/" + round))
			.andExpect(flash().attribute("problem", "publish.markedNotConfirmed"))
			.andReturn()
			.getResponse();
		assertThat(published(round)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from results_link where round_id = ? and state = 'SHARED'",
				Integer.class, round))
			.isZero();
		// The page it leads back to says which box is not ticked.
		String refused = HtmlUtils.htmlUnescape(
				mvc.perform(get("/rounds/" + round).cookie(refusal.getCookies()).with(user(ours.steward().principal())))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(refused).contains("role=\"alert\"")
			.contains("then tick \"I have looked at the words still marked\" to publish");

		// Said once, it publishes.
		mvc.perform(post("/rounds/" + round + "/publish").param("reviewed", "yes")
			.param("marked", "yes")
			.with(user(ours.steward().principal()))
			.with(csrf())).andExpect(redirectedUrl("/reports/" + round));
		assertThat(published(round)).isOne();
	}

	@Test
	void withNothingMarkedOrEverythingTakenOutPublishingAsksNothingMore() throws Exception {
		UUID plain = closedRound("Nothing marked", n -> "We listen to each other, week after week");
		assertThat(page("/rounds/" + plain)).doesNotContain("Words still marked").doesNotContain("id=\"marked\"");
		mvc.perform(post("/rounds/" + plain + "/publish").param("reviewed", "yes")
			.with(user(ours.steward().principal()))
			.with(csrf())).andExpect(redirectedUrl("/reports/" + plain));
		assertThat(published(plain)).isOne();

		// Words taken out in the review are no longer listed, and nothing more is asked.
		UUID takenOut = closedRound("Taken out", n -> n == 1 ? "Odile makes me laugh" : "We listen to each other");
		assertThat(page("/rounds/" + takenOut)).contains("Words still marked");
		// Only Odile's answer reads so with its name taken out; the others refuse it.
		for (UUID answer : jdbc.queryForList("select id from written_answer where round_id = ?", UUID.class,
				takenOut)) {
			mvc.perform(
					post("/rounds/" + takenOut + "/review/fr-say/" + answer).param("text", "[removed] makes me laugh")
						.with(user(ours.steward().principal()))
						.with(csrf()));
		}
		assertThat(page("/rounds/" + takenOut)).doesNotContain("Words still marked").doesNotContain("Odile");
		mvc.perform(post("/rounds/" + takenOut + "/publish").param("reviewed", "yes")
			.with(user(ours.steward().principal()))
			.with(csrf())).andExpect(redirectedUrl("/reports/" + takenOut));
		assertThat(published(takenOut)).isOne();
	}

}
