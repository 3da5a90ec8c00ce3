package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerreflect.organization.AccountService;
import org.peerreflect.testing.HttpBrowser;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * When something breaks inside, a person sees a plain page that says it is not their
 * fault and what to do, never a stack trace or the exception's words.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServerErrorPageTest.Breaks.class)
class ServerErrorPageTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Pages that always fail or refuse, for these tests only (registered as members of
	 * this configuration).
	 */
	@TestConfiguration
	static class Breaks {

		@RestController
		static class Broken {

			@GetMapping("/account/broken")
			String broken() {
				throw new IllegalStateException("inner secret 4711");
			}

			/** A refusal that no page handles. */
			@GetMapping("/account/refused")
			String refused() {
				throw new Refused("round.closed", false);
			}

			/** A request that waited too long for a lock another request held. */
			@GetMapping("/account/busy")
			String busy() {
				throw new CannotAcquireLockException("lock timeout");
			}

			/** A refusal of something that reads as absent. */
			@GetMapping("/account/absent")
			String absent() {
				throw new Refused("round.notFound", true);
			}

		}

		static class Refused extends Refusal {

			Refused(String messageKey, boolean notFound) {
				super(messageKey, notFound);
			}

		}

	}

	@Test
	void aFaultShowsThePlainServerErrorPage(CapturedOutput output) {
		People people = new People(accounts, signIn, jdbc);
		People.Organization harbour = people.organization("Harbour");
		HttpBrowser browser = new HttpBrowser(port).signIn(harbour.steward().email(), People.PASSWORD);
		HttpResponse<String> page = browser.get("/account/broken");
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("Something went wrong on our side")
			.contains("This is not your fault")
			.contains("href=\"/\"")
			.doesNotContain("inner secret")
			.doesNotContain("IllegalStateException")
			.doesNotContain("at org.");
		HttpResponse<String> spanish = new HttpBrowser(port).acceptLanguage("es")
			.signIn(harbour.board().email(), People.PASSWORD)
			.get("/account/broken");
		assertThat(spanish.statusCode()).isEqualTo(500);
		assertThat(spanish.body()).contains("lang=\"es\"");
		assertThat(output.getAll()).contains("inner secret 4711");
	}

	/**
	 * A mistyped address (400) and a page asked for the wrong way (405) get the designed
	 * page, in the person's language.
	 */
	@Test
	void aBadAddressAndAWrongMethodGetTheDesignedPage() {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Harbour");
		for (String language : List.of("en", "es")) {
			HttpBrowser browser = new HttpBrowser(port).acceptLanguage(language)
				.signIn(harbour.steward().email(), People.PASSWORD);
			HttpResponse<String> mistyped = browser.get("/rounds/not-a-uuid");
			HttpResponse<String> wrongWay = browser.get("/rounds/" + java.util.UUID.randomUUID() + "/open");
			for (HttpResponse<String> page : List.of(mistyped, wrongWay)) {
				assertThat(page.statusCode()).isIn(400, 405);
				assertThat(page.body()).contains("lang=\"" + language + "\"")
					.contains("<title>")
					.contains("class=\"top\"")
					.doesNotContain("Whitelabel")
					.doesNotContain("Exception");
			}
			assertThat(mistyped.statusCode()).isEqualTo(400);
			assertThat(wrongWay.statusCode()).isEqualTo(405);
		}
	}

}
