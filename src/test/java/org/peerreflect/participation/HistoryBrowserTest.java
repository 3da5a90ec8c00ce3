package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.MutableClock;
import org.peerreflect.testing.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invariant 11 against the browser's own history, in real Chromium, on a kiosk and on a
 * phone, with the pages' scripts on and off: Back shows the previous page with its
 * answers while a person answers, and after each way out (Send, "Stop and clear", the
 * kiosk clearing itself, "Leave this page", 20 minutes without a page) no Back, Forward
 * or reload shows anything that person wrote, the browser never asks to send a form
 * again, and no page offers a way to go on with their code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "peer-reflect.kiosk.idle=8s", "peer-reflect.kiosk.warning=4s", "peer-reflect.leave-url=/" })
@Import(MutableClock.Configuration.class)
@Slow
class HistoryBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	Kiosks kiosks;

	@Autowired
	Journeys journeys;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	private ChromeDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	private record Round(UUID id, List<String> codes) {
	}

	private Round openRound() {
		AccountService.Invitation steward = accounts.createOrganization("History " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Back and forth", "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 3, "More of us came than we thought");
		rounds.open(round.id(), organization);
		return new Round(round.id(), codes);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private String kioskHome(Round round) {
		return url("/join/kiosk/" + kiosks.path(round.id()) + "?lang=en");
	}

	private int stored(Round round) {
		return jdbc.queryForObject("select count(*) from sealed_response where round_id = ?", Integer.class,
				round.id());
	}

	/** Whether the pages' scripts run in this test's browser. */
	private boolean scripts = true;

	private ChromeDriver start(int width, int height, boolean withScripts) {
		scripts = withScripts;
		return Chromium.start(width, height, withScripts);
	}

	/**
	 * Clicks and waits for the next document. With the pages' scripts off, the phone's
	 * emulated tap does not reach a button here, so the keyboard presses it, and the old
	 * document going stale is what is waited for.
	 */
	private void clickAndWait(WebElement element) {
		if (scripts) {
			Chromium.clickAndWait(browser, element);
			return;
		}
		WebElement before = browser.findElement(By.tagName("html"));
		element.sendKeys(org.openqa.selenium.Keys.ENTER);
		// A node of the old document, asked about, is stale or "does not belong to the
		// document" any more, depending on the moment: either means the new one is there.
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
			try {
				before.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
		new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(driver -> !driver.findElements(By.tagName("main")).isEmpty());
	}

	/** On through the pages to the review. */
	private void toTheReview() {
		while (browser.findElements(By.cssSelector("button[name=go][value=submit]")).isEmpty()) {
			press("next");
		}
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your answers");
	}

	private void press(String go) {
		clickAndWait(browser.findElement(By.cssSelector("button[name=go][value='" + go + "']")));
	}

	private void begin(String code) {
		browser.findElement(By.id("code")).sendKeys(code);
		clickAndWait(browser.findElement(By.cssSelector("main button[type=submit]")));
		assertThat(main()).as("at %s", browser.getCurrentUrl()).contains("Page 1 of 7");
	}

	private String main() {
		return browser.findElement(By.tagName("main")).getText();
	}

	/**
	 * Answers two pages with the person's own words, and checks that the browser's Back
	 * and Forward show them again, drawn from what the server holds.
	 */
	private void answerTwoPagesAndGoBackAndForth(String words) {
		WebElement choice = browser.findElement(By.cssSelector("input[name='a.np-1'][value='5']"));
		if (scripts) {
			choice.click();
		}
		else {
			choice.sendKeys(org.openqa.selenium.Keys.SPACE);
		}
		browser.findElement(By.id("w-np-say")).sendKeys(words);
		press("next");
		browser.findElement(By.id("w-na-say")).sendKeys(words + " again");
		press("next");
		assertThat(main()).contains("Page 3 of 7");
		browser.navigate().back();
		assertThat(main()).contains("Page 2 of 7");
		assertThat(browser.findElement(By.id("w-na-say")).getAttribute("value")).isEqualTo(words + " again");
		browser.navigate().back();
		assertThat(main()).contains("Page 1 of 7");
		assertThat(browser.findElement(By.id("w-np-say")).getAttribute("value")).isEqualTo(words);
		assertThat(browser.findElement(By.cssSelector("input[name='a.np-1'][value='5']")).isSelected()).isTrue();
		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("w-np-say")).getAttribute("value")).isEqualTo(words);
		browser.navigate().forward();
		browser.navigate().forward();
		assertThat(main()).contains("Page 3 of 7");
		looksLikeAPage();
	}

	/** The journey the page in the window belongs to, from its address. */
	private String journey() {
		String address = browser.getCurrentUrl();
		return address.replaceAll(".*[?&]j=([^&#]+).*", "$1");
	}

	/** Never the browser's own page that asks to send a form again. */
	private void looksLikeAPage() {
		assertThat(browser.getTitle()).doesNotContainIgnoringCase("resubmission");
		assertThat(browser.getPageSource()).doesNotContain("ERR_CACHE_MISS");
	}

	/**
	 * Back, Forward and reload, as far as the history goes: nothing the person wrote, and
	 * no page that goes on with their answers.
	 */
	private List<String> nothingComesBack(String words) {
		List<String> seen = new ArrayList<>();
		for (int step = 0; step < 4; step++) {
			browser.navigate().back();
			nothingOf(words, seen);
		}
		browser.navigate().refresh();
		nothingOf(words, seen);
		for (int step = 0; step < 4; step++) {
			browser.navigate().forward();
			nothingOf(words, seen);
		}
		return seen;
	}

	private void nothingOf(String words, List<String> seen) {
		looksLikeAPage();
		String source = browser.getPageSource();
		assertThat(source).as("at %s", browser.getCurrentUrl()).doesNotContain(words);
		assertThat(browser.findElements(By.cssSelector("button[name=go]")))
			.as("a way to go on with the answers, at %s", browser.getCurrentUrl())
			.isEmpty();
		seen.add(
				browser.getCurrentUrl().replace(url(""), "") + " | " + (browser.findElements(By.tagName("h1")).isEmpty()
						? "" : browser.findElement(By.tagName("h1")).getText()));
	}

	/** The code was never used: it begins again, with nothing of before on its pages. */
	private void theCodeStillWorksWithNothingOfBefore(String start, String code, String words) {
		browser.get(start);
		begin(code);
		assertThat(browser.getPageSource()).doesNotContain(words).doesNotContain("checked");
	}

	@ParameterizedTest(name = "scripts {0}")
	@ValueSource(booleans = { true, false })
	void onAKioskStopAndClearLeavesNothingForTheNextPerson(boolean scripts) {
		Round round = openRound();
		browser = start(820, 1180, scripts);
		String words = "Stopped-" + UUID.randomUUID();
		browser.get(kioskHome(round));
		begin(round.codes().get(0));
		answerTwoPagesAndGoBackAndForth(words);
		String journey = journey();
		assertThat(journeys.holds(journey)).isTrue();
		clickAndWait(browser.findElement(By.linkText("Stop and clear my answers")));
		assertThat(main()).contains("cleared, as you asked").contains("Nothing was sent");
		assertThat(journeys.holds(journey)).isFalse();
		List<String> seen = nothingComesBack(words);
		assertThat(seen).as("pages from before the reset say the screen was cleared")
			.anySatisfy(page -> assertThat(page).contains("This page is no longer here"));
		assertThat(browser.getPageSource()).doesNotContain(words);
		System.out.println("Kiosk, stop and clear (scripts " + scripts + "): " + seen);
		theCodeStillWorksWithNothingOfBefore(kioskHome(round), round.codes().get(0), words);
		assertThat(stored(round)).isZero();
	}

	@ParameterizedTest(name = "scripts {0}")
	@ValueSource(booleans = { true, false })
	void onAKioskSendLeavesNothingForTheNextPerson(boolean scripts) {
		Round round = openRound();
		browser = start(820, 1180, scripts);
		String words = "Sent-" + UUID.randomUUID();
		browser.get(kioskHome(round));
		begin(round.codes().get(0));
		answerTwoPagesAndGoBackAndForth(words);
		toTheReview();
		assertThat(main()).contains(words);
		String journey = journey();
		press("submit");
		assertThat(main()).contains("Thank you");
		assertThat(stored(round)).isOne();
		assertThat(journeys.holds(journey)).isFalse();
		List<String> seen = nothingComesBack(words);
		System.out.println("Kiosk, send (scripts " + scripts + "): " + seen);
		assertThat(stored(round)).isOne();
		assertThat(participation.roundOf(round.codes().get(0))).isEmpty();
	}

	@Test
	void onAKioskThatClearedItselfNothingComesBack() {
		Round round = openRound();
		browser = start(820, 1180, true);
		String words = "Walked-away-" + UUID.randomUUID();
		browser.get(kioskHome(round));
		begin(round.codes().get(0));
		answerTwoPagesAndGoBackAndForth(words);
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("reset=idle"));
		assertThat(main()).contains("went back to the start");
		List<String> seen = nothingComesBack(words);
		assertThat(seen).anySatisfy(page -> assertThat(page).contains("This page is no longer here"));
		System.out.println("Kiosk, cleared itself: " + seen);
		theCodeStillWorksWithNothingOfBefore(kioskHome(round), round.codes().get(0), words);
	}

	@ParameterizedTest(name = "scripts {0}")
	@ValueSource(booleans = { true, false })
	void onAPhoneLeaveThisPageLeavesNothingBehind(boolean scripts) {
		Round round = openRound();
		browser = start(390, 844, scripts);
		String words = "Left-" + UUID.randomUUID();
		browser.get(url("/join?lang=en"));
		begin(round.codes().get(0));
		answerTwoPagesAndGoBackAndForth(words);
		String journey = journey();
		clickAndWait(browser.findElement(By.linkText("Leave this page")));
		assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
		assertThat(journeys.holds(journey)).isFalse();
		List<String> seen = nothingComesBack(words);
		System.out.println("Phone, leave (scripts " + scripts + "): " + seen);
		if (scripts) {
			assertThat(seen).as("the page that was left is not in the history any more")
				.noneMatch(page -> page.startsWith("/join/page/3"));
		}
		theCodeStillWorksWithNothingOfBefore(url("/join?lang=en"), round.codes().get(0), words);
	}

	@ParameterizedTest(name = "scripts {0}")
	@ValueSource(booleans = { true, false })
	void onAPhoneSendLeavesNothingBehind(boolean scripts) {
		Round round = openRound();
		browser = start(390, 844, scripts);
		String words = "Phone-sent-" + UUID.randomUUID();
		browser.get(url("/join?lang=en"));
		begin(round.codes().get(0));
		answerTwoPagesAndGoBackAndForth(words);
		toTheReview();
		press("submit");
		assertThat(main()).contains("Thank you");
		List<String> seen = nothingComesBack(words);
		System.out.println("Phone, send (scripts " + scripts + "): " + seen);
		assertThat(stored(round)).isOne();
	}

	@Test
	void onAPhoneTwentyMinutesWithoutAPageLeaveNothingBehind() {
		Round round = openRound();
		browser = start(390, 844, true);
		String words = "Slow-" + UUID.randomUUID();
		browser.get(url("/join?lang=en"));
		begin(round.codes().get(0));
		answerTwoPagesAndGoBackAndForth(words);
		clock.advance(Journeys.IDLE.plusMinutes(1));
		press("next");
		assertThat(main()).contains("More than 20 minutes passed").contains("still works").doesNotContain(words);
		List<String> seen = nothingComesBack(words);
		System.out.println("Phone, 20 minutes: " + seen);
		theCodeStillWorksWithNothingOfBefore(url("/join?lang=en"), round.codes().get(0), words);
	}

}
