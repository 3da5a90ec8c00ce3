package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerreflect.PeerReflectApplication;
import org.peerreflect.organization.AccountService;
import org.peerreflect.testing.PostgresTestDatabase;
import org.peerreflect.testing.Slow;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the application on one PostgreSQL, as behind a load balancer: a
 * sign-in made on one is honoured by the other, because sessions live in the database; a
 * participant's answers not sent yet live in the memory of the instance that holds the
 * journey, and a page that reaches the other one says so and drops nothing silently.
 */
@Slow
class TwoInstancesTest {

	private static final String SCHEMA = PostgresTestDatabase.freshSchema();

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startTwo() {
		PostgresTestDatabase.requireOrSkip();
		for (int i = 0; i < 2; i++) {
			List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=postgres"));
			for (Map.Entry<String, String> property : PostgresTestDatabase.properties(SCHEMA).entrySet()) {
				arguments.add("--" + property.getKey() + "=" + property.getValue());
			}
			instances
				.add(new SpringApplicationBuilder(PeerReflectApplication.class).run(arguments.toArray(String[]::new)));
		}
	}

	@AfterAll
	static void stopBoth() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	private static int port(int instance) {
		return ((WebServerApplicationContext) instances.get(instance)).getWebServer().getPort();
	}

	private HttpResponse<String> get(int instance, String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	@Test
	void aSignInOnOneInstanceIsHonouredByTheOther() throws Exception {
		AccountService accounts = instances.get(0).getBean(AccountService.class);
		AccountService.Invitation steward = accounts.createOrganization("Two Rivers", "river@example.org");
		accounts.setPasswordWithLink(steward.link().substring(steward.link().lastIndexOf('/') + 1), "rivers meet here");

		HttpResponse<String> page = get(0, "/sign-in", null);
		String cookie = sessionCookie(page);
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "email=" + URLEncoder.encode("river@example.org", StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode("rivers meet here", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<String> signIn = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(0) + "/sign-in"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("failed"));
		String signedIn = sessionCookie(signIn) != null ? sessionCookie(signIn) : cookie;

		HttpResponse<String> onTheOther = get(1, "/team", signedIn);
		assertThat(onTheOther.statusCode()).isEqualTo(200);
		assertThat(onTheOther.body()).contains("Two Rivers").contains("river@example.org");

		HttpResponse<String> withoutSignIn = get(1, "/team", null);
		assertThat(withoutSignIn.statusCode()).isEqualTo(302);
	}

	/**
	 * The proxy sends a page of answers to the instance that does not hold the journey:
	 * that instance says plainly that the earlier pages' answers are not kept here, sends
	 * and stores nothing, and leaves the journey as it was, so that the person's next
	 * page, back on the instance that holds it, goes on with every answer.
	 */
	@Test
	void aPageThatReachesAnInstanceWithoutItsJourneySaysSoAndDropsNothingSilently() throws Exception {
		AccountService accounts = instances.get(0).getBean(AccountService.class);
		org.peerreflect.round.RoundService rounds = instances.get(0).getBean(org.peerreflect.round.RoundService.class);
		org.peerreflect.participation.ParticipationService participation = instances.get(0)
			.getBean(org.peerreflect.participation.ParticipationService.class);
		AccountService.Invitation steward = accounts.createOrganization("Two Bridges", "bridges@example.org");
		java.util.UUID organization = instances.get(0)
			.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForObject("select organization_id from account where id = ?", java.util.UUID.class,
					steward.accountId());
		java.util.UUID round = rounds.create(organization, "Across", "peer-support-principles", 1, "en", 5).id();
		List<String> codes = participation.issueCodes(round, organization, 2, "More of us came than we thought");
		rounds.open(round, organization);

		org.peerreflect.testing.HttpBrowser onFirst = new org.peerreflect.testing.HttpBrowser(port(0));
		HttpResponse<String> first = onFirst.follow(
				onFirst.post("/join/start", onFirst.get("/join").body(), Map.of("code", codes.get(0), "lang", "en")));
		Map<String, String> fields = org.peerreflect.testing.Html.hiddenFields(first.body());
		fields.putAll(Map.of("w.np-say", "Bread baked together", "go", "next"));
		HttpResponse<String> second = onFirst.follow(onFirst.post("/join/page", first.body(), fields));
		assertThat(second.body()).contains("Page 2 of 7");

		org.peerreflect.testing.HttpBrowser onSecond = onFirst.at(port(1));
		Map<String, String> next = org.peerreflect.testing.Html.hiddenFields(second.body());
		next.putAll(Map.of("w.na-say", "Listening first", "go", "next"));
		HttpResponse<String> astray = onSecond.follow(onSecond.post("/join/page", second.body(), next));
		String said = org.peerreflect.testing.Html.text(astray.body());
		assertThat(said).contains("Your answers from the earlier pages were not kept here")
			.contains("Nothing was sent")
			.contains("the code on your card still works")
			.doesNotContain("Bread baked together")
			.doesNotContain("Listening first");
		HttpResponse<String> pageAstray = onSecond.get(second.uri().getRawPath() + "?" + second.uri().getRawQuery());
		assertThat(org.peerreflect.testing.Html.text(pageAstray.body())).contains("were not kept here");
		assertThat(participation.roundOf(codes.get(0))).as("nothing was sent").isPresent();

		// Back on the instance that holds the journey, nothing is lost.
		HttpResponse<String> third = onFirst.follow(onFirst.post("/join/page", second.body(), next));
		assertThat(third.body()).contains("Page 3 of 7");
		HttpResponse<String> back = onFirst.get(first.uri().getRawPath() + "?" + first.uri().getRawQuery());
		assertThat(back.body()).contains("Bread baked together");
	}

}
