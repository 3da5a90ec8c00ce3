package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Invariant 4: nothing in the application reads where a request came from, so no address,
 * forwarding header or referring page can reach a member's request handling, a log line
 * or a stored answer; and the server keeps no access log and trusts no forwarding
 * headers.
 */
class RequestOriginTest {

	/** Every way a servlet application learns where a request came from. */
	private static final Pattern ORIGIN = Pattern
		.compile("getRemoteAddr|getRemoteHost|getRemotePort|getRemoteUser|X-Forwarded|\"Forwarded\"|\"Referer\"|"
				+ "HttpHeaders\\.REFERER|RemoteIpValve|ForwardedHeaderFilter|X-Real-IP");

	@Test
	void invariant4_noCodeReadsWhereARequestCameFrom() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			for (Path file : files.filter(path -> path.toString().matches(".*\\.(java|html|js|properties|sql|yaml)"))
				.toList()) {
				Matcher origin = ORIGIN.matcher(Files.readString(file));
				while (origin.find()) {
					found.add(file + ": " + origin.group());
				}
			}
		}
		assertThat(found).as("code that reads a request's origin").isEmpty();
	}

	@Test
	void invariant4_theServerKeepsNoAccessLog() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
			for (Path file : files.filter(path -> path.getFileName().toString().startsWith("application")).toList()) {
				String settings = Files.readString(file);
				assertThat(settings).as(file.toString()).doesNotContainPattern("accesslog\\.enabled\\s*=\\s*true");
			}
		}
		assertThat(Files.readString(Path.of("src/main/resources/application.properties")))
			.contains("server.tomcat.accesslog.enabled=false");
	}

}
