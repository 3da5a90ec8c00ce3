package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
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
 * A member's way through as browsers really behave: "Send" then reload, Back, a tab
 * restored, time running out, changing one answer from the review, switching language
 * half way, reading "what we keep" in the middle. No answer is ever dropped without the
 * page saying so, nothing is sent twice, and the start page always says whether the code
 * still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "peer-reflect.leave-url=https://leave.example/")
@Import(MutableClock.Configuration.class)
class JoinJourneyTest {

	@LocalServerPort
	int port;

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

	private record Round(UUID id, UUID organization, List<String> codes) {
	}

	private Round openRound(String language) {
		AccountService.Invitation steward = accounts.createOrganization("Journey " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Autumn", "peer-support-principles", 1, language, 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 4, "More of us came than we thought");
		rounds.open(round.id(), organization);
		return new Round(round.id(), organization, codes);
	}

	private int stored(Round round) {
		return jdbc.queryForObject("select count(*) from sealed_response where round_id = ?", Integer.class,
				round.id());
	}

	/** Posts a page as the browser does, and returns the page it is sent on to. */
	private static HttpResponse<String> go(HttpBrowser browser, HttpResponse<String> page, Map<String, String> answers,
			String go) {
		return browser.follow(post(browser, page, answers, go));
	}

	private static HttpResponse<String> post(HttpBrowser browser, HttpResponse<String> page,
			Map<String, String> answers, String go) {
		Map<String, String> fields = Html.hiddenFields(page.body());
		fields.putAll(answers);
		fields.put("go", go);
		return browser.post("/join/page", page.body(), fields);
	}

	private static HttpResponse<String> begin(HttpBrowser browser, String code, String lang) {
		return browser.follow(browser.post("/join/start", browser.get("/join?lang=" + lang).body(),
				Map.of("code", code, "lang", lang)));
	}

	/** The page's own address again, as Back, Forward or a reload asks for it. */
	private static HttpResponse<String> again(HttpBrowser browser, HttpResponse<String> page) {
		return browser
			.get(page.uri().getRawPath() + (page.uri().getRawQuery() == null ? "" : "?" + page.uri().getRawQuery()));
	}

	private static String text(HttpResponse<String> page) {
		return Html.text(page.body());
	}

	/**
	 * The thank-you page gives the round's one results address and says when what we
	 * found will be there: the same address for two people, in their round's language,
	 * and none once the organization turns results pages off.
	 */
	@Test
	void theThankYouPageGivesEveryoneTheSameResultsAddress() {
		Round round = openRound("es");
		String token = jdbc.queryForObject("select token from results_link where round_id = ?", String.class,
				round.id());
		List<String> pages = new java.util.ArrayList<>();
		for (int person = 0; person < 2; person++) {
			HttpBrowser browser = new HttpBrowser(port);
			HttpResponse<String> review = go(browser, begin(browser, round.codes().get(person), "es"),
					Map.of("a.np-1", String.valueOf(2 + person)), "review");
			pages.add(browser.follow(post(browser, review, Map.of(), "submit")).body());
		}
		assertThat(pages)
			.allSatisfy(page -> assertThat(Html.text(page)).contains("estará aquí después de nuestra reunión")
				.contains("http://peer-reflect.test/results/" + token));
		assertThat(pages.get(0).replaceAll("name=\"[^\"]*\" value=\"[^\"]*\"", ""))
			.as("nothing on the page tells one person from another")
			.isEqualTo(pages.get(1).replaceAll("name=\"[^\"]*\" value=\"[^\"]*\"", ""));
		jdbc.update("update organization set results_pages = false where id = ?", round.organization());
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> review = go(browser, begin(browser, round.codes().get(2), "es"), Map.of("a.np-1", "3"),
				"review");
		assertThat(browser.follow(post(browser, review, Map.of(), "submit")).body()).doesNotContain("/results/");
	}

	@Test
	void afterSendThePageIsAThankYouThatCanBeReloadedAndBackSendsNothingTwice() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> review = go(browser, begin(browser, round.codes().get(0), "en"),
				Map.of("a.np-1", "4", "w.np-say", "Soup on Thursdays"), "review");
		HttpResponse<String> sent = post(browser, review, Map.of(), "submit");
		assertThat(sent.statusCode()).as("Send is answered with a redirect, not a page").isEqualTo(303);
		assertThat(sent.headers().firstValue("Clear-Site-Data")).as("no copy of an earlier page stays in the cache")
			.hasValue("\"cache\"");
		String thanksAddress = sent.headers().firstValue("Location").orElseThrow();
		assertThat(thanksAddress).contains("/join/thanks").contains("lang=en").doesNotContain(round.codes().get(0));
		HttpResponse<String> thanks = browser.follow(sent);
		HttpResponse<String> reloaded = browser.follow(sent);
		assertThat(List.of(thanks, reloaded)).allSatisfy(page -> {
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(text(page)).contains("Thank you").doesNotContain("Soup on Thursdays");
		});
		assertThat(stored(round)).isOne();

		// Back to the review (drawn again), and its form sent again: nothing more is
		// stored, and the page says plainly that answers already sent arrived.
		HttpResponse<String> back = again(browser, review);
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(text(back)).contains("If they were sent, they arrived").doesNotContain("Soup on Thursdays");
		// The same page's Send pressed again (a double tap, or its form sent again) is
		// thanked, known by that page's own one-time token.
		HttpResponse<String> resent = go(browser, review, Map.of(), "submit");
		assertThat(resent.statusCode()).isEqualTo(200);
		assertThat(text(resent)).contains("Thank you").doesNotContain("Soup on Thursdays");
		assertThat(stored(round)).isOne();
		// A token the server never thanked is not taken: the page is gone, and offers
		// no way to go on with that code; the code reads as used, like any other.
		Map<String, String> forged = Html.hiddenFields(review.body());
		forged.put("once", "not-a-token-it-gave");
		forged.put("go", "submit");
		HttpResponse<String> refused = browser.follow(browser.post("/join/page", review.body(), forged));
		assertThat(text(refused)).contains("If they were sent, they arrived").doesNotContain("Thank you");
		assertThat(refused.body()).doesNotContain("name=\"go\"");
		assertThat(text(begin(browser, round.codes().get(0), "en"))).contains("This code does not work");
		assertThat(stored(round)).isOne();
	}

