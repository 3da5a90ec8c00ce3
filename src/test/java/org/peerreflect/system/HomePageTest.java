package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application starts, serves its home page in both languages, and reports itself
 * healthy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomePageTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path, String language) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", language)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void homePageSpeaksEnglishAndSpanish() throws Exception {
		HttpResponse<String> english = get("/", "en");
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("<html lang=\"en\"").contains("never about a person");
		HttpResponse<String> spanish = get("/", "es");
		assertThat(spanish.body()).contains("<html lang=\"es\"").contains("nunca sobre una persona");
	}

	@Test
	void healthIsUp() throws Exception {
		HttpResponse<String> health = get("/actuator/health", "en");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

}
