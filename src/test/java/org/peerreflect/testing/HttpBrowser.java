package org.peerreflect.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript against the running application: keeps its cookies,
 * follows no redirect by itself, and sends forms with the CSRF token of the page they
 * came from.
 */
public final class HttpBrowser {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final Map<String, String> cookies;

	private String acceptLanguage = "en";

	public HttpBrowser(int port) {
		this(port, new LinkedHashMap<>());
	}

	private HttpBrowser(int port, Map<String, String> cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
	}

	/**
	 * The same browser, with the same cookies, talking to another instance on the same
	 * address (as a load balancer may send it).
	 */
	public HttpBrowser at(int otherPort) {
		return new HttpBrowser(otherPort, cookies).acceptLanguage(acceptLanguage);
	}

	public HttpBrowser acceptLanguage(String language) {
		this.acceptLanguage = language;
		return this;
	}

	public Map<String, String> cookies() {
		return Map.copyOf(cookies);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/** Posts a form as a browser would, with {@code _csrf} taken from {@code page}. */
	public HttpResponse<String> post(String path, String page, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", Html.csrf(page));
		String body = all.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Uploads one file as {@code multipart/form-data}, with {@code _csrf} taken from
	 * {@code page}.
	 */
	public HttpResponse<String> upload(String path, String page, String field, String fileName, byte[] content) {
		String boundary = "----peer-reflect-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + Html.csrf(page)
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Where a redirect leads, as a browser follows it; any other answer as it is. */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 3) {
			return response;
		}
		String location = response.headers().firstValue("Location").orElseThrow();
		return get(location.startsWith(base) ? location.substring(base.length()) : location);
	}

	/** Sends the sign-in form and returns the answer, whatever it is. */
	public HttpResponse<String> trySignIn(String email, String password) {
		HttpResponse<String> form = get("/sign-in");
		return post("/sign-in", form.body(), Map.of("email", email, "password", password));
	}

	/**
	 * Signs in through the sign-in form; fails unless the application sends the person to
	 * the start page.
	 */
	public HttpBrowser signIn(String email, String password) {
		HttpResponse<String> signedIn = trySignIn(email, password);
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || !(location.equals("/") || location.equals(base + "/"))) {
			throw new AssertionError("sign-in of " + email + " gave " + signedIn.statusCode() + " to " + location);
		}
		return this;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.header("Accept-Language", acceptLanguage);
		if (!cookies.isEmpty()) {
			builder.header("Cookie",
					cookies.entrySet()
						.stream()
						.map(e -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String name = pair.substring(0, equals).strip();
				String value = pair.substring(equals + 1).strip();
				boolean expired = value.isEmpty() || header.toLowerCase().contains("max-age=0");
				if (expired) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			return response;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
