package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.peerreflect.organization.AccountService;
import org.peerreflect.organization.Role;
import org.peerreflect.participation.Kiosks;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.participation.ReviewChanges;
import org.peerreflect.publication.Publication;
import org.peerreflect.round.Channel;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.People;
import org.peerreflect.testing.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every page a steward, a board reader and the administrator can reach, and the pages
 * before signing in, in a real browser: on a phone (390 px) and a desktop (1280 px) in
 * English and Spanish, and at 320 px (a 1280 px screen zoomed to 400 %) in English. Forms
 * are also seen with their problems showing. axe-core finds no WCAG 2.2 AA violation on
 * any of them and none is wider than its window; screenshots of whole pages go to
 * target/screenshots to be looked at. (The member's pages and the kiosk are walked in
 * ParticipantPagesBrowserTest.) A steward also goes from signing in to a closed round
 * with the keyboard alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServerErrorPageTest.Breaks.class)
@Slow
class EveryPageBrowserTest {

	private ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.context.ApplicationContext context;

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
	ReviewChanges changes;

	@Autowired
	Publication publication;

	@Autowired
	ResultsLinks links;

	@Autowired
	Kiosks kiosks;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	private String url(String path, String lang) {
		return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
	}

	/**
	 * A round of the organization in every state a steward meets, one published after
	 * another.
	 */
	private record Rounds(UUID draft, UUID open, UUID closed, UUID published) {
	}

	private Rounds rounds(People.Organization harbour) {
		UUID draft = rounds.create(harbour.id(), "Winter", "peer-support-principles", 1, "en", 5).id();
		UUID open = answered(harbour, "Spring", 12, false);
		UUID closed = answered(harbour, "Summer", 12, true);
		UUID earlier = answered(harbour, "Last year", 14, true);
		publication.publish(earlier, harbour.id(), harbour.name());
		publication.agree(earlier, harbour.id(), "Take turns to open the meeting.", List.of("fr-3"));
		UUID published = answered(harbour, "Autumn", 16, true);
		publication.publish(published, harbour.id(), harbour.name());
		publication.agree(published, harbour.id(), "Ask the board to one meeting a season.", List.of("fr-5", "na-1"));
		// One answer of the closed round changed in review, so that "put back" shows.
		UUID answer = jdbc.queryForObject(
				"select id from written_answer where round_id = ? and item_id = 'np-say' " + "order by id limit 1",
				UUID.class, closed);
		String text = org.peerreflect.participation.SealedRows.words(context, answer);
		changes.redact(closed, harbour.id(), "np-say", answer, text.replace("Rowan", "[removed]"));
		return new Rounds(draft, open, closed, published);
	}

	private UUID answered(People.Organization harbour, String name, int people, boolean close) {
		return answered(harbour, name, "en", people, close);
	}

	private UUID answered(People.Organization harbour, String name, String language, int people, boolean close) {
		UUID round = rounds.create(harbour.id(), name, "peer-support-principles", 1, language, 5).id();
		rounds.open(round, harbour.id());
		List<String> codes = participation.issueCodes(round, harbour.id(), people + 6,
				"More of us came than we thought");
		for (int n = 0; n < people; n++) {
			Map<String, String> answers = new LinkedHashMap<>();
			for (String item : List.of("np-1", "np-2", "na-1", "fr-1", "fr-5")) {
				answers.put(item, String.valueOf(1 + Math.floorMod(n * 7 + item.hashCode(), 5)));
			}
			participation.submit(codes.get(n), n % 3 == 0 ? Channel.PAPER : Channel.ONLINE,
					new Submission(n % 2 == 0 ? "member" : "staff", answers,
							Map.of("np-say", "We laugh a lot together, Rowan says, person " + n)));
		}
		if (close) {
			rounds.close(round, harbour.id());
		}
		return round;
	}

