package org.peerreflect.questionnaire;

/**
 * Something validation has to say about one place in a file: {@code file:line: message}.
 */
public record Finding(String file, int line, String message) {

	@Override
	public String toString() {
		return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
	}

}
