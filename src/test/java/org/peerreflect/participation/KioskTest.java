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
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.HttpBrowser;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Invariant 11 on a shared device: one person after another, and nothing of one for the
 * next.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KioskTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	JdbcTemplate jdbc;

	private HttpResponse<String> answer(HttpBrowser kiosk, String home, String code, String words) {
		HttpResponse<String> start = kiosk.get(home);
		Map<String, String> begin = new LinkedHashMap<>(Html.hiddenFields(start.body()));
		begin.put("code", code);
		begin.put("lang", "en");
		HttpResponse<String> first = kiosk.follow(kiosk.post("/join/start", start.body(), begin));
		// The page's script clears it after real quiet, asking first; without scripts,
		// only after 15 minutes.
		assertThat(first.body()).contains("1 of 7")
			.contains("data-kiosk-home=\"/join/kiosk/")
			.contains("reset=idle")
			.contains("data-kiosk-idle=\"240\"")
			.contains("data-kiosk-warning=\"60\"")
			.contains("<noscript><meta http-equiv=\"refresh\" content=\"900;url=/join/kiosk/");
		Map<String, String> fields = Html.hiddenFields(first.body());
		fields.put("w.np-say", words);
		fields.put("go", "review");
		return kiosk.follow(kiosk.post("/join/page", first.body(), fields));
	}

	private HttpResponse<String> send(HttpBrowser kiosk, HttpResponse<String> review) {
		Map<String, String> fields = Html.hiddenFields(review.body());
		fields.put("go", "submit");
		return kiosk.follow(kiosk.post("/join/page", review.body(), fields));
	}

	@Test
	void invariant11_aKioskServesTwoPeopleAndTheSecondSeesNothingOfTheFirst() {
		People.Organization organization = new People(accounts, signIn, jdbc).organization("Kiosk");
		UUID id = organization.steward().principal().organizationId();
		RoundView round = rounds.create(id, "Table", "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), id, 3, "More of us came than we thought");
		rounds.open(round.id(), id);

		HttpBrowser device = new HttpBrowser(port).signIn(organization.steward().email(), People.PASSWORD);
		HttpResponse<String> roundPage = device.get("/rounds/" + round.id());
		HttpResponse<String> switched = device.post("/rounds/" + round.id() + "/kiosk", roundPage.body(), Map.of());
		String home = switched.headers().firstValue("Location").orElseThrow();
		assertThat(home).contains("/join/kiosk/" + round.id() + "/");
		String path = home.substring(home.indexOf("/join/kiosk/"));
		// The steward is signed out of the device.
		assertThat(device.get("/rounds").statusCode()).isEqualTo(302);
		// The kiosk's start page names its round and gives the steward a way back, which
		// asks them to sign in again.
		String start = device.get(path).body();
		assertThat(start).contains("Answers on this screen go to the round &quot;Table&quot;.")
			.contains("href=\"/rounds/" + round.id() + "\"");
		assertThat(device.get("/rounds/" + round.id()).statusCode()).isEqualTo(302);

		HttpResponse<String> review = answer(device, path, codes.get(0), "Words of the first person");
		assertThat(review.body()).contains("Words of the first person");
		HttpResponse<String> thanks = send(device, review);
		assertThat(thanks.body()).contains("Thank you")
			.contains("Next person")
			.contains("data-kiosk-idle=\"10\"")
			.contains("data-kiosk-home=\"/join/kiosk/")
			.doesNotContain("Words of the first person");

		// The back button, a reload and a resubmission show nothing of the first person
		// (the review's own Send again is only thanked once more, by its one-time token).
		HttpResponse<String> resent = send(device, review);
		assertThat(Html.text(resent.body())).contains("Thank you").doesNotContain("Words of the first person");
		HttpResponse<String> fromHistory = device.get(review.uri().getRawPath() + "?" + review.uri().getRawQuery());
		assertThat(Html.text(fromHistory.body())).contains("This screen was cleared")
			.doesNotContain("Words of the first person");
		assertThat(fromHistory.body()).as("still the kiosk, going back to its start by itself")
			.contains("data-kiosk-home=\"/join/kiosk/");

		HttpResponse<String> second = answer(device, path, codes.get(1), "Second");
		assertThat(second.body()).doesNotContain("Words of the first person");
		send(device, second);
		assertThat(SealedRows.submissions(jdbc, round.id())).isEqualTo(2);
		// The ways are counted at close, from the sealed answers.
		RoundView counted = rounds.close(round.id(), id);
		assertThat(counted.usedKiosk()).isEqualTo(2);
		assertThat(counted.usedOnline()).isZero();
		assertThat(device.cookies().keySet()).noneMatch(name -> name.equals("JSESSIONID"));
	}

	@Test
	void aKioskTakesOnlyItsOwnRoundsCodesAndAnEditedAddressIsRefused() {
		People.Organization organization = new People(accounts, signIn, jdbc).organization("Two rounds");
		UUID id = organization.steward().principal().organizationId();
		RoundView table = rounds.create(id, "Table", "peer-support-principles", 1, "en", 5);
		RoundView other = rounds.create(id, "Other", "peer-support-principles", 1, "en", 5);
		participation.issueCodes(table.id(), id, 1, "More of us came than we thought");
		List<String> otherCodes = participation.issueCodes(other.id(), id, 1, "More of us came than we thought");
		rounds.open(table.id(), id);
		rounds.open(other.id(), id);
		HttpBrowser device = new HttpBrowser(port).signIn(organization.steward().email(), People.PASSWORD);
		String home = device
			.post("/rounds/" + table.id() + "/kiosk", device.get("/rounds/" + table.id()).body(), Map.of())
			.headers()
			.firstValue("Location")
			.orElseThrow();
		String path = home.substring(home.indexOf("/join/kiosk/"));
		HttpResponse<String> start = device.get(path);
		Map<String, String> begin = new LinkedHashMap<>(Html.hiddenFields(start.body()));
		begin.put("code", otherCodes.get(0));
		begin.put("lang", "en");
		assertThat(device.follow(device.post("/join/start", start.body(), begin)).body())
			.contains("This code does not work");
		String edited = "/join/kiosk/" + other.id() + path.substring(path.lastIndexOf('/'), path.indexOf('?'));
		assertThat(device.get(edited).body()).contains("This kiosk is not set up for an open round");
	}

}
