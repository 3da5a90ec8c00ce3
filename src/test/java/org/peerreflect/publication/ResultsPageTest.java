package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.peerreflect.report.Handout;
import org.peerreflect.report.KeptReport;
import org.peerreflect.round.Channel;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The results page for everyone who took part: one address per round, nothing before the
 * steward shares, the kept report's figures once shared, a kind and identical "nothing
 * here" for a stopped or unknown address, and nothing kept of a visit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResultsPageTest {

	@Autowired
	MockMvc mvc;

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

	@Autowired
	ResultsLinks links;

	@Autowired
	Publication publication;

	private People.Organization ours;

	@BeforeEach
	void organization() {
		ours = new People(accounts, signIn, jdbc).organization("Sharing");
	}

	/**
	 * A closed round in {@code language} answered by {@code count} people, each writing
	 * "Person n says hello", with its cards printed (which makes its results address).
	 */
	private UUID closedRound(String language, int count) {
		UUID round = rounds.create(ours.id(), People.unique("Shared"), "peer-support-principles", 1, language, 3).id();
		rounds.open(round, ours.id());
		List<String> codes = participation.issueCodes(round, ours.id(), count + 2, "More of us came");
		for (int n = 1; n <= count; n++) {
			Map<String, String> written = new LinkedHashMap<>();
			written.put("fr-say", "Person " + n + " says hello");
			participation.submit(codes.get(n - 1), Channel.ONLINE, new Submission(n % 2 == 0 ? "staff" : "member",
					Map.of("np-1", "4", "fr-3", n % 2 == 0 ? "2" : "5"), written));
		}
		rounds.close(round, ours.id());
		return round;
	}

	private void publish(UUID round, String... choices) throws Exception {
		var request = post("/rounds/" + round + "/publish").param("reviewed", "yes");
		for (String choice : choices) {
			request.param(choice, "yes");
		}
		mvc.perform(request.with(user(ours.steward().principal())).with(csrf()))
			.andExpect(redirectedUrl("/reports/" + round));
	}

	private String token(UUID round) {
		return links.link(round, ours.id()).orElseThrow().token();
	}

	/**
	 * The page as a visitor with no account gets it, in English by the browser, after
	 * checking that the visit left nothing behind: no cookie, no session.
	 */
	private MockHttpServletResponse visit(String token) throws Exception {
		MvcResult result = mvc.perform(get("/results/" + token).header("Accept-Language", "en")).andReturn();
		MockHttpServletResponse response = result.getResponse();
		assertThat(response.getHeaders("Set-Cookie")).as("cookies set by the results page").isEmpty();
		assertThat(response.getCookies()).isEmpty();
		assertThat(result.getRequest().getSession(false)).as("a session made for a visit").isNull();
		assertThat(response.getContentAsString()).doesNotContain("<script").doesNotContain("/sign-in");
		return response;
	}

	private static String text(MockHttpServletResponse response) throws Exception {
		return HtmlUtils.htmlUnescape(response.getContentAsString().replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
	}

	@Test
	void theAddressWaitsInTheRoundsLanguageThenSharesStopsAndSharesAgain() throws Exception {
		UUID round = closedRound("es", 4);
		String token = token(round);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");

		MockHttpServletResponse waiting = visit(token);
		assertThat(waiting.getStatus()).isEqualTo(200);
		assertThat(waiting.getContentAsString()).contains("lang=\"es\"");
		assertThat(text(waiting)).contains("Nuestros resultados estarán aquí")
			.contains("Todavía no hay una fecha")
			.doesNotContain("Our results will be here");

		// Published but not shared: still waiting, and no figure shows.
		publish(round);
		assertThat(visit(token).getStatus()).isEqualTo(200);
		assertThat(text(visit(token))).contains("Nuestros resultados estarán aquí").doesNotContain("%");

		share(round, false);
		MockHttpServletResponse shared = visit(token);
		assertThat(shared.getStatus()).isEqualTo(200);
		String page = text(shared);
		var report = publication.report(round, ours.id()).orElseThrow().report();
		assertThat(page).contains(report.title())
			.contains(report.meeting().title())
			.contains(report.overview().title())
			.contains(report.read().title())
			.contains(report.withheld().title());
		// Every statement of the overview stands with its share for all of us.
		for (var part : report.overview().principles()) {
			for (var row : part.rows()) {
				assertThat(page).contains(row.statement() + " " + row.cells().get(0));
			}
		}
		// The cover's line on the cards, as the cover says it.
		report.cover()
			.stream()
			.filter(fact -> fact.label().equals("Códigos de participación"))
			.findFirst()
			.orElseThrow()
			.values()
			.forEach(value -> assertThat(page).contains(value));

		stop(round);
		MockHttpServletResponse stopped = visit(token);
		assertThat(stopped.getStatus()).isEqualTo(404);
		assertThat(text(stopped)).contains("Nothing is shared here now")
			.contains("Aquí no se comparte nada ahora")
			.doesNotContain(report.title());

		// An address nobody made reads exactly as a stopped one.
		MockHttpServletResponse unknown = visit("A".repeat(43));
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString()).isEqualTo(stopped.getContentAsString());
		assertThat(visit("not-a-token").getContentAsString()).isEqualTo(stopped.getContentAsString());

		share(round, false);
		assertThat(visit(token).getStatus()).isEqualTo(200);
		assertThat(text(visit(token))).contains(report.overview().title());
		assertThat(token(round)).as("the same address all along").isEqualTo(token);
	}

	@Test
	void agreementsWrittenAfterPublishingAppearWithoutPublishingAgain() throws Exception {
		UUID round = closedRound("en", 4);
		publish(round, "share");
		String token = token(round);
		assertThat(text(visit(token))).contains("Nothing is written down yet");
		publication.agree(round, ours.id(), "Take turns leading the meeting", List.of());
		String page = text(visit(token));
		assertThat(page).contains("Take turns leading the meeting").doesNotContain("Nothing is written down yet");
	}

	/**
	 * The handout for people who will not go online: from the results address while it is
	 * shared (keeping nothing of the visit) and from the round's page; two pages at most,
	 * with agreements written after publishing, the address only while shared, and no
	 * figure the kept report does not hold.
	 */
	@Test
	void theHandoutComesFromTheAddressWhileSharedAndFromTheRoundsPage() throws Exception {
		UUID round = closedRound("es", 6);
		publish(round);
		String token = token(round);
		String address = "/results/" + token;
		assertThat(mvc.perform(get(address + "/handout.pdf")).andReturn().getResponse().getStatus())
			.as("a handout before sharing")
			.isEqualTo(404);
		String before = handoutText(
				mvc.perform(get("/reports/" + round + "/handout.pdf").with(user(ours.steward().principal())))
					.andReturn()
					.getResponse());
		assertThat(before).as("a handout before sharing names no address").doesNotContain("/results/");
		String roundPage = mvc.perform(get("/rounds/" + round).with(user(ours.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(roundPage).contains("/reports/" + round + "/handout.pdf")
			.contains("Share the results first, and the handout will say where to find them.");

		share(round, false);
		publication.agree(round, ours.id(), "Turnarnos para abrir la reunión", List.of());
		MvcResult result = mvc.perform(get(address + "/handout.pdf")).andReturn();
		MockHttpServletResponse response = result.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(result.getRequest().getSession(false)).isNull();
		String handout = handoutText(response);
		assertThat(handout).contains("Turnarnos para abrir la reunión")
			.contains(address)
			.contains("Lo que acordamos probar");
		assertThat(text(visit(token))).as("the page links its handout").contains("Imprimir una hoja para repartir");
		Set<String> kept = numbers(KeptReport.write(publication.report(round, ours.id()).orElseThrow().report()));
		Set<String> shown = numbers(handout.replace(address, " "));
		assertThat(shown).as("figures on the handout").isNotEmpty();
		shown.removeAll(kept);
		assertThat(shown).as("figures on the handout that the kept report does not hold").isEmpty();

		stop(round);
		assertThat(mvc.perform(get(address + "/handout.pdf")).andReturn().getResponse().getStatus())
			.as("a handout once sharing stopped")
			.isEqualTo(404);
		assertThat(
				mvc.perform(get("/results/" + "A".repeat(43) + "/handout.pdf")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	/**
	 * A kiosk whose round has closed offers the shared results of the organization's last
	 * published round, shown with the kiosk's way back after the same quiet time; nothing
	 * while they are not shared, and never an older round's in place of the latest.
	 */
	@Test
	void aClosedRoundsKioskShowsTheLastPublishedRoundsSharedResults() throws Exception {
		UUID earlier = closedRound("en", 6);
		publish(earlier, "share");
		String token = token(earlier);
		UUID round = rounds.create(ours.id(), People.unique("Kiosk"), "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, ours.id());
		List<String> codes = participation.issueCodes(round, ours.id(), 4, "More of us came");
		for (String code : codes) {
			participation.submit(code, Channel.KIOSK, new Submission("member", Map.of("np-1", "4"), Map.of()));
		}
		String kiosk = mvc
			.perform(post("/rounds/" + round + "/kiosk").with(user(ours.steward().principal())).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(kiosk).startsWith("/join/kiosk/" + round + "/");
		String open = mvc.perform(get(kiosk)).andReturn().getResponse().getContentAsString();
		assertThat(open).as("an open round's kiosk").contains("name=\"code\"").doesNotContain("/results/");

		rounds.close(round, ours.id());
		String closed = HtmlUtils.htmlUnescape(mvc.perform(get(kiosk)).andReturn().getResponse().getContentAsString());
		assertThat(closed).contains("This round has closed.").doesNotContain("name=\"code\"");
		Matcher link = Pattern.compile("id=\"kiosk-results\" href=\"([^\"]+)\"").matcher(closed);
		assertThat(link.find()).as("a link to the shared results").isTrue();
		assertThat(link.group(1)).startsWith("/results/" + token + "?kiosk=");

		String home = kiosk.substring(0, kiosk.indexOf('?')) + "?lang=en";
		MvcResult shown = mvc.perform(get(link.group(1))).andReturn();
		String page = HtmlUtils.htmlUnescape(shown.getResponse().getContentAsString());
		assertThat(shown.getResponse().getStatus()).isEqualTo(200);
		assertThat(shown.getResponse().getHeaders("Set-Cookie")).isEmpty();
		assertThat(page).contains("data-kiosk-home=\"" + home + "\"")
			.contains("data-kiosk-idle=\"240\"")
			.contains("<noscript><meta http-equiv=\"refresh\" content=\"240;url=" + home + "\"></noscript>")
			.contains("src=\"/js/kiosk.js\"")
			.contains("Back to the start")
			.contains(publication.report(earlier, ours.id()).orElseThrow().report().meeting().thanks())
			.doesNotContain("handout.pdf");
		// An address that names no kiosk the server made gets the plain page.
		String forged = mvc.perform(get("/results/" + token + "?kiosk=" + round + "/0123abcd"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(forged).doesNotContain("data-kiosk-home").doesNotContain("<script");

		stop(earlier);
		String stopped = HtmlUtils.htmlUnescape(mvc.perform(get(kiosk)).andReturn().getResponse().getContentAsString());
		assertThat(stopped).contains("once the group has met and the results are shared").doesNotContain("/results/");
		// The latest published round is not shared: the earlier one is not offered in
		// its place.
		share(earlier, false);
		publish(round);
		String later = HtmlUtils.htmlUnescape(mvc.perform(get(kiosk)).andReturn().getResponse().getContentAsString());
		assertThat(later).doesNotContain("/results/");
		share(round, false);
		later = HtmlUtils.htmlUnescape(mvc.perform(get(kiosk)).andReturn().getResponse().getContentAsString());
		assertThat(later).contains("/results/" + token(round) + "?kiosk=");
	}

	/** The handout's words, one page after the other; at most two pages. */
	private static String handoutText(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		try (PdfReader reader = new PdfReader(response.getContentAsByteArray())) {
			assertThat(reader.getNumberOfPages()).as("handout pages").isBetween(1, Handout.MOST_PAGES);
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append(' ');
			}
			// The address's token is printed on a line of its own, and read as one here.
			return text.toString().replaceAll("/results/\\s+", "/results/").replaceAll("\\s+", " ");
		}
	}

	@Test
	void ourOwnWordsAppearOnlyWhereTheStewardChoseThem() throws Exception {
		UUID round = closedRound("en", 4);
		publish(round, "share");
		String token = token(round);
		assertThat(publication.report(round, ours.id()).orElseThrow().report().words()).isNotNull();
		assertThat(text(visit(token))).doesNotContain("says hello");
		share(round, true);
		assertThat(text(visit(token))).contains("Person 1 says hello").contains("Person 4 says hello");
		share(round, false);
		assertThat(text(visit(token))).doesNotContain("says hello");
	}

	@Test
	void theStewardMayAskForTheAddressBeforeAnyCardIsPrinted() throws Exception {
		UUID round = rounds.create(ours.id(), People.unique("Early"), "peer-support-principles", 1, "en", 3).id();
		assertThat(links.link(round, ours.id())).isEmpty();
		mvc.perform(post("/rounds/" + round + "/results/link").with(user(ours.steward().principal())).with(csrf()))
			.andExpect(redirectedUrl("/rounds/" + round + "#results"));
		String token = token(round);
		String roundPage = mvc.perform(get("/rounds/" + round).with(user(ours.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(roundPage).contains("/results/" + token);
		// Printing cards later keeps the address the steward already has.
		participation.issueCodes(round, ours.id(), 3, null);
		assertThat(token(round)).isEqualTo(token);
		// A draft cannot be shared.
		share(round, false);
		assertThat(text(visit(token))).contains("Our results will be here");
	}

	/**
	 * An organization that turns results pages off: every address of it shows the
	 * "nothing here" page, no round can be shared, and the administrator sees which
	 * rounds are shared by name only.
	 */
	@Test
	void anOrganizationCanTurnResultsPagesOff() throws Exception {
		UUID round = closedRound("en", 4);
		publish(round, "share");
		String token = token(round);
		String name = rounds.round(round, ours.id()).name();
		String report = publication.report(round, ours.id()).orElseThrow().report().overview().title();
		People.Person administrator = new People(accounts, signIn, jdbc).administrator();
		String admin = text(mvc.perform(get("/admin").with(user(administrator.principal()))).andReturn().getResponse());
		assertThat(admin).contains(name + ", shared since").doesNotContain(report);

		mvc.perform(post("/admin/organizations/" + ours.id() + "/results-pages").param("allowed", "false")
			.with(user(administrator.principal()))
			.with(csrf())).andExpect(redirectedUrl("/admin"));
		MockHttpServletResponse off = visit(token);
		assertThat(off.getStatus()).isEqualTo(404);
		assertThat(off.getContentAsString()).isEqualTo(visit("B".repeat(43)).getContentAsString());
		UUID another = closedRound("en", 4);
		publish(another);
		share(another, false);
		assertThat(links.link(another, ours.id()).orElseThrow().shared()).as("shared while turned off").isFalse();
		String roundPage = text(mvc.perform(get("/rounds/" + another).with(user(ours.steward().principal())))
			.andReturn()
			.getResponse());
		assertThat(roundPage).contains("Your organization has turned off results pages")
			.doesNotContain("Share the results with everyone");

		mvc.perform(post("/admin/organizations/" + ours.id() + "/results-pages").param("allowed", "true")
			.with(user(administrator.principal()))
			.with(csrf())).andExpect(redirectedUrl("/admin"));
		assertThat(visit(token).getStatus()).isEqualTo(200);
	}

	/**
	 * Nothing new is computed for this page: every number it shows is one of the kept
	 * report model's numbers.
	 */
	@Test
	void everyNumberOnThePageIsOneOfTheKeptReportsNumbers() throws Exception {
		UUID round = closedRound("en", 7);
		publish(round, "share", "words");
		String page = text(visit(token(round)));
		Set<String> kept = numbers(KeptReport.write(publication.report(round, ours.id()).orElseThrow().report()));
		Set<String> shown = numbers(page);
		assertThat(shown).as("numbers on the page").isNotEmpty();
		shown.removeAll(kept);
		assertThat(shown).as("numbers on the results page that the kept report does not hold").isEmpty();
	}

	static Set<String> numbers(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private void share(UUID round, boolean words) throws Exception {
		var request = post("/rounds/" + round + "/results/share");
		if (words) {
			request.param("words", "yes");
		}
		mvc.perform(request.with(user(ours.steward().principal())).with(csrf()))
			.andExpect(redirectedUrl("/rounds/" + round + "#results"));
	}

	private void stop(UUID round) throws Exception {
		mvc.perform(post("/rounds/" + round + "/results/stop").with(user(ours.steward().principal())).with(csrf()))
			.andExpect(redirectedUrl("/rounds/" + round + "#results"));
	}

}
