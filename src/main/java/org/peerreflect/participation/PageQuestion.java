package org.peerreflect.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Scale;

/**
 * One question as a participant's page shows it, in the person's language, with what they
 * chose so far. The page is drawn from this alone, so that it costs little to make;
 * public, so that its expressions can be compiled.
 */
public record PageQuestion(String name, boolean scale, String text, List<Choice> choices, String written) {

	/**
	 * The most characters a box for written words takes, on the participant's page and in
	 * the steward's review alike.
	 */
	public static final int LONGEST_WRITTEN = 4000;

	static PageQuestion of(Item item, Map<String, String> answers, String lang) {
		String name = (item.isScale() ? "a." : "w.") + item.id();
		String chosen = answers.get(name);
		if (!item.isScale()) {
			return new PageQuestion(name, false, item.text().in(lang), List.of(), chosen);
		}
		List<Choice> choices = new ArrayList<>();
		item.scale()
			.options()
			.forEach(option -> choices
				.add(new Choice(option.value(), option.label().in(lang), option.value().equals(chosen), false)));
		choices.add(new Choice(Scale.NOT_SURE, item.scale().notSure().in(lang), Scale.NOT_SURE.equals(chosen), true));
		return new PageQuestion(name, true, item.text().in(lang), choices, null);
	}

	static PageQuestion of(Perspective perspective, Map<String, String> answers, String lang) {
		String chosen = answers.get("perspective");
		List<Choice> choices = new ArrayList<>();
		perspective.options()
			.forEach(option -> choices
				.add(new Choice(option.value(), option.label().in(lang), option.value().equals(chosen), false)));
		return new PageQuestion("perspective", true, perspective.text().in(lang), choices, null);
	}

	/**
	 * What the person gave, as the review shows it: the chosen answer's words, or what
	 * they wrote; null for nothing.
	 */
	public String given() {
		if (!scale) {
			return written == null || written.isBlank() ? null : written;
		}
		return choices.stream().filter(Choice::checked).map(Choice::label).findFirst().orElse(null);
	}

	/** The id of the text box, for its label. */
	public String box() {
		return name.replace('.', '-');
	}

	/**
	 * One answer a person can choose, and whether they chose it; {@code aside} for "not
	 * sure", which stands apart from the scale, beside "skip this one".
	 */
	public record Choice(String value, String label, boolean checked, boolean aside) {
	}

	/** The answers that are steps of the scale (or the perspective's options). */
	public List<Choice> steps() {
		return choices.stream().filter(choice -> !choice.aside()).toList();
	}

	/** "Not sure", where the scale has it. */
	public List<Choice> asides() {
		return choices.stream().filter(Choice::aside).toList();
	}

}
