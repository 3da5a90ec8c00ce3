package org.peerreflect.gate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;

/**
 * For one round: how many people took part, per perspective, and how many people gave
 * each answer to each scale item, per perspective. With the reviewed written answers, the
 * only input of the {@link Gate}. Filled row by row from a file, or from SQL
 * {@code GROUP BY} counts.
 * <p>
 * The answers typed in from paper are counted a second time on their own: whoever typed
 * them knows them, and the gate checks every figure for what is left when they are taken
 * away (invariant 13).
 */
public final class CountTable {

	private final Questionnaire questionnaire;

	private final List<Perspective.Option> perspectives;

	/**
	 * people[p]: people with perspective option p; the last slot holds people who gave
	 * none.
	 */
	private final long[] people;

	/**
	 * Per scale item: answers[p][o], option o in scale order, "not sure" in the last
	 * slot.
	 */
	private final Map<String, long[][]> answers = new LinkedHashMap<>();

	private final Map<String, Scale> scales = new HashMap<>();

	/** The same counts for the answers typed in from paper alone. */
	private final long[] paperPeople;

	private final Map<String, long[][]> paperAnswers = new LinkedHashMap<>();

	public CountTable(Questionnaire questionnaire) {
		this.questionnaire = questionnaire;
		this.perspectives = questionnaire.perspective() == null ? List.of() : questionnaire.perspective().options();
		this.people = new long[perspectives.size() + 1];
		this.paperPeople = new long[perspectives.size() + 1];
		for (Item item : questionnaire.items()) {
			if (item.isScale()) {
				answers.put(item.id(), new long[perspectives.size() + 1][item.scale().options().size() + 1]);
				paperAnswers.put(item.id(), new long[perspectives.size() + 1][item.scale().options().size() + 1]);
				scales.put(item.id(), item.scale());
			}
		}
	}

	public Questionnaire questionnaire() {
		return questionnaire;
	}

	/**
	 * Counts people who took part; {@code perspective} is an option value, or null for
	 * none given.
	 */
	public void addPeople(String perspective, long count) {
		addPeople(perspective, false, count);
	}

	/**
	 * As {@link #addPeople(String, long)}, for answers typed in from paper when
	 * {@code onPaper}.
	 */
	public void addPeople(String perspective, boolean onPaper, long count) {
		people[slot(perspective)] += count;
		if (onPaper) {
			paperPeople[slot(perspective)] += count;
		}
	}

	/**
	 * Counts people who gave {@code answer} (an option value or {@code not-sure}) to a
	 * scale item.
	 */
	public void addAnswers(String itemId, String perspective, String answer, long count) {
		addAnswers(itemId, perspective, false, answer, count);
	}

	/**
	 * As {@link #addAnswers(String, String, String, long)}, for answers typed in from
	 * paper when {@code onPaper}.
	 */
	public void addAnswers(String itemId, String perspective, boolean onPaper, String answer, long count) {
		long[][] item = answers.get(itemId);
		if (item == null) {
			throw new IllegalArgumentException("not a scale item of " + questionnaire.id() + ": " + itemId);
		}
		Scale scale = scales.get(itemId);
		int option = Scale.NOT_SURE.equals(answer) ? scale.options().size() : scale.indexOf(answer);
		if (option < 0) {
			throw new IllegalArgumentException("not an option of " + itemId + ": " + answer);
		}
		item[slot(perspective)][option] += count;
		if (onPaper) {
			paperAnswers.get(itemId)[slot(perspective)][option] += count;
		}
	}

	private int slot(String perspective) {
		if (perspective == null) {
			return perspectives.size();
		}
		for (int i = 0; i < perspectives.size(); i++) {
			if (perspectives.get(i).value().equals(perspective)) {
				return i;
			}
		}
		throw new IllegalArgumentException("not a perspective of " + questionnaire.id() + ": " + perspective);
	}

	/** People per perspective slot (options in order, then "none given"). */
	long[] peopleBySlot() {
		return people.clone();
	}

	/** People who answered on paper, per perspective slot. */
	long[] paperPeopleBySlot() {
		return paperPeople.clone();
	}

	/**
	 * Answers of one scale item per perspective slot and option slot ("not sure" last).
	 */
	long[][] answersBySlot(String itemId) {
		return copy(answers.get(itemId));
	}

	/** Answers typed in from paper of one scale item, as {@link #answersBySlot}. */
	long[][] paperAnswersBySlot(String itemId) {
		return copy(paperAnswers.get(itemId));
	}

	private static long[][] copy(long[][] item) {
		long[][] copy = new long[item.length][];
		for (int i = 0; i < item.length; i++) {
			copy[i] = item[i].clone();
		}
		return copy;
	}

	List<Perspective.Option> perspectives() {
		return perspectives;
	}

}
