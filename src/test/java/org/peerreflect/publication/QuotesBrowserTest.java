package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Choosing the words beside a statement on a phone and a desktop, by a form that needs no
 * script: a box is ticked by its label, one button saves, and the chosen answer then
 * stands at the top, ticked. The pages pass axe-core at WCAG 2.2 AA and fit the screen.
 * Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Slow
class QuotesBrowserTest {

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

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void theStewardTicksAnAnswerAndSaves() {
		List<String> found = new ArrayList<>();
		for (int width : List.of(390, 1280)) {
			People.Organization circle = new People(accounts, signIn, jdbc).organization("Quotes " + width);
			UUID organization = circle.id();
			UUID round = rounds.create(organization, "Spring " + width, "peer-support-principles", 1, "en", 3).id();
			rounds.open(round, organization);
			List<String> codes = participation.issueCodes(round, organization, 6, "More of us came than we thought");
			for (int n = 1; n <= 6; n++) {
				Map<String, String> written = new LinkedHashMap<>();
				written.put("fr-say", "When one of us moves house, " + n
						+ " of us turn up with boxes and soup, and nobody keeps count of who helped whom last time.");
				written.put("np-say", "We laugh a lot, answer " + n);
				participation.submit(codes.get(n - 1), Channel.ONLINE, new Submission(n % 2 == 0 ? "staff" : "member",
						Map.of("fr-3", n % 2 == 0 ? "2" : "5"), written));
			}
			rounds.close(round, organization);

			ChromeDriver browser = Chromium.start(width, 844);
			try {
				Chromium.signIn(browser, url(""), circle.steward());
				browser.get(url("/rounds/" + round + "/quotes"));
				Chromium.look(browser, "steward-quotes-" + width, found);
				browser.findElement(By.linkText("Choose words")).click();
				assertThat(browser.findElement(By.tagName("h1")).getText())
					.isEqualTo("In our community, staff and members truly take on the same roles.");
				assertThat(browser.findElements(By.tagName("script"))).isEmpty();
				browser.findElement(By.cssSelector("label[for='answer-1']")).click();
				Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Save the choice']")));
				assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Saved.");
				assertThat(browser.findElement(By.id("chosen-1")).isSelected()).isTrue();
				Chromium.look(browser, "steward-quotes-statement-" + width, found);
			}
			finally {
				browser.quit();
			}
		}
		assertThat(found).isEmpty();
	}

}
