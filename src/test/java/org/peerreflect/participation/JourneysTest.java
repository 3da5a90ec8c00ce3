package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.Journeys.Here;
import org.peerreflect.participation.Journeys.Journey;
import org.peerreflect.participation.Journeys.NoCookie;
import org.peerreflect.participation.Journeys.NotHere;
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
import org.springframework.util.unit.DataSize;

/**
 * What the server holds of answers not sent yet (invariant 11): only in memory, locked
 * under a key it does not keep, dropped at every way out of a journey and after 20
 * minutes, bounded, and never written to the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "peer-reflect.leave-url=https://leave.example/")
@Import(MutableClock.Configuration.class)
class JourneysTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	Kiosks kiosks;

	@Autowired
	Journeys journeys;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	private record Round(UUID id, List<String> codes) {
	}

	private Round openRound() {
		AccountService.Invitation steward = accounts.createOrganization("Journeys " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		UUID organization = jdbc.queryForObject("select organization_id from account where id = ?", UUID.class,
				steward.accountId());
		RoundView round = rounds.create(organization, "Held", "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), organization, 6, "More of us came than we thought");
		rounds.open(round.id(), organization);
		return new Round(round.id(), codes);
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Test
	void whatIsHeldIsLockedUnderAKeyOnlyTheCookieCarries() {
		Journeys held = new Journeys(new MutableClock(), DataSize.ofMegabytes(1));
		String words = "Soup-and-songs-" + UUID.randomUUID();
		String cookie = held.begin(new Journey("ACDEFGHJKM", "en", null, Map.of("w.np-say", words))).orElseThrow();
		String id = cookie.substring(0, cookie.indexOf('.'));
		assertThat(id.length()).as("at least 128 random bits, base64").isGreaterThanOrEqualTo(22);
		for (byte[] box : held.sealedBytes()) {
			assertThat(contains(box, words.getBytes(StandardCharsets.UTF_8))).isFalse();
			assertThat(contains(box, "ACDEFGHJKM".getBytes(StandardCharsets.UTF_8))).isFalse();
		}
		assertThat(held.find(cookie)).isInstanceOfSatisfying(Here.class,
				here -> assertThat(here.journey().fields()).containsEntry("w.np-say", words));
		// The id alone, or with another key, opens nothing.
		String otherKey = held.begin(new Journey("KMNPQRSTUV", "en", null, Map.of())).orElseThrow();
		assertThat(held.find(id + otherKey.substring(otherKey.indexOf('.')))).isInstanceOf(NotHere.class);
		assertThat(held.find(id + ".")).isInstanceOf(NotHere.class);
		assertThat(held.find(null)).isInstanceOf(NoCookie.class);
		assertThat(new Journey("ACDEFGHJKM", "en", null, Map.of("w.np-say", words)).toString())
			.as("printed by mistake, it shows neither code nor words")
			.doesNotContain(words)
			.doesNotContain("ACDEFGHJKM");
	}

	@Test
	void aJourneyRunsOutTwentyMinutesAfterItsLastPage() {
		MutableClock time = new MutableClock();
		Journeys held = new Journeys(time, DataSize.ofMegabytes(1));
		String cookie = held.begin(new Journey("ACDEFGHJKM", "en", null, Map.of())).orElseThrow();
		time.advance(Journeys.IDLE.minusMinutes(1));
		assertThat(held.save(cookie, new Journey("ACDEFGHJKM", "en", null, Map.of("a.np-1", "4")))).isTrue();
		time.advance(Journeys.IDLE.minusMinutes(1));
		assertThat(held.find(cookie)).as("a page a minute ago keeps it").isInstanceOf(Here.class);
		time.advance(Duration.ofMinutes(2));
		assertThat(held.find(cookie)).isInstanceOfSatisfying(NotHere.class,
				notHere -> assertThat(notHere.expired()).isTrue());
		assertThat(held.held()).isZero();
	}

	@Test
	void theMemoryForJourneysIsBounded() {
		Journeys held = new Journeys(new MutableClock(), DataSize.ofKilobytes(64));
		String words = "x".repeat(PageQuestion.LONGEST_WRITTEN);
		int begun = 0;
		while (held.begin(new Journey("ACDEFGHJKM", "en", null, Map.of("w.np-say", words))).isPresent()) {
			begun++;
			assertThat(begun).isLessThan(100);
		}
		assertThat(begun).isBetween(10, 16);
	}

	/** Begins a journey over HTTP and answers page 1; returns that page and the id. */
	private record Begun(HttpResponse<String> second, String id) {
	}

	private Begun answerOnePage(HttpBrowser browser, String home, String code, String words) {
		HttpResponse<String> start = browser.get(home);
		Map<String, String> fields = Html.hiddenFields(start.body());
		fields.put("code", code);
		HttpResponse<String> first = browser.follow(browser.post("/join/start", start.body(), fields));
		Map<String, String> page = Html.hiddenFields(first.body());
		page.put("w.np-say", words);
		page.put("go", "next");
		HttpResponse<String> second = browser.follow(browser.post("/join/page", first.body(), page));
		assertThat(second.body()).contains("Page 2 of 7");
		String id = Html.hiddenFields(second.body()).get("j");
		assertThat(journeys.holds(id)).isTrue();
		return new Begun(second, id);
	}

	@Test
	void everyWayOutDropsWhatWasHeld() {
		Round round = openRound();
		String kiosk = "/join/kiosk/" + kiosks.path(round.id()) + "?lang=en";

		// Send.
		HttpBrowser phone = new HttpBrowser(port);
		Begun sent = answerOnePage(phone, "/join?lang=en", round.codes().get(0), "words sent");
		Map<String, String> review = Html.hiddenFields(sent.second().body());
		review.put("go", "submit");
		HttpResponse<String> thanks = phone.post("/join/page", sent.second().body(), review);
		assertThat(thanks.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("thanks"));
		assertThat(journeys.holds(sent.id())).isFalse();
		assertThat(phone.cookies()).doesNotContainKey(Journeys.COOKIE);

		// Leave this page.
		Begun left = answerOnePage(phone, "/join?lang=en", round.codes().get(1), "words left");
		HttpResponse<String> leaving = phone.get("/join/leave");
		assertThat(leaving.headers().firstValue("Clear-Site-Data")).hasValue("\"cache\"");
		assertThat(journeys.holds(left.id())).isFalse();
		assertThat(phone.cookies()).doesNotContainKey(Journeys.COOKIE);

		// A kiosk's "stop and clear", its quiet-time reset, and its start page reached
		// any other way.
		HttpBrowser device = new HttpBrowser(port);
		for (String reset : List.of("&reset=stopped", "&reset=idle", "")) {
			Begun atKiosk = answerOnePage(device, kiosk, round.codes().get(2), "words at the kiosk");
			HttpResponse<String> cleared = device.get(kiosk + reset);
			assertThat(journeys.holds(atKiosk.id())).as(reset).isFalse();
			assertThat(cleared.headers().firstValue("Clear-Site-Data")).hasValue("\"cache\"");
			assertThat(Html.text(cleared.body())).contains("cleared");
			assertThat(Html
				.text(device.get(atKiosk.second().uri().getRawPath() + "?" + atKiosk.second().uri().getRawQuery())
					.body()))
				.contains("This screen was cleared")
				.doesNotContain("words at the kiosk");
		}

		// Twenty minutes without a page.
		Begun slow = answerOnePage(phone, "/join?lang=en", round.codes().get(3), "words too slow");
		clock.advance(Journeys.IDLE.plusSeconds(1));
		assertThat(journeys.held()).as("nothing of anyone is held any more").isZero();
		assertThat(journeys.holds(slow.id())).isFalse();
		assertThat(participation.roundOf(round.codes().get(3))).as("and the code still works").isPresent();
	}

	@Test
	void answersNotSentYetAreNeverWrittenToTheDatabase() {
		Round round = openRound();
		String words = "Unsent-lantern-" + UUID.randomUUID();
		answerOnePage(new HttpBrowser(port), "/join?lang=en", round.codes().get(5), words);
		String everything = String.join("\n", jdbc.queryForList("script", String.class));
		assertThat(everything).containsIgnoringCase("insert into")
			.doesNotContain(words)
			.doesNotContain("Unsent-lantern");
	}

}
