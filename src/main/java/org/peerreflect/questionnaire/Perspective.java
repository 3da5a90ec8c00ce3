package org.peerreflect.questionnaire;

import java.util.List;

/**
 * The optional self-declared "I take part mostly as" question. An option with
 * {@code group: false} (prefer not to say) is never treated as a group.
 */
public record Perspective(String id, LocalizedText text, List<Option> options) {

	public Perspective {
		options = List.copyOf(options);
	}

	/**
	 * @param name what reports call the group ("Members"), or null to call it by its
	 * answer's words
	 */
	public record Option(String value, boolean group, LocalizedText label, LocalizedText name) {

		/** The group's name in reports: its own name when the questionnaire gives one. */
		public LocalizedText groupName() {
			return name != null ? name : label;
		}

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
