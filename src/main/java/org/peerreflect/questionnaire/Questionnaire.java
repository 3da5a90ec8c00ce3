package org.peerreflect.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A versioned set of principles, each with items, in one or more languages. */
public record Questionnaire(String id, int version, List<String> languages, LocalizedText title,
		Map<String, Scale> scales, Perspective perspective, List<Principle> principles) {

	public Questionnaire {
		languages = List.copyOf(languages);
		scales = Map.copyOf(scales);
		principles = List.copyOf(principles);
	}

	public List<Item> items() {
		return principles.stream().flatMap(p -> p.items().stream()).toList();
	}

	/**
	 * The ids of its statements, the scale items, in order: what an agreement may be
	 * about.
	 */
	public List<String> statementIds() {
		return items().stream().filter(Item::isScale).map(Item::id).toList();
	}

	public Optional<Item> item(String id) {
		return items().stream().filter(i -> i.id().equals(id)).findFirst();
	}

	public boolean speaks(String language) {
		return languages.contains(language);
	}

}
