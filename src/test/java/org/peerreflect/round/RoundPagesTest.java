package org.peerreflect.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A steward's round pages, through the real security configuration. */
@SpringBootTest
@AutoConfigureMockMvc
class RoundPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	private UUID createRound(People.Person steward) throws Exception {
		MvcResult created = mvc
			.perform(post("/rounds").with(user(steward.principal()))
				.with(csrf())
				.param("name", "Spring circle")
				.param("questionnaire", "peer-support-principles@1")
				.param("language", "en")
				.param("minGroupSize", "5"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/rounds/");
		return UUID.fromString(location.substring("/rounds/".length()));
	}

	private String page(People.Person who, UUID round) throws Exception {
		return mvc.perform(get("/rounds/" + round).with(user(who.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * Before printing, the round's page shows the address the cards will carry, in the
	 * round's language; a real address brings no warning.
	 */
	@Test
	void theRoundPageShowsTheAddressTheCardsWillCarry() throws Exception {
		People.Person steward = new People(accounts, signIn, jdbc).organization("Address").steward();
		UUID round = createRound(steward);
		String page = page(steward, round);
		assertThat(page).contains("The cards will send people to:")
			.contains("<strong class=\"address\">http://peer-reflect.test/join</strong>")
			.doesNotContain("cards-address-local");
		// Shown with the card form, before the button that makes them.
		assertThat(page.indexOf("http://peer-reflect.test/join")).isLessThan(page.indexOf("Make the cards"));
	}

	/** A Spanish round's cards send people to the Spanish pages. */
	@Test
	void aSpanishRoundsCardsPrintItsSpanishAddress() throws Exception {
		People.Person steward = new People(accounts, signIn, jdbc).organization("Tarjetas").steward();
		MvcResult created = mvc
			.perform(post("/rounds").with(user(steward.principal()))
				.with(csrf())
				.param("name", "Otoño")
				.param("questionnaire", "peer-support-principles@1")
				.param("language", "es")
				.param("minGroupSize", "5"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String round = created.getResponse().getRedirectedUrl();
		MvcResult cards = mvc
			.perform(post(round + "/cards").with(user(steward.principal())).with(csrf()).param("count", "2"))
			.andExpect(status().isOk())
			.andReturn();
		String text = new PdfTextExtractor(new PdfReader(cards.getResponse().getContentAsByteArray()))
			.getTextFromPage(1);
		assertThat(text).contains("http://peer-reflect.test/join?lang=es");
		// Printing made the round's one results address, and each card carries it, in
		// Spanish.
		String token = jdbc.queryForObject("select token from results_link where round_id = ?", String.class,
				UUID.fromString(round.substring(round.lastIndexOf('/') + 1)));
		assertThat(text.replaceAll("\\s+", " "))
			.contains("Lo que encontramos, después de nuestra reunión: http://peer-reflect.test/results/ " + token);
	}

	@Test
	void aStewardCreatesARoundPrintsCardsOpensAndClosesIt() throws Exception {
		People people = new People(accounts, signIn, jdbc);
		People.Person steward = people.organization("Rounds").steward();
		UUID round = createRound(steward);
		// A draft has no answers to count, and says so by saying nothing of them.
		assertThat(page(steward, round)).contains("Spring circle")
			.contains("being prepared")
			.doesNotContain("fewer than 5")
			.doesNotContain("How many have answered");
		// Cards come before opening on the page, as in the steps a steward takes.
		String draft = page(steward, round);
		assertThat(draft.indexOf("/cards\"")).isLessThan(draft.indexOf("/open\""));

		MvcResult cards = mvc.perform(
				post("/rounds/" + round + "/cards").with(user(steward.principal())).with(csrf()).param("count", "10"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(cards.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(cards.getResponse().getHeader("Cache-Control")).contains("no-store");
		// Kept for people to look at, in target/screenshots.
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "code-cards.pdf"),
				cards.getResponse().getContentAsByteArray());
		PdfReader reader = new PdfReader(cards.getResponse().getContentAsByteArray());
		assertThat(reader.getNumberOfPages()).isEqualTo(2);
		StringBuilder text = new StringBuilder();
		for (int p = 1; p <= 2; p++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
		}
		// Whole codes only: the results address's token may hold letters and a hyphen.
		Matcher codes = Pattern.compile("(?<![\\w-])[A-Z0-9]{5}-[A-Z0-9]{5}(?![\\w-])").matcher(text);
		int found = 0;
		while (codes.find()) {
			found++;
		}
		assertThat(found).isEqualTo(10);
		// Where a sentence wraps depends on the type's size, which the card fits to its
		// room.
		assertThat(text.toString().replaceAll("\\s+", " ")).contains("http://peer-reflect.test/join")
			.contains("nobody knows whose code is whose");
		assertThat(
				jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class, round))
			.isEqualTo(10);
		assertThat(page(steward, round)).contains("10 printed");

		mvc.perform(post("/rounds/" + round + "/open").with(user(steward.principal())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String open = page(steward, round);
		// Once open, more cards need a reason, which the report's cover repeats.
		assertThat(open).contains("name=\"reason\"");
		mvc.perform(
				post("/rounds/" + round + "/cards").with(user(steward.principal())).with(csrf()).param("count", "3"))
			.andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("round.cardsNeedReason"));
		assertThat(
				jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class, round))
			.isEqualTo(10);
		mvc.perform(post("/rounds/" + round + "/cards").with(user(steward.principal()))
			.with(csrf())
			.param("count", "3")
			.param("reason", "Three people joined at the door")).andExpect(status().isOk());
		assertThat(jdbc.queryForList("select reason from cards_after_opening where round_id = ? and cards = 3",
				String.class, round))
			.containsExactly("Three people joined at the door");
		assertThat(page(steward, round)).contains("13 printed");
		assertThat(open).contains("open for answers")
			.contains("Close the round")
			.doesNotContain("action=\"/rounds/" + round + "/close\"");
		// Closing is asked on a page of its own, which says what will happen; only its
		// button closes.
		String asked = mvc.perform(get("/rounds/" + round + "/close").with(user(steward.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(asked)).contains("cannot be undone")
			.contains("cards still in people's hands stop working")
			.contains("Yes, close the round")
			.contains("No, keep it open")
			.contains("action=\"/rounds/" + round + "/close\"");
		assertThat(page(steward, round)).contains("open for answers");
		mvc.perform(post("/rounds/" + round + "/close").with(user(steward.principal())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(steward, round)).contains("closed").doesNotContain("Make the cards");
		// Asked again once closed, the round's own page answers.
		mvc.perform(get("/rounds/" + round + "/close").with(user(steward.principal())))
			.andExpect(redirectedUrl("/rounds/" + round));
		assertThat(
				jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class, round))
			.isZero();
	}

	@Test
	void anotherOrganizationsStewardFindsNoSuchRoundAndOthersMayNotLook() throws Exception {
		People people = new People(accounts, signIn, jdbc);
		People.Organization ours = people.organization("Ours");
		People.Organization theirs = people.organization("Theirs");
		UUID round = createRound(ours.steward());
		mvc.perform(get("/rounds/" + round).with(user(theirs.steward().principal()))).andExpect(status().isNotFound());
		mvc.perform(post("/rounds/" + round + "/cards").with(user(theirs.steward().principal()))
			.with(csrf())
			.param("count", "5")).andExpect(status().is3xxRedirection());
		assertThat(
				jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class, round))
			.isZero();
		mvc.perform(get("/rounds/" + round).with(user(ours.board().principal()))).andExpect(status().isForbidden());
		mvc.perform(get("/rounds/" + round).with(user(people.administrator().principal())))
			.andExpect(status().isForbidden());
		String list = mvc.perform(get("/rounds").with(user(theirs.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain(round.toString());
	}

	@Test
	void kCannotBeSetBelowThreeFromThePage() throws Exception {
		People people = new People(accounts, signIn, jdbc);
		People.Person steward = people.organization("Low k").steward();
		UUID round = createRound(steward);
		mvc.perform(post("/rounds/" + round + "/min-group-size").with(user(steward.principal()))
			.with(csrf())
			.param("minGroupSize", "2"))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("round.minGroupSizeTooLow"));
		assertThat(page(steward, round)).doesNotContain("<dd>2</dd>");
		List<Integer> k = jdbc.queryForList("select min_group_size from round where id = ?", Integer.class, round);
		assertThat(k).containsExactly(5);
	}

	/**
	 * The page's limits are the round's own: a form never offers what the round refuses.
	 */
	@Test
	void theCardsFieldAllowsAsManyCardsAsTheRoundPrintsAtOnce() throws Exception {
		People.Person steward = new People(accounts, signIn, jdbc).organization("Many cards").steward();
		UUID round = createRound(steward);
		assertThat(page(steward, round)).contains("max=\"" + RoundView.MOST_CARDS_AT_ONCE + "\"");
		mvc.perform(post("/rounds/" + round + "/cards").with(user(steward.principal()))
			.with(csrf())
			.param("count", String.valueOf(RoundView.MOST_CARDS_AT_ONCE + 1)))
			.andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("codes.count"));
	}

	/**
	 * A hand-made form that names no questionnaire or language on offer is answered in
	 * words, next to its field.
	 */
	@Test
	void aQuestionnaireOrLanguageNotOnOfferIsNamedNextToItsField() throws Exception {
		People.Person steward = new People(accounts, signIn, jdbc).organization("Offer").steward();
		String page = mvc
			.perform(post("/rounds").with(user(steward.principal()))
				.with(csrf())
				.param("name", "Hand made")
				.param("questionnaire", "not a questionnaire")
				.param("language", "fr")
				.param("minGroupSize", "5"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page))
			.contains("That questionnaire is not on offer to your organization.")
			.contains("That questionnaire has no texts in this language.");
	}

}
