package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Signing in through the real form, the throttle on repeated failures, signing out, setup
 * links and changing a password, each the way a browser without JavaScript goes through
 * them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	People people;

	Person admin;

	@BeforeAll
	void people() {
		people = new People(accounts, signIn, jdbc);
		admin = people.administrator();
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.ENGLISH);
	}

	private ResultActions signIn(String email, String password) throws Exception {
		return mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password(password));
	}

	private static String page(MvcResult result) throws Exception {
		return Html.text(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private String pageAt(String path) throws Exception {
		return page(mvc.perform(get(path)).andExpect(status().isOk()).andReturn());
	}

	@Test
	void theRightPasswordSignsInAndLeadsToTheStartPage() throws Exception {
		Person steward = people.organization("Right").steward();
		MvcResult result = signIn(steward.email(), People.PASSWORD).andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(steward.email()).withRoles("STEWARD"))
			.andReturn();
		// The session now belongs to the steward: the next page knows them.
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		String home = page(mvc.perform(get("/").cookie(session)).andExpect(status().isOk()).andReturn());
		assertThat(home).contains(text("home.signedInAs", steward.email()));
		mvc.perform(get("/team").cookie(session)).andExpect(status().isOk());
	}

	/**
	 * A session someone planted before sign-in (session fixation) is not the one that
	 * signs in.
	 */
	@Test
	void signingInStartsANewSessionAndTheOldOneKnowsNobody() throws Exception {
		Person steward = people.organization("Fixation").steward();
		// A session started before signing in, as a form with a CSRF token starts one.
		Cookie before = mvc.perform(get("/sign-in")).andReturn().getResponse().getCookie("SESSION");
		assertThat(before).isNotNull();
		MvcResult result = mvc
			.perform(post("/sign-in").param("email", steward.email())
				.param("password", People.PASSWORD)
				.cookie(before)
				.with(csrf()))
			.andExpect(authenticated())
			.andReturn();
		Cookie after = result.getResponse().getCookie("SESSION");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		mvc.perform(get("/team").cookie(before)).andExpect(status().isFound());
		mvc.perform(get("/team").cookie(after)).andExpect(status().isOk());
	}

	@Test
	void theEmailMayBeTypedWithCapitalsAndSpaces() throws Exception {
		Person board = people.organization("Capitals").board();
		signIn("  " + board.email().toUpperCase(Locale.ROOT) + " ", People.PASSWORD).andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withRoles("BOARD"));
	}

	@Test
	void aWrongPasswordOrAnUnknownEmailLeadsBackToTheSignInPage() throws Exception {
		Person steward = people.organization("Wrong").steward();
		signIn(steward.email(), "not the password at all").andExpect(status().isFound())
			.andExpect(redirectedUrl("/sign-in?failed"))
			.andExpect(unauthenticated());
		signIn(People.unique("nobody") + "@example.org", People.PASSWORD).andExpect(redirectedUrl("/sign-in?failed"))
			.andExpect(unauthenticated());
		assertThat(pageAt("/sign-in?failed")).contains(text("signIn.failed"));
	}

	/**
	 * The throttle is tried against the running server: its filter recognises the sign-in
	 * by the servlet path, which MockMvc leaves empty.
	 */
	private HttpResponse<String> tryToSignIn(String email, String password) {
		return new HttpBrowser(port).trySignIn(email, password);
	}

	/** Where the answer sends the browser, as a path on this server. */
	private String location(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).isEqualTo(302);
		String location = answer.headers().firstValue("Location").orElseThrow();
		String base = "http://localhost:" + port;
		return location.startsWith(base) ? location.substring(base.length()) : location;
	}

	@Test
	void afterFiveWrongTriesTheSixthWaitsEvenWithTheRightPasswordWhileOthersSignInAsUsual() throws Exception {
		Organization organization = people.organization("Throttle");
		String tried = organization.steward().email();
		for (int i = 1; i <= 5; i++) {
			assertThat(location(tryToSignIn(tried, "wrong guess number " + i))).as("try %d", i)
				.isEqualTo("/sign-in?failed");
		}
		assertThat(location(tryToSignIn(tried, People.PASSWORD))).isEqualTo("/sign-in?wait=1");
		// The email is the key, whatever its capitals.
		assertThat(location(tryToSignIn(tried.toUpperCase(Locale.ROOT), People.PASSWORD))).isEqualTo("/sign-in?wait=1");
		assertThat(pageAt("/sign-in?wait=1")).contains(text("signIn.wait", 1)).contains("Please wait 1 second, then");
		assertThat(pageAt("/sign-in?wait=30")).contains("Please wait 30 seconds, then");
		// Anything else in the address is not a number of seconds, and is not echoed.
		assertThat(pageAt("/sign-in?wait=soon")).doesNotContain("Please wait").doesNotContain("soon");

		assertThat(location(tryToSignIn(organization.board().email(), People.PASSWORD))).isEqualTo("/");

		clock.advance(Duration.ofSeconds(2));
		assertThat(location(tryToSignIn(tried, People.PASSWORD))).isEqualTo("/");
		// A success forgets the failures: one more wrong try is just a wrong try.
		assertThat(location(tryToSignIn(tried, "wrong again"))).isEqualTo("/sign-in?failed");
		assertThat(location(tryToSignIn(tried, People.PASSWORD))).isEqualTo("/");
	}

	@Test
	void theTypedEmailIsStillThereAfterAFailedTryOrAWaitButNotInTheAddress() throws Exception {
		String tried = people.organization("Kept").steward().email();
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> failed = browser.trySignIn(tried, "not it");
		assertThat(location(failed)).isEqualTo("/sign-in?failed");
		String page = browser.follow(failed).body();
		assertThat(typed(page, "email")).isEqualTo(tried);
		assertThat(typed(page, "password")).isNullOrEmpty();
		// Once only: a later visit starts empty.
		assertThat(typed(browser.get("/sign-in").body(), "email")).isNullOrEmpty();
		for (int i = 2; i <= 6; i++) {
			browser.trySignIn(tried, "not it " + i);
		}
		HttpResponse<String> waiting = browser.trySignIn(tried, People.PASSWORD);
		assertThat(location(waiting)).startsWith("/sign-in?wait=");
		assertThat(typed(browser.follow(waiting).body(), "email")).isEqualTo(tried);
	}

	private static String typed(String page, String field) {
		return Html.tags(page, "input")
			.stream()
			.filter(input -> field.equals(input.attribute("id")))
			.findFirst()
			.orElseThrow()
			.attribute("value");
	}

	@Test
	void eachFurtherFailureDoublesTheWait() throws Exception {
		String tried = people.organization("Doubling").steward().email();
		for (int i = 1; i <= 5; i++) {
			assertThat(location(tryToSignIn(tried, "wrong guess " + i))).isEqualTo("/sign-in?failed");
		}
		assertThat(location(tryToSignIn(tried, "wrong"))).isEqualTo("/sign-in?wait=1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(location(tryToSignIn(tried, "wrong guess 6"))).isEqualTo("/sign-in?failed");
		assertThat(location(tryToSignIn(tried, People.PASSWORD))).isEqualTo("/sign-in?wait=2");
		clock.advance(Duration.ofSeconds(1));
		assertThat(location(tryToSignIn(tried, People.PASSWORD))).isEqualTo("/sign-in?wait=1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(location(tryToSignIn(tried, People.PASSWORD))).isEqualTo("/");
	}

	@Test
	void anUnknownEmailIsThrottledLikeAKnownOne() throws Exception {
		String unknown = People.unique("nobody") + "@example.org";
		for (int i = 1; i <= 5; i++) {
			assertThat(location(tryToSignIn(unknown, "guess " + i))).isEqualTo("/sign-in?failed");
		}
		assertThat(location(tryToSignIn(unknown, "guess 6"))).isEqualTo("/sign-in?wait=1");
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		Person steward = people.organization("Out").steward();
		Cookie session = signIn(steward.email(), People.PASSWORD).andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(post("/sign-out").cookie(session).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/?signedOut"));
		mvc.perform(get("/team").cookie(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
		assertThat(pageAt("/?signedOut")).contains(text("home.signedOut"));
	}

	@Test
	void aSwitchedOffAccountCannotSignIn() throws Exception {
		Person board = people.organization("Off").board();
		accounts.setEnabled(board.id(), null, false, admin.id());
		signIn(board.email(), People.PASSWORD).andExpect(redirectedUrl("/sign-in?failed")).andExpect(unauthenticated());
		accounts.setEnabled(board.id(), null, true, admin.id());
		signIn(board.email(), People.PASSWORD).andExpect(redirectedUrl("/")).andExpect(authenticated());
	}

	@Test
	void someoneWhoHasNotChosenAPasswordYetCannotSignIn() throws Exception {
		AccountService.Invitation invited = people.invited(people.organization("Waiting"), Role.BOARD);
		signIn(invited.email(), "").andExpect(redirectedUrl("/sign-in?failed")).andExpect(unauthenticated());
		signIn(invited.email(), People.PASSWORD).andExpect(redirectedUrl("/sign-in?failed"))
			.andExpect(unauthenticated());
	}

	// --- setup links ---

	@Test
	void aSetupLinkLeadsThroughChoosingAPasswordOnceOnly() throws Exception {
		AccountService.Invitation invited = people.invited(people.organization("Setup"), Role.STEWARD);
		String path = "/setup/" + People.token(invited.link());

		String form = pageAt(path);
		assertThat(form).contains(text("setup.title"), text("setup.for", invited.email()), text("setup.button"))
			.doesNotContain(text("setup.firstAdmin"));

		String different = page(mvc
			.perform(post(path).with(csrf())
				.param("password", "a long enough password")
				.param("repeat", "a long enough passworD"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(different).contains(text("password.different"), text("setup.title"));

		String tooShort = page(mvc.perform(post(path).with(csrf()).param("password", "short").param("repeat", "short"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(tooShort).contains(text("password.tooShort", AccountService.MIN_PASSWORD_LENGTH));
		assertThat(usedLinks(invited.accountId())).isZero();

		mvc.perform(post(path).with(csrf())
			.param("password", "my own long password")
			.param("repeat", "my own long password"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sign-in?ready"));
		assertThat(pageAt("/sign-in?ready")).contains(text("signIn.ready"));
		assertThat(usedLinks(invited.accountId())).isOne();

		String gone = pageAt(path);
		assertThat(gone).contains(text("setup.invalid.title"), text("setup.invalid.what"))
			.doesNotContain(invited.email());
		String again = page(mvc
			.perform(post(path).with(csrf())
				.param("password", "someone else's password")
				.param("repeat", "someone else's password"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(again).contains(text("setup.invalid.title"));

		signIn(invited.email(), "someone else's password").andExpect(redirectedUrl("/sign-in?failed"));
		signIn(invited.email(), "my own long password").andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withRoles("STEWARD"));
	}

	@Test
	void anUnknownOrExpiredSetupLinkDoesNotWork() throws Exception {
		assertThat(pageAt("/setup/" + UUID.randomUUID())).contains(text("setup.invalid.title"));
		AccountService.Invitation invited = people.invited(people.organization("Expired"), Role.BOARD);
		clock.advance(Duration.ofHours(73));
		String path = "/setup/" + People.token(invited.link());
		assertThat(pageAt(path)).contains(text("setup.invalid.title"));
		mvc.perform(post(path).with(csrf())
			.param("password", "a long enough password")
			.param("repeat", "a long enough password")).andExpect(status().isOk());
		signIn(invited.email(), "a long enough password").andExpect(redirectedUrl("/sign-in?failed"));
	}

	@Test
	void aSetupPostWithoutCsrfTokenIsRefused() throws Exception {
		AccountService.Invitation invited = people.invited(people.organization("NoToken"), Role.BOARD);
		mvc.perform(post("/setup/" + People.token(invited.link())).param("password", "a long enough password")
			.param("repeat", "a long enough password")).andExpect(status().isForbidden());
		assertThat(usedLinks(invited.accountId())).isZero();
	}

	private int usedLinks(UUID account) {
		return jdbc.queryForObject("select count(*) from setup_link where account_id = ? and used_at is not null",
				Integer.class, account);
	}

	// --- changing one's password ---

	@Test
	void changingThePasswordNeedsTheCurrentOneAndTheSameNewOneTwice() throws Exception {
		Person board = people.organization("Change").board();
		assertThat(page(mvc.perform(get("/account/password").with(user(board.principal())))
			.andExpect(status().isOk())
			.andReturn())).contains(text("password.title"), text("password.hint", AccountService.MIN_PASSWORD_LENGTH));

		String wrong = change(board, "not my password", "a brand new password", "a brand new password");
		assertThat(wrong).contains(text("password.currentWrong"));
		String different = change(board, People.PASSWORD, "a brand new password", "a brand new passwore");
		assertThat(different).contains(text("password.different"));
		String shortOne = change(board, People.PASSWORD, "short", "short");
		assertThat(shortOne).contains(text("password.tooShort", AccountService.MIN_PASSWORD_LENGTH));
		signIn(board.email(), People.PASSWORD).andExpect(redirectedUrl("/"));

		Cookie session = mvc
			.perform(post("/account/password").with(csrf())
				.with(user(board.principal()))
				.param("current", People.PASSWORD)
				.param("password", "a brand new password")
				.param("repeat", "a brand new password"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/account/password"))
			.andExpect(flash().attribute("changed", true))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		// The redirected page, in the same session, says it once.
		String done = page(mvc.perform(get("/account/password").cookie(session).with(user(board.principal())))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(done).contains(text("password.changed"));
		String later = page(mvc.perform(get("/account/password").cookie(session).with(user(board.principal())))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(later).doesNotContain(text("password.changed"));

		signIn(board.email(), People.PASSWORD).andExpect(redirectedUrl("/sign-in?failed"));
		signIn(board.email(), "a brand new password").andExpect(redirectedUrl("/")).andExpect(authenticated());
	}

	private String change(Person person, String current, String password, String repeat) throws Exception {
		MvcResult result = mvc
			.perform(post("/account/password").with(csrf())
				.with(user(person.principal()))
				.param("current", current)
				.param("password", password)
				.param("repeat", repeat))
			.andExpect(status().isOk())
			.andReturn();
		String page = page(result);
		assertThat(page).contains(text("password.title")).doesNotContain(text("password.changed"));
		return page;
	}

}
