package org.peerreflect.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.report.Report.Chart;
import org.peerreflect.report.Report.Differ;
import org.peerreflect.report.Report.DifferItem;
import org.peerreflect.report.Report.Guide;

/**
 * Where our views differ: which statements the report puts forward to start talking, and
 * why (worked out from the group summary alone), and the part of the report that names
 * them, each with how the answers fall and a question for it.
 */
final class DifferContent {

	private final ReportBuilder report;

	private final ReportInput input;

	private final GroupSummary summary;

	private final ReportText text;

	DifferContent(ReportBuilder report) {
		this.report = report;
		this.input = report.input;
		this.summary = report.summary;
		this.text = report.text;
	}

	Differ differ() {
		List<DifferItem> items = new ArrayList<>();
		List<ItemSummary> chosen = new ArrayList<>();
		Map<Why, Integer> asked = new EnumMap<>(Why.class);
		for (StartHere place : placesToStart(summary, PLACES_TO_START)) {
			ItemSummary item = place.item();
			int n = asked.merge(place.picked(), 1, Integer::sum) - 1;
			chosen.add(item);
			items.add(differItem(item,
					place.why().stream().map(why -> text.get("report.start.why." + why.name().toLowerCase())).toList(),
					how(place), ask(place, n)));
		}
		Guide guide = new Guide(text.get("report.guide.title"),
				List.of(text.get("report.guide.notice"), text.get("report.guide.talk"), text.get("report.guide.agree")),
				text.get("report.guide.space"));
		if (items.isEmpty()) {
			// Views do not differ anywhere: said plainly, and the meeting starts from
			// what we agree on.
			return new Differ(text.get("report.start.title"), text.get("report.start.none"), null, items, guide);
		}
		Chart chart = report.chart(ReportContent.byScale(chosen).get(0), text.get("report.differ.alt"));
		return new Differ(text.get("report.start.title"), text.get("report.start.lead"), chart, items, guide);
	}

	/** How the answers fall, said for the reason the statement was picked. */
	private String how(StartHere place) {
		ItemSummary item = place.item();
		Distribution all = item.all();
		return switch (place.picked()) {
			case SPLIT -> text.get("report.differ.split", ReportContent.lowerCount(all),
					ReportContent.lowerAnswers(item, text), ReportContent.upperCount(all),
					ReportContent.upperAnswers(item, text), ReportContent.middleCount(all));
			case GROUPS -> text.get("report.differ.groups", text.of(place.gap().lower().label()),
					place.gap().lowerShare(), ReportContent.upperAnswers(item, text),
					text.of(place.gap().upper().label()), place.gap().upperShare());
			case UNSURE -> text.get("report.differ.unsure", all.notSure(), all.people());
			case FEW -> text.get("report.differ.few", ReportContent.upperCount(all), all.people(),
					ReportContent.upperAnswers(item, text), ReportContent.upperShare(all));
		};
	}

	/**
	 * The question for a statement, when the questionnaire has none of its own: the n-th
	 * of its reason's wordings, so no two are asked alike.
	 */
	private String ask(StartHere place, int n) {
		return switch (place.picked()) {
			case SPLIT -> text.get(variant("report.differ.splitAsk", n), ReportContent.upperAnswers(place.item(), text),
					ReportContent.lowerAnswers(place.item(), text));
			case GROUPS -> text.get(variant("report.differ.groupsAsk", n), text.of(place.gap().lower().label()),
					text.of(place.gap().upper().label()));
			case UNSURE -> text.get(variant("report.differ.unsureAsk", n));
			case FEW -> text.get(variant("report.differ.fewAsk", n));
		};
	}

	/**
	 * The n-th wording of a question (from 0), so that no two statements are asked alike.
	 */
	private static String variant(String key, int n) {
		return n == 0 ? key : key + (n + 1);
	}

	/** How many places to start talking the report names at most. */
	private static final int PLACES_TO_START = 6;

