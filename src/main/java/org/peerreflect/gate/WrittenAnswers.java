package org.peerreflect.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The written answers of a round, item by item, as reviewed: kept per item with no link
 * to any response or to the person's other answers.
 */
public final class WrittenAnswers {

	/** What a reviewer may put in place of identifying words, and nothing else. */
	public static final String REMOVED = "[removed]";

	private final Map<String, List<String>> byItem = new LinkedHashMap<>();

	/**
	 * The answers typed in from paper, per item: whoever typed them knows them (invariant
	 * 13).
	 */
	private final Map<String, List<String>> paperByItem = new LinkedHashMap<>();

	public static WrittenAnswers none() {
		return new WrittenAnswers();
	}

	public void add(String itemId, String answer) {
		add(itemId, answer, false);
	}

	/**
	 * As {@link #add(String, String)}, for an answer typed in from paper when
	 * {@code onPaper}.
	 */
	public void add(String itemId, String answer, boolean onPaper) {
		if (answer != null && !answer.isBlank()) {
			(onPaper ? paperByItem : byItem).computeIfAbsent(itemId, id -> new ArrayList<>()).add(answer.strip());
		}
	}

	/** The answers to an item that did not come on paper. */
	List<String> of(String itemId) {
		return byItem.getOrDefault(itemId, List.of());
	}

	/** The answers to an item typed in from paper. */
	List<String> onPaper(String itemId) {
		return paperByItem.getOrDefault(itemId, List.of());
	}

	/**
	 * True when reviewing removed every word of the answer: nothing is left but
	 * "[removed]", punctuation and spaces. Such an answer no longer counts. An answer of
	 * only an emoji or "!!!" was never reviewed away and still counts.
	 */
	public static boolean whollyRemoved(String answer) {
		return answer.contains(REMOVED) && answer.replace(REMOVED, "").replaceAll("[\\p{P}\\s]", "").isEmpty();
	}

}