	@Test
	void aPageAskedForAgainFromHistorySaysWhatHappenedInThePersonsLanguage() {
		HttpBrowser spanish = new HttpBrowser(port).acceptLanguage("es-ES,es;q=0.9,en;q=0.5");
		for (String path : List.of("/join/page", "/join/start")) {
			HttpResponse<String> back = spanish.get(path);
			assertThat(back.statusCode()).as(path).isEqualTo(302);
			HttpResponse<String> start = spanish.follow(back);
			assertThat(start.statusCode()).isEqualTo(200);
			assertThat(start.body()).contains("lang=\"es\"");
			assertThat(text(start)).contains("Esa página no se puede mostrar otra vez")
				.contains("el código de tu tarjeta sigue funcionando");
		}
		HttpBrowser browser = new HttpBrowser(port);
		assertThat(browser.follow(browser.get("/join/page")).body()).contains("That page cannot be shown again");
	}

	@Test
	void joinFollowsTheBrowsersLanguageUntilThePersonChooses() {
		HttpBrowser spanish = new HttpBrowser(port).acceptLanguage("es");
		assertThat(spanish.get("/join").body()).contains("lang=\"es\"").contains("Participar");
		assertThat(spanish.get("/join?lang=en").body()).contains("lang=\"en\"").contains("Take part");
		assertThat(new HttpBrowser(port).acceptLanguage("fr, en;q=0.5").get("/join").body()).contains("Take part");
		// Not the browser's first choice, but the first the pages are written in.
		assertThat(new HttpBrowser(port).acceptLanguage("fr, es;q=0.8, en;q=0.5").get("/join").body())
			.contains("Participar");
		assertThat(Html.attributes(spanish.get("/join").body(), "a", "href")).contains("/join/about?lang=es");
	}

