package org.peerreflect.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.peerreflect.insight.GroupSummary;
import org.peerreflect.insight.GroupSummary.Distribution;
import org.peerreflect.insight.GroupSummary.ItemSummary;
import org.peerreflect.insight.GroupSummary.PrincipleSummary;
import org.peerreflect.insight.WrittenAnswers;

/**
 * What the PDF and the workbook both say, worked out once from group summaries: shares,
 * the items on which views differ most, the items to set beside last time, what was
 * withheld.
 */
final class ReportContent {

	private ReportContent() {
	}

	/**
	 * The codes on the cover: printed, and used by each way of taking part where those
	 * counts keep every answer private (invariants 6 and 13).
	 */
	static List<String> codes(ReportInput input, ReportText text) {
		ReportInput.Channels c = input.channels();
		if (c == null) {
			return List.of(text.get("report.cover.fromFile"));
		}
		List<String> lines = new ArrayList<>();
		if (c.used() == null || !c.waysShown()
				|| !GroupSummary.channelsMayBeShown(c.online(), c.kiosk(), c.paper(), input.current().minGroupSize())) {
			// An input kept by an earlier version holds every way: checked here again.
			lines.add(text.get("report.cover.printedOnly", c.printed()));
		}
		else {
			lines.add(text.get("report.cover.channels", c.printed(), c.used(), c.online(), c.kiosk(), c.paper()));
		}
		for (ReportInput.CardsAfterOpening late : c.afterOpening()) {
			lines.add(text.get("report.cover.afterOpening", late.cards(), late.reason()));
		}
		return lines;
	}

	/**
	 * What the cover says first when not every answer is in the figures; null when all
	 * are.
	 */
	static String notice(GroupSummary summary, ReportText text) {
		if (!summary.resultsShown()) {
			return text.get("report.cover.noResults", summary.minGroupSize());
		}
		return summary.someLeftOut() ? text.get("report.cover.leftOut", summary.minGroupSize()) : null;
	}

	/**
	 * The one rounding of the report: a count as a whole percent of {@code total}, half
	 * up (2 of 8 is 25%, 1 of 8 is 13%), worked in whole numbers so that no share is a
	 * hair under its half. Every layout and every sentence prints this digit, so a row
	 * may add up to 99 or 101, as "how to read this" says.
	 */
	static int percent(int count, int total) {
		return total == 0 ? 0 : (int) ((200L * count + total) / (2L * total));
	}

