package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page a member can reach, in real Chromium on a phone, a desktop and at 320 px, in
 * English and Spanish, checked by axe-core against WCAG 2.2 AA; and a shared kiosk with
 * its script, on a short clock: it never clears while someone is still typing, asks
 * first, and says what happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "peer-reflect.kiosk.idle=8s", "peer-reflect.kiosk.warning=4s",
				"peer-reflect.leave-url=https://leave.example/" })
@Slow
class ParticipantPagesBrowserTest {

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
	JdbcTemplate jdbc;

	private ChromeDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private record Round(UUID id, List<String> codes) {
	}

	private Round openRound(String language, int codes) {
		AccountService.Invitation steward = accounts.createOrganization("Pages " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Winter", "peer-support-principles", 1, language, 5);
		List<String> issued = participation.issueCodes(round.id(), organization, codes,
				"More of us came than we thought");
		rounds.open(round.id(), organization);
		return new Round(round.id(), issued);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void press(String go) {
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value='" + go + "']")));
	}

	private String main() {
		return browser.findElement(By.tagName("main")).getText();
	}

	private long height() {
		return (Long) browser.executeScript("return document.documentElement.scrollHeight");
	}

	@Test
	void everyPageAMemberCanReachMeetsWcag22AaOnAPhoneAndADesktopInBothLanguages() {
		Round round = openRound("en", 8);
		Round kiosk = openRound("en", 6);
		List<String> found = new ArrayList<>();
		Map<String, Long> tallest = new java.util.TreeMap<>();
		int code = 0;
		int kioskCode = 0;
		// 320 px: a 1280 px screen zoomed to 400 %, as in the walk of every other page.
		for (int[] size : new int[][] { { 390, 844 }, { 1280, 900 }, { 320, 640 } }) {
			closeBrowser();
			browser = Chromium.start(size[0], size[1]);
			for (String lang : size[0] == 320 ? List.of("en") : List.of("en", "es")) {
				String where = lang + "-" + size[0];
				browser.get(url("/join?lang=" + lang + "&reset=history"));
				Chromium.look(browser, "member-start-" + where, found);
				browser.findElement(By.id("code")).sendKeys(round.codes().get(code++));
				Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
				for (int page = 1; page <= 7; page++) {
					Chromium.look(browser, "member-page-" + page + "-" + where, found);
					tallest.merge("page " + page + " (" + lang + ", " + size[0] + " px)", height(), Math::max);
					press("next");
				}
				Chromium.look(browser, "member-review-" + where, found);
				tallest.merge("review (" + lang + ", " + size[0] + " px)", height(), Math::max);
				press("about");
				Chromium.look(browser, "member-about-answering-" + where, found);
				Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main a.button")));
				Chromium.look(browser, "member-review-again-" + where, found);
				press("submit");
				assertThat(browser.getCurrentUrl()).contains("/join/thanks");
				Chromium.look(browser, "member-thanks-" + where, found);
				browser.navigate().back();
				Chromium.look(browser, "member-gone-" + where, found);
				browser.get(url("/join/about?lang=" + lang));
				Chromium.look(browser, "member-about-" + where, found);

				browser.get(url("/join/kiosk/" + kiosks.path(kiosk.id()) + "?lang=" + lang));
				Chromium.look(browser, "kiosk-start-" + where, found);
				browser.findElement(By.id("code")).sendKeys(kiosk.codes().get(kioskCode++));
				Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
				new WebDriverWait(browser, Duration.ofSeconds(10))
					.until(ExpectedConditions.visibilityOfElementLocated(By.id("kiosk-warning")));
				Chromium.look(browser, "kiosk-asking-" + where, found);
				new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("reset=idle"));
				Chromium.look(browser, "kiosk-cleared-" + where, found);
				browser.navigate().back();
				Chromium.look(browser, "kiosk-screen-cleared-" + where, found);
			}
		}
		tallest.forEach((page, height) -> System.out.println("height of " + page + ": " + height + " px"));
		assertThat(found).as("axe-core, WCAG 2.2 AA").isEmpty();
		assertThat(code).isEqualTo(5);
	}

	@Test
	void aKioskNeverClearsWhileSomeoneWritesAsksFirstAndSaysWhatHappened() throws Exception {
		Round round = openRound("en", 3);
		browser = Chromium.start(390, 844);
		String home = url("/join/kiosk/" + kiosks.path(round.id()) + "?lang=en");
		browser.get(home);
		browser.findElement(By.id("code")).sendKeys(round.codes().get(0));
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
		WebElement box = browser.findElement(By.tagName("textarea"));
		// Writing slowly for longer than the kiosk's quiet time: one letter a second for
		// 12 s.
		for (char letter : "We cook together".substring(0, 12).toCharArray()) {
			box.sendKeys(String.valueOf(letter));
			Thread.sleep(1000);
		}
		assertThat(browser.getCurrentUrl()).doesNotContain("reset");
		assertThat(browser.findElement(By.tagName("textarea")).getAttribute("value")).isEqualTo("We cook toge");
		assertThat(browser.findElement(By.id("kiosk-warning")).isDisplayed()).isFalse();

		// Quiet: first the question, then "I'm still here" keeps everything.
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("kiosk-warning")));
		assertThat(browser.findElement(By.id("kiosk-warning")).getText()).contains("Are you still there?");
		assertThat(browser.switchTo().activeElement().getText()).isEqualTo("I'm still here");
		browser.findElement(By.id("kiosk-stay")).click();
		assertThat(browser.findElement(By.id("kiosk-warning")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.tagName("textarea")).getAttribute("value")).isEqualTo("We cook toge");

		// Quiet again, with nobody to answer: the start page says what happened, and the
		// code still works.
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("reset=idle"));
		assertThat(main()).contains("went back to the start")
			.contains("Nothing was sent")
			.contains("the code on your card still works")
			.doesNotContain("We cook");
		browser.findElement(By.id("code")).sendKeys(round.codes().get(0));
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
		assertThat(main()).contains("Page 1 of 7");

		// "Stop and clear my answers" is always there on a kiosk's page of answers.
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("Stop and clear my answers")));
		assertThat(main()).contains("cleared, as you asked").contains("Nothing was sent");

		// "What we keep about you" and back: still the kiosk, still counting answers as
		// the kiosk's.
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("What we keep about you")));
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("Back to the start")));
		assertThat(browser.getCurrentUrl()).contains("/join/kiosk/");
		browser.findElement(By.id("code")).sendKeys(round.codes().get(1));
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
		for (int page = 1; page <= 7; page++) {
			press("next");
		}
		press("submit");
		assertThat(main()).contains("Thank you");
		assertThat(SealedRows.submissions(jdbc, round.id())).isOne();
		// The thank-you page gives way to the next person by itself.
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/join/kiosk/"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Take part");
	}

}
