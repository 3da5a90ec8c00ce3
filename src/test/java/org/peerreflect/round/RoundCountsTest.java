package org.peerreflect.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.testing.People;
import org.peerreflect.testing.Pdfs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Invariant 6 on every page: while a round is open, no page a steward or a board reader
 * can reach says how many answered, in all or per way of taking part, other than "fewer
 * than k" or "at least m". Every page the application serves by GET is walked, with the
 * round's id wherever a page takes one, and its text (of a PDF too) searched for the
 * exact counts. After close, exact counts appear only where they keep the answers that
 * did not come on paper private (invariant 13).
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoundCountsTest {

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
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping pages;

	/**
	 * A number standing alone: not part of a word such as a random e-mail address
	 * ("counting-9b547c14").
	 */
	private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,\\p{L}])\\d+(?![\\d\\p{L}]|[.,]\\d)");

	@Test
	void invariant6_whileOpenNoPageShowsAnExactCountInAllOrPerChannel() throws Exception {
		People people = new People(accounts, signIn, jdbc);
		People.Organization harbour = people.organization("Counting");
		UUID round = rounds.create(harbour.id(), "Counting circle", "peer-support-principles", 1, "en", 5).id();
		rounds.open(round, harbour.id());
		List<String> codes = participation.issueCodes(round, harbour.id(), 40, "More of us came than we thought");
		// 13 online, 14 on the kiosk, 27 in all: the page may say "at least 25", never
		// these.
		for (int n = 0; n < 27; n++) {
			participation.submit(codes.get(n), n < 13 ? Channel.ONLINE : Channel.KIOSK,
					new Submission("member", Map.of("np-1", "3"), Map.of()));
		}
		Map<String, String> walked = new HashMap<>();
		for (People.Person who : List.of(harbour.steward(), harbour.board())) {
			for (String path : pagesOf(round)) {
				MvcResult result = mvc.perform(get(path).with(user(who.principal()))).andReturn();
				walked.put(who.email() + " " + path, text(result));
			}
		}
		assertThat(walked).hasSizeGreaterThan(10);
		System.out.println("Invariant 6: " + walked.size() + " pages walked while the round was open");
		assertThat(walked.get(harbour.steward().email() + " /rounds/" + round)).contains("at least 25")
			.contains("40 printed");
		walked.forEach((page, text) -> assertThat(numbers(text)).as(page).doesNotContain("27", "13", "14"));
	}

	@Test
	void invariant13_afterCloseExactCountsOnlyWhereTheTypistLearnsNothing() throws Exception {
		People people = new People(accounts, signIn, jdbc);
		People.Organization harbour = people.organization("Counting");
		UUID round = rounds.create(harbour.id(), "Paper circle", "peer-support-principles", 1, "en", 5).id();
		rounds.open(round, harbour.id());
		List<String> codes = participation.issueCodes(round, harbour.id(), 40, "More of us came than we thought");
		// 17 on paper and 2 online: the 2 are too few for exact counts to be said.
		for (int n = 0; n < 19; n++) {
			participation.submit(codes.get(n), n < 17 ? Channel.PAPER : Channel.ONLINE,
					new Submission("member", Map.of("np-1", "3"), Map.of()));
		}
		rounds.close(round, harbour.id());
		String page = text(mvc.perform(get("/rounds/" + round).with(user(harbour.steward().principal()))).andReturn());
		assertThat(numbers(page)).doesNotContain("19", "17", "2");

		UUID second = rounds.create(harbour.id(), "Mixed circle", "peer-support-principles", 1, "en", 5).id();
		rounds.open(second, harbour.id());
		List<String> more = participation.issueCodes(second, harbour.id(), 40, "More of us came than we thought");
		for (int n = 0; n < 19; n++) {
			participation.submit(more.get(n), n < 12 ? Channel.PAPER : Channel.ONLINE,
					new Submission("member", Map.of("np-1", "3"), Map.of()));
		}
		rounds.close(second, harbour.id());
		String shown = text(
				mvc.perform(get("/rounds/" + second).with(user(harbour.steward().principal()))).andReturn());
		assertThat(shown).contains("40 printed; used: 7 online, 0 on the kiosk, 12 on paper");
	}

	/**
	 * Every GET page of the application, with this round's id wherever a page takes an
	 * id.
	 */
	private List<String> pagesOf(UUID round) {
		Set<String> paths = new TreeSet<>();
		for (RequestMappingInfo info : pages.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				String path = pattern.replace("{id}", round.toString())
					.replace("{round}", round.toString())
					.replace("{index}", "0");
				// The error page shows the time of day, which says nothing about a round.
				if (!path.contains("{") && !path.equals("/error")) {
					paths.add(path);
				}
			}
		}
		return new ArrayList<>(paths);
	}

	private static String text(MvcResult result) throws Exception {
		String type = String.valueOf(result.getResponse().getContentType());
		if (type.startsWith("application/pdf")) {
			return Pdfs.text(result.getResponse().getContentAsByteArray());
		}
		// Words people read, not the markup's attributes.
		return result.getResponse().getContentAsString().replaceAll("(?s)<[^>]*>", " ");
	}

	private static Set<String> numbers(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
