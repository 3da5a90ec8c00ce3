package org.peerreflect.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;

/**
 * What to type in the paper spreadsheet's cells, beside the link to it: each answer's
 * value with its words as the paper form prints them, in the round's language, for each
 * scale (naming its columns when there is more than one) and for the perspective.
 *
 * @param scales one per scale, in the order the form first uses it
 * @param perspective the perspective's answers, empty when none is asked
 */
record AnswerLegend(List<ScaleLegend> scales, List<Entry> perspective) {

	/** One answer: what to type, and what the form prints beside its box. */
	record Entry(String value, String words) {
	}

	/**
	 * @param columns the item ids that take these answers; empty when every statement
	 * does
	 */
	record ScaleLegend(List<String> columns, List<Entry> entries) {
	}

	static AnswerLegend of(Questionnaire questionnaire, String language) {
		Map<Scale, List<String>> columns = new LinkedHashMap<>();
		for (Item item : questionnaire.items()) {
			if (item.isScale()) {
				columns.computeIfAbsent(item.scale(), scale -> new ArrayList<>()).add(item.id());
			}
		}
		List<ScaleLegend> scales = new ArrayList<>();
		columns.forEach((scale, ids) -> {
			List<Entry> entries = new ArrayList<>();
			scale.options().forEach(option -> entries.add(new Entry(option.value(), option.label().in(language))));
			entries.add(new Entry(Scale.NOT_SURE, scale.notSure().in(language)));
			scales.add(new ScaleLegend(columns.size() == 1 ? List.of() : List.copyOf(ids), List.copyOf(entries)));
		});
		List<Entry> perspective = new ArrayList<>();
		if (questionnaire.perspective() != null) {
			for (Perspective.Option option : questionnaire.perspective().options()) {
				perspective.add(new Entry(option.value(), option.label().in(language)));
			}
		}
		return new AnswerLegend(List.copyOf(scales), List.copyOf(perspective));
	}

}
