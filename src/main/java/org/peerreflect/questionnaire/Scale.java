package org.peerreflect.questionnaire;

import java.util.List;

/** Ordered answer options, low to high; "not sure" is always offered beside them. */
public record Scale(String id, List<Option> options, LocalizedText notSure) {

	/** The value a "not sure" answer carries in answer files. */
	public static final String NOT_SURE = "not-sure";

	public Scale {
		options = List.copyOf(options);
	}

	public record Option(String value, LocalizedText label) {
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
