package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.web.util.HtmlUtils;

/**
 * A big round's review: a question's answers come a page at a time, each page under 200
 * KB even when every answer is as long as the form allows, the pages of one view in one
 * random order that the next view draws anew, and saving an answer brings the steward
 * back to the same page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewPagesTest {

	private static final Pattern ANSWER = Pattern.compile("Person (\\d+) wrote");

	private static final Pattern NEXT = Pattern
		.compile("href=\"([^\"]*order=(-?\\d+)&amp;page=(\\d+))\"[^>]*>More answers");

	@Autowired
	RoundKeys keys;

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

	@Test
	void aQuestionOfManyLongAnswersIsReadAPageAtATimeInOneOrderPerView() throws Exception {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Review pages");
		UUID round = rounds.create(harbour.id(), "Big circle", "peer-support-principles", 1, "en", 5).id();
		rounds.open(round, harbour.id());
		int people = 120;
		List<String> codes = participation.issueCodes(round, harbour.id(), people, "More of us came than we thought");
		String filler = " and more".repeat(430);
		for (int n = 0; n < people; n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission(null, Map.of(), Map.of("np-say", "Person " + n + " wrote" + filler)));
		}
		rounds.close(round, harbour.id());

		String first = page(harbour, "/rounds/" + round + "/review/np-say");
		// The steward's box takes as much as the participant's did.
		assertThat(first).contains("maxlength=\"" + PageQuestion.LONGEST_WRITTEN + "\"");
		List<String> order = new ArrayList<>(numbers(first));
		Set<String> seen = new LinkedHashSet<>(order);
		String current = first;
		Matcher next = NEXT.matcher(current);
		int pages = 1;
		while (next.find()) {
			String href = HtmlUtils.htmlUnescape(next.group(1));
			byte[] body = mvc.perform(get(href).with(user(harbour.steward().principal())))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(body.length).as("a page of answers").isLessThan(200 * 1024);
			current = new String(body, java.nio.charset.StandardCharsets.UTF_8);
			order.addAll(numbers(current));
			seen.addAll(numbers(current));
			next = NEXT.matcher(current);
			pages++;
		}
		assertThat(first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(200 * 1024);
		assertThat(pages).isEqualTo(5);
		assertThat(order).hasSize(people);
		assertThat(seen).hasSize(people);
		assertThat(order)
			.isNotEqualTo(order.stream().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList());
		// The next view draws a new order.
		assertThat(numbers(page(harbour, "/rounds/" + round + "/review/np-say"))).isNotEqualTo(numbers(first));

		// Saving an answer on page 2 comes back to page 2 of the same order.
		Matcher link = NEXT.matcher(first);
		assertThat(link.find()).isTrue();
		String secondPage = page(harbour, HtmlUtils.htmlUnescape(link.group(1)));
		String person = numbers(secondPage).get(0);
		UUID answer = SealedRows.answerStarting(jdbc, keys, round, "Person " + person + " wrote");
		mvc.perform(post("/rounds/" + round + "/review/np-say/" + answer).with(user(harbour.steward().principal()))
			.with(csrf())
			.param("all", "1")
			.param("confirmed", "yes")
			.param("order", link.group(2))
			.param("page", link.group(3)))
			.andExpect(redirectedUrl(
					"/rounds/" + round + "/review/np-say?order=" + link.group(2) + "&page=1#answer-" + answer));
	}

	@Test
	void anyChangeCanBePutBackAsWrittenUntilTheReportIsPublished() throws Exception {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Put back");
		UUID round = rounds.create(harbour.id(), "Circle", "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, harbour.id());
		List<String> codes = participation.issueCodes(round, harbour.id(), 3, "More of us came than we thought");
		for (int n = 0; n < 3; n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission(null, Map.of(), Map.of("np-say", "Person " + n + " wrote about Rowan")));
		}
		rounds.close(round, harbour.id());
		String item = "/rounds/" + round + "/review/np-say";
		UUID first = answerOf(round, 0);
		UUID second = answerOf(round, 1);

		// Some words taken out: the answer says it was changed, and one button puts it
		// back.
		steward(harbour, post(item + "/" + first).param("text", "Person 0 wrote about [removed]"))
			.andExpect(redirectedUrl(item + "#answer-" + first));
		String page = page(harbour, item);
		assertThat(page).contains("You changed this answer.").doesNotContain("Person 0 wrote about Rowan");
		assertThat(occurrences(page, "as written</button>")).isOne();
		// A second change keeps the words as first written.
		steward(harbour, post(item + "/" + first).param("text", "Person 0 [removed] about [removed]"));
		steward(harbour, post(item + "/" + first + "/put-back")).andExpect(redirectedUrl(item + "#answer-" + first))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("putBack", true));
		assertThat(textOf(first)).isEqualTo("Person 0 wrote about Rowan");
		assertThat(page(harbour, item)).doesNotContain("You changed this answer.");

		// A whole answer taken out leaves the question below k: it can no longer be read,
		// and the list
		// still offers to put it back.
		steward(harbour, post(item + "/" + second).param("all", "1").param("confirmed", "yes"))
			.andExpect(redirectedUrl("/rounds/" + round + "/review"));
		String list = page(harbour, "/rounds/" + round + "/review");
		assertThat(list).contains("Put back as written (1 changed)").doesNotContain("Read the 3 answers");
		steward(harbour, post(item + "/put-back")).andExpect(redirectedUrl("/rounds/" + round + "/review"));
		assertThat(textOf(second)).isEqualTo("Person 1 wrote about Rowan");
		assertThat(page(harbour, "/rounds/" + round + "/review")).contains("Read the 3 answers")
			.doesNotContain("changed)");

		// Published: what was published is kept with the report; the words as written,
		// the round's written answers and its key are gone, and nothing can be put back.
		steward(harbour, post(item + "/" + first).param("all", "1").param("confirmed", "yes"));
		assertThat(textOf(first)).isEqualTo("[removed]");
		steward(harbour, post("/rounds/" + round + "/publish").param("reviewed", "yes"));
		assertThat(jdbc.queryForObject("select count(*) from written_answer_as_written where answer_id in (?, ?)",
				Integer.class, first, second))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from written_answer where round_id = ?", Integer.class, round))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from round_key where round_id = ?", Integer.class, round))
			.isZero();
		steward(harbour, post(item + "/" + first + "/put-back")).andExpect(redirectedUrl("/rounds/" + round));
	}

	/**
	 * "Remove all of it" asks first, on a page of its own that works without scripts, and
	 * says when the question would fall under k; nothing is removed until the steward
	 * says yes.
	 */
	@Test
	void removingAllOfAnAnswerAsksFirstAndSaysWhenTheQuestionWouldFallUnderK() throws Exception {
		People.Organization circle = new People(accounts, signIn, jdbc).organization("Ask first");
		UUID round = rounds.create(circle.id(), "Circle", "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, circle.id());
		List<String> codes = participation.issueCodes(round, circle.id(), 4, "More of us came than we thought");
		for (int n = 0; n < 4; n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission(null, Map.of(), Map.of("np-say", "Person " + n + " wrote about Rowan")));
		}
		rounds.close(round, circle.id());
		String item = "/rounds/" + round + "/review/np-say";
		UUID first = answerOf(round, 0);
		UUID second = answerOf(round, 1);

		steward(circle, post(item + "/" + first).param("all", "1").param("order", "7").param("page", "0"))
			.andExpect(redirectedUrl(item + "/" + first + "/remove?order=7&page=0"));
		assertThat(textOf(first)).isEqualTo("Person 0 wrote about Rowan");
		String ask = page(circle, item + "/" + first + "/remove?order=7&page=0");
		assertThat(ask).contains("Remove all of this answer?")
			.contains("Person 0 wrote about Rowan")
			.contains("name=\"confirmed\" value=\"yes\"")
			.contains("href=\"" + item + "?order=7&amp;page=0#answer-" + first + "\"")
			.doesNotContain("id=\"below-k\"");
		// Emptying the box is removing all of it too, and asks the same.
		steward(circle, post(item + "/" + first).param("text", "  "))
			.andExpect(redirectedUrl(item + "/" + first + "/remove"));
		assertThat(textOf(first)).isEqualTo("Person 0 wrote about Rowan");

		steward(circle, post(item + "/" + first).param("all", "1").param("confirmed", "yes"))
			.andExpect(redirectedUrl(item + "#answer-" + first));
		assertThat(textOf(first)).isEqualTo("[removed]");
		// Three answers still count, k is 3: one more removed would take the question
		// out of the report, and the page says so before it is done.
		assertThat(page(circle, item + "/" + second + "/remove")).contains("id=\"below-k\"")
			.contains("the question would have fewer than 3 answers that count");
		assertThat(textOf(second)).isEqualTo("Person 1 wrote about Rowan");
		// Each changed answer has its own way back.
		assertThat(page(circle, item)).contains("Put back answer");
	}

	/**
	 * A redaction typed as "[Removed]" or made by deleting words outright is taken, and
	 * kept with "[removed]" where the words were; an edit that is refused is shown beside
	 * its answer, with what was typed, and the page returns to that answer.
	 */
	/**
	 * In a Spanish round the steward sees the mark as the Spanish report prints it, may
	 * type it so, and it is kept as the one mark.
	 */
	@Test
	void aSpanishRoundShowsAndTakesItsOwnMark() throws Exception {
		People.Organization circle = new People(accounts, signIn, jdbc).organization("Marca");
		UUID round = rounds.create(circle.id(), "Ronda", "peer-support-principles", 1, "es", 3).id();
		rounds.open(round, circle.id());
		List<String> codes = participation.issueCodes(round, circle.id(), 3, "More of us came than we thought");
		for (int n = 0; n < 3; n++) {
			participation.submit(codes.get(n), Channel.ONLINE, new Submission(null, Map.of(),
					Map.of("np-say", "Person " + n + " wrote about Rowan and the garden")));
		}
		rounds.close(round, circle.id());
		String item = "/rounds/" + round + "/review/np-say";
		UUID first = answerOf(round, 0);
		steward(circle, post(item + "/" + first).param("text", "Person 0 wrote about [eliminado] and the garden"))
			.andExpect(redirectedUrl(item + "#answer-" + first));
		assertThat(textOf(first)).isEqualTo("Person 0 wrote about [removed] and the garden");
		String page = page(circle, item);
		assertThat(page).contains("Person 0 wrote about [eliminado] and the garden")
			.doesNotContain("wrote about [removed]");
	}

	@Test
	void deletedWordsAndRemovedInAnyCaseAreTakenAndARefusalIsShownBesideItsAnswer() throws Exception {
		People.Organization circle = new People(accounts, signIn, jdbc).organization("Plain deletion");
		UUID round = rounds.create(circle.id(), "Circle", "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, circle.id());
		List<String> codes = participation.issueCodes(round, circle.id(), 3, "More of us came than we thought");
		for (int n = 0; n < 3; n++) {
			participation.submit(codes.get(n), Channel.ONLINE, new Submission(null, Map.of(),
					Map.of("np-say", "Person " + n + " wrote about Rowan and the garden")));
		}
		rounds.close(round, circle.id());
		String item = "/rounds/" + round + "/review/np-say";
		UUID first = answerOf(round, 0);
		UUID second = answerOf(round, 1);
		UUID third = answerOf(round, 2);

		steward(circle, post(item + "/" + first).param("text", "Person 0 wrote about [Removed] and the garden"))
			.andExpect(redirectedUrl(item + "#answer-" + first));
		assertThat(textOf(first)).isEqualTo("Person 0 wrote about [removed] and the garden");
		steward(circle, post(item + "/" + second).param("text", "Person 1 wrote about and the garden"))
			.andExpect(redirectedUrl(item + "#answer-" + second));
		assertThat(textOf(second)).isEqualTo("Person 1 wrote about [removed] and the garden");

		var refused = steward(circle,
				post(item + "/" + third).param("text", "Person 2 wrote about Robin and the garden"))
			.andExpect(redirectedUrl(item + "#answer-" + third))
			.andReturn();
		assertThat(textOf(third)).isEqualTo("Person 2 wrote about Rowan and the garden");
		// The refusal waits in the session the redirect's cookie names, as for a browser.
		String page = mvc
			.perform(get(item).cookie(refused.getResponse().getCookies()).with(user(circle.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int at = page.indexOf("id=\"answer-" + third + "\"");
		assertThat(at).isPositive();
		String beside = page.substring(at, page.indexOf("</li>", at));
		assertThat(beside).contains("class=\"problem\"")
			.contains("This answer was not saved")
			.contains("aria-invalid=\"true\"")
			.contains("Person 2 wrote about Robin and the garden");
		// The summary at the top leads to it; the problem is not only at the top.
		assertThat(page).contains("href=\"#answer-" + third + "\"");
		assertThat(occurrences(page, "This answer was not saved")).isOne();
	}

	/**
	 * A whole answer removed can take its question under k, and then the question cannot
	 * be opened to put answers back one by one: the list offers to put back only the
	 * answers removed whole, leaving the words taken out of the others out.
	 */
	@Test
	void answersRemovedWholeCanBePutBackWithoutTheWordsTakenOutOfTheOthers() throws Exception {
		People.Organization circle = new People(accounts, signIn, jdbc).organization("Put back whole");
		UUID round = rounds.create(circle.id(), "Circle", "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, circle.id());
		List<String> codes = participation.issueCodes(round, circle.id(), 3, "More of us came than we thought");
		for (int n = 0; n < 3; n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission(null, Map.of(), Map.of("np-say", "Person " + n + " wrote about Rowan")));
		}
		rounds.close(round, circle.id());
		String item = "/rounds/" + round + "/review/np-say";
		UUID first = answerOf(round, 0);
		UUID second = answerOf(round, 1);
		steward(circle, post(item + "/" + second).param("text", "Person 1 wrote about [removed]"));
		steward(circle, post(item + "/" + first).param("all", "1").param("confirmed", "yes"))
			.andExpect(redirectedUrl("/rounds/" + round + "/review"));
		String list = page(circle, "/rounds/" + round + "/review");
		assertThat(list).contains("Put back only the answer removed whole").contains("Put back as written (2 changed)");
		steward(circle, post(item + "/put-back-removed")).andExpect(redirectedUrl("/rounds/" + round + "/review"));
		assertThat(textOf(first)).isEqualTo("Person 0 wrote about Rowan");
		assertThat(textOf(second)).isEqualTo("Person 1 wrote about [removed]");
		assertThat(page(circle, "/rounds/" + round + "/review")).contains("Read the 3 answers")
			.doesNotContain("removed whole");
	}

	private UUID answerOf(UUID round, int person) {
		return SealedRows.answerStarting(jdbc, keys, round, "Person " + person + " ");
	}

	private String textOf(UUID answer) {
		return SealedRows.words(jdbc, keys, answer);
	}

	private org.springframework.test.web.servlet.ResultActions steward(People.Organization organization,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(organization.steward().principal())).with(csrf()));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private String page(People.Organization organization, String path) throws Exception {
		return mvc.perform(get(path).with(user(organization.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> numbers(String page) {
		List<String> found = new ArrayList<>();
		Matcher matcher = ANSWER.matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
