package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peerreflect.organization.AccountService;
import org.peerreflect.printed.CodeCards;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a phone-sized screen, in Spanish: a participant reads the code off a generated card
 * and answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Slow
class JoinBrowserTest {

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	RoundKeys keys;

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void openBrowser() {
		browser = Chromium.start(390, 844);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private void click(By by) {
		WebElement element = browser.findElement(by);
		element.click();
	}

	private void submitWith(String go) {
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("button[name=go][value='" + go + "']")));
	}

	private void screenshot(String name) throws Exception {
		Path folder = Path.of("target", "screenshots");
		Files.createDirectories(folder);
		Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aParticipantAnswersOnAPhoneInSpanishWithTheCodeFromACard() throws Exception {
		AccountService.Invitation steward = accounts.createOrganization("Teléfono " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Primavera", "peer-support-principles", 1, "es", 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 8, "More of us came than we thought");
		rounds.open(round.id(), organization);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		CodeCards.write(codes.stream().map(ParticipationCodes::printed).toList(), "Primavera", "http://localhost/join",
				"es", pdf);
		String cardText = new PdfTextExtractor(new PdfReader(pdf.toByteArray())).getTextFromPage(1);
		Matcher onCard = Pattern.compile("[A-Z0-9]{5}-[A-Z0-9]{5}").matcher(cardText);
		assertThat(onCard.find()).isTrue();

		browser.get("http://localhost:" + port + "/join?lang=es");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Participar");
		browser.findElement(By.id("code")).sendKeys(onCard.group());
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector(".progress")).getText()).isEqualTo("Página 1 de 7");
		click(By.cssSelector("input[name='a.np-1'][value='5']"));
		click(By.cssSelector("input[name='a.np-2'][value='not-sure']"));
		browser.findElement(By.id("w-np-say")).sendKeys("Nos reímos mucho juntos.");
		screenshot("join-page-es");
		for (int page = 1; page < 7; page++) {
			submitWith("next");
		}
		click(By.cssSelector("input[name='perspective'][value='volunteer']"));
		submitWith("next");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tus respuestas");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Muy cierto en nuestro caso")
			.contains("Nos reímos mucho juntos.")
			.contains("Persona voluntaria");
		screenshot("join-review-es");
		submitWith("submit");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Gracias");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Nos reímos");
		assertThat(browser.manage().getCookies())
			.noneMatch(c -> c.getName().equals("JSESSIONID") || c.getName().equals("SESSION"));
		assertThat(jdbc.queryForObject("select count(*) from sealed_response where round_id = ?", Integer.class,
				round.id()))
			.isOne();
		Long viewport = (Long) browser.executeScript("return window.innerWidth");
		Long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
		assertThat(viewport).isEqualTo(390L);
		assertThat(scrollWidth).as("nothing wider than the phone").isLessThanOrEqualTo(viewport);
	}

	/** Enter in a field moves on to the next page, on every page, never back. */
	@Test
	void enterMovesForward() throws Exception {
		AccountService.Invitation steward = accounts.createOrganization("Enter " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Spring", "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 1, "More of us came than we thought");
		rounds.open(round.id(), organization);
		browser.get("http://localhost:" + port + "/join?lang=en");
		browser.findElement(By.id("code")).sendKeys(codes.get(0));
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
		for (int page = 1; page < 7; page++) {
			assertThat(browser.findElement(By.cssSelector(".progress")).getText()).isEqualTo("Page " + page + " of 7");
			if (page == 2) {
				screenshot("join-page-2-en");
			}
			WebElement choice = browser.findElement(By.cssSelector("main input[type=radio]"));
			choice.click();
			choice.sendKeys(org.openqa.selenium.Keys.ENTER);
			// Waits for the next page itself: a page being replaced can answer with any
			// error meanwhile.
			String next = "Page " + (page + 1) + " of 7";
			new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.WebDriverException.class)
				.until(driver -> driver.findElement(By.cssSelector(".progress")).getText().equals(next));
		}
		assertThat(browser.findElement(By.cssSelector(".progress")).getText()).isEqualTo("Page 7 of 7");
	}

	/**
	 * The whole way with the keyboard only: Tab, Space and Enter, as someone without a
	 * mouse or touch answers.
	 */
	@Test
	void aMemberAnswersWithTheKeyboardOnly() {
		AccountService.Invitation steward = accounts.createOrganization("Keys " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Keys", "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 1, "More of us came than we thought");
		rounds.open(round.id(), organization);
		browser.get("http://localhost:" + port + "/join?lang=en");
		WebElement code = tabTo(element -> "code".equals(element.getAttribute("id")));
		code.sendKeys(codes.get(0));
		enterAndWait(code);
		for (int page = 1; page <= 7; page++) {
			String expected = "Page " + page + " of 7";
			assertThat(browser.findElement(By.cssSelector(".progress")).getText()).isEqualTo(expected);
			WebElement radio = tabTo(element -> "radio".equals(element.getAttribute("type")));
			radio.sendKeys(org.openqa.selenium.Keys.SPACE);
			assertThat(radio.isSelected()).isTrue();
			enterAndWait(radio);
		}
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your answers");
		WebElement send = tabTo(element -> "submit".equals(element.getAttribute("value")));
		enterAndWait(send);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
		List<SealedForm.Opened> kept = SealedRows.opened(jdbc, keys, round.id());
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0).submission().perspective()).isNotNull();
		assertThat(kept.get(0).submission().answers()).hasSize(6);
	}

	private WebElement tabTo(java.util.function.Predicate<WebElement> wanted) {
		return Chromium.tabTo(browser, wanted);
	}

	private void enterAndWait(WebElement element) {
		Chromium.enterAndWait(browser, element);
	}

}
