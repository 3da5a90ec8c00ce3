package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The pages that keeping the promise changed, in a real browser, on a phone and a desktop, in
 * English and Spanish: an open round's page (no exact count), a closed one's, a page of written
 * answers to review, a question page and "What we keep about you". axe-core finds no WCAG 2.2 AA
 * violation on any of them; screenshots go to target/screenshots to be looked at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChangedPagesBrowserTest {

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

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

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void theChangedPagesReadWellOnAPhoneAndADesktopInBothLanguages() throws Exception {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Changed");
		UUID open = rounds.create(harbour.id(), "Spring", "peer-support-principles", 1, "en", 5).id();
		rounds.open(open, harbour.id());
		List<String> openCodes = participation.issueCodes(open, harbour.id(), 40);
		for (int n = 0; n < 12; n++) {
			participation.submit(openCodes.get(n), n % 2 == 0 ? Channel.ONLINE : Channel.KIOSK,
					new Submission("member", Map.of("np-1", "4"), Map.of()));
		}
		UUID closed = rounds.create(harbour.id(), "Autumn", "peer-support-principles", 1, "en", 5).id();
		rounds.open(closed, harbour.id());
		List<String> closedCodes = participation.issueCodes(closed, harbour.id(), 30);
		for (int n = 0; n < 30; n++) {
			participation.submit(closedCodes.get(n), n < 20 ? Channel.PAPER : Channel.ONLINE, new Submission("member",
					Map.of("np-1", String.valueOf(1 + n % 5)), Map.of("np-say", "We laughed a lot, said person " + n)));
		}
		rounds.close(closed, harbour.id());

		List<String> found = new ArrayList<>();
		for (int[] size : new int[][] { { 390, 844 }, { 1280, 900 } }) {
			closeBrowser();
			browser = Chromium.start(size[0], size[1]);
			for (String lang : List.of("en", "es")) {
				String where = lang + "-" + size[0];
				browser.manage().deleteAllCookies();
				// A member: a question page and what we keep.
				browser.get(url("/join?lang=" + lang));
				browser.findElement(By.id("code")).sendKeys(openCodes.get(20 + (size[0] == 390 ? 0 : 2) + (lang.equals("en") ? 0 : 1)));
				Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
				Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value=next]")));
				check("join-page-2-" + where, found);
				browser.get(url("/join/about?lang=" + lang));
				check("join-about-" + where, found);
				// A steward: the round pages and a page of written answers.
				Chromium.signIn(browser, url(""), harbour.steward());
				browser.get(url("/rounds/" + open + "?lang=" + lang));
				check("round-open-" + where, found);
				browser.get(url("/rounds?lang=" + lang));
				check("round-list-" + where, found);
				browser.get(url("/rounds/" + open + "/close"));
				check("round-close-asked-" + where, found);
				browser.get(url("/rounds/" + closed));
				check("round-closed-" + where, found);
				browser.get(url("/rounds/" + closed + "/review/np-say"));
				check("review-item-" + where, found);
			}
		}
		assertThat(found).as("axe-core, WCAG 2.2 AA").isEmpty();
		Long width = (Long) browser.executeScript("return window.innerWidth");
		assertThat(width).as("the last pages were seen at a desktop's width").isEqualTo(1280L);
	}

	private static void check(String page, List<String> found) {
		Chromium.look(browser, page, found);
	}

}
