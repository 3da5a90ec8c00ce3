package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.peerreflect.testing.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * In a real browser, on a phone (390 px) and a desktop (1280 px): a paper upload's result
 * takes the focus at the top of the round's page; the pages that ask before removing an
 * answer or an agreement, and the one that corrects an agreement, pass axe-core at WCAG
 * 2.2 AA and fit the screen. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Slow
class StewardPagesBrowserTest {

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

	@Autowired
	Publication publication;

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void theStewardsPagesReadWellAndThePaperResultTakesTheFocus() throws Exception {
		List<String> found = new ArrayList<>();
		for (int width : List.of(390, 1280)) {
			People.Organization circle = new People(accounts, signIn, jdbc).organization("Screens " + width);
			UUID organization = circle.id();
			UUID open = rounds.create(organization, "Paper " + width, "peer-support-principles", 1, "en", 3).id();
			rounds.open(open, organization);
			List<String> codes = participation.issueCodes(open, organization, 3, "More of us came than we thought");
			UUID closed = rounds.create(organization, "Review " + width, "peer-support-principles", 1, "en", 3).id();
			rounds.open(closed, organization);
			List<String> more = participation.issueCodes(closed, organization, 4, "More of us came than we thought");
			for (int n = 0; n < 4; n++) {
				participation.submit(more.get(n), Channel.ONLINE,
						new Submission(null, Map.of(), Map.of("np-say", "Person " + n + " wrote about the garden")));
			}
			rounds.close(closed, organization);
			UUID published = rounds.create(organization, "Agreed " + width, "peer-support-principles", 1, "en", 3).id();
			rounds.open(published, organization);
			for (String code : participation.issueCodes(published, organization, 3,
					"More of us came than we thought")) {
				participation.submit(code, Channel.ONLINE, new Submission("member", Map.of("np-1", "4"), Map.of()));
			}
			rounds.close(published, organization);
			publication.publish(published, organization, "Screens");
			publication.agree(published, organization, "Start each meeting on time.", List.of("np-1"));
			UUID agreement = publication.agreements(published, organization).get(0).id();

			ChromeDriver browser = Chromium.start(width, 844);
			try {
				Chromium.signIn(browser, url(""), circle.steward());
				browser.get(url("/rounds/" + open));
				Chromium.look(browser, "steward-round-open-" + width, found);
				Path bad = Files.createTempFile("paper", ".csv");
				Files.writeString(bad, "code,np-1\n" + codes.get(0) + ",Mostly\n");
				browser.findElement(By.id("paper-file")).sendKeys(bad.toString());
				Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Check and store']")));
				assertThat(browser.getCurrentUrl()).endsWith("#paper-result");
				assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("paper-result");
				// In view without scrolling: the first thing seen and read.
				Number top = (Number) browser
					.executeScript("return document.getElementById('paper-result').getBoundingClientRect().top");
				assertThat(top.doubleValue()).isBetween(-1.0, 600.0);
				Chromium.look(browser, "steward-paper-refused-" + width, found);

				Path good = Files.createTempFile("paper", ".csv");
				Files.writeString(good, "code,np-1,np-2\n" + codes.get(0) + ",Mostly true,not sure\n");
				browser.findElement(By.id("paper-file")).sendKeys(good.toString());
				Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Check and store']")));
				assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("paper-result");
				assertThat(browser.findElement(By.id("paper-result")).getText()).contains("1 paper form was stored");

				String answer = jdbc.queryForObject(
						"select id from written_answer where round_id = ? order by id limit 1", String.class, closed);
				browser.get(url("/rounds/" + closed + "/review/np-say/" + answer + "/remove"));
				assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Remove all of this answer?");
				Chromium.look(browser, "steward-review-remove-" + width, found);

				browser.get(url("/rounds/" + published + "/agreements"));
				Chromium.look(browser, "steward-agreements-" + width, found);
				browser.get(url("/rounds/" + published + "/agreements/" + agreement + "/edit"));
				Chromium.look(browser, "steward-agreement-edit-" + width, found);
				browser.get(url("/rounds/" + published + "/agreements/" + agreement + "/remove"));
				Chromium.look(browser, "steward-agreement-remove-" + width, found);
			}
			finally {
				browser.quit();
			}
		}
		assertThat(found).isEmpty();
	}

}
