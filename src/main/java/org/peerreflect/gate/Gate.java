package org.peerreflect.gate;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.GroupSummary.Option;
import org.peerreflect.gate.GroupSummary.PrincipleSummary;
import org.peerreflect.gate.GroupSummary.WrittenSummary;
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
 * <li>answers given alike: everyone outside the shown groups keeps at least two possible
 * answers on every item, even for one of them who takes their own answer away, unless the
 * whole round (less that one) answered alike; the item's breakdown, or the item, is
 * withheld otherwise;</li>
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
		long[] everyone = withSkipped(all, sum(round.all()));
		if (itemShown && (pinnedOutside(bySlot, round.all(), shown, everyone)
				|| pinnedOutside(onlineBySlot, round.online(), shown, everyone))) {
			// Answers given alike: somebody outside the shown groups, or one of them who
			// takes their own answer away, would be left with one possible answer for the
			// others. Without the item's breakdown by group everyone is "all of us",
			// which
			// keeps them (see breakdownAloneSuffices); else the item is withheld whole.
			if (!breakdownAloneSuffices(everyone, sum(round.all()), round.all(), shown)
					|| !breakdownAloneSuffices(withSkipped(allOnline, sum(round.online())), sum(round.online()),
							round.online(), shown)) {
				itemShown = false;
			}
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
	 * perspective) would be left with one possible answer to the item, "no answer"
	 * counting as an answer: the item's figures minus the shown groups' tell how many of
	 * them gave each answer. Read by anyone, that is when they all answered alike; read
	 * by one of them, who takes their own answer away, when all the others did, that is
	 * when all but one of them answered alike (whatever that one answered). Not when the
	 * whole round, less that same reader, answered alike: then "all of us" says it
	 * already, as it does for a whole round that answered alike, and no breakdown changes
	 * that.
	 * @param everyone the item's answers over the round, "no answer" in the last slot
	 */
	private static boolean pinnedOutside(long[][] bySlot, long[] roundPeople, boolean[] shown, long[] everyone) {
		long outsidePeople = outsidePeople(roundPeople, shown);
		if (outsidePeople == 0) {
			return false;
		}
		long[] outside = withSkipped(outsideAnswers(bySlot, shown), outsidePeople);
		if (alike(outside) && !alike(everyone)) {
			return true;
		}
		for (int reader = 0; reader < outside.length; reader++) {
			if (outside[reader] == 0 || outsidePeople == 1) {
				continue;
			}
			outside[reader]--;
			everyone[reader]--;
			boolean pinned = alike(outside) && !alike(everyone);
			outside[reader]++;
			everyone[reader]++;
			if (pinned) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether withholding the item's breakdown by group, and keeping "all of us", is
	 * enough. It keeps the figures: with no group shown everyone is outside the shown
	 * groups, and "all of us" is theirs. But a reader who sees the groups withheld on
	 * this item alone may guess that answers given alike are why, and ask which answer
	 * was given alike: any answer that at least as many people gave as are outside the
	 * shown groups, less one. When at least three answers could be it, everybody outside
	 * (one of them reading included) still has at least two possible answers; with one or
	 * two, the whole item is withheld, so that no figure of it is there to read.
	 */
	private static boolean breakdownAloneSuffices(long[] everyone, long people, long[] roundPeople, boolean[] shown) {
		long outsidePeople = outsidePeople(roundPeople, shown);
		if (people == 0 || outsidePeople == 0) {
			return true;
		}
		int couldBe = 0;
		for (long n : everyone) {
			if (n > 0 && n >= outsidePeople - 1) {
				couldBe++;
			}
		}
		return couldBe >= 3;
	}

	private static long outsidePeople(long[] roundPeople, boolean[] shown) {
		long outside = 0;
		for (int p = 0; p < roundPeople.length; p++) {
			if (p >= shown.length || !shown[p]) {
				outside += roundPeople[p];
			}
		}
		return outside;
	}

	/** The item's answers of the people outside the shown groups, per answer slot. */
	private static long[] outsideAnswers(long[][] bySlot, boolean[] shown) {
		long[] outside = new long[bySlot[0].length];
		for (int p = 0; p < bySlot.length; p++) {
			if (p < shown.length && shown[p]) {
				continue;
			}
			for (int o = 0; o < outside.length; o++) {
				outside[o] += bySlot[p][o];
			}
		}
		return outside;
	}

	/**
	 * Answers with one more slot at the end: those of {@code people} who gave none.
	 */
	private static long[] withSkipped(long[] answers, long people) {
		long[] slots = Arrays.copyOf(answers, answers.length + 1);
		slots[answers.length] = people - sum(answers);
		return slots;
	}

	/** Whether everyone counted in the slots gave one and the same answer. */
	private static boolean alike(long[] slots) {
		int given = 0;
		for (long n : slots) {
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
