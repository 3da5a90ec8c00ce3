package org.peerreflect.participation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;
import org.springframework.util.MultiValueMap;

/**
 * The answers a journey holds, as the pages' fields name them ({@code a.} a scale item,
 * {@code w.} a written one, {@code perspective}): which fields a page has, a page's own
 * answers in place of what was held for it, and the submission they make at "Send". Only
 * what fits the round's questionnaire is ever kept.
 */
final class JourneyAnswers {

	private JourneyAnswers() {
	}

	/**
	 * The journey's answers with the page's own in place of what was held for that page:
	 * a choice taken back or a box emptied on the page is taken back in the journey too.
	 */
	static Map<String, String> merge(Map<String, String> held, MultiValueMap<String, String> form,
			Questionnaire questionnaire, int page) {
		Map<String, String> merged = new LinkedHashMap<>(held);
		List<String> names = namesOn(questionnaire, page);
		names.forEach(merged::remove);
		collect(form, questionnaire).forEach((name, value) -> {
			if (names.contains(name)) {
				merged.put(name, value);
			}
		});
		return merged;
	}

	/** The field names a page of questions (1 and up) holds; none on the review. */
	static List<String> namesOn(Questionnaire questionnaire, int page) {
		List<Principle> principles = questionnaire.principles();
		if (page >= 1 && page <= principles.size()) {
			return principles.get(page - 1)
				.items()
				.stream()
				.map(item -> (item.isScale() ? "a." : "w.") + item.id())
				.toList();
		}
		return page == principles.size() + 1 && questionnaire.perspective() != null ? List.of("perspective")
				: List.of();
	}

	static Submission answers(Map<String, String> fields) {
		Map<String, String> scale = new LinkedHashMap<>();
		Map<String, String> written = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith("a.")) {
				scale.put(name.substring(2), value);
			}
			else if (name.startsWith("w.")) {
				written.put(name.substring(2), value);
			}
		});
		return new Submission(fields.get("perspective"), scale, written);
	}

	/**
	 * Only fields that fit the round's questionnaire are kept; anything else is dropped,
	 * and no written answer is longer than its box allows.
	 */
	static Map<String, String> collect(MultiValueMap<String, String> form, Questionnaire questionnaire) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Item item : questionnaire.items()) {
			String value = form.getFirst((item.isScale() ? "a." : "w.") + item.id());
			if (value == null || value.isBlank()) {
				continue;
			}
			if (item.isScale() && !Scale.NOT_SURE.equals(value) && item.scale().indexOf(value) < 0) {
				continue;
			}
			String kept = item.isScale() ? value : value.strip();
			if (kept.length() > PageQuestion.LONGEST_WRITTEN) {
				kept = kept.substring(0, PageQuestion.LONGEST_WRITTEN);
			}
			fields.put((item.isScale() ? "a." : "w.") + item.id(), kept);
		}
		String perspective = form.getFirst("perspective");
		if (perspective != null && questionnaire.perspective() != null
				&& questionnaire.perspective().indexOf(perspective) >= 0) {
			fields.put("perspective", perspective);
		}
		return fields;
	}

	static int pageCount(Questionnaire questionnaire) {
		return questionnaire.principles().size() + (questionnaire.perspective() == null ? 0 : 1);
	}

}
