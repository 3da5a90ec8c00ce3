package org.peerreflect.system;

import java.util.List;

/**
 * The languages the application is written in: every page, message and report, with a
 * {@code messages_xx.properties} for each. Rounds, reports and the language switch take
 * their choices from here.
 */
public final class Languages {

	/** The languages as a pattern a form's field must match. */
	public static final String PATTERN = "en|es";

	/** The languages, the default first. */
	public static final List<String> ALL = List.of(PATTERN.split("\\|"));

	private Languages() {
	}

	/** The language asked for when the application speaks it, or else the default. */
	public static String orDefault(String language) {
		return language != null && ALL.contains(language) ? language : ALL.get(0);
	}

}
