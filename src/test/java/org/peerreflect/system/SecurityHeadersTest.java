package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.MutableClock;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a browser is told to protect: the pages may not be framed, run scripts from
 * elsewhere, leak where they came from or be kept by a proxy; forms need their CSRF
 * token; the session cookie is out of reach of scripts and other sites. Both security
 * chains are checked, as each sets its own. The class is set up like {@link SignInTest}
 * so that both share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

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

	@LocalServerPort
	int port;

	People.Organization organization;

	Cookie steward;

	Cookie board;

	UUID draft;

	UUID published;

	String openCode;

	Cookie participantCookie;

	@BeforeAll
	void setUp() throws Exception {
		organization = new People(accounts, signIn, jdbc).organization("Headers");
		steward = signIn(organization.steward().email(), request -> request).getCookie("SESSION");
		board = signIn(organization.board().email(), request -> request).getCookie("SESSION");
		UUID orgId = organization.id();
		draft = rounds.create(orgId, "Still a draft", "peer-support-principles", 1, "en", 3).id();

		UUID open = rounds.create(orgId, "Open now", "peer-support-principles", 1, "en", 3).id();
		rounds.open(open, orgId);
		openCode = participation.issueCodes(open, orgId, 1, "More of us came than we thought").get(0);
		participantCookie = mvc.perform(get("/join")).andReturn().getResponse().getCookie("PARTICIPANT-XSRF");
		assertThat(participantCookie).as("the participant's CSRF cookie").isNotNull();

		published = rounds.create(orgId, "Published", "peer-support-principles", 1, "en", 3).id();
		rounds.open(published, orgId);
		for (String code : participation.issueCodes(published, orgId, 3, "More of us came than we thought")) {
			participation.submit(code, Channel.ONLINE,
					new Submission("member", Map.of("np-1", "4"), Map.of("np-say", "Tea")));
		}
		rounds.close(published, orgId);
		mvc.perform(post("/rounds/" + published + "/publish").param("reviewed", "yes").cookie(steward).with(csrf()))
			.andExpect(redirectedUrl("/reports/" + published));
	}

	/**
	 * Signs in through the real form, the request shaped by {@code how}, and returns the
	 * answer.
	 */
	private MockHttpServletResponse signIn(String email, RequestPostProcessor how) throws Exception {
		RequestBuilder form = formLogin("/sign-in").userParameter("email").user(email).password(People.PASSWORD);
		return mvc.perform(context -> how.postProcessRequest(form.buildRequest(context)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();
	}

	/**
	 * A post as the participant's browser sends it: the token of the page it comes from
	 * and the CSRF cookie. Never {@code csrf()} here: it would swap the participants'
	 * cookie repository for a session one, for the whole shared application.
	 */
	/**
	 * The first page of questions: the code is posted, and the page is drawn at the
	 * address it is sent on to, with the journey's cookie.
	 */
	private MockHttpServletRequestBuilder firstQuestions() throws Exception {
		MockHttpServletResponse started = mvc
			.perform(
					participantPost("/join/start", html(get("/join").cookie(participantCookie))).param("code", openCode)
						.param("lang", "en"))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse();
		return get(started.getRedirectedUrl()).cookie(participantCookie, started.getCookie("pr_journey"));
	}

	private MockHttpServletRequestBuilder participantPost(String path, String page) {
		return post(path).cookie(participantCookie).param("_csrf", Html.csrf(page));
	}

	/** A representative page of each security chain, as the person it is for opens it. */
	enum Page {

		HOME("GET / without an account"), SIGN_IN("GET /sign-in"), ROUNDS("GET /rounds as a steward"),
		REPORTS("GET /reports as a board reader"), REPORT_PDF("GET a report's PDF as a board reader"),
		JOIN("GET /join"), JOIN_ABOUT("GET /join/about"), JOIN_QUESTIONS("POST /join/start with a working code");

		private final String label;

		Page(String label) {
			this.label = label;
		}

		@Override
		public String toString() {
			return label;
		}

	}

	private MockHttpServletResponse open(Page page) throws Exception {
		MockHttpServletRequestBuilder request = switch (page) {
			case HOME -> get("/");
			case SIGN_IN -> get("/sign-in");
			case ROUNDS -> get("/rounds").cookie(steward);
			case REPORTS -> get("/reports").cookie(board);
			case REPORT_PDF -> get("/reports/" + published + "/report.pdf").cookie(board);
			case JOIN -> get("/join");
			case JOIN_ABOUT -> get("/join/about");
			case JOIN_QUESTIONS -> firstQuestions();
		};
		MockHttpServletResponse response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
		if (page == Page.JOIN_QUESTIONS) {
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as("the first question page")
				.contains("1 of 7");
		}
		return response;
	}

	/**
	 * The Content-Security-Policy's directives, by name; fails if the header is not
	 * there.
	 */
	private Map<String, String> policy(Page page) throws Exception {
		String header = open(page).getHeader("Content-Security-Policy");
		assertThat(header).as("Content-Security-Policy of %s", page).isNotNull();
		Map<String, String> directives = new LinkedHashMap<>();
		for (String directive : header.split(";")) {
			String[] parts = directive.strip().split("\\s+", 2);
			directives.put(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
		}
		return directives;
	}

	// --- headers, one kind each, on a page of each chain ---

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void contentSecurityPolicyIsSent(Page page) throws Exception {
		assertThat(open(page).getHeader("Content-Security-Policy")).isNotBlank();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void contentSecurityPolicyRunsScriptsOnlyFromTheApplication(Page page) throws Exception {
		assertThat(policy(page)).containsEntry("script-src", "'self'");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void contentSecurityPolicyNeverAllowsInlineCode(Page page) throws Exception {
		assertThat(open(page).getHeader("Content-Security-Policy")).isNotNull().doesNotContain("unsafe-inline");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void contentSecurityPolicyLetsNoSiteFrameThePage(Page page) throws Exception {
		assertThat(policy(page)).containsEntry("frame-ancestors", "'none'");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void contentSecurityPolicyRestrictsTheBaseAddress(Page page) throws Exception {
		assertThat(policy(page).get("base-uri")).as("base-uri").isIn("'none'", "'self'");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void contentSecurityPolicySendsFormsOnlyToTheApplication(Page page) throws Exception {
		assertThat(policy(page)).containsEntry("form-action", "'self'");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void referrerPolicyIsNoReferrer(Page page) throws Exception {
		assertThat(open(page).getHeader("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void contentTypeOptionsIsNosniff(Page page) throws Exception {
		assertThat(open(page).getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Page.class)
	void frameOptionsIsDeny(Page page) throws Exception {
		assertThat(open(page).getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Page.class, names = { "JOIN", "JOIN_ABOUT", "JOIN_QUESTIONS" })
	void cacheControlOnTheParticipantsPagesIsNoStore(Page page) throws Exception {
		assertThat(open(page).getHeaders("Cache-Control")).anySatisfy(value -> assertThat(value).contains("no-store"));
	}

	// --- CSRF ---

	@Test
	void anAccountFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		int before = jdbc.queryForObject("select count(*) from round where organization_id = ?", Integer.class,
				organization.id());
		mvc.perform(post("/rounds").cookie(steward)
			.param("name", "Without a token")
			.param("questionnaire", "peer-support-principles@1")
			.param("language", "en")
			.param("minGroupSize", "5")).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from round where organization_id = ?", Integer.class,
				organization.id()))
			.isEqualTo(before);
	}

	@Test
	void theSameAccountFormWithItsTokenGoesThrough() throws Exception {
		// So the refusal above is the missing token's doing, not the steward's.
		mvc.perform(post("/rounds").cookie(steward)
			.with(csrf())
			.param("name", "With a token")
			.param("questionnaire", "peer-support-principles@1")
			.param("language", "en")
			.param("minGroupSize", "5")).andExpect(status().isFound());
	}

	@Test
	void theSignInFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/sign-in").param("email", organization.steward().email()).param("password", People.PASSWORD))
			.andExpect(status().isForbidden());
	}

	/**
	 * Refused: nothing is done with the post, and the code still works. The person is
	 * sent to the start page, which says that nothing was sent, rather than to the
	 * accounts' "this page is not for you".
	 */
	@Test
	void theParticipantsStartFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/join/start").param("code", openCode).param("lang", "en"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/join?lang=en&reset=unchecked"));
		assertThat(participation.roundOf(openCode)).as("the code still works").isPresent();
	}

	/** A kiosk's page goes back to the kiosk's own start page, so it stays a kiosk. */
	@Test
	void aKiosksPagePostedWithoutItsCsrfTokenGoesBackToTheKiosksStart() throws Exception {
		String kiosk = UUID.randomUUID() + "/" + "ab12".repeat(16);
		mvc.perform(post("/join/page").param("code", openCode).param("lang", "es").param("kiosk", kiosk))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/join/kiosk/" + kiosk + "?lang=es&reset=unchecked"));
		// Anything else in the field is not followed.
		mvc.perform(post("/join/page").param("code", openCode).param("kiosk", "//elsewhere.example/x"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/join?lang=en&reset=unchecked"));
	}

	@Test
	void theParticipantsPageFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/join/page").param("code", openCode).param("lang", "en").param("go", "submit"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/join?lang=en&reset=unchecked"));
		assertThat(participation.roundOf(openCode)).as("the code still works").isPresent();
	}

	@Test
	void theParticipantsStartFormWithTheTokenAndCookieOfItsPageGoesThrough() throws Exception {
		MockHttpServletResponse start = mvc.perform(get("/join")).andExpect(status().isOk()).andReturn().getResponse();
		Cookie token = start.getCookie("PARTICIPANT-XSRF");
		assertThat(token).as("the participant's CSRF cookie").isNotNull();
		String page = start.getContentAsString(StandardCharsets.UTF_8);
		mvc.perform(post("/join/start").cookie(token)
			.param("_csrf", Html.csrf(page))
			.param("code", openCode)
			.param("lang", "en")).andExpect(status().isSeeOther());
	}

	/**
	 * Every {@code <form method="post">} of the page, from its start tag to its end tag.
	 */
	private static List<String> postForms(String html) {
		List<String> forms = new ArrayList<>();
		for (Html.Tag form : Html.tags(html, "form")) {
			if ("post".equalsIgnoreCase(form.attribute("method"))) {
				int end = html.indexOf("</form>", form.start());
				assertThat(end).as("the end of the form at %d", form.start()).isPositive();
				forms.add(html.substring(form.start(), end));
			}
		}
		return forms;
	}

	private void assertEveryPostFormCarriesTheToken(String what, String html) {
		List<String> forms = postForms(html);
		assertThat(forms).as("post forms on %s", what).isNotEmpty();
		assertThat(forms).as("post forms on %s", what).allSatisfy(form -> assertThat(form).contains("name=\"_csrf\""));
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void everyPostFormOnTheAccountPagesCarriesTheCsrfToken() throws Exception {
		Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
		pages.put("/sign-in", get("/sign-in"));
		pages.put("/ as a steward", get("/").cookie(steward));
		pages.put("/rounds", get("/rounds").cookie(steward));
		pages.put("a draft round", get("/rounds/" + draft).cookie(steward));
		pages.put("a published round", get("/rounds/" + published).cookie(steward));
		pages.put("/team", get("/team").cookie(steward));
		pages.put("/account/password", get("/account/password").cookie(board));
		pages.put("a report", get("/reports/" + published).cookie(board));
		for (Map.Entry<String, MockHttpServletRequestBuilder> page : pages.entrySet()) {
			assertEveryPostFormCarriesTheToken(page.getKey(), html(page.getValue()));
		}
	}

	@Test
	void everyPostFormOnTheParticipantsPagesCarriesTheCsrfToken() throws Exception {
		assertEveryPostFormCarriesTheToken("/join", html(get("/join")));
		String start = html(get("/join").cookie(participantCookie));
		MockHttpServletResponse started = mvc
			.perform(participantPost("/join/start", start).param("code", openCode).param("lang", "en"))
			.andReturn()
			.getResponse();
		Cookie journey = started.getCookie("pr_journey");
		String first = html(get(started.getRedirectedUrl()).cookie(participantCookie, journey));
		assertEveryPostFormCarriesTheToken("the first question page", first);
		Map<String, String> fields = Html.hiddenFields(first);
		fields.put("go", "review");
		MockHttpServletRequestBuilder review = participantPost("/join/page", first).cookie(journey);
		fields.forEach(review::param);
		String reviewAddress = mvc.perform(review).andReturn().getResponse().getRedirectedUrl();
		String reviewPage = html(get(reviewAddress).cookie(participantCookie, journey));
		assertThat(reviewPage).as("the review page").contains("Your answers");
		assertEveryPostFormCarriesTheToken("the review page", reviewPage);
	}

	// --- cookies ---

	/** The Set-Cookie header of the session cookie a real sign-in gives. */
	private String sessionCookie(RequestPostProcessor how) throws Exception {
		List<String> cookies = signIn(organization.board().email(), how).getHeaders("Set-Cookie");
		return cookies.stream()
			.filter(c -> c.startsWith("SESSION="))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no SESSION cookie in " + cookies));
	}

	private static RequestPostProcessor overTls() {
		return request -> {
			request.setSecure(true);
			request.setScheme("https");
			request.setServerPort(443);
			return request;
		};
	}

	private static List<String> attributes(String setCookie) {
		return List.of(setCookie.split(";")).stream().skip(1).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
	}

	@Test
	void theSessionCookieIsHttpOnly() throws Exception {
		assertThat(attributes(sessionCookie(request -> request))).contains("httponly");
	}

	@Test
	void theSessionCookieIsSameSiteLaxOrStrict() throws Exception {
		assertThat(attributes(sessionCookie(request -> request))).containsAnyOf("samesite=lax", "samesite=strict");
	}

	@Test
	void theSessionCookieIsSecureBehindTls() throws Exception {
		assertThat(attributes(sessionCookie(overTls()))).contains("secure");
	}

	/**
	 * Through the running server, as behind a proxy that ends TLS: the forwarded protocol
	 * alone makes the cookie secure, which MockMvc cannot show as it has no Tomcat valve.
	 */
	@Test
	void theSessionCookieIsSecureWhenTheProxySaysHttps() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> form = send(http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
					.header("X-Forwarded-Proto", "https")
					.GET()
					.build());
		String session = form.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.split(";", 2)[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session for the sign-in form"));
		String body = "email=" + encode(organization.board().email()) + "&password=" + encode(People.PASSWORD)
				+ "&_csrf=" + encode(Html.csrf(form.body()));
		HttpResponse<String> signedIn = send(http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
					.header("X-Forwarded-Proto", "https")
					.header("Cookie", session)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String cookie = signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no new session cookie after signing in"));
		assertThat(attributes(cookie)).contains("secure");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request)
			throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * The participant's CSRF cookie as the running server sets it on the start page.
	 * MockMvc would not do here: the repository gives a servlet 6 container the SameSite
	 * as a cookie attribute, which the mock response leaves out of its Set-Cookie header
	 * while Tomcat writes it.
	 */
	private String participantToken() throws Exception {
		HttpResponse<String> start = send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/join")).GET().build());
		assertThat(start.statusCode()).isEqualTo(200);
		List<String> cookies = start.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter(c -> c.startsWith("PARTICIPANT-XSRF="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no PARTICIPANT-XSRF cookie in " + cookies));
	}

	@Test
	void theParticipantsCsrfCookieIsHttpOnly() throws Exception {
		assertThat(attributes(participantToken())).contains("httponly");
	}

	@Test
	void theParticipantsCsrfCookieIsSameSiteStrict() throws Exception {
		assertThat(attributes(participantToken())).contains("samesite=strict");
	}

}
