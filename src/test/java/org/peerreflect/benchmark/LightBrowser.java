package org.peerreflect.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peerreflect.testing.Html;

/**
 * The load benchmark's browser: HTTP/1.1 over one kept-alive socket, cookies, and the
 * hidden fields of a form, with as little CPU as it can. The people run on the same two
 * cores as the application, so every millisecond they spend is one the application does
 * not get; the JDK's HTTP client spent about 8 ms of CPU per journey.
 */
final class LightBrowser implements AutoCloseable {

	/** A hidden field as the application writes it: type, then name, then value. */
	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	record Page(int status, String body, String location) {
	}

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	LightBrowser(int port) {
		this.port = port;
	}

	/** A new person on the same connection: nothing of the last one's cookies is kept. */
	void forget() {
		cookies.clear();
	}

	Page get(String path) {
		return send("GET " + path + " HTTP/1.1\r\n", new byte[0]);
	}

	Page post(String path, Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		return send("POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
				+ bytes.length + "\r\n", bytes);
	}

	/**
	 * Posts a form and, when answered with 303 See Other, goes on to the page named, as a
	 * browser does.
	 */
	Page postAndFollow(String path, Map<String, String> fields) {
		Page answer = post(path, fields);
		if (answer.status() != 303 || answer.location() == null) {
			return answer;
		}
		String location = answer.location();
		int host = location.indexOf("://");
		return get(host < 0 ? location : location.substring(location.indexOf('/', host + 3)));
	}

	/** The hidden fields of a page's form, the CSRF token among them. */
	static Map<String, String> hiddenFields(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher m = HIDDEN.matcher(page);
		while (m.find()) {
			fields.put(m.group(1), m.group(2).indexOf('&') < 0 ? m.group(2) : Html.text(m.group(2)));
		}
		return fields;
	}

	private Page send(String head, byte[] body) {
		for (int attempt = 0;; attempt++) {
			try {
				if (socket == null) {
					socket = new Socket("localhost", port);
					socket.setTcpNoDelay(true);
					in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
					out = socket.getOutputStream();
				}
				StringBuilder request = new StringBuilder(head).append("Host: localhost:")
					.append(port)
					.append("\r\nAccept-Language: en\r\n");
				if (!cookies.isEmpty()) {
					request.append("Cookie: ");
					cookies.forEach((name, value) -> request.append(name).append('=').append(value).append("; "));
					request.setLength(request.length() - 2);
					request.append("\r\n");
				}
				request.append("\r\n");
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(request.length() + body.length);
				bytes.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
				bytes.write(body);
				out.write(bytes.toByteArray());
				out.flush();
				return read();
			}
			catch (IOException e) {
				// The server may close a kept-alive connection between two requests: open
				// another once.
				close();
				if (attempt > 0) {
					throw new UncheckedIOException(e);
				}
			}
		}
	}

	private Page read() throws IOException {
		String status = line();
		if (status == null) {
			throw new IOException("connection closed");
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		String location = null;
		for (String line = line(); line != null && !line.isEmpty(); line = line()) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon).trim().toLowerCase();
			String value = line.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
				case "connection" -> closing = value.equalsIgnoreCase("close");
				case "set-cookie" -> cookie(value);
				case "location" -> location = value;
				default -> {
				}
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
		if (chunked) {
			for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer
				.parseInt(line().split(";")[0].trim(), 16)) {
				body.write(in.readNBytes(size));
				line();
			}
			line();
		}
		else if (length > 0) {
			body.write(in.readNBytes((int) length));
		}
		if (closing) {
			close();
		}
		return new Page(code, body.toString(StandardCharsets.UTF_8), location);
	}

	private void cookie(String header) {
		String pair = header.split(";", 2)[0];
		int equals = pair.indexOf('=');
		String name = pair.substring(0, equals).strip();
		String value = pair.substring(equals + 1).strip();
		if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
			cookies.remove(name);
		}
		else {
			cookies.put(name, value);
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				return line.isEmpty() ? null : line.toString();
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		try {
			if (socket != null) {
				socket.close();
			}
		}
		catch (IOException e) {
			// Gone already.
		}
		socket = null;
	}

}