	/** Each count as a whole percent of {@code total}, each rounded on its own. */
	static int[] percents(List<Integer> counts, int total) {
		return counts.stream().mapToInt(count -> percent(count, total)).toArray();
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
	 * The paragraphs of "how to read this", with this round's own words in them: the "not
	 * sure" label, the groups; paragraphs about scales or groups only when the
	 * questionnaire has them.
	 */
	static List<String> howToRead(GroupSummary summary, ReportText text) {
		String notSure = summary.items().isEmpty() ? "" : text.of(summary.items().get(0).notSure());
		String groups = String.join(", ", summary.groups().stream().map(g -> text.of(g.label())).toList());
		List<String> keys = new ArrayList<>(List.of("report.read.describes"));
		if (!summary.items().isEmpty()) {
			keys.addAll(List.of("report.read.shares", "report.read.rounding", "report.read.spread",
					"report.read.spreadScale"));
		}
		if (!summary.groups().isEmpty()) {
			keys.add("report.read.groups");
		}
		keys.add("report.read.notShown");
		return keys.stream()
			.map(key -> text.get(key, summary.minGroupSize(), notSure, groups, spreadFigure(CLOSE_BELOW, text),
					spreadFigure(WIDE_FROM, text)))
			.toList();
	}

	/** Items grouped by the options they offer, in order of first appearance. */
	static List<List<ItemSummary>> byScale(List<ItemSummary> items) {
		Map<List<GroupSummary.Option>, List<ItemSummary>> groups = new LinkedHashMap<>();
		for (ItemSummary item : items) {
			groups.computeIfAbsent(item.options(), options -> new ArrayList<>()).add(item);
		}
		return List.copyOf(groups.values());
	}

	/**
	 * The share, in whole percent, of a distribution's people who chose one of the
	 * scale's upper two answers.
	 */
	static int upperShare(Distribution distribution) {
		List<Integer> counts = distribution.counts();
		int upper = counts.size() < 2 ? 0 : counts.get(counts.size() - 1) + counts.get(counts.size() - 2);
		return percent(upper, distribution.people());
	}

	/**
	 * The scale's upper two answers as a reader sees them: "Mostly true" or "Very true
	 * for us".
	 */
	static String upperAnswers(ItemSummary item, ReportText text) {
		int size = item.options().size();
		return text.get("report.upper", text.of(item.options().get(size - 2).label()),
				text.of(item.options().get(size - 1).label()));
	}

	/** How many chose one of the scale's lower two answers. */
	static int lowerCount(Distribution distribution) {
		List<Integer> counts = distribution.counts();
		return counts.size() < 2 ? 0 : counts.get(0) + counts.get(1);
	}

	/** How many chose one of the scale's upper two answers. */
	static int upperCount(Distribution distribution) {
		List<Integer> counts = distribution.counts();
		return counts.size() < 2 ? 0 : counts.get(counts.size() - 1) + counts.get(counts.size() - 2);
	}

	/** How many chose an answer between the lower two and the upper two. */
	static int middleCount(Distribution distribution) {
		int all = distribution.counts().stream().mapToInt(Integer::intValue).sum();
		return all - lowerCount(distribution) - upperCount(distribution);
	}

	/** The scale's lower two answers as a reader sees them. */
	static String lowerAnswers(ItemSummary item, ReportText text) {
		return text.get("report.upper", text.of(item.options().get(0).label()), text.of(item.options().get(1).label()));
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
			.filter(item -> item.spread() != null && item.spread() >= CLOSE_BELOW)
			.filter(item -> {
				int chose = item.all().counts().stream().mapToInt(Integer::intValue).sum();
				return chose > 0 && lowerCount(item.all()) >= SPLIT_EACH_END * chose
						&& upperCount(item.all()) >= SPLIT_EACH_END * chose;
			})
			.sorted(Comparator
				.comparingInt((ItemSummary item) -> Math.min(lowerCount(item.all()), upperCount(item.all())))
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
				.min(Comparator.comparingInt((GroupSummary.GroupDistribution g) -> upperShare(g.distribution())))
				.orElseThrow();
			GroupSummary.GroupDistribution high = shown.stream()
				.max(Comparator.comparingInt((GroupSummary.GroupDistribution g) -> upperShare(g.distribution())))
				.orElseThrow();
			GroupGap gap = new GroupGap(item, low, upperShare(low.distribution()), high,
					upperShare(high.distribution()));
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
					&& upperShare(item.all()) >= FEW_BELOW && mayBePutForward(summary, item))
			.sorted(Comparator.comparingInt((ItemSummary item) -> -upperShare(item.all()))
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
					&& upperShare(item.all()) < FEW_BELOW && mayBePutForward(summary, item))
			.sorted(Comparator.comparingInt((ItemSummary item) -> upperShare(item.all())))
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

	/**
	 * The most points a share can move between two rounds of these sizes from who
	 * happened to answer alone, 95 times in 100: 1.96 standard errors of the difference
	 * of two shares of one half (the widest case), {@code 1.96 × √(¼/then + ¼/now)}, in
	 * whole points rounded half up. The report says the formula beside the figure.
	 */
	static int chanceMargin(int then, int now) {
		if (then <= 0 || now <= 0) {
			return 100;
		}
		double margin = 196 * Math.sqrt(0.25 / then + 0.25 / now);
		return (int) Math.floor(margin + 0.5);
	}

	/**
	 * "more of us", "fewer of us" or "within chance"; empty where one time is not shown.
	 */
	static String direction(Pair pair, int margin, ReportText text) {
		if (!pair.last().shown() || !pair.now().shown()) {
			return "";
		}
		int shift = upperShare(pair.now().all()) - upperShare(pair.last().all());
		return text.get(Math.abs(shift) <= margin ? "report.since.wordSame"
				: shift > 0 ? "report.since.wordMore" : "report.since.wordFewer");
	}

	/**
	 * An item of this round beside the same item last time; {@code leftOut} when last
	 * time's figures may not stand beside this time's, and {@code last} then carries
	 * none.
	 */
	record Pair(ItemSummary last, ItemSummary now, boolean leftOut) {
	}

	/**
	 * Items whose id, text and options are unchanged since the previous round. Where the
	 * number of us who answered an item changed, but by fewer than k (the larger k of the
	 * two rounds), last time's figures are left out beside this time's (invariant 14):
	 * this time's less last time's would describe those few who came, or left, alone.
	 */
	static List<Pair> sinceLastTime(GroupSummary current, GroupSummary previous) {
		if (previous == null) {
			return List.of();
		}
		int k = Math.max(current.minGroupSize(), previous.minGroupSize());
		Map<String, ItemSummary> before = previous.items()
			.stream()
			.collect(Collectors.toMap(ItemSummary::id, Function.identity()));
		List<Pair> pairs = new ArrayList<>();
		for (ItemSummary now : current.items()) {
			ItemSummary last = before.get(now.id());
			// Unchanged, and shown at least once: two "not shown" rows say nothing.
			if (last != null && last.text().equals(now.text()) && last.options().equals(now.options())
					&& (last.shown() || now.shown())) {
				boolean leftOut = last.shown() && now.shown()
						&& !apartByNoneOrAtLeast(last.all().people(), now.all().people(), k);
				pairs.add(new Pair(leftOut ? withoutFigures(last) : last, now, leftOut));
			}
		}
		return pairs;
	}

	/**
	 * Whether two rounds' figures about a number of people may stand side by side: the
	 * same people counted, or at least k more or fewer.
	 */
	static boolean apartByNoneOrAtLeast(int then, int now, int k) {
		int apart = Math.abs(now - then);
		return apart == 0 || apart >= k;
	}

	/** An item as a summary holds it when withheld: every figure null. */
	private static ItemSummary withoutFigures(ItemSummary item) {
		return new ItemSummary(item.id(), item.text(), item.options(), item.notSure(), null, null,
				item.groups()
					.stream()
					.map(g -> new GroupSummary.GroupDistribution(g.value(), g.label(), null))
					.toList(),
				item.prompt());
	}

	/**
	 * Below this spread our views are said to be close. Answers split between two
	 * neighbouring steps of the scale come to at most 0.25; 38 of 40 choosing one of the
	 * top two, with two elsewhere, to about 0.3: such near-agreement reads as agreement.
	 */
	static final double CLOSE_BELOW = 0.35;

	/**
	 * From this spread up our views are said to differ a lot; answers spread evenly over
	 * five steps come to 0.6.
	 */
	static final double WIDE_FROM = 0.6;

	/** Words for how much views differ, from Leik's D, in the bands above. */
	static String spreadWords(Double spread, ReportText text) {
		if (spread == null) {
			return "";
		}
		if (spread < CLOSE_BELOW) {
			return text.get("report.spread.close");
		}
		if (spread < WIDE_FROM) {
			return text.get("report.spread.some");
		}
		return text.get("report.spread.wide");
	}

	/**
	 * A spread or a band's edge with two decimals, written as the report's language
	 * writes numbers (0.44, 0,44).
	 */
	static String spreadFigure(Double spread, ReportText text) {
		return spread == null ? "" : String.format(text.locale(), "%.2f", spread);
	}

	/**
	 * How much views differ on an item, in words only; or that nobody chose on the scale.
	 */
	static String spreadSentence(ItemSummary item, ReportText text) {
		if (item.spread() == null) {
			return text.get("report.item.noSpread");
		}
		return text.get("report.item.spread", spreadWords(item.spread(), text));
	}

	/**
	 * The option most people chose (the first of equal ones), or -1 when only "not sure"
	 * was said.
	 */
	static int mostChosen(Distribution distribution) {
		int best = -1;
		for (int o = 0; o < distribution.counts().size(); o++) {
			if (distribution.counts().get(o) > 0
					&& (best < 0 || distribution.counts().get(o) > distribution.counts().get(best))) {
				best = o;
			}
		}
		return best;
	}

	/**
	 * A sentence in the group's voice about one item, e.g. "Most often we said ...";
	 * answers chosen equally often are named together as a tie, never one of them as the
	 * lead.
	 */
	static String itemSentence(ItemSummary item, ReportText text) {
		Distribution all = item.all();
		int best = mostChosen(all);
		if (best < 0) {
			return text.get("report.item.allNotSure", all.people());
		}
		int chosen = all.counts().get(best);
		List<String> tied = new ArrayList<>();
		for (int o = 0; o < all.counts().size(); o++) {
			if (all.counts().get(o) == chosen) {
				tied.add(quoted(text.of(item.options().get(o).label()), text));
			}
		}
		if (tied.size() > 1) {
			return text.get("report.item.tie", listed(tied, text), chosen, all.people());
		}
		String label = text.of(item.options().get(best).label());
		String key = chosen * 2 > all.people() ? "report.item.most" : "report.item.often";
		return text.get(key, label, chosen, all.people());
	}

	/**
	 * A sentence about one principle in the group's voice: the answer given most often
	 * over its shown items, with its share of all their answers; null when no item of it
	 * is shown.
	 */
	static String principleSentence(PrincipleSummary principle, ReportText text) {
		List<ItemSummary> shown = principle.items().stream().filter(ItemSummary::shown).toList();
		if (shown.isEmpty()) {
			return null;
		}
		ItemSummary first = shown.get(0);
		int[] totals = new int[first.options().size()];
		int answers = 0;
		for (ItemSummary item : shown) {
			if (!item.options().equals(first.options())) {
				return null;
			}
			for (int o = 0; o < totals.length; o++) {
				totals[o] += item.all().counts().get(o);
			}
			answers += item.all().people();
		}
		int best = -1;
		for (int o = 0; o < totals.length; o++) {
			if (totals[o] > 0 && (best < 0 || totals[o] > totals[best])) {
				best = o;
			}
		}
		if (best < 0) {
			return null;
		}
		return text.get("report.short.principle", text.of(principle.title()),
				text.of(first.options().get(best).label()), percent(totals[best], answers));
	}

	/**
	 * One line per thing the report does not show, naming items and groups but never a
	 * figure. Items that hide the same groups are listed together, so a long
	 * questionnaire stays readable.
	 */
	static List<String> withheld(GroupSummary summary, boolean writtenIncluded, ReportText text) {
		List<String> lines = new ArrayList<>();
		if (!summary.resultsShown()) {
			lines.add(text.get("report.withheld.round", summary.minGroupSize()));
			return lines;
		}
		for (GroupSummary.Group group : summary.groups()) {
			if (!group.shown()) {
				lines.add(text.get("report.withheld.roundGroup", text.of(group.label())));
			}
		}
		List<String> hiddenItems = new ArrayList<>();
		Map<String, List<String>> byHiddenGroups = new LinkedHashMap<>();
		long shownItems = 0;
		for (ItemSummary item : summary.items()) {
			if (!item.shown()) {
				hiddenItems.add(quoted(text.of(item.text()), text));
				continue;
			}
			shownItems++;
			List<String> hidden = item.groups()
				.stream()
				.filter(g -> !g.shown())
				.map(g -> quoted(text.of(g.label()), text))
				.toList();
			if (!hidden.isEmpty()) {
				byHiddenGroups.computeIfAbsent(listed(hidden, text), k -> new ArrayList<>())
					.add(quoted(text.of(item.text()), text));
			}
		}
		if (!hiddenItems.isEmpty()) {
			lines.add(text.get("report.withheld.items", String.join("; ", hiddenItems)));
		}
		for (Map.Entry<String, List<String>> entry : byHiddenGroups.entrySet()) {
			if (entry.getValue().size() == shownItems) {
				lines.add(text.get("report.withheld.groupsEverywhere", entry.getKey()));
			}
			else if (entry.getValue().size() * 2 > shownItems) {
				// Most statements: the few others are shorter to name, and the other
				// lines say what they left out.
				List<String> others = summary.items()
					.stream()
					.filter(ItemSummary::shown)
					.map(item -> quoted(text.of(item.text()), text))
					.filter(item -> !entry.getValue().contains(item))
					.toList();
				lines.add(text.get("report.withheld.groupsMost", entry.getKey(), String.join("; ", others)));
			}
			else {
				lines.add(text.get("report.withheld.groups", entry.getKey(), String.join("; ", entry.getValue())));
			}
		}
		for (GroupSummary.WrittenSummary written : summary.written()) {
			if (writtenIncluded && !written.shown()) {
				lines.add(text.get("report.withheld.written", text.of(written.text())));
			}
		}
		return lines;
	}

	/**
	 * A written answer as the report prints it: the mark where words were taken out in
	 * the report's language.
	 */
	static String answerAsShown(String answer, ReportText text) {
		return answer.replace(WrittenAnswers.REMOVED, text.get("report.removed"));
	}

	/** A statement without its closing full stop, to run on in a line. */
	static String withoutFullStop(String statement) {
		return statement.endsWith(".") ? statement.substring(0, statement.length() - 1) : statement;
	}

	/** Words listed as a sentence lists them: "A and B", "A, B and C". */
	static String listed(List<String> words, ReportText text) {
		if (words.size() <= 2) {
			return String.join(text.get("report.and"), words);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + text.get("report.and")
				+ words.get(words.size() - 1);
	}

	static String quoted(String words, ReportText text) {
		return text.get("report.quote", words);
	}

}
