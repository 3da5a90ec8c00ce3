package org.peerreflect.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.Slow;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: the administrator's first start, from the one line on the console
 * through the setup link, to an organization whose steward signs in.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "peer-reflect.public-url=http://peer-reflect.example")
@Slow
class FirstStartBrowserTest {

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

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

	/**
	 * Setup links carry the public address; the test opens the same path on its own port.
	 */
	private String local(String link) {
		return "http://localhost:" + port + link.substring("http://peer-reflect.example".length());
	}

	private void fill(String id, String value) {
		browser.findElement(By.id(id)).clear();
		browser.findElement(By.id(id)).sendKeys(value);
	}

	/** Submits the page's form and waits until the next page has replaced it. */
	private void submit() {
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
	}

	private void signIn(String email, String password) {
		browser.get("http://localhost:" + port + "/sign-in");
		fill("email", email);
		fill("password", password);
		submit();
	}

	@Test
	void theFirstAdministratorSetsUpAnOrganizationWhoseStewardSignsIn(CapturedOutput output) throws Exception {
		Matcher line = Pattern.compile("no administrator yet.*?(http://peer-reflect\\.example/setup/[A-Za-z0-9_-]+)")
			.matcher(output.getAll());
		assertThat(line.find()).as("the console's first-start line").isTrue();
		assertThat(output.getAll().lines().filter(l -> l.contains("/setup/")).count()).isOne();

		browser.get(local(line.group(1)));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Choose your password");
		fill("email", "admin@harbour.example");
		fill("password", "first steps together");
		fill("repeat", "first steps together");
		submit();
		assertThat(browser.getCurrentUrl()).endsWith("/sign-in?ready");

		signIn("admin@harbour.example", "first steps together");
		browser.get("http://localhost:" + port + "/admin");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Administration");
		fill("name", "Harbour Peer Centre");
		fill("stewardEmail", "sam@harbour.example");
		submit();
		String stewardLink = browser.findElement(By.cssSelector(".link-box")).getText();
		assertThat(stewardLink).startsWith("http://peer-reflect.example/setup/");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Harbour Peer Centre")
			.contains("sam@harbour.example");
		screenshot(browser, "admin");
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("header form button")));

		browser.get(local(stewardLink));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("sam@harbour.example");
		fill("password", "we grow together");
		fill("repeat", "we grow together");
		submit();
		signIn("sam@harbour.example", "we grow together");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("You are signed in as sam@harbour.example");
		Chromium.clickAndWait(browser, browser.findElement(By.linkText("Our team")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Our team");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Harbour Peer Centre");
		assertThat(browser.findElements(By.cssSelector("form[action^='/team/accounts/'][action$='/setup-link']")))
			.hasSize(1);
		assertThat(browser.findElements(By.cssSelector("form[action^='/team/accounts/'][action$='/enabled']")))
			.hasSize(1);
		screenshot(browser, "team");

		// The link was used: it does not open again.
		browser.get(local(stewardLink));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");
	}

	/** Screenshots to look at, in target/screenshots. */
	static void screenshot(WebDriver driver, String name) throws Exception {
		Path folder = Path.of("target", "screenshots");
		Files.createDirectories(folder);
		Files.write(folder.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
	}

}
