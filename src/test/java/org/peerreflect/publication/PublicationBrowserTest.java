package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerreflect.organization.AccountService;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.Pdfs;
import org.peerreflect.testing.People;
import org.peerreflect.testing.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The whole journey in a real browser: a steward creates a round and prints cards, three
 * people answer, the steward closes it, reads the written answers and takes a name out,
 * publishes; a board reader reads the report on screen (checked with axe-core) and
 * downloads the PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Slow
class PublicationBrowserTest {

	private static final int PEOPLE = 3;

	private static final List<String> TEXT_ITEMS = List.of("np-say", "na-say", "mf-say", "fr-say", "gt-say", "rs-say");

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void openBrowser() {
		browser = Chromium.start(1280, 900);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signInAs(People.Person person) {
		Chromium.signIn(browser, url(""), person);
	}

	private void click(String text) {
		Chromium.clickAndWait(browser,
				browser.findElement(By.xpath("//main//*[self::button or self::a][normalize-space()='" + text + "']")));
	}

	/**
	 * What person {@code n} writes to a text item: marked, so the test can tell whose
	 * words are whose.
	 */
	private static String words(int n, String item) {
		return (n == 1 && item.equals("np-say") ? "Marisol says " : "") + "Person" + n + " writes about " + item;
	}

	private void answerAs(int n, String code) {
		browser.get(url("/join"));
		browser.findElement(By.id("code")).sendKeys(code);
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
		while (browser.findElements(By.cssSelector("button[name=go][value=submit]")).isEmpty()) {
			// Three people, three different answers: the report has places to start
			// talking, and a chart of them.
			String answer = List.of("1", "3", "5").get((n - 1) % 3);
			for (WebElement option : browser.findElements(
					By.cssSelector("input[type=radio][value='" + answer + "'], input[type=radio][value='member']"))) {
				option.click();
			}
			for (WebElement box : browser.findElements(By.tagName("textarea"))) {
				box.sendKeys(words(n, box.getAttribute("id").substring(2)));
			}
			Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value=next]")));
		}
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value=submit]")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
	}

	private static void noViolations(String page) {
		Results results = new AxeBuilder().analyze(browser);
		List<String> found = new ArrayList<>();
		for (Rule violation : results.getViolations()) {
			found.add(violation.getId() + ": " + violation.getHelp() + " "
					+ violation.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
		}
		assertThat(found).as("axe-core on " + page).isEmpty();
	}

	private static void screenshot(String name) throws Exception {
		Path folder = Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void fromANewRoundToABoardReaderReadingThePublishedReport() throws Exception {
		People.Organization organization = new People(accounts, signIn, jdbc).organization("Journey");
		Path downloads = Chromium.downloads(browser);

		// The steward creates a round and prints its cards.
		signInAs(organization.steward());
		browser.get(url("/rounds"));
		browser.findElement(By.id("name")).sendKeys("Journey round");
		new Select(browser.findElement(By.id("language"))).selectByValue("en");
		WebElement k = browser.findElement(By.id("minGroupSize"));
		k.clear();
		k.sendKeys("3");
		click("Create the round");
		String roundPage = browser.getCurrentUrl();
		String roundId = roundPage.substring(roundPage.lastIndexOf('/') + 1);
		WebElement count = browser.findElement(By.id("count"));
		count.clear();
		count.sendKeys(String.valueOf(PEOPLE));
		browser.findElement(By.xpath("//button[normalize-space()='Make the cards (PDF)']")).click();
		Matcher found = Pattern.compile("[A-Z0-9]{5}-[A-Z0-9]{5}")
			.matcher(Pdfs.text(Chromium.downloaded(downloads, ".pdf")));
		List<String> codes = new ArrayList<>();
		while (found.find()) {
			codes.add(found.group());
		}
		assertThat(codes).hasSize(PEOPLE);
		browser.get(roundPage);
		click("Open the round");

		// Three people answer, each writing to every text item.
		for (int n = 1; n <= PEOPLE; n++) {
			answerAs(n, codes.get(n - 1));
		}

		// The steward closes the round and reads the written answers, one question at a
		// time.
		browser.get(roundPage);
		click("Close the round…");
		// Asked on a page of its own, which says what will happen.
		click("Yes, close the round");
		click("Read the written answers");
		noViolations("the review list");
		for (String item : TEXT_ITEMS) {
			browser.get(url("/rounds/" + roundId + "/review/" + item));
			String page = browser.getPageSource();
			for (int n = 1; n <= PEOPLE; n++) {
				// Never two answers of one person together: each person appears once,
				// with this item's words only.
				assertThat(occurrences(page, "Person" + n + " ")).as("person %d on %s", n, item).isEqualTo(1);
			}
			for (String other : TEXT_ITEMS) {
				if (!other.equals(item)) {
					assertThat(page).doesNotContain("about " + other);
				}
			}
		}
		browser.get(url("/rounds/" + roundId + "/review/np-say"));
		noViolations("a review page");
		screenshot("review-item");
		WebElement named = browser.findElements(By.tagName("textarea"))
			.stream()
			.filter(box -> box.getDomProperty("value").contains("Marisol"))
			.findFirst()
			.orElseThrow();
		named.clear();
		named.sendKeys("[removed] says Person1 writes about np-say");
		Chromium.clickAndWait(browser,
				named.findElement(By.xpath("./ancestor::form//button[normalize-space()='Save']")));
		assertThat(browser.getPageSource()).contains("Saved.").doesNotContain("Marisol");

		browser.get(roundPage);
		browser.findElement(By.id("reviewed")).click();
		// What the review still marks is looked at once more, and said so.
		browser.findElements(By.id("marked")).forEach(WebElement::click);
		click("Publish the report");
		assertThat(browser.getCurrentUrl()).endsWith("/reports/" + roundId);

		// A board reader reads it on screen, and downloads the PDF.
		signInAs(organization.board());
		browser.get(url("/reports"));
		noViolations("the list of reports");
		click("Journey round");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Journey round");
		List<WebElement> charts = browser.findElements(By.cssSelector("img.chart"));
		assertThat(charts).isNotEmpty().allSatisfy(chart -> {
			assertThat(chart.getAttribute("alt")).isNotBlank();
			assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", chart)).intValue())
				.isPositive();
		});
		assertThat(browser.getPageSource()).contains("Person2 writes about np-say").doesNotContain("Marisol");
		noViolations("the web report");
		screenshot("report-desktop");

		browser.findElement(By.xpath("//a[normalize-space()='Download the PDF']")).click();
		String text = Pdfs.text(Chromium.downloaded(downloads, "journey-round.pdf"));
		assertThat(text).contains("Journey round")
			.contains(organization.name())
			.contains("3 people")
			.contains("[removed] says Person1 writes about np-say")
			.contains("Person3 writes about rs-say")
			.doesNotContain("Marisol");
	}

	@Autowired
	org.peerreflect.round.RoundService rounds;

	@Autowired
	org.peerreflect.participation.ParticipationService participation;

	@Autowired
	Publication publication;

	/**
	 * Every round in view on screen: three published rounds, and the third's report shows
	 * a chart per statement with its table beside it, passing axe-core on a desktop and
	 * on a phone's width, where the table stacks under its chart.
	 */
	@Test
	void everyRoundInViewReadsOnADesktopAndAPhone() throws Exception {
		People.Organization organization = new People(accounts, signIn, jdbc).organization("Series");
		java.util.UUID last = null;
		for (int r = 0; r < 3; r++) {
			java.util.UUID round = rounds
				.create(organization.id(), "Series round " + (r + 1), "peer-support-principles", 1, "en", 3)
				.id();
			rounds.open(round, organization.id());
			int people = 6 + 3 * r;
			List<String> codes = participation.issueCodes(round, organization.id(), people,
					"More of us came than we thought");
			for (int n = 0; n < people; n++) {
				participation.submit(codes.get(n), org.peerreflect.round.Channel.ONLINE,
						new org.peerreflect.participation.Submission(
								n % 2 == 0 ? "member" : "staff", java.util.Map.of("np-1",
										String.valueOf(1 + (n + r) % 5), "fr-3", n % 3 == 0 ? "2" : "4"),
								java.util.Map.of()));
			}
			rounds.close(round, organization.id());
			publication.publish(round, organization.id(), organization.name());
			last = round;
		}
		signInAs(organization.board());
		browser.get(url("/reports/" + last));
		List<WebElement> charts = browser.findElements(By.cssSelector("#series svg.series-chart"));
		assertThat(charts).isNotEmpty().allSatisfy(chart -> assertThat(chart.getAttribute("aria-label")).isNotBlank());
		assertThat(browser.findElements(By.cssSelector("#series table.series-figures"))).hasSameSizeAs(charts);
		noViolations("every round in view");
		screenshot("series-desktop");
		// A phone: a browser of its own, as the window of a running one keeps its width.
		ChromeDriver phone = Chromium.start(390, 844);
		try {
			Chromium.signIn(phone, url(""), organization.board());
			phone.get(url("/reports/" + last));
			List<String> found = new ArrayList<>();
			Chromium.look(phone, "series-phone", found);
			assertThat(found).as("every round in view on a phone").isEmpty();
			WebElement chart = phone.findElement(By.cssSelector("#series svg.series-chart"));
			WebElement table = phone.findElement(By.cssSelector("#series table.series-figures"));
			// Stacked: the table starts under its chart, not beside it.
			assertThat(table.getLocation().getY())
				.isGreaterThanOrEqualTo(chart.getLocation().getY() + chart.getSize().getHeight());
			assertThat(chart.getSize().getWidth()).isLessThanOrEqualTo(390);
		}
		finally {
			phone.quit();
		}
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
