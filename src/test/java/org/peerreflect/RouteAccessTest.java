package org.peerreflect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.peerreflect.organization.AccountService;
import org.peerreflect.organization.Role;
import org.peerreflect.participation.CodeKey;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.publication.Publication;
import org.peerreflect.round.Channel;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix, built from the application's own list of routes: every route, for
 * nobody, a steward and a board reader of the organization that owns what the route
 * names, a steward and a board reader of another organization, and the administrator. A
 * route the table has no rule for fails the test, so no page can arrive without someone
 * deciding who may use it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTest {

	/** The visitors, in the order a rule lists their outcomes. */
	static final List<String> VISITORS = List.of("nobody", "our steward", "our board reader", "their steward",
			"their board reader", "the administrator");

	/**
	 * A rule: the route as the application maps it, what its {@code {id}} names (a round
	 * in a state, or an account), the form it sends, and the outcome for each visitor: a
	 * status, or "→" and where a redirect leads ({@code {id}} filled in).
	 */
	record Rule(String route, String names, String form, List<String> outcomes) {
	}

	static Rule rule(String route, String names, String form, String... outcomes) {
		return new Rule(route, names, form, List.of(outcomes));
	}

	static final String SIGN_IN = "→/sign-in";

	static final List<Rule> RULES = List.of(
			// route {id} names form nobody our steward our board their steward their
			// board administrator
			rule("GET /", "", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /sign-in", "", "", "200", "200", "200", "200", "200", "200"),
			// Asked for directly, the error page says something went wrong, to anyone.
			rule("GET /error", "", "", "500", "500", "500", "500", "500", "500"),
			rule("POST /error", "", "", "500", "500", "500", "500", "500", "500"),
			rule("GET /setup/{token}", "", "", "200", "200", "200", "200", "200", "200"),
			rule("POST /setup/{token}", "", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /account/password", "", "", SIGN_IN, "200", "200", "200", "200", "200"),
			rule("POST /account/password", "", "", SIGN_IN, "200", "200", "200", "200", "200"),
			rule("GET /admin", "", "", SIGN_IN, "403", "403", "403", "403", "200"),
			rule("POST /admin/organizations", "", "", SIGN_IN, "403", "403", "403", "403", "200"),
			rule("POST /admin/accounts/{id}/setup-link", "member", "", SIGN_IN, "403", "403", "403", "403", "→/admin"),
			rule("POST /admin/accounts/{id}/enabled", "member", "enabled=false", SIGN_IN, "403", "403", "403", "403",
					"→/admin"),
			rule("POST /admin/organizations/{id}/results-pages", "organization", "allowed=true", SIGN_IN, "403", "403",
					"403", "403", "→/admin"),
			rule("GET /admin/questionnaires", "", "", SIGN_IN, "403", "403", "403", "403", "200"),
			rule("GET /team", "", "", SIGN_IN, "200", "403", "200", "403", "403"),
			rule("POST /team/identifying-words", "", "words=Harbour", SIGN_IN, "→/team#identifying-words-title", "403",
					"→/team#identifying-words-title", "403", "403"),
			rule("POST /team/accounts", "", "", SIGN_IN, "200", "403", "200", "403", "403"),
			rule("POST /team/accounts/{id}/setup-link", "member", "", SIGN_IN, "→/team", "403", "→/team", "403", "403"),
			rule("POST /team/accounts/{id}/enabled", "member", "enabled=false", SIGN_IN, "→/team", "403", "→/team",
					"403", "403"),
			rule("GET /questionnaires", "", "", SIGN_IN, "200", "403", "200", "403", "403"),
			rule("POST /questionnaires", "", "", SIGN_IN, "200", "403", "200", "403", "403"),
			rule("GET /rounds", "", "", SIGN_IN, "200", "403", "200", "403", "403"),
			rule("POST /rounds", "", "", SIGN_IN, "200", "403", "200", "403", "403"),
			rule("GET /rounds/{id}", "DRAFT", "", SIGN_IN, "200", "403", "404", "403", "403"),
			rule("POST /rounds/{id}/open", "DRAFT", "", SIGN_IN, "→/rounds/{id}", "403", "→/rounds/{id}", "403", "403"),
			rule("GET /rounds/{id}/close", "OPEN", "", SIGN_IN, "200", "403", "404", "403", "403"),
			rule("GET /rounds/{id}/paper-form.pdf", "OPEN", "", SIGN_IN, "200", "403", "404", "403", "403"),
			rule("GET /rounds/{id}/paper-answers.csv", "OPEN", "", SIGN_IN, "200", "403", "404", "403", "403"),
			rule("POST /rounds/{id}/close", "OPEN", "", SIGN_IN, "→/rounds/{id}", "403", "→/rounds/{id}", "403", "403"),
			rule("POST /rounds/{id}/min-group-size", "OPEN", "minGroupSize=6", SIGN_IN, "→/rounds/{id}", "403",
					"→/rounds/{id}", "403", "403"),
			rule("POST /rounds/{id}/cards", "OPEN", "count=2&reason=More of us came", SIGN_IN, "200", "403",
					"→/rounds/{id}", "403", "403"),
			rule("POST /rounds/{id}/kiosk", "OPEN", "", SIGN_IN, "→/join/kiosk/{id}/{signature}", "403",
					"→/rounds/{id}", "403", "403"),
			// The upload's result is drawn at the top of the round's page, where the
			// address
			// leads.
			rule("POST /rounds/{id}/paper", "OPEN", "", SIGN_IN, "→/rounds/{id}#paper-result", "403", "→/rounds/{id}",
					"403", "403"),
			rule("GET /rounds/{id}/review", "CLOSED", "", SIGN_IN, "200", "403", "404", "403", "403"),
			rule("GET /rounds/{id}/review/{item}", "CLOSED", "", SIGN_IN, "200", "403", "404", "403", "403"),
			// Removing one of three answers at k = 3 leaves too few to read: back to the
			// list of questions.
			rule("POST /rounds/{id}/review/{item}/{answer}", "CLOSED", "all=1&confirmed=yes", SIGN_IN,
					"→/rounds/{id}/review", "403", "→/rounds/{id}", "403", "403"),
			// Taking flagged words out keeps nothing: it shows the result in the box.
			rule("POST /rounds/{id}/review/{item}/{answer}/take-out", "CLOSED", "", SIGN_IN,
					"→/rounds/{id}/review/{item}#answer-{answer}", "403", "→/rounds/{id}", "403", "403"),
			rule("GET /rounds/{id}/review/{item}/{answer}/remove", "CLOSED", "", SIGN_IN, "200", "403", "404", "403",
					"403"),
			rule("POST /rounds/{id}/review/{item}/{answer}/put-back", "CLOSED", "", SIGN_IN, "→/rounds/{id}", "403",
					"→/rounds/{id}", "403", "403"),
			rule("POST /rounds/{id}/review/{item}/put-back", "CLOSED", "", SIGN_IN, "→/rounds/{id}/review", "403",
					"→/rounds/{id}", "403", "403"),
			rule("POST /rounds/{id}/review/{item}/other-language", "CLOSED", "keep=true", SIGN_IN,
					"→/rounds/{id}/review", "403", "→/rounds/{id}", "403", "403"),
			rule("POST /rounds/{id}/review/{item}/put-back-removed", "CLOSED", "", SIGN_IN, "→/rounds/{id}/review",
					"403", "→/rounds/{id}", "403", "403"),
			rule("GET /rounds/{id}/quotes", "CLOSED", "", SIGN_IN, "200", "403", "404", "403", "403"),
			rule("GET /rounds/{id}/quotes/{statement}", "CLOSED", "", SIGN_IN, "200", "403", "404", "403", "403"),
			rule("POST /rounds/{id}/quotes/{statement}", "CLOSED", "", SIGN_IN, "→/rounds/{id}/quotes/{statement}",
					"403", "→/rounds/{id}", "403", "403"),
			rule("POST /rounds/{id}/publish", "CLOSED", "reviewed=yes", SIGN_IN, "→/reports/{id}", "403",
					"→/rounds/{id}", "403", "403"),
			rule("POST /rounds/{id}/erase", "PUBLISHED", "understood=yes", SIGN_IN, "→/rounds/{id}", "403",
					"→/rounds/{id}", "403", "403"),
			rule("GET /rounds/{id}/agreements", "PUBLISHED", "", SIGN_IN, "200", "403", "404", "403", "403"),
			rule("POST /rounds/{id}/agreements", "PUBLISHED", "text=Try again", SIGN_IN, "→/rounds/{id}/agreements",
					"403", "→/rounds/{id}/agreements", "403", "403"),
			rule("POST /rounds/{id}/agreements/{agreement}/remove", "PUBLISHED", "confirmed=yes", SIGN_IN,
					"→/rounds/{id}/agreements", "403", "→/rounds/{id}/agreements", "403", "403"),
			rule("GET /rounds/{id}/agreements/{agreement}/remove", "PUBLISHED", "", SIGN_IN, "200", "403", "404", "403",
					"403"),
			rule("GET /rounds/{id}/agreements/{agreement}/edit", "PUBLISHED", "", SIGN_IN, "200", "403", "404", "403",
					"403"),
			// Corrected: back to the list, at the agreement; refused: back to its form,
			// which another organization's steward cannot open.
			rule("POST /rounds/{id}/agreements/{agreement}", "PUBLISHED", "text=Try again", SIGN_IN,
					"→/rounds/{id}/agreements#agreement-{agreement}", "403",
					"→/rounds/{id}/agreements/{agreement}/edit", "403", "403"),
			rule("POST /rounds/{id}/results/link", "DRAFT", "", SIGN_IN, "→/rounds/{id}#results", "403",
					"→/rounds/{id}#results", "403", "403"),
			rule("POST /rounds/{id}/results/share", "PUBLISHED", "words=yes", SIGN_IN, "→/rounds/{id}#results", "403",
					"→/rounds/{id}#results", "403", "403"),
			rule("POST /rounds/{id}/results/stop", "PUBLISHED", "", SIGN_IN, "→/rounds/{id}#results", "403",
					"→/rounds/{id}#results", "403", "403"),
			// The results for everyone who took part: anyone with the address, no
			// account.
			rule("GET /results/{token}", "PUBLISHED", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /results/{token}/handout.pdf", "PUBLISHED", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /reports", "", "", SIGN_IN, "200", "200", "200", "200", "403"),
			rule("GET /reports/{id}", "PUBLISHED", "", SIGN_IN, "200", "200", "404", "404", "403"),
			rule("GET /reports/{id}/report.pdf", "PUBLISHED", "", SIGN_IN, "200", "200", "404", "404", "403"),
			rule("GET /reports/{id}/report.xlsx", "PUBLISHED", "", SIGN_IN, "200", "200", "404", "404", "403"),
			rule("GET /reports/{id}/handout.pdf", "PUBLISHED", "", SIGN_IN, "200", "200", "404", "404", "403"),
			rule("GET /reports/{id}/charts/{index}.png", "PUBLISHED", "", SIGN_IN, "200", "200", "404", "404", "403"),
			rule("GET /join", "", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /join/about", "", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /join/kiosk/{round}/{signature}", "OPEN", "", "200", "200", "200", "200", "200", "200"),
			// Post/Redirect/Get: a working code begins a journey on its first page; a
			// page
			// posted without one is told it is gone.
			rule("POST /join/start", "OPEN", "", "→/join/page/1", "→/join/page/1", "→/join/page/1", "→/join/page/1",
					"→/join/page/1", "→/join/page/1"),
			rule("POST /join/page", "OPEN", "", "→/join/gone", "→/join/gone", "→/join/gone", "→/join/gone",
					"→/join/gone", "→/join/gone"),
			rule("GET /join/page/{number}", "", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /join/review", "", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /join/gone", "", "", "200", "200", "200", "200", "200", "200"),
			rule("GET /join/leave", "", "", "→https://www.wikipedia.org/", "→https://www.wikipedia.org/",
					"→https://www.wikipedia.org/", "→https://www.wikipedia.org/", "→https://www.wikipedia.org/",
					"→https://www.wikipedia.org/"),
			// A page of answers asked for from the browser's history: the start page says
			// what happened
			// (where a redirect leads is compared without its query).
			rule("GET /join/page", "", "", "→/join", "→/join", "→/join", "→/join", "→/join", "→/join"),
			rule("GET /join/start", "", "", "→/join", "→/join", "→/join", "→/join", "→/join", "→/join"),
			rule("GET /join/thanks", "", "", "200", "200", "200", "200", "200", "200"));

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping pages;

	@Autowired
	AccountService accounts;

	@Autowired
	ResultsLinks links;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	Publication publication;

	@Autowired
	CodeKey key;

	People people;

	People.Organization ours;

	People.Organization theirs;

	People.Person admin;

	@BeforeAll
	void visitors() {
		people = new People(accounts, signIn, jdbc);
		ours = people.organization("Ours");
		theirs = people.organization("Theirs");
		admin = people.administrator();
	}

	/** Every route the application answers, as "METHOD /pattern". */
	Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : pages.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					routes.add("GET " + pattern);
					routes.add("POST " + pattern);
				}
				for (RequestMethod method : methods) {
					routes.add(method.name() + " " + pattern);
				}
			}
		}
		return routes;
	}

	@Test
	void everyRouteHasARuleAndEveryRuleARoute() {
		Set<String> ruled = new TreeSet<>();
		RULES.forEach(rule -> ruled.add(rule.route()));
		Set<String> withoutRule = new TreeSet<>(routes());
		withoutRule.removeAll(ruled);
		assertThat(withoutRule).as("routes with no rule in the access matrix").isEmpty();
		Set<String> stale = new TreeSet<>(ruled);
		stale.removeAll(routes());
		assertThat(stale).as("rules for routes the application no longer has").isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyRouteForEveryVisitor() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Rule rule : RULES) {
			for (int v = 0; v < VISITORS.size(); v++) {
				int visitor = v;
				String name = rule.route() + " by " + VISITORS.get(v) + " gives " + rule.outcomes().get(v);
				tests.add(DynamicTest.dynamicTest(name, () -> {
					Map<String, String> values = values(rule);
					String before = snapshot(values.get("round"));
					MvcResult result = mvc.perform(request(rule, values, visitor)).andReturn();
					String actual = outcome(result, values);
					assertThat(actual).as(name).isEqualTo(rule.outcomes().get(visitor));
					if (visitor != 1) {
						assertThat(snapshot(values.get("round"))).as(name + ": our round is as it was")
							.isEqualTo(before);
					}
				}));
			}
		}
		return tests.stream();
	}

	/**
	 * The token and cookie the participant's start page hands out, as a browser would
	 * send them back.
	 */
	private void joinToken(AbstractMockHttpServletRequestBuilder<?> request) {
		try {
			MvcResult start = mvc.perform(get("/join")).andReturn();
			java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
				.matcher(start.getResponse().getContentAsString());
			assertThat(token.find()).isTrue();
			request.param("_csrf", token.group(1));
			for (jakarta.servlet.http.Cookie cookie : start.getResponse().getCookies()) {
				request.cookie(cookie);
			}
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Everything a visitor could change about one of our rounds, as text. */
	private String snapshot(String round) {
		if (round == null) {
			return "";
		}
		return jdbc.queryForMap(
				"select state, min_group_size, codes_printed, responses, answers_erased from round where id = ?",
				UUID.fromString(round))
				+ " "
				+ jdbc.query("select answer, sealed from written_answer where round_id = ? order by id",
						(row, n) -> row.getString(1) + java.util.HexFormat.of()
							.formatHex(row.getBytes(2) == null ? new byte[0] : row.getBytes(2)),
						UUID.fromString(round))
				+ " "
				+ jdbc.queryForList("select text from agreement where round_id = ? order by position", String.class,
						UUID.fromString(round))
				+ " " + jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class,
						UUID.fromString(round));
	}

	private String outcome(MvcResult result, Map<String, String> values) {
		int status = result.getResponse().getStatus();
		if (status / 100 == 3) {
			String location = result.getResponse().getRedirectedUrl();
			for (Map.Entry<String, String> value : values.entrySet()) {
				location = location.replace(value.getValue(), "{" + value.getKey() + "}");
			}
			return "→" + location.replaceAll("\\?.*", "");
		}
		return String.valueOf(status);
	}

	/** Fresh things for one request: what its path names belong to our organization. */
	private Map<String, String> values(Rule rule) {
		Map<String, String> values = new LinkedHashMap<>();
		UUID organization = ours.id();
		if (rule.route().contains("{number}")) {
			values.put("number", "2");
		}
		if (rule.names().equals("organization")) {
			values.put("id", organization.toString());
		}
		else if (rule.names().equals("member")) {
			values.put("id", people.invited(ours, Role.BOARD).accountId().toString());
		}
		else if (!rule.names().isEmpty()) {
			UUID round = rounds.create(organization, "Matrix", "peer-support-principles", 1, "en", 3).id();
			values.put("id", round.toString());
			values.put("round", round.toString());
			values.put("signature", key.hash("kiosk:" + round));
			if (!rule.names().equals("DRAFT")) {
				rounds.open(round, organization);
				List<String> codes = participation.issueCodes(round, organization, 5,
						"More of us came than we thought");
				values.put("code", codes.get(4));
				if (!rule.names().equals("OPEN")) {
					// Three different answers, so that the round puts a statement
					// forward.
					List<String> answers = List.of("1", "3", "5");
					for (int person = 0; person < 3; person++) {
						participation.submit(codes.get(person), Channel.ONLINE, new Submission("member",
								Map.of("np-1", answers.get(person)), Map.of("np-say", "Words from one of us")));
					}
					rounds.close(round, organization);
					values.put("item", "np-say");
					values.put("statement", publication.putForward(round, organization, ours.name()).get(0).id());
					values.put("answer",
							jdbc.queryForList("select id from written_answer where round_id = ?", String.class, round)
								.get(0));
					if (rule.names().equals("PUBLISHED")) {
						publication.publish(round, organization, ours.name());
						publication.agree(round, organization, "Take turns", List.of());
						values.put("agreement", publication.agreements(round, organization).get(0).id().toString());
						values.put("index", "0");
					}
				}
			}
		}
		values.put("token",
				accounts.newSetupLink(people.invited(ours, Role.BOARD).accountId(), ours.id())
					.link()
					.replaceAll(".*/", ""));
		if (rule.route().startsWith("GET /results/")) {
			values.put("token", links.share(UUID.fromString(values.get("id")), organization, true).token());
		}
		return values;
	}

	private AbstractMockHttpServletRequestBuilder<?> request(Rule rule, Map<String, String> values, int visitor) {
		String method = rule.route().substring(0, rule.route().indexOf(' '));
		String path = rule.route().substring(rule.route().indexOf(' ') + 1);
		for (Map.Entry<String, String> value : values.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", value.getValue());
		}
		AbstractMockHttpServletRequestBuilder<?> request;
		if (rule.route().equals("POST /questionnaires")) {
			request = multipart(path).file(new MockMultipartFile("file", "mine.yaml", "application/yaml",
					"id: nothing".getBytes(StandardCharsets.UTF_8)));
		}
		else if (rule.route().equals("POST /rounds/{id}/paper")) {
			request = multipart(path).file(new MockMultipartFile("file", "paper.csv", "text/csv",
					("code,np-1\n" + values.get("code") + ",4\n").getBytes(StandardCharsets.UTF_8)));
		}
		else {
			request = method.equals("GET") ? get(path) : post(path);
		}
		if (!rule.form().isEmpty()) {
			for (String field : rule.form().split("&")) {
				String[] pair = field.split("=", 2);
				request.param(pair[0], pair[1]);
			}
		}
		if (rule.route().equals("POST /join/start")) {
			request.param("code", values.get("code"));
		}
		if (path.startsWith("/join")) {
			// The participant's pages keep their token in a cookie of their own; the test
			// helper
			// csrf() would swap that store for a session one in the shared application.
			joinToken(request);
		}
		else {
			request.with(csrf());
		}
		People.Person person = switch (visitor) {
			case 1 -> ours.steward();
			case 2 -> ours.board();
			case 3 -> theirs.steward();
			case 4 -> theirs.board();
			case 5 -> admin;
			default -> null;
		};
		if (person != null) {
			request.with(user(person.principal()));
		}
		return request;
	}

}
