package org.peerreflect.gate;

import static org.peerreflect.gate.Slots.columns;
import static org.peerreflect.gate.Slots.distribution;
import static org.peerreflect.gate.Slots.minus;
import static org.peerreflect.gate.Slots.rows;
import static org.peerreflect.gate.Slots.sum;
import static org.peerreflect.gate.Slots.withSkipped;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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
 * The rule for groups is {@link PerspectiveGroups}'s, the rule for answers given alike
 * {@link AnswersGivenAlike}'s; here they are applied to the round and to each item.
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
		// forms: their answers are left out of every figure rather than every figure
		// being withheld.
		boolean leaveOnlineOut = !safe(sum(online));
		Counts round = leaveOnlineOut ? new Counts(paper, new long[paper.length]) : new Counts(people, online);
		long total = sum(round.all());
		boolean enough = total >= k;

		boolean[] everyGroup = new boolean[perspectives.size()];
		Arrays.fill(everyGroup, true);
		boolean[] roundShown = enough
				? PerspectiveGroups.shownGroups(round.all(), round.online(), perspectives, k, everyGroup)
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
					// are too few to stay hidden from whoever typed the paper ones.
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
		boolean[] shown = itemShown
				? PerspectiveGroups.shownGroups(groupSizes, onlineSizes, perspectives, k, roundShown)
				: new boolean[perspectives.size()];
		long[] everyone = withSkipped(all, sum(round.all()));
		if (itemShown && (AnswersGivenAlike.pinnedOutside(bySlot, round.all(), shown, everyone)
				|| AnswersGivenAlike.pinnedOutside(onlineBySlot, round.online(), shown, everyone))) {
			// Answers given alike: somebody outside the shown groups, or one of them who
			// takes their own answer away, would be left with one possible answer for the
			// others. Without the item's breakdown by group everyone is "all of us",
			// which
			// keeps them (see breakdownAloneSuffices); else the item is withheld whole.
			if (!AnswersGivenAlike.breakdownAloneSuffices(everyone, sum(round.all()), round.all(), shown)
					|| !AnswersGivenAlike.breakdownAloneSuffices(withSkipped(allOnline, sum(round.online())),
							sum(round.online()), round.online(), shown)) {
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

}