	@Test
	void timeRunningOutClearsTheAnswersAndSaysTheCodeStillWorks() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> first = begin(browser, round.codes().get(0), "en");
		clock.advance(Journeys.IDLE.plusSeconds(1));
		HttpResponse<String> late = go(browser, first, Map.of("w.np-say", "words from long ago"), "next");
		assertThat(text(late)).contains("More than 20 minutes passed")
			.contains("Nothing was sent")
			.contains("the code on your card still works")
			.doesNotContain("words from long ago");
		assertThat(text(begin(browser, round.codes().get(0), "en"))).as("and it does").contains("Page 1 of 7");
	}

	/**
	 * The review lists every question, answered or not, each with its own link to change
	 * it (GOV.UK's "check answers"); a change leads straight back to the review.
	 */
	@Test
	void theReviewListsEveryQuestionAndChangingOneLeadsStraightBack() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> review = go(browser, begin(browser, round.codes().get(0), "en"), Map.of("a.np-1", "2"),
				"review");
		List<String> changes = Html.attributes(review.body(), "a", "href")
			.stream()
			.filter(href -> href.contains("from=review"))
			.toList();
		int questions = 34;
		assertThat(changes).as("one change link per question, the perspective included")
			.hasSize(questions)
			.doesNotHaveDuplicates();
		assertThat(text(review)).contains("your answer to: Nobody here is expected")
			.contains("Not answered")
			.contains("A little true");
		assertThat(text(review).split("Not answered", -1)).hasSize(questions);
		HttpResponse<String> page = browser.get(changes.get(0).replace("&amp;", "&").replaceAll("#.*", ""));
		assertThat(text(page)).contains("Page 1 of 7");
		assertThat(Html.tags(page.body(), "button").get(0).attribute("value")).as("Enter goes back to the review")
			.isEqualTo("review");
		HttpResponse<String> back = go(browser, page, Map.of("a.np-1", "5"), "review");
		assertThat(text(back)).contains("Your answers").contains("Very true for us");
		// Going on from the changed page instead still offers the way back on the next
		// one.
		HttpResponse<String> onwards = go(browser, page, Map.of(), "next");
		assertThat(text(onwards)).contains("Page 2 of 7").contains("Back to my answers");
	}

	@Test
	void switchingLanguageAndReadingWhatWeKeepKeepTheAnswers() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> first = begin(browser, round.codes().get(0), "en");
		Map<String, String> fields = Html.hiddenFields(first.body());
		fields.putAll(Map.of("a.np-1", "4", "w.np-say", "Walks by the river", "switch", "es"));
		HttpResponse<String> spanish = browser.follow(browser.post("/join/page", first.body(), fields));
		assertThat(spanish.body()).contains("lang=\"es\"");
		assertThat(text(spanish)).contains("Página 1 de 7").contains("Walks by the river");
		assertThat(spanish.body()).containsPattern("value=\"4\"\\s+checked");

		// A browser sends what the page shows filled in, and one answer more.
		HttpResponse<String> about = go(browser, spanish,
				Map.of("a.np-1", "4", "a.np-2", "3", "w.np-say", "Walks by the river"), "about");
		assertThat(text(about)).contains("Lo que guardamos sobre ti").doesNotContain("Walks by the river");
		String backTo = Html.tags(about.body(), "a")
			.stream()
			.filter(a -> "button".equals(a.attribute("class")))
			.findFirst()
			.orElseThrow()
			.attribute("href")
			.replace("&amp;", "&");
		HttpResponse<String> returned = browser.get(backTo);
		assertThat(text(returned)).contains("Página 1 de 7").contains("Walks by the river");
		assertThat(returned.body()).containsPattern("value=\"3\"\\s+checked");
	}

	@Test
	void theQuestionPagesTickNothingInAdvanceAndSayWhatHappensToWordsAndSmallGroups() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> first = begin(browser, round.codes().get(0), "en");
		assertThat(first.body()).doesNotContain("checked");
		assertThat(first.body()).contains("<title>Whole lives, not only problems: page 1 of 7</title>");
		Html.Tag box = Html.tags(first.body(), "textarea").get(0);
		assertThat(box.attribute("maxlength")).isEqualTo(String.valueOf(PageQuestion.LONGEST_WRITTEN));
		String hint = box.attribute("aria-describedby");
		assertThat(hint).isNotBlank();
		assertThat(Html.tags(first.body(), "p").stream().filter(p -> hint.equals(p.attribute("id"))).count()).isOne();
		int at = first.body().indexOf("id=\"" + hint + "\"");
		assertThat(Html.text(first.body().substring(at, first.body().indexOf("</p>", at))))
			.contains("Please write no names")
			.contains("may be quoted in the group's report, without your name");
		HttpResponse<String> perspective = go(browser, first, Map.of(), "page-7");
		assertThat(text(perspective)).contains("Page 7 of 7")
			.contains("About you")
			.contains("If you are one of only a few people in your group")
			.contains("I'd rather not say");
		assertThat(Html.tags(perspective.body(), "h1")).hasSize(1);
		assertThat(perspective.body()).doesNotContain("checked");
		assertThat(text(browser.get("/join"))).contains("It takes about 10 minutes")
			.contains("Every question is optional");
	}

	@Test
	void everyParticipantPageHasAWayToLeaveAtOnce() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		HttpResponse<String> start = browser.get("/join");
		HttpResponse<String> first = begin(browser, round.codes().get(0), "en");
		HttpResponse<String> review = go(browser, first, Map.of(), "review");
		HttpResponse<String> about = browser.get("/join/about");
		HttpResponse<String> thanks = go(browser, review, Map.of(), "submit");
		assertThat(List.of(start, first, review, about, thanks)).allSatisfy(page -> assertThat(
				Html.tags(page.body(), "a").stream().filter(a -> "/join/leave".equals(a.attribute("href"))))
			.as("a link that leaves at once")
			.hasSize(1));
		HttpResponse<String> left = browser.get("/join/leave");
		assertThat(left.statusCode()).isEqualTo(303);
		assertThat(left.headers().firstValue("Location")).hasValue("https://leave.example/");
	}

	/**
	 * Back to the start page and the same code typed again: the answers held so far are
	 * still there. Another code in the same browser begins afresh, with none of them.
	 */
	@Test
	void theSameCodeTypedAgainGoesOnWithTheAnswersHeld() {
		Round round = openRound("en");
		HttpBrowser browser = new HttpBrowser(port);
		go(browser, begin(browser, round.codes().get(0), "en"), Map.of("w.np-say", "Gardening on Sundays"), "next");
		HttpResponse<String> again = begin(browser, round.codes().get(0), "en");
		assertThat(text(again)).contains("Page 1 of 7").contains("Gardening on Sundays");
		HttpResponse<String> other = begin(browser, round.codes().get(1), "en");
		assertThat(text(other)).contains("Page 1 of 7").doesNotContain("Gardening on Sundays");
	}

	@Test
	void theHomePageShowsTheWayIn() {
		HttpResponse<String> home = new HttpBrowser(port).get("/");
		assertThat(text(home)).contains("I have a code: take part").doesNotContain("command line");
		assertThat(Html.attributes(home.body(), "a", "href")).contains("/join?lang=en");
		assertThat(text(new HttpBrowser(port).get("/?lang=es"))).contains("Tengo un código: participar");
	}

}
