package org.peerreflect.questionnaire;

import java.util.List;

/**
 * The optional self-declared "I take part mostly as" question. An option with {@code group: false}
 * (prefer not to say) is never treated as a group.
 */
public record Perspective(String id, LocalizedText text, List<Option> options) {

	public Perspective {
		options = List.copyOf(options);
	}

	public record Option(String value, boolean group, LocalizedText label) {
	}

	/** Position of the option with this value, or -1. */
	public int indexOf(String value) {
		for (int i = 0; i < options.size(); i++) {
			if (options.get(i).value().equals(value)) {
				return i;
			}
		}
		return -1;
	}

}