	/**
	 * A statement to talk over, with the written answers the steward chose for it (up to
	 * two), and none when nothing was chosen: never drawn, so every making of the report
	 * sets the same words beside it.
	 */
	private DifferItem differItem(ItemSummary item, List<String> why, String how, String prompt) {
		List<String> words = new ArrayList<>();
		if (input.writtenIncluded()) {
			input.quotes()
				.getOrDefault(item.id(), List.of())
				.forEach(answer -> words.add(ReportContent.answerAsShown(answer, text)));
		}
		List<String> agreed = report.agreedAbout(item);
		// The questionnaire's own question for the statement, when it has one, is
		// asked instead.
		return new DifferItem(item.id(), text.of(item.text()), why, how,
				item.prompt() != null ? text.of(item.prompt()) : prompt,
				words.isEmpty() ? null : text.get("report.differ.words"), words,
				agreed.isEmpty() ? null : text.get("report.differ.agreed"), agreed);
	}

	/**
	 * Whether a statement may be put forward for the room (where to start talking): not
	 * when all but one of a shown group, or of all of us, answered it alike. The gate
	 * shows such figures, but set before everyone they would tell the one who answered
	 * otherwise what each of the others said, and point everyone to that one.
	 */
	static boolean mayBePutForward(GroupSummary summary, ItemSummary item) {
		return !summary.allButOneAlike(item);
	}

	/**
	 * A split needs at least this share, of those who chose on the scale, at each end.
	 */
	static final double SPLIT_EACH_END = 0.25;

	/**
	 * Shown statements where views split: at least a quarter of those who chose on the
	 * scale at each end (its lower two and its upper two answers), and views not close (a
	 * quarter on the second step and the rest on the fourth is near agreement, and the
	 * statement's own page says so); the most even split first.
	 */
	static List<ItemSummary> splits(GroupSummary summary, int most) {
		return summary.items()
			.stream()
			.filter(item -> item.shown() && item.options().size() >= 4 && mayBePutForward(summary, item))
			.filter(item -> item.spread() != null && item.spread() >= ReportContent.CLOSE_BELOW)
			.filter(item -> {
				int chose = item.all().counts().stream().mapToInt(Integer::intValue).sum();
				return chose > 0 && ReportContent.lowerCount(item.all()) >= SPLIT_EACH_END * chose
						&& ReportContent.upperCount(item.all()) >= SPLIT_EACH_END * chose;
			})
			.sorted(Comparator
				.comparingInt((ItemSummary item) -> Math.min(ReportContent.lowerCount(item.all()),
						ReportContent.upperCount(item.all())))
				.reversed())
			.limit(most)
			.toList();
	}

	/**
	 * Groups whose shares on the scale's upper side are at least this many points apart
	 * answered differently.
	 */
	static final int GROUPS_APART = 30;

	/**
	 * Two shown groups that answered a statement differently: the one less often on the
	 * upper side first.
	 */
	record GroupGap(ItemSummary item, GroupSummary.GroupDistribution lower, int lowerShare,
			GroupSummary.GroupDistribution upper, int upperShare) {

		int gap() {
			return upperShare - lowerShare;
		}

	}

	/** Shown statements where two shown groups are far apart; the widest gap first. */
	static List<GroupGap> groupGaps(GroupSummary summary, int most) {
		List<GroupGap> gaps = new ArrayList<>();
		for (ItemSummary item : summary.items()) {
			if (!item.shown() || item.options().size() < 4 || !mayBePutForward(summary, item)) {
				continue;
			}
			List<GroupSummary.GroupDistribution> shown = item.groups()
				.stream()
				.filter(g -> g.shown() && g.distribution().people() > 0)
				.toList();
			if (shown.size() < 2) {
				continue;
			}
			GroupSummary.GroupDistribution low = shown.stream()
				.min(Comparator
					.comparingInt((GroupSummary.GroupDistribution g) -> ReportContent.upperShare(g.distribution())))
				.orElseThrow();
			GroupSummary.GroupDistribution high = shown.stream()
				.max(Comparator
					.comparingInt((GroupSummary.GroupDistribution g) -> ReportContent.upperShare(g.distribution())))
				.orElseThrow();
			GroupGap gap = new GroupGap(item, low, ReportContent.upperShare(low.distribution()), high,
					ReportContent.upperShare(high.distribution()));
			if (gap.gap() >= GROUPS_APART) {
				gaps.add(gap);
			}
		}
		gaps.sort(Comparator.comparingInt(GroupGap::gap).reversed());
		return gaps.stream().limit(most).toList();
	}

	/** Many not sure: at least this share of those who answered. */
	static final double UNSURE_SHARE = 0.2;