	@Test
	void everyStewardBoardAndAdministratorPageReadsWellEverywhere() {
		People people = new People(accounts, signIn, jdbc);
		People.Organization harbour = people.organization("EveryPage");
		People.Person administrator = people.administrator();
		Rounds round = rounds(harbour);
		AccountService.Invitation invited = people.invited(harbour, Role.BOARD);
		String statement = publication.putForward(round.closed(), harbour.id(), harbour.name()).get(0).id();

		List<String> found = new ArrayList<>();
		List<String> walked = new ArrayList<>();
		for (int[] size : new int[][] { { 390, 844 }, { 1280, 900 }, { 320, 640 } }) {
			closeBrowser();
			browser = Chromium.start(size[0], size[1]);
			for (String lang : size[0] == 320 ? List.of("en") : List.of("en", "es")) {
				String where = "-" + lang + "-" + size[0];
				Walk walk = new Walk(where, lang, found, walked);
				browser.manage().deleteAllCookies();
				walk.page("home", "/");
				walk.page("sign-in", "/sign-in");
				walk.page("sign-in-failed", "/sign-in?failed");
				walk.page("setup", "/setup/" + People.token(invited.link()));
				walk.page("not-found", "/no-such-page");

				Chromium.signIn(browser, "http://localhost:" + port, harbour.steward());
				walk.page("steward-home", "/");
				walk.page("rounds", "/rounds");
				walk.problems("rounds-problems", "/rounds", "name", "");
				walk.page("round-draft", "/rounds/" + round.draft());
				walk.page("round-open", "/rounds/" + round.open());
				walk.page("round-close-asked", "/rounds/" + round.open() + "/close");
				walk.page("round-closed", "/rounds/" + round.closed());
				// The check before publishing lists the name the answers still hold, and
				// says which box is not ticked when only the first one is.
				assertThat(browser.findElements(By.cssSelector("ul.still-marked mark"))).as("still marked" + where)
					.isNotEmpty();
				browser.findElement(By.id("reviewed")).click();
				browser.executeScript("arguments[0].form.noValidate = true", browser.findElement(By.id("marked")));
				Chromium.clickAndWait(browser,
						browser.findElement(By.xpath("//form[contains(@action, '/publish')]//button[@type='submit']")));
				assertThat(browser.findElements(By.cssSelector(".problem"))).as("publish refused" + where).isNotEmpty();
				walk.look("round-publish-unconfirmed", lang);
				walk.page("review-list", "/rounds/" + round.closed() + "/review");
				walk.page("review-item", "/rounds/" + round.closed() + "/review/np-say");
				walk.page("quotes", "/rounds/" + round.closed() + "/quotes");
				walk.page("quotes-statement", "/rounds/" + round.closed() + "/quotes/" + statement);
				walk.page("round-published", "/rounds/" + round.published());
				walk.page("agreements", "/rounds/" + round.published() + "/agreements");
				walk.page("reports-steward", "/reports");
				walk.page("report-steward", "/reports/" + round.published());
				walk.page("team", "/team");
				walk.problems("team-problems", "/team", "email", "");
				walk.page("questionnaires", "/questionnaires");
				walk.page("password", "/account/password");
				walk.problems("password-problems", "/account/password", "current", "");
				walk.page("round-bad-address", "/rounds/not-a-round");
				// A refusal no page answered (through a page of the tests only).
				walk.page("refused", "/account/refused");

				Chromium.signIn(browser, "http://localhost:" + port, harbour.board());
				walk.page("board-home", "/");
				walk.page("reports-board", "/reports");
				walk.page("report-board", "/reports/" + round.published());
				walk.page("forbidden", "/rounds");

				Chromium.signIn(browser, "http://localhost:" + port, administrator);
				walk.page("admin", "/admin");
				walk.problems("admin-problems", "/admin", "name", "");
				walk.page("admin-questionnaires", "/admin/questionnaires");
			}
		}
		System.out.println("Pages walked: " + walked.size() + " (" + String.join(", ", walked) + ")");
		assertThat(found).as("axe-core, WCAG 2.2 AA, and pages wider than their window").isEmpty();
		assertThat(walked).hasSize(35 * 5);
	}

	/**
	 * The results page a round's one address shows to everyone who took part: waiting,
	 * shared and "nothing here", for an English and a Spanish round, at 320, 390 and 1280
	 * px. The page speaks the round's language whatever the browser's, so each is looked
	 * at with the browser set to the other language; the "nothing here" page speaks both,
	 * marked section by section, and names English as the page's own.
	 */
	@Test
	void theResultsPageReadsWellInEveryStateAtEverySize() {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("ResultsWalk");
		Map<String, String> waiting = new LinkedHashMap<>();
		Map<String, String> shared = new LinkedHashMap<>();
		Map<String, String> kiosk = new LinkedHashMap<>();
		for (String language : List.of("en", "es")) {
			UUID waits = answered(harbour, "Waiting " + language, language, 6, false);
			waiting.put(language, links.link(waits, harbour.id()).orElseThrow().path());
			UUID published = answered(harbour, "Shared " + language, language, 12, true);
			publication.publish(published, harbour.id(), harbour.name());
			publication.agree(published, harbour.id(), "Take turns to open the meeting.", List.of("fr-3"));
			shared.put(language, links.share(published, harbour.id(), true).path());
			// A kiosk of the round, now closed, offers them and shows them with its way
			// back.
			kiosk.put(language, "/join/kiosk/" + kiosks.path(published));
		}
		List<String> found = new ArrayList<>();
		List<String> walked = new ArrayList<>();
		for (int[] size : new int[][] { { 320, 640 }, { 390, 844 }, { 1280, 900 } }) {
			closeBrowser();
			browser = Chromium.start(size[0], size[1]);
			for (String language : List.of("en", "es")) {
				String other = language.equals("en") ? "es" : "en";
				Walk walk = new Walk("-" + language + "-" + size[0], other, found, walked);
				walk.page("results-waiting", waiting.get(language), language);
				walk.page("results-shared", shared.get(language), language);
				assertThat(browser.findElements(By.cssSelector("table.overview td"))).as("figures shown").isNotEmpty();
				// The kiosk's start page speaks the browser's language; the results it
				// shows speak the round's.
				walk.page("results-kiosk-start", kiosk.get(language), other);
				browser.findElement(By.id("kiosk-results")).click();
				// Whichever round's kiosk it is, it offers the last round published: the
				// Spanish one.
				walk.page("results-on-the-kiosk", browser.getCurrentUrl().replaceFirst("^https?://[^/]+", ""), "es");
				assertThat(browser.findElements(By.cssSelector(".leave a"))).as("the kiosk's way back").hasSize(1);
			}
			new Walk("-" + size[0], "es", found, walked).page("results-nothing-here", "/results/" + "A".repeat(43),
					"en");
			assertThat(browser.findElements(By.cssSelector("section[lang=es] h2"))).as("the Spanish words, marked")
				.hasSize(1);
		}
		assertThat(found).as("axe-core, WCAG 2.2 AA, and pages wider than their window").isEmpty();
		assertThat(walked).hasSize(27);
	}

