package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.People;
import org.peerreflect.testing.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * In a real browser: the kiosk, a submission racing the close, and a paper file refused
 * whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Slow
class RoundBrowserTest {

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	RoundKeys keys;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void openBrowser() {
		browser = Chromium.start();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	record Open(People.Person steward, UUID organization, UUID round, List<String> codes) {
	}

	private Open openRound(String name) {
		People.Organization organization = new People(accounts, signIn, jdbc).organization(name);
		UUID id = organization.steward().principal().organizationId();
		RoundView round = rounds.create(id, name, "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), id, 4, "More of us came than we thought");
		rounds.open(round.id(), id);
		return new Open(organization.steward(), id, round.id(), codes);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signInAs(People.Person person) {
		Chromium.signIn(browser, url(""), person);
	}

	private void answer(String code, String words) {
		browser.findElement(By.id("code")).sendKeys(code);
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
		browser.findElement(By.id("w-np-say")).sendKeys(words);
		for (int page = 0; page < 7; page++) {
			Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value=next]")));
		}
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your answers");
	}

	private int stored(UUID round) {
		return jdbc.queryForObject("select count(*) from sealed_response where round_id = ?", Integer.class, round);
	}

	@Test
	void aKioskServesTwoPeopleInARowAndTheSecondSeesNothingOfTheFirst() {
		Open open = openRound("KioskTable");
		signInAs(open.steward());
		browser.get(url("/rounds/" + open.round()));
		Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Make this device a kiosk']")));
		assertThat(browser.getCurrentUrl()).contains("/join/kiosk/");
		String home = browser.getCurrentUrl();

		answer(open.codes().get(0), "Words of the first person at the table");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value=submit]")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
		assertThat(browser.getPageSource()).doesNotContain("Words of the first person");

		// The back button, then sending the form again: nothing of the first person comes
		// back.
		browser.navigate().back();
		assertThat(browser.getPageSource()).doesNotContain("Words of the first person");
		browser.navigate().refresh();
		assertThat(browser.getPageSource()).doesNotContain("Words of the first person");

		browser.get(home);
		answer(open.codes().get(1), "The second person");
		assertThat(browser.getPageSource()).doesNotContain("Words of the first person");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value=submit]")));
		assertThat(stored(open.round())).isEqualTo(2);
		assertThat(SealedRows.opened(jdbc, keys, open.round())).extracting(SealedForm.Opened::channel)
			.containsOnly(Channel.KIOSK);
		// The steward was signed out of the device.
		browser.get(url("/rounds"));
		assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
	}

	@Test
	void aSubmissionRacingTheCloseLandsBeforeTheRewriteOrStoresNothing() throws Exception {
		Open open = openRound("Race");
		browser.manage().deleteAllCookies();
		browser.get(url("/join"));
		answer(open.codes().get(0), "Sent at the last moment");
		CompletableFuture<Void> closing = CompletableFuture
			.runAsync(() -> rounds.close(open.round(), open.organization()));
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value=submit]")));
		closing.get();
		String heading = browser.findElement(By.tagName("h1")).getText();
		if (heading.equals("Thank you")) {
			assertThat(stored(open.round())).isOne();
		}
		else {
			assertThat(browser.getPageSource()).contains("This code cannot be used any more")
				.doesNotContain("Sent at the last moment");
			assertThat(stored(open.round())).isZero();
		}
		assertThat(jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class,
				open.round()))
			.isZero();
	}

	@Test
	void aPaperFileWithABadRowIsRefusedWholeWithTheRowNamed() throws Exception {
		Open open = openRound("Paper");
		Path csv = Files.createTempFile("paper", ".csv");
		Files.writeString(csv, "code,np-1\n" + open.codes().get(0) + ",4\n" + open.codes().get(1) + ",9\n");
		signInAs(open.steward());
		browser.get(url("/rounds/" + open.round()));
		browser.findElement(By.id("paper-file")).sendKeys(csv.toString());
		Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Check and store']")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nothing was stored")
			.contains("Row 3, column B (np-1)")
			.doesNotContain("--encoding");
		assertThat(stored(open.round())).isZero();
	}

}
