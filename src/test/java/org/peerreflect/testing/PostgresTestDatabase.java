package org.peerreflect.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server the tests use: {@code .ci/run} installs and starts it (see
 * {@code .ci/postgres-start}). Outside CI a test skips when none is reachable; in CI
 * ({@code CI=true}) that is a failure. Each application context gets a schema of its own.
 */
public final class PostgresTestDatabase {

	public static final String URL = env("PEER_REFLECT_TEST_DB_URL",
			"jdbc:postgresql://localhost:5432/peer_reflect_test");

	public static final String USER = env("PEER_REFLECT_TEST_DB_USER", "peer_reflect");

	public static final String PASSWORD = env("PEER_REFLECT_TEST_DB_PASSWORD", "peer_reflect");

	private PostgresTestDatabase() {
	}

	/** Fails in CI, skips elsewhere, when no PostgreSQL server answers. */
	public static void requireOrSkip() {
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
			connection.isValid(2);
		}
		catch (SQLException e) {
			String why = "no PostgreSQL at " + URL + " (" + e.getMessage() + "); run .ci/postgres-start";
			if ("true".equals(System.getenv("CI"))) {
				fail(why);
			}
			Assumptions.abort(why);
		}
	}

	public static String freshSchema() {
		byte[] bytes = new byte[6];
		ThreadLocalRandom.current().nextBytes(bytes);
		return "test_" + HexFormat.of().formatHex(bytes);
	}

	/**
	 * The properties that point an application at its own new schema on the test server.
	 */
	public static Map<String, String> properties(String schema) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		properties.put("spring.datasource.username", USER);
		properties.put("spring.datasource.password", PASSWORD);
		properties.put("spring.flyway.schemas", schema);
		properties.put("spring.flyway.create-schemas", "true");
		return properties;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
