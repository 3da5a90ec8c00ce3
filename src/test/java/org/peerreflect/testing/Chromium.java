package org.peerreflect.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium through its own chromedriver, so nothing is downloaded. The
 * paths can be set with CHROMEDRIVER and CHROMIUM. Outside CI a missing browser skips the
 * test; in CI ({@code CI=true}) it is a failure.
 */
public final class Chromium {

	private Chromium() {
	}

	public static ChromeDriver start() {
		return start(412, 915);
	}

	/** With a window of the given size, such as a phone's 390 x 844. */
	public static ChromeDriver start(int width, int height) {
		return start(width, height, true);
	}

	/**
	 * With a window of the given size, and with the pages' scripts allowed or not (as a
	 * person may have them switched off).
	 */
	public static ChromeDriver start(int width, int height, boolean scripts) {
		String driver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
		String binary = env("CHROMIUM", "/usr/bin/chromium");
		if (!new File(driver).canExecute() || !new File(binary).canExecute()) {
			String why = "no Chromium at " + binary + " or chromedriver at " + driver
					+ " (apt-get install chromium chromium-driver)";
			if ("true".equals(System.getenv("CI"))) {
				fail(why);
			}
			Assumptions.abort(why);
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("peer-reflect-chromium");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=" + width + "," + height, "--user-data-dir=" + profile);
		// A desktop window cannot be narrower than about 500 pixels; a phone's viewport
		// is emulated.
		options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
				java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
		// A PDF is saved as a file rather than shown, so a test can read what a person
		// would download.
		java.util.Map<String, Object> prefs = new java.util.HashMap<>(
				java.util.Map.of("plugins.always_open_pdf_externally", true, "download.prompt_for_download", false));
		if (!scripts) {
			// As a person's own setting: the pages' scripts do not run (WebDriver's own
			// still do).
			prefs.put("profile.managed_default_content_settings.javascript", 2);
		}
		options.setExperimentalOption("prefs", prefs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return chrome;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/**
	 * Signs in as {@code person} with {@link People#PASSWORD}, starting with no cookies.
	 */
	public static void signIn(ChromeDriver browser, String base, People.Person person) {
		browser.manage().deleteAllCookies();
		browser.get(base + "/sign-in");
		browser.findElement(org.openqa.selenium.By.id("email")).sendKeys(person.email());
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(People.PASSWORD);
		// The administrator made at first start may still be called "admin", which is no
		// email address.
		browser.executeScript("document.querySelector('main form').noValidate = true");
		browser.findElement(org.openqa.selenium.By.cssSelector("main button[type=submit]")).click();
		try {
			new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
				.until(driver -> !driver.getCurrentUrl().contains("/sign-in"));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			throw new AssertionError("still signing in at " + browser.getCurrentUrl() + ": "
					+ browser.findElement(org.openqa.selenium.By.tagName("main")).getAttribute("innerHTML"), e);
		}
	}

	/** Lets the browser save downloads, into a new folder that this returns. */
	public static Path downloads(ChromeDriver browser) {
		try {
			Path folder = Files.createTempDirectory("peer-reflect-downloads");
			browser.executeCdpCommand("Browser.setDownloadBehavior",
					java.util.Map.of("behavior", "allow", "downloadPath", folder.toString()));
			return folder;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Waits up to 20 s for one finished download in {@code folder} whose name ends with
	 * {@code suffix}, and reads it.
	 */
	public static byte[] downloaded(Path folder, String suffix) {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		try {
			while (System.nanoTime() < until) {
				try (var files = Files.list(folder)) {
					java.util.Optional<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix))
						.findFirst();
					if (done.isPresent()) {
						return Files.readAllBytes(done.get());
					}
				}
				Thread.sleep(100);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		throw new AssertionError("nothing ending in " + suffix + " was downloaded into " + folder);
	}

	/**
	 * Clicks, then waits until a new document has replaced the one clicked in. (Waiting
	 * for the old element to go stale races inside chromedriver.)
	 */
	public static void clickAndWait(ChromeDriver browser, org.openqa.selenium.WebElement element) {
		browser.executeScript("window.peerReflectBefore = true");
		element.click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(
				driver -> Boolean.TRUE.equals(browser.executeScript("return window.peerReflectBefore === undefined")));
	}

	/**
	 * Keeps a screenshot of the whole page as {@code target/screenshots/<page>.png}, and
	 * adds to {@code found} every WCAG 2.2 AA violation axe-core finds on it, and a page
	 * wider than the window, named by page.
	 */
	public static void look(ChromeDriver browser, String page, List<String> found) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "screenshots"));
			// The whole page, not only what the window shows, so that a look takes in all
			// of it.
			Object shot = browser
				.executeCdpCommand("Page.captureScreenshot",
						java.util.Map.of("format", "png", "captureBeyondViewport", true))
				.get("data");
			Files.write(folder.resolve(page + ".png"), java.util.Base64.getDecoder().decode(String.valueOf(shot)));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		// Reflow (WCAG 1.4.10): the page fits the window's width without scrolling
		// sideways.
		Long wide = (Long) browser.executeScript("return document.documentElement.scrollWidth");
		Long window = (Long) browser.executeScript("return window.innerWidth");
		if (wide > window) {
			found.add(page + ": wider than the screen, " + wide + " px in " + window + " px");
		}
		com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze(browser);
		for (com.deque.html.axecore.results.Rule violation : results.getViolations()) {
			found.add(page + ": " + violation.getId() + ": " + violation.getHelp() + " "
					+ violation.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
		}
	}

	/**
	 * Presses Tab until the focus is on an element that matches, as a keyboard user moves
	 * through a page.
	 */
	public static org.openqa.selenium.WebElement tabTo(ChromeDriver browser,
			java.util.function.Predicate<org.openqa.selenium.WebElement> wanted) {
		for (int presses = 0; presses < 60; presses++) {
			new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
			org.openqa.selenium.WebElement focused = browser.switchTo().activeElement();
			if (wanted.test(focused)) {
				return focused;
			}
		}
		throw new AssertionError("Tab never reached it on " + browser.getTitle());
	}

	/** Presses Enter on the element and waits for the next page. */
	public static void enterAndWait(ChromeDriver browser, org.openqa.selenium.WebElement element) {
		browser.executeScript("window.peerReflectBefore = true");
		element.sendKeys(org.openqa.selenium.Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until(driver -> Boolean.TRUE
				.equals(browser.executeScript("return window.peerReflectBefore === undefined")));
	}

}
