package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.HttpBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invariant 4: with everything logging at DEBUG, a whole round (cards, answers through
 * the pages, close) leaves no code, no answer text and no address of a participant in the
 * log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.root=DEBUG", "logging.level.org.peerreflect=TRACE" })
class LogsTest {

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

	@Test
	void invariant4_noLogLineHoldsACodeOrAnAnswer(CapturedOutput output) {
		AccountService.Invitation steward = accounts.createOrganization("Logs " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Quiet", "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 4, "More of us came than we thought");
		rounds.open(round.id(), organization);
		String words = "Marmalade-lighthouse-" + UUID.randomUUID();
		for (String code : codes.subList(0, 3)) {
			HttpBrowser browser = new HttpBrowser(port);
			HttpResponse<String> first = browser
				.follow(browser.post("/join/start", browser.get("/join").body(), Map.of("code", code, "lang", "en")));
			Map<String, String> fields = Html.hiddenFields(first.body());
			fields.put("w.np-say", words);
			fields.put("a.np-1", "4");
			fields.put("go", "review");
			HttpResponse<String> review = browser.follow(browser.post("/join/page", first.body(), fields));
			Map<String, String> send = Html.hiddenFields(review.body());
			send.put("go", "submit");
			assertThat(browser.follow(browser.post("/join/page", review.body(), send)).body()).contains("Thank you");
		}
		// One more answers two pages and leaves without sending: what the server held
		// for them meanwhile is not in the log either.
		String unsent = "Weathervane-" + UUID.randomUUID();
		HttpBrowser leaving = new HttpBrowser(port);
		HttpResponse<String> page = leaving.follow(
				leaving.post("/join/start", leaving.get("/join").body(), Map.of("code", codes.get(3), "lang", "en")));
		for (String box : List.of("w.np-say", "w.na-say")) {
			Map<String, String> fields = Html.hiddenFields(page.body());
			fields.put(box, unsent);
			fields.put("go", "next");
			page = leaving.follow(leaving.post("/join/page", page.body(), fields));
		}
		assertThat(page.body()).contains("Page 3 of 7");
		leaving.get("/join/leave");
		rounds.close(round.id(), organization);
		assertThat(SealedRows.words(jdbc, keys, round.id(), "id")).containsExactly(words, words, words);

		String log = output.getAll();
		assertThat(log).as("the log was really at DEBUG").contains("DEBUG");
		for (String code : codes) {
			assertThat(log).doesNotContain(code)
				.doesNotContain(ParticipationCodes.printed(code))
				.doesNotContain(code.toLowerCase());
		}
		assertThat(log).doesNotContain(words).doesNotContain("Marmalade");
		assertThat(log).doesNotContain(unsent).doesNotContain("Weathervane");
		// The test's own HTTP client logs its local address at DEBUG; the application
		// must not.
		String application = String.join("\n",
				log.lines()
					.filter(line -> !line.contains("HttpClient-") && !line.contains("jdk.internal.httpclient"))
					.toList());
		assertThat(application).doesNotContain("127.0.0.1").doesNotContain("0:0:0:0:0:0:0:1");
	}

}