	/** Shown statements where many of us were not sure; the most first. */
	static List<ItemSummary> unsure(GroupSummary summary, int most) {
		return summary.items()
			.stream()
			.filter(item -> item.shown() && item.all().people() > 0
					&& item.all().notSure() >= UNSURE_SHARE * item.all().people() && mayBePutForward(summary, item))
			.sorted(Comparator.comparingInt((ItemSummary item) -> item.all().notSure()).reversed())
			.limit(most)
			.toList();
	}

	/**
	 * The statements we agree on most: at least half of us chose the scale's upper two
	 * answers; the largest share first, then the closest views, then the questionnaire's
	 * order. Never one that all but one of a group answered alike.
	 */
	static List<ItemSummary> agreeMost(GroupSummary summary, int most) {
		return summary.items()
			.stream()
			.filter(item -> item.shown() && item.options().size() >= 4 && item.all().people() > 0
					&& ReportContent.upperShare(item.all()) >= FEW_BELOW && mayBePutForward(summary, item))
			.sorted(Comparator.comparingInt((ItemSummary item) -> -ReportContent.upperShare(item.all()))
				.thenComparing(item -> item.spread() == null ? 1.0 : item.spread()))
			.limit(most)
			.toList();
	}

	/** Fewer than this share, in percent, chose the upper answers. */
	static final int FEW_BELOW = 50;

	/**
	 * Shown statements on which fewer than half of us chose the scale's upper two
	 * answers; the fewest first.
	 */
	static List<ItemSummary> fewUpper(GroupSummary summary, int most) {
		return summary.items()
			.stream()
			.filter(item -> item.shown() && item.options().size() >= 4 && item.all().people() > 0
					&& ReportContent.upperShare(item.all()) < FEW_BELOW && mayBePutForward(summary, item))
			.sorted(Comparator.comparingInt((ItemSummary item) -> ReportContent.upperShare(item.all())))
			.limit(most)
			.toList();
	}

	/**
	 * Why a statement is a place to start talking, in the order the reasons take turns.
	 */
	enum Why {

		SPLIT, GROUPS, UNSURE, FEW

	}

	/**
	 * A place to start talking: the statement, the reason it was picked for, every reason
	 * it meets, and the groups far apart on it when they are.
	 */
	record StartHere(ItemSummary item, Why picked, List<Why> why, GroupGap gap) {
	}

	/** How many places to start talking one reason picks at most. */
	static final int EACH_REASON = 3;

	/**
	 * The places to start talking: the reasons take turns, each giving its strongest
	 * statement not yet picked, so a statement met by two reasons is picked once and the
	 * next one of the other reason still comes in. Empty where views do not differ
	 * anywhere.
	 */
	static List<StartHere> placesToStart(GroupSummary summary, int most) {
		int all = summary.items().size();
		Map<Why, List<ItemSummary>> byWhy = new java.util.EnumMap<>(Why.class);
		byWhy.put(Why.SPLIT, splits(summary, all));
		List<GroupGap> gaps = groupGaps(summary, all);
		byWhy.put(Why.GROUPS, gaps.stream().map(GroupGap::item).toList());
		byWhy.put(Why.UNSURE, unsure(summary, all));
		byWhy.put(Why.FEW, fewUpper(summary, all));
		List<StartHere> places = new ArrayList<>();
		java.util.Set<String> taken = new java.util.HashSet<>();
		Map<Why, Integer> picked = new java.util.EnumMap<>(Why.class);
		boolean more = true;
		while (places.size() < most && more) {
			more = false;
			for (Why why : Why.values()) {
				if (picked.getOrDefault(why, 0) == EACH_REASON) {
					continue;
				}
				ItemSummary next = byWhy.get(why)
					.stream()
					.filter(item -> !taken.contains(item.id()))
					.findFirst()
					.orElse(null);
				if (next == null || places.size() == most) {
					continue;
				}
				more = true;
				taken.add(next.id());
				picked.merge(why, 1, Integer::sum);
				List<Why> met = byWhy.entrySet()
					.stream()
					.filter(entry -> entry.getValue().contains(next))
					.map(Map.Entry::getKey)
					.toList();
				GroupGap gap = gaps.stream().filter(g -> g.item().equals(next)).findFirst().orElse(null);
				places.add(new StartHere(next, why, met, gap));
			}
		}
		return places;
	}

}
