package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The review marks the words that may tell who wrote an answer, with a reason a screen
 * reader reads, and "take these words out" puts the mark in their place in the answer's
 * box, for the steward to read and save, or not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewFlagsPagesTest {

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

	@Autowired
	RoundKeys keys;

	@Test
	void theReviewMarksFlaggedWordsAndTakesOutExactlyThoseOnlyWhenSaved() throws Exception {
		People.Organization circle = new People(accounts, signIn, jdbc).organization("Flags");
		mvc.perform(post("/team/identifying-words").with(user(circle.steward().principal()))
			.with(csrf())
			.param("words", "  Kitchen Crew \n\nrincón azul\n"))
			.andExpect(redirectedUrl("/team#identifying-words-title"));
		assertThat(accounts.identifyingWords(circle.id())).containsExactly("Kitchen Crew", "rincón azul");

		UUID round = rounds.create(circle.id(), "Circle", "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, circle.id());
		List<String> codes = participation.issueCodes(round, circle.id(), 3, "More of us came than we thought");
		String flaggedAnswer = "Person 0 says Rowan and the kitchen crew meet at the Rincon Azul on Tuesday.";
		List<String> written = List.of(flaggedAnswer, "Person 1 says we listen to each other.",
				"Person 2 says it feels like home.");
		for (int n = 0; n < 3; n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission(null, Map.of(), Map.of("np-say", written.get(n))));
		}
		rounds.close(round, circle.id());
		UUID answer = SealedRows.answerStarting(jdbc, keys, round, "Person 0 ");
		String item = "/rounds/" + round + "/review/np-say";

		// No connection leaves the application while the flags are worked out: any
		// that asked for one through the JDK's networking would ask this first.
		List<java.net.URI> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.net.ProxySelector before = java.net.ProxySelector.getDefault();
		java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
			@Override
			public List<java.net.Proxy> select(java.net.URI uri) {
				asked.add(uri);
				return List.of(java.net.Proxy.NO_PROXY);
			}

			@Override
			public void connectFailed(java.net.URI uri, java.net.SocketAddress address, java.io.IOException failure) {
			}
		});
		String page;
		try {
			page = page(circle, item);
		}
		finally {
			java.net.ProxySelector.setDefault(before);
		}
		assertThat(asked).as("connections asked for during a review").isEmpty();
		assertThat(page).contains("<mark>Rowan<span class=\"visually-hidden\" lang=\"en\"> (a name?)</span></mark>")
			.contains(
					"<mark>kitchen crew<span class=\"visually-hidden\" lang=\"en\"> (a word from our list?)</span></mark>")
			.contains(
					"<mark>Rincon Azul<span class=\"visually-hidden\" lang=\"en\"> (a word from our list?)</span></mark>")
			.contains("<mark>Tuesday<span class=\"visually-hidden\" lang=\"en\"> (a day or time?)</span></mark>")
			.contains("Take these words out");
		// The reasons speak the steward's language, the answer keeps its own.
		assertThat(HtmlUtils.htmlUnescape(page(circle, item + "?lang=es")))
			.contains("<mark>Rowan<span class=\"visually-hidden\" lang=\"es\"> (¿un nombre?)</span></mark>")
			.contains("Quitar estas palabras");
		// Only the answer with flags has the button.
		assertThat(occurrences(page, "/take-out\"")).isEqualTo(1);

		MvcResult takeOut = mvc
			.perform(post(item + "/" + answer + "/take-out").with(user(circle.steward().principal()))
				.with(csrf())
				.param("page", "0"))
			.andExpect(redirectedUrl(item + "#answer-" + answer))
			.andReturn();
		String expected = "Person 0 says [removed] and the [removed] meet at the [removed] on [removed].";
		// The result waits in the session the redirect's cookie names, as for a browser.
		// Nothing is kept by the press: the box shows the result, the stored answer is as
		// written.
		assertThat(SealedRows.words(jdbc, keys, answer)).isEqualTo(flaggedAnswer);
		String proposed = HtmlUtils.htmlUnescape(mvc
			.perform(get(item).with(user(circle.steward().principal())).cookie(takeOut.getResponse().getCookies()))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(proposed).contains(">" + expected + "</textarea>")
			.contains("The marked words now read [removed] in the box below.");

		// Saved as shown: exactly the marked words are out, every other word kept.
		mvc.perform(post(item + "/" + answer).with(user(circle.steward().principal()))
			.with(csrf())
			.param("text", expected)
			.param("page", "0")).andExpect(status().is3xxRedirection());
		assertThat(SealedRows.words(jdbc, keys, answer)).isEqualTo(expected);
		assertThat(page(circle, item)).doesNotContain("<mark>Rowan");
	}

	@Test
	void anOverLongListIsRefusedWithAMessageThatNamesTheField() throws Exception {
		People.Organization circle = new People(accounts, signIn, jdbc).organization("Long list");
		accounts.keepIdentifyingWords(circle.id(), "Beto");
		String page = mvc
			.perform(post("/team/identifying-words").with(user(circle.steward().principal()))
				.with(csrf())
				.param("words", "Staff name\n".repeat(500)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(page))
			.contains("\"Our own words to look out for\" is too long: at most 4,000 characters.")
			.contains("aria-invalid=\"true\"");
		assertThat(accounts.identifyingWords(circle.id())).containsExactly("Beto");
	}

	private String page(People.Organization organization, String path) throws Exception {
		return mvc.perform(get(path).with(user(organization.steward().principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
