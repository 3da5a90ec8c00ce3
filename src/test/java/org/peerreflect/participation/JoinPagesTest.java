package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.HttpBrowser;
import org.peerreflect.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The participant's pages over real HTTP: no session ever, answers only in the pages' own
 * fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Configuration.class)
class JoinPagesTest {

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

	@Autowired
	MutableClock clock;

	record Round(UUID id, UUID organization, List<String> codes) {
	}

	private Round openRound(String language) {
		AccountService.Invitation steward = accounts.createOrganization("Join " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Spring", "peer-support-principles", 1, language, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 3, "More of us came than we thought");
		rounds.open(round.id(), organization);
		return new Round(round.id(), organization, codes);
	}

	private static void assertNoSession(HttpResponse<String> response) {
		assertThat(response.headers().allValues("Set-Cookie"))
			.noneMatch(c -> c.startsWith("JSESSIONID") || c.startsWith("SESSION"));
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("no-store"));
	}

	private HttpResponse<String> next(HttpBrowser browser, HttpResponse<String> page, Map<String, String> answers,
			String go) {
		Map<String, String> fields = Html.hiddenFields(page.body());
		fields.putAll(answers);
		fields.put("go", go);
		HttpResponse<String> response = browser.post("/join/page", page.body(), fields);
		assertNoSession(response);
		return response;
	}

	@Test
	void invariant11_aParticipantAnswersThroughThePagesWithoutASession() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> start = browser.get("/join");
		assertNoSession(start);
		assertThat(start.body()).contains("autocomplete=\"off\"").contains("The code on your card");

		HttpResponse<String> first = browser.post("/join/start", start.body(),
				Map.of("code", ParticipationCodes.printed(round.codes().get(0)).toLowerCase(), "lang", "en"));
		assertNoSession(first);
		assertThat(first.body()).contains("1 of 7").contains("Whole lives, not only problems").contains("Not sure");
		assertThat(first.uri().toString()).doesNotContain(round.codes().get(0));

		HttpResponse<String> second = next(browser, first, Map.of("a.np-1", "4", "w.np-say", "Tea on Fridays"), "next");
		assertThat(second.body()).contains("2 of 7");
		assertThat(Html.hiddenFields(second.body())).containsEntry("a.np-1", "4")
			.containsEntry("w.np-say", "Tea on Fridays");
		HttpResponse<String> back = next(browser, second, Map.of("a.na-1", "not-sure"), "back");
		assertThat(back.body()).contains("1 of 7").containsPattern("value=\"4\"\\s+checked");
		// A browser sends back what the page shows filled in: page 1's own answers, then
		// one more.
		HttpResponse<String> review = next(browser, back,
				Map.of("a.np-1", "4", "w.np-say", "Tea on Fridays", "perspective", "staff"), "review");
		assertThat(review.body()).contains("Your answers").contains("Mostly true").contains("Tea on Fridays");

