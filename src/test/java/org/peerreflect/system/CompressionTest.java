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
 * The style sheet travels compressed (the scripts too, once they pass 2 KB), for phones
 * on a slow connection; pages never do, since a page with a form carries a secret token
 * that compression could give away to someone who can watch the sizes go by.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompressionTest {

	@LocalServerPort
	int port;

	private HttpResponse<byte[]> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theStyleSheetIsCompressedAndPagesAreNot() throws Exception {
		HttpResponse<byte[]> css = get("/css/peer-reflect.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(css.body().length).as("bytes sent for the style sheet").isLessThan(5000);
		HttpResponse<byte[]> page = get("/join");
		assertThat(new String(page.body())).contains("name=\"_csrf\"");
		assertThat(page.headers().firstValue("Content-Encoding")).as("a page with a form's token").isEmpty();
	}

}
