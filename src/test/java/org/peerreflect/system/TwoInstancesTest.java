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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the application on one PostgreSQL, as behind a load balancer: a
 * sign-in made on one is honoured by the other, because sessions live in the database.
 */
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

}
