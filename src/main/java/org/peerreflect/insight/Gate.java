package org.peerreflect.insight;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.peerreflect.insight.GroupSummary.Distribution;
import org.peerreflect.insight.GroupSummary.GroupDistribution;
import org.peerreflect.insight.GroupSummary.ItemSummary;
import org.peerreflect.insight.GroupSummary.Option;
import org.peerreflect.insight.GroupSummary.PrincipleSummary;
import org.peerreflect.insight.GroupSummary.WrittenSummary;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * Turns a count table and the reviewed written answers into group summaries, keeping every person
 * hidden in a group of at least k people (DESIGN section 4, invariants 7, 8 and 9):
 * <ul>
 * <li>k counts people: a round with fewer than k people shows nothing; an item answered by fewer
 * than k shows no distribution;</li>
 * <li>perspective groups, item by item: groups under k are withheld; then, while the people
 * outside the shown groups are some but fewer than k once the largest under-k group is left out of
 * them, the smallest shown group (the last listed of equal ones) is withheld too;</li>
 * <li>written answers only for items with at least k of them, shuffled, with no perspective.</li>
 * </ul>
 */
public final class Gate {

	public static final int DEFAULT_MIN_GROUP_SIZE = 5;

	public static final int LOWEST_MIN_GROUP_SIZE = 3;

	private final int k;

	private final Random random;

	public Gate(int minGroupSize) {
		this(minGroupSize, new SecureRandom());
	}

	/** With a given source of randomness, so that tests can repeat a shuffle. */
	public Gate(int minGroupSize, Random random) {
		if (minGroupSize < LOWEST_MIN_GROUP_SIZE) {
			throw new IllegalArgumentException(
					"the minimum group size is never below " + LOWEST_MIN_GROUP_SIZE + ": " + minGroupSize);
		}
		this.k = minGroupSize;
		this.random = random;
	}

	public int minGroupSize() {
		return k;
	}

	public GroupSummary summarize(CountTable table, WrittenAnswers written) {
		Questionnaire questionnaire = table.questionnaire();
		List<Perspective.Option> perspectives = table.perspectives();
		long total = table.totalPeople();
		boolean enough = total >= k;

		long[] roundPeople = table.peopleBySlot();
		boolean[] everyGroup = new boolean[perspectives.size()];
		java.util.Arrays.fill(everyGroup, true);
		boolean[] roundShown = enough ? shownGroups(roundPeople, perspectives, k, everyGroup)
				: new boolean[perspectives.size()];
		List<GroupSummary.Group> groups = new ArrayList<>();
		for (int p = 0; p < perspectives.size(); p++) {
			Perspective.Option option = perspectives.get(p);
			if (option.group()) {
				groups.add(new GroupSummary.Group(option.value(), option.label(),
						roundShown[p] ? Math.toIntExact(roundPeople[p]) : null));
			}
		}

		List<PrincipleSummary> principles = new ArrayList<>();
		for (Principle principle : questionnaire.principles()) {
			List<ItemSummary> items = new ArrayList<>();
			List<WrittenSummary> texts = new ArrayList<>();
			for (Item item : principle.items()) {
				if (item.isScale()) {
					items.add(scaleItem(item, table.answersBySlot(item.id()), perspectives, enough, roundShown));
				}
				else {
					texts.add(textItem(item, written.of(item.id()), enough));
				}
			}
			principles.add(new PrincipleSummary(principle.id(), principle.title(), principle.about(), items, texts));
		}
		return new GroupSummary(questionnaire.id(), questionnaire.version(), questionnaire.title(), k,
				enough ? Math.toIntExact(total) : null,
				questionnaire.perspective() == null ? null : questionnaire.perspective().text(), groups, principles);
	}

	/**
	 * A group withheld for the round stays withheld on every item: shown on an item, its size there
	 * (often its size in the round) would let the round's other withheld groups be worked out.
	 */
	private ItemSummary scaleItem(Item item, long[][] bySlot, List<Perspective.Option> perspectives, boolean enough,
			boolean[] roundShown) {
		int optionCount = item.scale().options().size();
		long[] all = new long[optionCount + 1];
		long[] groupSizes = new long[bySlot.length];
		for (int p = 0; p < bySlot.length; p++) {
			for (int o = 0; o <= optionCount; o++) {
				all[o] += bySlot[p][o];
				groupSizes[p] += bySlot[p][o];
			}
		}
		long answered = sum(all);
		boolean itemShown = enough && answered >= k;
		boolean[] shown = itemShown ? shownGroups(groupSizes, perspectives, k, roundShown)
				: new boolean[perspectives.size()];
		List<GroupDistribution> groups = new ArrayList<>();
		for (int p = 0; p < perspectives.size(); p++) {
			Perspective.Option option = perspectives.get(p);
			if (option.group()) {
				groups.add(new GroupDistribution(option.value(), option.label(), shown[p] ? distribution(bySlot[p]) : null));
			}
		}
		List<Option> options = item.scale().options().stream().map(o -> new Option(o.value(), o.label())).toList();
		return new ItemSummary(item.id(), item.text(), options, item.scale().notSure(),
				itemShown ? distribution(all) : null,
				itemShown ? OrdinalSpread.leik(java.util.Arrays.copyOf(all, optionCount)) : null, groups);
	}

	private WrittenSummary textItem(Item item, List<String> answers, boolean enough) {
		List<String> counted = new ArrayList<>();
		for (String answer : answers) {
			if (!WrittenAnswers.whollyRemoved(answer)) {
				counted.add(answer);
			}
		}
		if (!enough || counted.size() < k) {
			return new WrittenSummary(item.id(), item.text(), false, List.of());
		}
		Collections.shuffle(counted, random);
		return new WrittenSummary(item.id(), item.text(), true, counted);
	}

	/**
	 * Which perspective options may be shown, given the people in each slot (options in order, the
	 * last slot for people who gave none). Options with {@code group: false}, and options not
	 * {@code allowed}, are never shown; an option not allowed is not "withheld for being under k".
	 */
	static boolean[] shownGroups(long[] sizes, List<Perspective.Option> perspectives, int k, boolean[] allowed) {
		boolean[] shown = new boolean[perspectives.size()];
		long total = sum(sizes);
		long outside = total;
		long largestUnderK = 0;
		for (int p = 0; p < perspectives.size(); p++) {
			if (!perspectives.get(p).group()) {
				continue;
			}
			if (sizes[p] < k) {
				largestUnderK = Math.max(largestUnderK, sizes[p]);
			}
			else if (allowed[p]) {
				shown[p] = true;
				outside -= sizes[p];
			}
		}
		while (outside > 0 && outside - largestUnderK < k) {
			int smallest = -1;
			for (int p = 0; p < shown.length; p++) {
				if (shown[p] && (smallest < 0 || sizes[p] <= sizes[smallest])) {
					smallest = p;
				}
			}
			if (smallest < 0) {
				break;
			}
			shown[smallest] = false;
			outside += sizes[smallest];
		}
		return shown;
	}

	private static Distribution distribution(long[] slots) {
		int optionCount = slots.length - 1;
		List<Integer> counts = new ArrayList<>(optionCount);
		for (int o = 0; o < optionCount; o++) {
			counts.add(Math.toIntExact(slots[o]));
		}
		return new Distribution(Math.toIntExact(sum(slots)), counts, Math.toIntExact(slots[optionCount]));
	}

	private static long sum(long[] values) {
		long sum = 0;
		for (long v : values) {
			sum += v;
		}
		return sum;
	}

}