	/** One language at one size: each page is looked at, and its name kept. */
	private final class Walk {

		private final String where;

		private final String lang;

		private final List<String> found;

		private final List<String> walked;

		Walk(String where, String lang, List<String> found, List<String> walked) {
			this.where = where;
			this.lang = lang;
			this.found = found;
			this.walked = walked;
		}

		void page(String name, String path) {
			page(name, path, lang);
		}

		/**
		 * A page that speaks {@code pageLanguage} whatever the browser asks for, as a
		 * round's results page speaks the round's language.
		 */
		void page(String name, String path, String pageLanguage) {
			browser.get(url(path, lang));
			look(name, pageLanguage);
		}

		/**
		 * The page's form sent with one field set to {@code value} and the browser's own
		 * checks off, so that the application's error summary is what shows.
		 */
		void problems(String name, String path, String field, String value) {
			browser.get(url(path, lang));
			WebElement input = browser.findElement(By.id(field));
			input.clear();
			if (!value.isEmpty()) {
				input.sendKeys(value);
			}
			browser.executeScript("arguments[0].form.noValidate = true", input);
			Chromium.clickAndWait(browser, input.findElement(By.xpath("./ancestor::form//button[@type='submit'][1]")));
			assertThat(browser.findElements(By.cssSelector(".error-summary, .problem"))).as(name + where).isNotEmpty();
			look(name, lang);
		}

		private void look(String name, String pageLanguage) {
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(name + where)
				.isEqualTo(pageLanguage);
			Chromium.look(browser, name + where, found);
			walked.add(name + where);
		}

	}

	/**
	 * From signing in to a closed round with Tab, Space and Enter only, as a steward
	 * without a mouse works.
	 */
	@Test
	void aStewardGoesFromSigningInToAClosedRoundWithTheKeyboardOnly() {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("KeysSteward");
		browser = Chromium.start(1280, 900);
		browser.get(url("/sign-in", "en"));
		WebElement email = Chromium.tabTo(browser, element -> "email".equals(element.getAttribute("id")));
		email.sendKeys(harbour.steward().email());
		WebElement password = Chromium.tabTo(browser, element -> "password".equals(element.getAttribute("id")));
		password.sendKeys(People.PASSWORD);
		Chromium.enterAndWait(browser, password);

		Chromium.enterAndWait(browser, Chromium.tabTo(browser,
				element -> element.getAttribute("href") != null && element.getAttribute("href").endsWith("/rounds")));
		WebElement name = Chromium.tabTo(browser, element -> "name".equals(element.getAttribute("id")));
		name.sendKeys("Typed without a mouse");
		Chromium.enterAndWait(browser, name);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Typed without a mouse");
		UUID id = UUID.fromString(browser.getCurrentUrl().replaceAll(".*/rounds/([^/?]+).*", "$1"));

		Chromium.enterAndWait(browser, Chromium.tabTo(browser, element -> "Open the round".equals(element.getText())));
		assertThat(rounds.round(id, harbour.id()).state()).isEqualTo(RoundState.OPEN);
		Chromium.enterAndWait(browser,
				Chromium.tabTo(browser, element -> "Close the round…".equals(element.getText())));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Close");
		Chromium.enterAndWait(browser,
				Chromium.tabTo(browser, element -> "Yes, close the round".equals(element.getText())));
		assertThat(rounds.round(id, harbour.id()).state()).isEqualTo(RoundState.CLOSED);
		assertThat(browser.getCurrentUrl()).endsWith("/rounds/" + id);
	}

}
