package org.peerreflect.gate;

import java.util.List;

import org.peerreflect.questionnaire.LocalizedText;

/**
 * Everything a person may read about a round: what the {@link Gate} makes of a count
 * table and the reviewed written answers. Every report, page and export is made from this
 * and nothing else. A figure that is withheld is {@code null} here, never 0.
 *
 * @param people how many took part, or null when fewer than {@code minGroupSize} did
 * @param groups the perspective groups of the round, each with its size or withheld
 * @param fewLeftOut true when some answers that did not come on paper were too few to
 * stay hidden from whoever typed the paper ones, and were left out of the figures
 * (invariant 13); null otherwise, and in summaries kept before this was known
 */
public record GroupSummary(String questionnaireId, int questionnaireVersion, LocalizedText questionnaireTitle,
		int minGroupSize, Integer people, LocalizedText perspectiveQuestion, List<Group> groups,
		List<PrincipleSummary> principles, Boolean fewLeftOut) {

	public GroupSummary {
		groups = List.copyOf(groups);
		principles = List.copyOf(principles);
	}

	public GroupSummary(String questionnaireId, int questionnaireVersion, LocalizedText questionnaireTitle,
			int minGroupSize, Integer people, LocalizedText perspectiveQuestion, List<Group> groups,
			List<PrincipleSummary> principles) {
		this(questionnaireId, questionnaireVersion, questionnaireTitle, minGroupSize, people, perspectiveQuestion,
				groups, principles, null);
	}

	/**
	 * Whether a number of people may stand behind a figure as far as whoever typed the
	 * paper forms can tell (invariant 13): none, or at least k.
	 */
	public static boolean countMayBeShown(long people, int minGroupSize) {
		return people == 0 || people >= minGroupSize;
	}

	/**
	 * Whether a closed round's exact counts, in all and per channel, may be said
	 * (invariants 6 and 13): when at least k took part and those who did not answer on
	 * paper are none or at least k. Otherwise whoever typed the paper forms could
	 * subtract them and count the others exactly.
	 */
	public static boolean channelsMayBeShown(int online, int kiosk, int paper, int minGroupSize) {
		return online + kiosk + paper >= minGroupSize && countMayBeShown(online + kiosk, minGroupSize);
	}

	/**
	 * Whether a few answers were left out to keep them from whoever typed the paper
	 * forms.
	 */
	public boolean someLeftOut() {
		return Boolean.TRUE.equals(fewLeftOut);
	}

	/**
	 * Whether, on this item, all but one of a shown group, or of all of us, gave one and
	 * the same answer ("not sure" and no answer counting as answers). The gate lets that
	 * be shown, but the one who answered otherwise then knows what each of the others
	 * said, so such a statement is never put forward for the room to look at.
	 */
	public boolean allButOneAlike(ItemSummary item) {
		if (!item.shown() || people == null) {
			return false;
		}
		if (allButOneAlike(item.all(), people)) {
			return true;
		}
		for (GroupDistribution group : item.groups()) {
			Integer size = groups.stream()
				.filter(g -> g.value().equals(group.value()) && g.shown())
				.map(Group::people)
				.findFirst()
				.orElse(null);
			if (group.shown() && size != null && allButOneAlike(group.distribution(), size)) {
				return true;
			}
		}
		return false;
	}

	private static boolean allButOneAlike(Distribution answers, int people) {
		List<Integer> slots = new java.util.ArrayList<>(answers.counts());
		slots.add(answers.notSure());
		slots.add(people - answers.people());
		long given = slots.stream().filter(n -> n > 0).count();
		return given == 2 && slots.contains(1);
	}

	/** Whether enough people took part for any result to be shown. */
	public boolean resultsShown() {
		return people != null;
	}

	public List<ItemSummary> items() {
		return principles.stream().flatMap(p -> p.items().stream()).toList();
	}

	public List<WrittenSummary> written() {
		return principles.stream().flatMap(p -> p.written().stream()).toList();
	}

	/**
	 * A perspective group of the round; {@code people} is null when the group is
	 * withheld.
	 */
	public record Group(String value, LocalizedText label, Integer people) {

		public boolean shown() {
			return people != null;
		}

	}

	public record PrincipleSummary(String id, LocalizedText title, LocalizedText about, List<ItemSummary> items,
			List<WrittenSummary> written) {

		public PrincipleSummary {
			items = List.copyOf(items);
			written = List.copyOf(written);
		}

	}

	/** A scale option as the reader sees it. */
	public record Option(String value, LocalizedText label) {
	}

	/**
	 * How many people answered and how they answered: {@code counts} per option in scale
	 * order.
	 */
	public record Distribution(int people, List<Integer> counts, int notSure) {

		public Distribution {
			counts = List.copyOf(counts);
		}

	}

	/**
	 * One scale item: its distribution over everyone ({@code null} when fewer than k
	 * answered it), how much views differ (Leik's D, null when not shown), its
	 * perspective groups, and the questionnaire's question for the meeting about it (null
	 * when it has none; summaries kept before questions existed read as none).
	 */
	public record ItemSummary(String id, LocalizedText text, List<Option> options, LocalizedText notSure,
			Distribution all, Double spread, List<GroupDistribution> groups, LocalizedText prompt) {

		public ItemSummary {
			options = List.copyOf(options);
			groups = List.copyOf(groups);
		}

		public boolean shown() {
			return all != null;
		}

	}

	/**
	 * One perspective group's answers to one item; {@code distribution} is null when
	 * withheld.
	 */
	public record GroupDistribution(String value, LocalizedText label, Distribution distribution) {

		public boolean shown() {
			return distribution != null;
		}

	}

	/**
	 * The written answers to one text item, in random order and never labelled with a
	 * perspective; empty and not shown when fewer than k people wrote one.
	 */
	public record WrittenSummary(String id, LocalizedText text, boolean shown, List<String> answers) {

		public WrittenSummary {
			answers = List.copyOf(answers);
		}

	}

}
