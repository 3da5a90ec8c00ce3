package org.peerreflect.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The settings an H2 address must carry for Peer Reflect, checked before anything opens
 * the database: its SQL is PostgreSQL's, its names lowercase, and on a file each thanked
 * answer is written before the thanks and a busy round is waited for. An operator who
 * moves the database with {@code spring.datasource.url} and leaves them out is told, in
 * one sentence, which ones, rather than meeting a grammar error in the middle of a start.
 * {@code PEER_REFLECT_DATA} moves the data folder with the settings kept.
 */
public final class H2Settings implements EnvironmentPostProcessor {

	/** What every H2 address needs, as H2 spells it. */
	private static final Map<String, String> ALWAYS = settings("MODE", "PostgreSQL", "DATABASE_TO_LOWER", "TRUE",
			"DEFAULT_NULL_ORDERING", "HIGH");

	/**
	 * What an H2 file needs besides: a commit on disk before the thanks, and patience.
	 */
	private static final Map<String, String> ON_A_FILE = settings("WRITE_DELAY", "0", "LOCK_TIMEOUT", "30000");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// Leniently: an address given later (by a placeholder filled from the environment
		// only at connection time, or by a test) is not H2's to check here.
		String url = environment.resolvePlaceholders("${spring.datasource.url:}");
		List<String> missing = missing(url);
		if (!missing.isEmpty()) {
			throw new Missing(missing);
		}
	}

	/**
	 * The settings {@code url} lacks, each as it should be written; none for an address
	 * that is not H2's.
	 */
	static List<String> missing(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return List.of();
		}
		String[] parts = url.split(";");
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 1; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			if (equals > 0) {
				given.put(parts[i].substring(0, equals).strip().toUpperCase(Locale.ROOT),
						parts[i].substring(equals + 1).strip());
			}
		}
		Map<String, String> needed = new LinkedHashMap<>(ALWAYS);
		if (!url.startsWith("jdbc:h2:mem:")) {
			needed.putAll(ON_A_FILE);
		}
		List<String> missing = new ArrayList<>();
		needed.forEach((name, value) -> {
			String set = given.get(name);
			boolean enough = name.equals("LOCK_TIMEOUT")
					? set != null && set.matches("\\d+") && Long.parseLong(set) >= Long.parseLong(value)
					: value.equalsIgnoreCase(set);
			if (!enough) {
				missing.add(name + "=" + value);
			}
		});
		return missing;
	}

	private static Map<String, String> settings(String... pairs) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			settings.put(pairs[i], pairs[i + 1]);
		}
		return settings;
	}

	/** An H2 address without what the application needs. */
	static final class Missing extends RuntimeException {

		Missing(List<String> missing) {
			super("The H2 address in spring.datasource.url lacks settings Peer Reflect needs: add ;"
					+ String.join(";", missing)
					+ " to it, or leave it unset and give the data folder with PEER_REFLECT_DATA instead.");
		}

	}

	/** Says the one sentence at start, without a stack trace. */
	static final class Explained extends AbstractFailureAnalyzer<Missing> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, Missing cause) {
			return new FailureAnalysis(cause.getMessage(),
					"Add the settings named above to the H2 address, or set PEER_REFLECT_DATA to the folder "
							+ "for the data and remove spring.datasource.url.",
					cause);
		}

	}

}
