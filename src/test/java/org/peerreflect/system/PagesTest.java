package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.peerreflect.organization.AccountService;
import org.peerreflect.organization.Role;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.HttpBrowser;
import org.peerreflect.testing.MutableClock;
import org.peerreflect.testing.People;
import org.peerreflect.testing.People.Organization;
import org.peerreflect.testing.People.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The pages as a browser receives them from the running server: error pages, security
 * headers, the language switch, no scripts, and a label for every field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	People people;

	Organization organization;

	Person admin;

	@BeforeAll
	void people() {
		people = new People(accounts, signIn, jdbc);
		organization = people.organization("Pages");
		admin = people.administrator();
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.ENGLISH);
	}

	private String spanish(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.forLanguageTag("es"));
	}

	private HttpBrowser browser() {
		return new HttpBrowser(port);
	}

	private HttpBrowser signedIn(Person person) {
		return browser().signIn(person.email(), People.PASSWORD);
	}

	/** A link back to the start page, with the words from the messages. */
	private void assertLinkBack(String page) {
		assertThat(page).containsPattern("<a href=\"/\">" + java.util.regex.Pattern.quote(text("error.home")) + "</a>");
	}

	// --- error pages ---

	@Test
	void anUnknownPageInTheStewardsAreaIsAFriendlyNotFound() {
		HttpResponse<String> answer = signedIn(organization.steward()).get("/team/no-such-page");
		assertThat(answer.statusCode()).isEqualTo(404);
		String page = Html.text(answer.body());
		assertThat(page).contains("<title>" + text("error.404.title") + "</title>", text("error.404.what"));
		assertLinkBack(page);
		assertThat(page).doesNotContainIgnoringCase("exception").doesNotContain("Whitelabel", "trace");
	}

	@Test
	void anUnknownUrlAsASignedInStewardIsAFriendlyNotFound() {
		HttpResponse<String> answer = signedIn(organization.steward()).get("/no-such-page");
		assertThat(answer.statusCode()).isEqualTo(404);
		String page = Html.text(answer.body());
		assertThat(page).contains("<title>" + text("error.404.title") + "</title>", text("error.404.what"));
		assertLinkBack(page);
	}

	@Test
	void aBoardReaderOpeningTheTeamPageGetsAFriendlyForbidden() {
		HttpResponse<String> answer = signedIn(organization.board()).get("/team");
		assertThat(answer.statusCode()).isEqualTo(403);
		String page = Html.text(answer.body());
		assertThat(page).contains("<title>" + text("error.403.title") + "</title>", text("error.403.what"));
		assertLinkBack(page);
		assertThat(page).doesNotContain(organization.steward().email());
	}

	@Test
	void errorPagesSpeakTheChosenLanguage() {
		HttpBrowser browser = signedIn(organization.board());
		browser.get("/?lang=es");
		HttpResponse<String> answer = browser.get("/team");
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(Html.text(answer.body())).contains("<html lang=\"es\"", spanish("error.403.title"),
				spanish("error.home"));
	}

	// --- headers ---

	@TestFactory
	Stream<DynamicTest> everyAnswerCarriesTheSecurityHeaders() {
		Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
		answers.put("the start page", browser().get("/"));
		answers.put("the sign-in page", browser().get("/sign-in"));
		answers.put("the team page", signedIn(organization.steward()).get("/team"));
		answers.put("a not-found page", signedIn(organization.steward()).get("/team/no-such-page"));
		answers.put("a forbidden page", signedIn(organization.board()).get("/team"));
		return answers.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
			HttpResponse<String> answer = entry.getValue();
			String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval", "*");
			assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
		}));
	}

	// --- language ---

	@Test
	void theLanguageSwitchAnswersInSpanishAndTheCookieKeepsIt() {
		HttpBrowser browser = browser().acceptLanguage("en");
		HttpResponse<String> switched = browser.get("/?lang=es");
		assertThat(switched.statusCode()).isEqualTo(200);
		assertThat(Html.text(switched.body())).contains("<html lang=\"es\"", spanish("home.lead"))
			.doesNotContain(text("home.lead"));
		String cookie = switched.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("peer-reflect-language="))
			.findFirst()
			.orElse("");
		assertThat(cookie).startsWith("peer-reflect-language=es;")
			.containsIgnoringCase("HttpOnly")
			.contains("SameSite=Lax");
		assertThat(browser.cookies()).containsEntry("peer-reflect-language", "es");

		HttpResponse<String> next = browser.get("/sign-in");
		assertThat(Html.text(next.body())).contains("<html lang=\"es\"", spanish("signIn.title"),
				spanish("signIn.forgot"));
		assertThat(next.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("peer-reflect-language="));

		HttpResponse<String> back = browser.get("/?lang=en");
		assertThat(Html.text(back.body())).contains("<html lang=\"en\"", text("home.lead"));
		assertThat(browser.cookies()).containsEntry("peer-reflect-language", "en");
	}

	@Test
	void withoutAChoiceTheBrowsersLanguageDecides() {
		assertThat(browser().acceptLanguage("es-MX,es;q=0.9").get("/").body()).contains("<html lang=\"es\"");
		assertThat(browser().acceptLanguage("de").get("/").body()).contains("<html lang=\"en\"");
	}

	@Test
	void aLanguageThePagesDoNotHaveIsNotTaken() {
		HttpBrowser browser = browser().acceptLanguage("en");
		assertThat(browser.get("/?lang=xx").body()).contains("<html lang=\"en\"");
		assertThat(browser.cookies()).doesNotContainEntry("peer-reflect-language", "xx");
	}

	// --- every page ---

	/** Every page a person can reach, as that person sees it. */
	private Map<String, String> everyPage() {
		Map<String, String> pages = new LinkedHashMap<>();
		HttpBrowser nobody = browser();
		pages.put("start page", nobody.get("/").body());
		pages.put("sign-in page", nobody.get("/sign-in").body());
		pages.put("sign-in page after a failure", nobody.get("/sign-in?failed").body());
		AccountService.Invitation invited = people.invited(organization, Role.BOARD);
		pages.put("setup page", nobody.get("/setup/" + People.token(invited.link())).body());
		pages.put("setup page of a link that does not work", nobody.get("/setup/no-such-token").body());

		HttpBrowser steward = signedIn(organization.steward());
		pages.put("start page of a steward", steward.get("/").body());
		pages.put("team page", steward.get("/team").body());
		pages.put("questionnaires page", steward.get("/questionnaires").body());
		pages.put("password page of a steward", steward.get("/account/password").body());
		pages.put("not-found page", steward.get("/team/no-such-page").body());

		HttpBrowser board = signedIn(organization.board());
		pages.put("start page of a board reader", board.get("/").body());
		pages.put("forbidden page", board.get("/team").body());

		HttpBrowser administrator = signedIn(admin);
		pages.put("administration page", administrator.get("/admin").body());
		pages.put("questionnaire files page", administrator.get("/admin/questionnaires").body());
		pages.put("password page of the administrator", administrator.get("/account/password").body());
		return pages;
	}

	@TestFactory
	Stream<DynamicTest> noPageHasAnyScript() {
		return everyPage().entrySet().stream().map(page -> DynamicTest.dynamicTest(page.getKey(), () -> {
			assertThat(page.getValue()).contains("</html>");
			assertThat(page.getValue()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:");
			assertThat(page.getValue()).doesNotContainPattern("(?i)<[^>]+\\son[a-z]+\\s*=");
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyFieldHasALabelForItsId() {
		List<String> formPages = List.of("sign-in page", "setup page", "password page of a steward", "team page",
				"administration page", "questionnaires page");
		Map<String, String> pages = everyPage();
		return formPages.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
			String page = pages.get(name);
			List<Html.Tag> fields = new ArrayList<>(Html.tags(page, "input")
				.stream()
				.filter(input -> !"hidden".equalsIgnoreCase(input.attribute("type")))
				.toList());
			// A box of many lines is a field too.
			fields.addAll(Html.tags(page, "textarea"));
			assertThat(fields).as("fields on the %s", name).isNotEmpty();
			List<String> labelled = Html.attributes(page, "label", "for");
			List<String> ids = new ArrayList<>();
			for (Html.Tag field : fields) {
				String id = field.attribute("id");
				String described = name + ": <input name=" + field.attribute("name") + " id=" + id + ">";
				assertThat(id).as(described + " has an id").isNotBlank();
				ids.add(id);
				boolean explicit = labelled.contains(id);
				boolean wrapped = Html.insideLabel(page, field.start());
				assertThat(explicit || wrapped)
					.as(described + " has a <label for=\"" + id + "\"> or sits inside a <label>")
					.isTrue();
			}
			assertThat(ids).as("ids on the %s", name).doesNotHaveDuplicates();
			assertThat(labelled).as("every <label for> on the %s names a field there", name).allMatch(ids::contains);
		}));
	}

}