		HttpResponse<String> thanks = browser.follow(next(browser, review, Map.of(), "submit"));
		assertThat(thanks.body()).contains("Thank you").doesNotContain("Tea on Fridays").doesNotContain("Mostly true");
		List<SealedForm.Opened> kept = SealedRows.opened(jdbc, keys, round.id());
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0).submission().answers()).containsEntry("np-1", "4");
		assertThat(kept.get(0).submission().perspective()).isEqualTo("staff");
		assertThat(kept.get(0).submission().written()).containsEntry("np-say", "Tea on Fridays");
		assertThat(kept.get(0).channel()).isEqualTo(Channel.ONLINE);
		assertThat(browser.cookies().keySet()).noneMatch(name -> name.equals("JSESSIONID") || name.equals("SESSION"));

		// Sending the same form again (the back button, a resubmission) stores nothing
		// and shows nothing.
		HttpResponse<String> again = next(browser, review, Map.of(), "submit");
		assertThat(again.body()).contains("This code cannot be used any more").doesNotContain("Tea on Fridays");
		assertThat(jdbc.queryForObject("select count(*) from sealed_response where round_id = ?", Integer.class,
				round.id()))
			.isOne();
	}

	/**
	 * Someone still on the last page when the steward closes the round: their answers are
	 * not kept, and the page never tells them they were. (The message is the same as for
	 * a used code, invariant 2, so it says both cases plainly.)
	 */
	@Test
	void answersSentAfterTheRoundClosedAreNeverSaidToHaveArrived() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> start = browser.get("/join");
		HttpResponse<String> first = browser.post("/join/start", start.body(),
				Map.of("code", round.codes().get(0), "lang", "en"));
		HttpResponse<String> review = next(browser, first, Map.of("a.np-1", "4"), "review");
		assertThat(review.body()).contains("Your answers");
		rounds.close(round.id(), round.organization());
		HttpResponse<String> late = next(browser, review, Map.of(), "submit");
		assertThat(Html.text(late.body())).contains("This code cannot be used any more")
			.contains("answers sent after it closed could not be kept")
			.doesNotContain("your answers are in");
		assertThat(jdbc.queryForObject("select count(*) from sealed_response where round_id = ?", Integer.class,
				round.id()))
			.isZero();
	}

	/**
	 * A page sent from a browser that lost the pages' safety cookie (closed, or its
	 * cookies cleared) goes back to the start page that says nothing was sent, never to
	 * the accounts' "this page is not for you".
	 */
	@Test
	void aPageWhoseSafetyCookieIsGoneStartsAgainSayingNothingWasSent() {
		Round round = openRound("es");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> start = browser.get("/join?lang=es");
		HttpResponse<String> first = browser.post("/join/start", start.body(),
				Map.of("code", round.codes().get(0), "lang", "es"));
		Map<String, String> fields = Html.hiddenFields(first.body());
		fields.put("a.np-1", "4");
		fields.put("go", "next");
		HttpResponse<String> lost = new HttpBrowser(port).post("/join/page", first.body(), fields);
		assertThat(lost.statusCode()).isEqualTo(302);
		assertThat(lost.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/join?lang=es&reset=unchecked"));
		HttpResponse<String> again = new HttpBrowser(port).follow(lost);
		assertThat(Html.text(again.body())).contains("No se envió nada")
			.contains("comprobación de seguridad")
			.doesNotContain("no es para ti");
		assertThat(jdbc.queryForObject("select count(*) from sealed_response where round_id = ?", Integer.class,
				round.id()))
			.isZero();
	}

	@Test
	void invariant2_aUsedAnUnknownAndAClosedRoundsCodeGetOneAndTheSameMessage() {
		Round round = openRound("en");
		participation.submit(round.codes().get(0), org.peerreflect.round.Channel.ONLINE,
				new Submission(null, Map.of(), Map.of()));
		HttpBrowser browser = new HttpBrowser(port);
		String used = browser
			.post("/join/start", browser.get("/join").body(), Map.of("code", round.codes().get(0), "lang", "en"))
			.body();
		String unknown = browser
			.post("/join/start", browser.get("/join").body(), Map.of("code", "ACDEFGHJKM", "lang", "en"))
			.body();
		rounds.close(round.id(), round.organization());
		String closed = browser
			.post("/join/start", browser.get("/join").body(), Map.of("code", round.codes().get(1), "lang", "en"))
			.body();
		String message = "This code does not work.";
		assertThat(List.of(used, unknown, closed)).allSatisfy(page -> assertThat(page).contains(message));
		assertThat(strip(used)).isEqualTo(strip(unknown)).isEqualTo(strip(closed));
	}

	/** A page without its per-request token, to compare pages. */
	private static String strip(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	@Test
	void invariant11_aPostOlderThanTheIdleLimitGetsTheStartPageAndEchoesNothing() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> first = browser.post("/join/start", browser.get("/join").body(),
				Map.of("code", round.codes().get(0), "lang", "en"));
		clock.advance(JoinController.IDLE.plusSeconds(1));
		HttpResponse<String> stale = next(browser, first, Map.of("w.np-say", "my private words"), "next");
		assertThat(stale.body()).contains("The code on your card")
			.doesNotContain("my private words")
			.doesNotContain(round.codes().get(0));
		Map<String, String> forged = Html.hiddenFields(first.body());
		forged.put("t", String.valueOf(clock.instant().getEpochSecond()));
		forged.put("go", "next");
		HttpResponse<String> tampered = browser.post("/join/page", first.body(), forged);
		assertThat(tampered.body()).contains("The code on your card");
	}

	/** Invariant 2: a page's signed time was made for one code and carries no other. */
	@Test
	void invariant2_aPageSignedForOneCodeDoesNotCarryAnother() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> first = browser.post("/join/start", browser.get("/join").body(),
				Map.of("code", round.codes().get(0), "lang", "en"));
		Map<String, String> swapped = Html.hiddenFields(first.body());
		swapped.put("code", round.codes().get(1));
		swapped.put("go", "next");
		HttpResponse<String> refused = browser.post("/join/page", first.body(), swapped);
		assertThat(refused.body()).contains("The code on your card").doesNotContain("2 of 7");
		assertThat(next(browser, first, Map.of(), "next").body()).contains("2 of 7");
	}

	/**
	 * Invariant 2: guessing codes on a later page meets the same limit as on the start
	 * page.
	 */
	@Test
	void invariant2_wrongCodesOnLaterPagesCountAgainstTheOneLimit() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> first = browser.post("/join/start", browser.get("/join").body(),
				Map.of("code", round.codes().get(0), "lang", "en"));
		Map<String, String> guess = Html.hiddenFields(first.body());
		guess.put("go", "next");
		try {
			for (int n = 0; n < WrongCodeLimit.CAPACITY; n++) {
				guess.put("code", "ACDEFGH" + (100 + n));
				browser.post("/join/page", first.body(), guess);
			}
			HttpResponse<String> slowed = browser.post("/join/start", browser.get("/join").body(),
					Map.of("code", round.codes().get(1), "lang", "en"));
			assertThat(slowed.body()).contains("Please wait a minute and try again").doesNotContain("1 of 7");
			// Someone already half way through, on a page signed for their own code, goes
			// on.
			assertThat(next(browser, first, Map.of(), "next").body()).contains("2 of 7");
		}
		finally {
			// The limit refills one code a second: the next test starts with it full.
			clock.advance(java.time.Duration.ofSeconds(WrongCodeLimit.CAPACITY + 1));
		}
	}

	@Test
	void theWholeWayInSpanish() {
		Round round = openRound("es");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> start = browser.get("/join?lang=es");
		assertThat(start.body()).contains("lang=\"es\"").contains("El código de tu tarjeta");
		HttpResponse<String> first = browser.post("/join/start", start.body(),
				Map.of("code", round.codes().get(0), "lang", "es"));
		assertThat(first.body()).contains("lang=\"es\"").contains("1 de 7").contains("No lo sé");
		assertThat(browser.cookies()).doesNotContainKey("peer-reflect-language");
	}

}
