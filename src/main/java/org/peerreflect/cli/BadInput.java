package org.peerreflect.cli;

import java.util.List;

/** Input that cannot be used; each line names the file and place. Exit status 1. */
final class BadInput extends Exception {

	private final List<String> lines;

	BadInput(List<String> lines) {
		super(String.join("\n", lines));
		this.lines = List.copyOf(lines);
	}

	BadInput(String line) {
		this(List.of(line));
	}

	List<String> lines() {
		return lines;
	}

}
