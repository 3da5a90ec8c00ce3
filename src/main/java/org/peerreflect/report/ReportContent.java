package org.peerreflect.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.GroupSummary.PrincipleSummary;
import org.peerreflect.gate.WrittenAnswers;

/**
 * What the PDF and the workbook both say, worked out once from group summaries: shares,
 * the sentences about statements and principles, what was withheld. Which statements to
 * start talking about is in {@link DifferContent}, which to set beside last time in
 * {@link SinceContent}.
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
