package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.peerreflect.organization.AccountService;
import org.peerreflect.organization.Role;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.MutableClock;
import org.peerreflect.testing.People;
import org.peerreflect.testing.People.Organization;
import org.peerreflect.testing.People.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may open what, with the real security configuration: every page and action against
 * every kind of visitor, then the line between one organization and another, and the
 * administrator's distance from everything a round holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {

	/** Where an anonymous visitor is sent for a page that needs an account. */
	static final String SIGN_IN_PAGE = "/sign-in";

	/** What one kind of visitor gets: a status and, for a redirect, where to. */
	record Outcome(int status, String location) {

		static Outcome to(String location) {
			return new Outcome(302, location);
		}

		@Override
		public String toString() {
			return location == null ? String.valueOf(status) : status + " to " + location;
		}

	}

	static final Outcome OK = new Outcome(200, null);

	static final Outcome FORBIDDEN = new Outcome(403, null);

	static final Outcome SIGN_IN = Outcome.to(SIGN_IN_PAGE);

	/**
	 * One page or action. In {@code path} and {@code form}, {@code {member}} is a fresh
	 * account of organization A (so an action never changes another row's people),
	 * {@code {unique}} a fresh word. Method UPLOAD is a multipart POST of a small valid
	 * questionnaire.
	 */
	record Row(String method, String path, String form, Outcome anonymous, Outcome steward, Outcome board,
			Outcome admin) {
	}

	static final List<Row> MATRIX = List.of(
			// method path form fields nobody steward board administrator
			new Row("GET", "/", "", OK, OK, OK, OK), new Row("GET", "/sign-in", "", OK, OK, OK, OK),
			new Row("GET", "/admin", "", SIGN_IN, FORBIDDEN, FORBIDDEN, OK),
			new Row("GET", "/admin/questionnaires", "", SIGN_IN, FORBIDDEN, FORBIDDEN, OK),
			new Row("GET", "/team", "", SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
			new Row("GET", "/questionnaires", "", SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
			new Row("GET", "/account/password", "", SIGN_IN, OK, OK, OK),
			new Row("GET", "/rounds", "", SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
			new Row("POST", "/admin/organizations", "name=Org {unique}&stewardEmail={unique}@example.org", SIGN_IN,
					FORBIDDEN, FORBIDDEN, Outcome.to("/admin")),
			new Row("POST", "/admin/accounts/{member}/setup-link", "", SIGN_IN, FORBIDDEN, FORBIDDEN,
					Outcome.to("/admin")),
			new Row("POST", "/admin/accounts/{member}/enabled", "enabled=false", SIGN_IN, FORBIDDEN, FORBIDDEN,
					Outcome.to("/admin")),
			new Row("POST", "/team/accounts", "email={unique}@example.org&role=BOARD", SIGN_IN, Outcome.to("/team"),
					FORBIDDEN, FORBIDDEN),
			new Row("POST", "/team/accounts/{member}/setup-link", "", SIGN_IN, Outcome.to("/team"), FORBIDDEN,
					FORBIDDEN),
			new Row("POST", "/team/accounts/{member}/enabled", "enabled=false", SIGN_IN, Outcome.to("/team"), FORBIDDEN,
					FORBIDDEN),
			new Row("UPLOAD", "/questionnaires", "", SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
			new Row("POST", "/account/password",
					"current=not my password&password=another long password&repeat=another long password", SIGN_IN, OK,
					OK, OK));

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	MessageSource messages;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	People people;

	Organization a;

	Organization b;

	Person admin;

	@BeforeAll
	void twoOrganizationsAndTheAdministrator() {
		people = new People(accounts, signIn, jdbc);
		a = people.organization("A");
		b = people.organization("B");
		admin = people.administrator();
	}

	@TestFactory
	Stream<DynamicTest> everyPageAndActionForEveryoneGivesExactlyTheExpectedAnswer() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Row row : MATRIX) {
			tests.add(check(row, "nobody", null, row.anonymous()));
			tests.add(check(row, "a steward", a.steward(), row.steward()));
			tests.add(check(row, "a board reader", a.board(), row.board()));
			tests.add(check(row, "the administrator", admin, row.admin()));
		}
		return tests.stream();
	}

	private DynamicTest check(Row row, String who, Person person, Outcome expected) {
		String name = row.method() + " " + row.path() + " by " + who + " gives " + expected;
		return DynamicTest.dynamicTest(name, () -> {
			AbstractMockHttpServletRequestBuilder<?> request = request(row);
			request.with(csrf());
			if (person != null) {
				request.with(user(person.principal()));
			}
			MvcResult result = mvc.perform(request).andReturn();
			assertThat(result.getResponse().getStatus()).as(name).isEqualTo(expected.status());
			assertThat(result.getResponse().getRedirectedUrl()).as(name + ", redirect").isEqualTo(expected.location());
		});
	}

	private AbstractMockHttpServletRequestBuilder<?> request(Row row) {
		String member = people.invited(a, Role.BOARD).accountId().toString();
		String path = row.path().replace("{member}", member);
		if (row.method().equals("GET")) {
			return get(path);
		}
		if (row.method().equals("UPLOAD")) {
			return multipart(path).file(new MockMultipartFile("file", "mine.yaml", "application/yaml",
					questionnaire(People.unique("mine")).getBytes(StandardCharsets.UTF_8)));
		}
		MockHttpServletRequestBuilder post = post(path);
		if (!row.form().isEmpty()) {
			for (String field : row.form().split("&")) {
				String[] pair = field.split("=", 2);
				post.param(pair[0], pair[1].replace("{unique}", People.unique("x")));
			}
		}
		return post;
	}

	/** A small valid questionnaire with this id. */
	static String questionnaire(String id) {
		return """
				id: %s
				version: 1
				languages: [en, es]
				title: {en: "Tiny %s", es: "Pequeño %s"}
				scales:
				  agree:
				    options:
				      - {value: 1, label: {en: "No", es: "No"}}
				      - {value: 2, label: {en: "Yes", es: "Sí"}}
				    not-sure: {en: "Not sure", es: "No lo sé"}
				principles:
				  - id: first
				    title: {en: "First", es: "Primero"}
				    items:
				      - {id: fi-1, type: scale, scale: agree, text: {en: "One", es: "Uno"}}
				""".formatted(id, id, id);
	}

	// --- without a CSRF token ---

	@TestFactory
	Stream<DynamicTest> aPostWithoutCsrfTokenIsRefusedForAnyoneAnywhere() {
		List<DynamicTest> tests = new ArrayList<>();
		List<String> paths = new ArrayList<>(List.of("/sign-in", "/sign-out"));
		MATRIX.stream().filter(row -> !row.method().equals("GET")).map(Row::path).distinct().forEach(paths::add);
		for (String path : paths) {
			tests.add(DynamicTest.dynamicTest("POST " + path + " without a token by nobody gives 403", () -> {
				String member = people.invited(a, Role.BOARD).accountId().toString();
				mvc.perform(post(path.replace("{member}", member)).param("email", a.steward().email())
					.param("password", People.PASSWORD)).andExpect(status().isForbidden());
			}));
			tests
				.add(DynamicTest.dynamicTest("POST " + path + " without a token by the administrator gives 403", () -> {
					String member = people.invited(a, Role.BOARD).accountId().toString();
					mvc.perform(post(path.replace("{member}", member)).with(user(admin.principal())))
						.andExpect(status().isForbidden());
				}));
		}
		return tests.stream();
	}

	@Test
	void aPostWithoutTokenChangesNothing() throws Exception {
		AccountService.Invitation member = people.invited(a, Role.BOARD);
		mvc.perform(post("/team/accounts/" + member.accountId() + "/enabled").param("enabled", "false")
			.with(user(a.steward().principal()))).andExpect(status().isForbidden());
		assertThat(enabled(member.accountId())).isTrue();
	}

	// --- one organization and another ---

	@Test
	void aStewardCannotGiveAnotherOrganizationsAccountANewSetupLink() throws Exception {
		int linksBefore = links(b.board().id());
		mvc.perform(post("/team/accounts/" + b.board().id() + "/setup-link").with(csrf())
			.with(user(a.steward().principal())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/team"))
			.andExpect(flash().attribute("problem", "account.notFound"))
			.andExpect(flash().attributeCount(1));
		assertThat(links(b.board().id())).isEqualTo(linksBefore).isEqualTo(1);
		assertThat(unusedLinks(b.board().id())).isZero();
	}

	@Test
	void aStewardCannotSwitchOffAnotherOrganizationsAccount() throws Exception {
		for (Person other : List.of(b.board(), b.steward())) {
			mvc.perform(post("/team/accounts/" + other.id() + "/enabled").param("enabled", "false")
				.with(csrf())
				.with(user(a.steward().principal())))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/team"))
				.andExpect(flash().attribute("problem", "account.notFound"));
			assertThat(enabled(other.id())).as(other.email()).isTrue();
		}
	}

	@Test
	void aStewardDoesReachTheirOwnOrganizationsAccounts() throws Exception {
		AccountService.Invitation member = people.invited(a, Role.BOARD);
		mvc.perform(post("/team/accounts/" + member.accountId() + "/setup-link").with(csrf())
			.with(user(a.steward().principal())))
			.andExpect(redirectedUrl("/team"))
			.andExpect(flash().attributeExists("invitation"));
		mvc.perform(post("/team/accounts/" + member.accountId() + "/enabled").param("enabled", "false")
			.with(csrf())
			.with(user(a.steward().principal())))
			.andExpect(redirectedUrl("/team"))
			.andExpect(flash().attributeCount(0));
		assertThat(enabled(member.accountId())).isFalse();
		assertThat(unusedLinks(member.accountId())).isOne();
	}

	private String lead(String email) {
		return messages.getMessage("invitation.lead", new Object[] { email }, Locale.ENGLISH);
	}

	@Test
	void theAdministratorCreatesAnOrganizationAndSeesItsSetupLinkOnce() throws Exception {
		String name = People.unique("New organization");
		String email = People.unique("first") + "@example.org";
		Cookie session = mvc
			.perform(post("/admin/organizations").param("name", name)
				.param("stewardEmail", email)
				.with(csrf())
				.with(user(admin.principal())))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(flash().attributeExists("invitation"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the flash travels in the session").isNotNull();
		String page = Html.text(mvc.perform(get("/admin").cookie(session).with(user(admin.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page).contains(name, lead(email));
		assertThat(page).containsPattern("http://peer-reflect\\.test/setup/[A-Za-z0-9_-]{43}");
		String again = Html.text(mvc.perform(get("/admin").cookie(session).with(user(admin.principal())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(again).contains(name).doesNotContain(lead(email));
	}

	@Test
	void aStewardAddsABoardReaderAndSeesTheirSetupLinkOnce() throws Exception {
		String email = People.unique("reader") + "@example.org";
		Cookie session = mvc
			.perform(post("/team/accounts").param("email", email)
				.param("role", "BOARD")
				.with(csrf())
				.with(user(a.steward().principal())))
			.andExpect(redirectedUrl("/team"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		String page = Html.text(mvc.perform(get("/team").cookie(session).with(user(a.steward().principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page).contains(lead(email)).containsPattern("http://peer-reflect\\.test/setup/");
		assertThat(jdbc.queryForObject("select role from account where email = ?", String.class, email))
			.isEqualTo("BOARD");
		assertThat(jdbc.queryForObject("select organization_id from account where email = ?", UUID.class, email))
			.isEqualTo(a.id());
	}

	@Test
	void aStewardCannotAddAnAdministrator() throws Exception {
		String email = People.unique("boss") + "@example.org";
		mvc.perform(post("/team/accounts").param("email", email)
			.param("role", "ADMIN")
			.with(csrf())
			.with(user(a.steward().principal()))).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email)).isZero();
	}

	@Test
	void switchingOffAnAccountThatDoesNotExistIsAMessageForTheAdministrator() throws Exception {
		mvc.perform(post("/admin/accounts/" + UUID.randomUUID() + "/enabled").param("enabled", "false")
			.with(csrf())
			.with(user(admin.principal())))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(flash().attribute("problem", "account.notFound"));
	}

	@Test
	void aSetupLinkForAnAccountThatDoesNotExistIsAMessageForTheAdministratorNotAnError() throws Exception {
		mvc.perform(
				post("/admin/accounts/" + UUID.randomUUID() + "/setup-link").with(csrf()).with(user(admin.principal())))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(flash().attribute("problem", "account.notFound"));
	}

	@Test
	void theTeamPageListsOnlyTheStewardsOwnOrganization() throws Exception {
		String page = page("/team", a.steward());
		assertThat(page).contains(a.steward().email(), a.board().email(), a.name());
		assertThat(page).doesNotContain(b.steward().email(), b.board().email(), b.name());
		for (String action : Html.attributes(page, "form", "action")) {
			if (action.startsWith("/team/accounts/")) {
				UUID id = UUID.fromString(action.split("/")[3]);
				assertThat(jdbc.queryForObject("select organization_id from account where id = ?", UUID.class, id))
					.as(action)
					.isEqualTo(a.id());
			}
		}
	}

	@Test
	void aQuestionnaireUploadedByOneOrganizationIsOfferedToItAlone() throws Exception {
		String id = People.unique("ours");
		mvc.perform(multipart("/questionnaires")
			.file(new MockMultipartFile("file", "ours.yaml", "application/yaml",
					questionnaire(id).getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(user(a.steward().principal()))).andExpect(status().isOk());
		assertThat(page("/questionnaires", a.steward())).contains("(" + id + ", version 1, 1 question)");
		assertThat(page("/questionnaires", b.steward())).doesNotContain(id)
			.contains("(peer-support-principles, version 1,");
	}

	@Test
	void theAdministratorSeesAccountsButNothingOfAnyRound() throws Exception {
		mvc.perform(get("/team").with(user(admin.principal()))).andExpect(status().isForbidden());
		mvc.perform(get("/questionnaires").with(user(admin.principal()))).andExpect(status().isForbidden());
		String page = page("/admin", admin);
		assertThat(page).contains(a.steward().email(), a.board().email(), b.steward().email(), b.board().email());
		List<String> targets = new ArrayList<>(Html.attributes(page, "a", "href"));
		targets.addAll(Html.attributes(page, "form", "action"));
		assertThat(targets).isNotEmpty()
			.noneMatch(target -> target.toLowerCase().contains("round"))
			.allMatch(target -> target
				.matches("/|#main|\\?lang=es|/css/[-a-z]+\\.css|/account/password|/sign-out|/admin(/.*)?"));
	}

	private String page(String path, Person person) throws Exception {
		MvcResult result = mvc.perform(get(path).with(user(person.principal()))).andExpect(status().isOk()).andReturn();
		return Html.text(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private boolean enabled(UUID account) {
		return jdbc.queryForObject("select enabled from account where id = ?", Boolean.class, account);
	}

	private int links(UUID account) {
		return jdbc.queryForObject("select count(*) from setup_link where account_id = ?", Integer.class, account);
	}

	private int unusedLinks(UUID account) {
		return jdbc.queryForObject("select count(*) from setup_link where account_id = ? and used_at is null",
				Integer.class, account);
	}

}
