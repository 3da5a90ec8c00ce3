package org.peerreflect.questionnaire;

import java.util.List;

public record Principle(String id, LocalizedText title, LocalizedText about, List<Item> items) {

	public Principle {
		items = List.copyOf(items);
	}

}
