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
 * A big round's review: a question's answers come a page at a time, each page under 200 KB even
 * when every answer is as long as the form allows, the pages of one view in one random order that
 * the next view draws anew, and saving an answer brings the steward back to the same page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewPagesTest {

	private static final Pattern ANSWER = Pattern.compile("Person (\\d+) wrote");

	private static final Pattern NEXT = Pattern.compile("href=\"([^\"]*order=(-?\\d+)&amp;page=(\\d+))\"[^>]*>More answers");

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
		List<String> codes = participation.issueCodes(round, harbour.id(), people);
		String filler = " and more".repeat(430);
		for (int n = 0; n < people; n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission(null, Map.of(), Map.of("np-say", "Person " + n + " wrote" + filler)));
		}
		rounds.close(round, harbour.id());

		String first = page(harbour, "/rounds/" + round + "/review/np-say");
		List<String> order = new ArrayList<>(numbers(first));
		Set<String> seen = new LinkedHashSet<>(order);
		String current = first;
		Matcher next = NEXT.matcher(current);
		int pages = 1;
		while (next.find()) {
			String href = HtmlUtils.htmlUnescape(next.group(1));
			byte[] body = mvc.perform(get(href).with(user(harbour.steward().principal()))).andReturn().getResponse()
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
		assertThat(order).isNotEqualTo(order.stream().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList());
		// The next view draws a new order.
		assertThat(numbers(page(harbour, "/rounds/" + round + "/review/np-say"))).isNotEqualTo(numbers(first));

		// Saving an answer on page 2 comes back to page 2 of the same order.
		Matcher link = NEXT.matcher(first);
		assertThat(link.find()).isTrue();
		String secondPage = page(harbour, HtmlUtils.htmlUnescape(link.group(1)));
		String person = numbers(secondPage).get(0);
		UUID answer = jdbc.queryForObject("select id from written_answer where round_id = ? and answer like ?", UUID.class,
				round, "Person " + person + " wrote%");
		mvc.perform(post("/rounds/" + round + "/review/np-say/" + answer).with(user(harbour.steward().principal()))
			.with(csrf())
			.param("all", "1")
			.param("order", link.group(2))
			.param("page", link.group(3)))
			.andExpect(redirectedUrl("/rounds/" + round + "/review/np-say?order=" + link.group(2) + "&page=1"));
	}

	private String page(People.Organization organization, String path) throws Exception {
		return mvc.perform(get(path).with(user(organization.steward().principal()))).andReturn().getResponse()
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
