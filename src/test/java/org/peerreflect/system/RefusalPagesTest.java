package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerreflect.organization.AccountService;
import org.peerreflect.testing.HttpBrowser;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A refusal that no page handled is never silently "not found": the person reads what was
 * refused, and the log says a page should have answered it. Only a refusal of something
 * that reads as absent is the "not found" page.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServerErrorPageTest.Breaks.class)
class RefusalPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUnhandledRefusalSaysWhatWasRefusedInThePersonsLanguage(CapturedOutput output) {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Refused");
		HttpResponse<String> page = new HttpBrowser(port).signIn(harbour.steward().email(), People.PASSWORD)
			.get("/account/refused");
		assertThat(page.statusCode()).isEqualTo(409);
		assertThat(page.body()).contains("That was not done")
			.contains("This round is closed.")
			.contains("Nothing was changed.")
			.contains("href=\"/\"")
			.doesNotContain("We could not find that page")
			.doesNotContain("Refused");
		HttpResponse<String> spanish = new HttpBrowser(port).acceptLanguage("es")
			.signIn(harbour.steward().email(), People.PASSWORD)
			.get("/account/refused");
		assertThat(spanish.statusCode()).isEqualTo(409);
		assertThat(spanish.body()).contains("lang=\"es\"")
			.contains("Eso no se hizo")
			.contains("Esta ronda está cerrada.");
		assertThat(output.getAll()).contains("Refusal 'round.closed' reached no page of its own");
	}

	@Test
	void aRefusalOfSomethingAbsentIsTheNotFoundPage() {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Absent");
		HttpResponse<String> page = new HttpBrowser(port).signIn(harbour.steward().email(), People.PASSWORD)
			.get("/account/absent");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("We could not find that page").doesNotContain("That was not done");
	}

	@Test
	void aRequestThatWaitedTooLongIsToldNothingChangedNeverAServerError(CapturedOutput output) {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Busy");
		HttpResponse<String> page = new HttpBrowser(port).signIn(harbour.steward().email(), People.PASSWORD)
			.get("/account/busy");
		assertThat(page.statusCode()).isEqualTo(409);
		assertThat(page.body()).contains("Someone else was changing this round at the same time")
			.contains("Nothing was changed.")
			.doesNotContain("Something went wrong on our side");
		assertThat(output.getAll()).contains("A request waited too long for a lock");
	}

}
