package org.peerreflect.insight;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Turns a count table and the reviewed written answers into group summaries, keeping
 * every person hidden in a group of at least k people (DESIGN section 4, invariants 7, 8
 * and 9):
 * <ul>
 * <li>k counts people: a round with fewer than k people shows nothing; an item answered
 * by fewer than k shows no distribution;</li>
 * <li>perspective groups, item by item: groups under k are withheld; then, while the
 * people outside the shown groups are some but fewer than k once the largest under-k
 * group is left out of them, the smallest shown group (the last listed of equal ones) is
 * withheld too;</li>
 * <li>written answers only for items with at least k of them, shuffled, with no
 * perspective.</li>
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
		long[] people = table.peopleBySlot();
		long[] paper = table.paperPeopleBySlot();
		long[] online = minus(people, paper);
		// Too few answered outside paper to stay hidden from whoever typed the paper
		// forms: their
		// answers are left out of every figure rather than every figure being withheld.
		boolean leaveOnlineOut = !safe(sum(online));
		Counts round = leaveOnlineOut ? new Counts(paper, new long[paper.length]) : new Counts(people, online);
		long total = sum(round.all());
		boolean enough = total >= k;

		boolean[] everyGroup = new boolean[perspectives.size()];
		Arrays.fill(everyGroup, true);
		boolean[] roundShown = enough ? shownGroups(round.all(), round.online(), perspectives, k, everyGroup)
				: new boolean[perspectives.size()];
		List<GroupSummary.Group> groups = new ArrayList<>();
		for (int p = 0; p < perspectives.size(); p++) {
			Perspective.Option option = perspectives.get(p);
			if (option.group()) {
				groups.add(new GroupSummary.Group(option.value(), option.groupName(),
						roundShown[p] ? Math.toIntExact(round.all()[p]) : null));
			}
		}

		boolean someLeftOut = leaveOnlineOut;
		List<PrincipleSummary> principles = new ArrayList<>();
		for (Principle principle : questionnaire.principles()) {
			List<ItemSummary> items = new ArrayList<>();
			List<WrittenSummary> texts = new ArrayList<>();
			for (Item item : principle.items()) {
				if (item.isScale()) {
					long[][] paperAnswers = table.paperAnswersBySlot(item.id());
					long[][] answers = leaveOnlineOut ? paperAnswers : table.answersBySlot(item.id());
					long[][] onlineAnswers = leaveOnlineOut ? new long[answers.length][answers[0].length]
							: minus(answers, paperAnswers);
					items.add(scaleItem(item, answers, onlineAnswers, round, perspectives, enough, roundShown));
				}
				else {
					// Written answers that did not come on paper are left out when they
					// are too few to
					// stay hidden from whoever typed the paper ones.
					List<String> notOnPaper = counting(written.of(item.id()));
					boolean leaveOut = leaveOnlineOut || !safe(notOnPaper.size());
					someLeftOut |= leaveOut && !notOnPaper.isEmpty();
					texts.add(textItem(item, counting(written.onPaper(item.id())), leaveOut ? List.of() : notOnPaper,
							enough));
				}
			}
			principles.add(new PrincipleSummary(principle.id(), principle.title(), principle.about(), items, texts));
		}
		return new GroupSummary(questionnaire.id(), questionnaire.version(), questionnaire.title(), k,
				enough ? Math.toIntExact(total) : null,
				questionnaire.perspective() == null ? null : questionnaire.perspective().text(), groups, principles,
				enough && someLeftOut ? Boolean.TRUE : null);
	}

	/**
	 * People per perspective slot: everyone counted, and those of them who did not answer
	 * on paper.
	 */
	private record Counts(long[] all, long[] online) {
	}

	/**
	 * A number of people that may stand behind a figure as far as whoever typed the paper
	 * forms can tell: none, or at least k.
	 */
	private boolean safe(long people) {
		return GroupSummary.countMayBeShown(people, k);
	}

	/**
	 * A group withheld for the round stays withheld on every item: shown on an item, its
	 * size there (often its size in the round) would let the round's other withheld
	 * groups be worked out.
	 */
	private ItemSummary scaleItem(Item item, long[][] bySlot, long[][] onlineBySlot, Counts round,
			List<Perspective.Option> perspectives, boolean enough, boolean[] roundShown) {
		int optionCount = item.scale().options().size();
		long[] all = columns(bySlot);
		long[] allOnline = columns(onlineBySlot);
		long[] groupSizes = rows(bySlot);
		long[] onlineSizes = rows(onlineBySlot);
		long answered = sum(all);
		boolean itemShown = enough && answered >= k && safe(sum(allOnline));
		boolean[] shown = itemShown ? shownGroups(groupSizes, onlineSizes, perspectives, k, roundShown)
				: new boolean[perspectives.size()];
		if (itemShown && !alike(all, sum(round.all()))
				&& (pinnedOutside(bySlot, round.all(), shown) || pinnedOutside(onlineBySlot, round.online(), shown))) {
			// Answers given alike: somebody outside the shown groups would be left with
			// one possible
			// answer. Withholding the groups one by one would not do: a group shown for
			// the round and
			// withheld on this item alone would tell readers why, and so the answer. The
			// item is
			// withheld whole, as for too few answers.
			itemShown = false;
			shown = new boolean[perspectives.size()];
		}
		List<GroupDistribution> groups = new ArrayList<>();
		for (int p = 0; p < perspectives.size(); p++) {
			Perspective.Option option = perspectives.get(p);
			if (option.group()) {
				groups.add(new GroupDistribution(option.value(), option.groupName(),
						shown[p] ? distribution(bySlot[p]) : null));
			}
		}
		List<Option> options = item.scale().options().stream().map(o -> new Option(o.value(), o.label())).toList();
		return new ItemSummary(item.id(), item.text(), options, item.scale().notSure(),
				itemShown ? distribution(all) : null,
				itemShown ? OrdinalSpread.leik(Arrays.copyOf(all, optionCount)) : null, groups, item.prompt());
	}

	/**
	 * Whether the people outside the shown groups (withheld groups, no group, no
	 * perspective) are some, and all gave one and the same answer to the item, "no
	 * answer" counting as an answer: the item's figures minus the shown groups' would
	 * then tell each of them.
	 */
	private static boolean pinnedOutside(long[][] bySlot, long[] roundPeople, boolean[] shown) {
		long outsidePeople = 0;
		long[] outside = new long[bySlot[0].length];
		for (int p = 0; p < bySlot.length; p++) {
			if (p < shown.length && shown[p]) {
				continue;
			}
			outsidePeople += roundPeople[p];
			for (int o = 0; o < outside.length; o++) {
				outside[o] += bySlot[p][o];
			}
		}
		return outsidePeople > 0 && alike(outside, outsidePeople);
	}

	/**
	 * Whether all {@code people} gave one answer: all in one slot, or none answered at
	 * all.
	 */
	private static boolean alike(long[] answers, long people) {
		long answered = sum(answers);
		int given = answered < people ? 1 : 0;
		for (long n : answers) {
			if (n > 0) {
				given++;
			}
		}
		return given <= 1;
	}

	private static int smallestShown(boolean[] shown, long[] sizes) {
		int smallest = -1;
		for (int p = 0; p < shown.length; p++) {
			if (shown[p] && (smallest < 0 || sizes[p] <= sizes[smallest])) {
				smallest = p;
			}
		}
		return smallest;
	}

	/** Written answers of an item that count, shown when at least k do. */
	private WrittenSummary textItem(Item item, List<String> paper, List<String> online, boolean enough) {
		List<String> counted = new ArrayList<>(paper);
		counted.addAll(online);
		if (!enough || counted.size() < k) {
			return new WrittenSummary(item.id(), item.text(), false, List.of());
		}
		Collections.shuffle(counted, random);
		return new WrittenSummary(item.id(), item.text(), true, counted);
	}

	/**
	 * The answers that still count: an answer wholly removed in review no longer does.
	 */
	private static List<String> counting(List<String> answers) {
		List<String> counted = new ArrayList<>();
		for (String answer : answers) {
			if (!WrittenAnswers.whollyRemoved(answer)) {
				counted.add(answer);
			}
		}
		return counted;
	}

	/**
	 * Which perspective options may be shown, given the people in each slot (options in
	 * order, the last slot for people who gave none) and of them those who did not answer
	 * on paper. Options with {@code group: false}, and options not {@code allowed}, are
	 * never shown; an option not allowed is not "withheld for being under k". Every rule
	 * holds for everyone and again for the answers that did not come on paper, where none
	 * is also safe (invariant 13).
	 */
	static boolean[] shownGroups(long[] sizes, long[] online, List<Perspective.Option> perspectives, int k,
			boolean[] allowed) {
		boolean[] shown = new boolean[perspectives.size()];
		long outside = sum(sizes);
		long outsideOnline = sum(online);
		long largestUnderK = 0;
		long largestOnlineUnderK = 0;
		for (int p = 0; p < perspectives.size(); p++) {
			if (!perspectives.get(p).group()) {
				continue;
			}
			boolean onlineSafe = online[p] == 0 || online[p] >= k;
			if (sizes[p] < k) {
				largestUnderK = Math.max(largestUnderK, sizes[p]);
			}
			if (online[p] < k && (sizes[p] < k || !onlineSafe || !allowed[p])) {
				largestOnlineUnderK = Math.max(largestOnlineUnderK, online[p]);
			}
			if (sizes[p] >= k && onlineSafe && allowed[p]) {
				shown[p] = true;
				outside -= sizes[p];
				outsideOnline -= online[p];
			}
		}
		while (outside > 0 && outside - largestUnderK < k
				|| outsideOnline > 0 && outsideOnline - largestOnlineUnderK < k) {
			int smallest = smallestShown(shown, sizes);
			if (smallest < 0) {
				break;
			}
			shown[smallest] = false;
			outside += sizes[smallest];
			outsideOnline += online[smallest];
		}
		return shown;
	}

	/** Per option slot, summed over perspective slots. */
	private static long[] columns(long[][] bySlot) {
		long[] sums = new long[bySlot[0].length];
		for (long[] slot : bySlot) {
			for (int o = 0; o < sums.length; o++) {
				sums[o] += slot[o];
			}
		}
		return sums;
	}

	/** Per perspective slot, summed over option slots. */
	private static long[] rows(long[][] bySlot) {
		long[] sums = new long[bySlot.length];
		for (int p = 0; p < bySlot.length; p++) {
			sums[p] = sum(bySlot[p]);
		}
		return sums;
	}

	private static long[] minus(long[] a, long[] b) {
		long[] difference = new long[a.length];
		for (int i = 0; i < a.length; i++) {
			difference[i] = a[i] - b[i];
		}
		return difference;
	}

	private static long[][] minus(long[][] a, long[][] b) {
		long[][] difference = new long[a.length][];
		for (int i = 0; i < a.length; i++) {
			difference[i] = minus(a[i], b[i]);
		}
		return difference;
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
