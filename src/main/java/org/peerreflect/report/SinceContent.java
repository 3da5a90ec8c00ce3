package org.peerreflect.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.report.Report.AgreedMove;
import org.peerreflect.report.Report.Bar;
import org.peerreflect.report.Report.Bars;
import org.peerreflect.report.Report.Chart;
import org.peerreflect.report.Report.Since;
import org.peerreflect.report.Report.SincePair;
import org.peerreflect.report.Report.Table;

/**
 * Since last time: which statements may stand beside the previous round's (worked out
 * from the two group summaries), how far a share moves by chance alone, and the part of
 * the report that sets them side by side with what we agreed to try.
 */
final class SinceContent {

	private final ReportBuilder report;

	private final ReportInput input;

	private final GroupSummary summary;

	private final ReportText text;

	SinceContent(ReportBuilder report) {
		this.report = report;
		this.input = report.input;
		this.summary = report.summary;
		this.text = report.text;
	}

	Since since() {
		if (input.previous() == null && input.agreements().isEmpty()) {
			return null;
		}
		List<SincePair> pairs = new ArrayList<>();
		List<Chart> drawn = new ArrayList<>();
		String none = null;
		List<String> header = List.of();
		String key = null;
		String chance = null;
		int margin = Integer.MAX_VALUE;
		if (input.previous() != null) {
			List<Pair> found = sinceLastTime(summary, input.previous());
			if (input.previous().people() != null && summary.people() != null) {
				// Both counts are on each round's cover; with either not shown, no
				// statement is set beside last time either.
				margin = chanceMargin(input.previous().people(), summary.people());
				chance = text.get("report.since.chance", input.previous().people(), summary.people(), margin);
			}
			if (!found.isEmpty()) {
				ItemSummary first = found.get(0).now();
				header = List.of(text.get("report.overview.statement"), text.get("report.since.last"),
						text.get("report.since.now"), text.get("report.since.change"),
						text.get("report.since.notSureLast"), text.get("report.since.notSureNow"));
				key = text.get("report.since.key", text.of(first.options().get(0).label()),
						text.of(first.options().get(first.options().size() - 1).label()), text.of(first.notSure()),
						ReportContent.upperAnswers(first, text));
			}
			// In the questionnaire's order, as every layout gives them.
			for (Pair pair : found) {
				Table table = report.table(pair.now());
				table.rows().add(report.row(text.get("report.since.last"), pair.last().all(), false));
				table.rows().add(report.row(text.get("report.since.now"), pair.now().all(), false));
				Integer shift = shift(pair);
				boolean moved = shift != null && Math.abs(shift) > margin;
				pairs.add(new SincePair(pair.now().id(), principleOf(pair.now()), text.of(pair.now().text()), table,
						change(pair, margin), moved, upper(pair.last()), upper(pair.now()),
						direction(pair, margin, text), shift, points(shift), notSure(pair.last()), notSure(pair.now()),
						report.agreedAbout(pair.now())));
			}
			if (pairs.isEmpty()) {
				none = text.get("report.since.none");
			}
			List<Pair> both = found.stream().filter(p -> p.last().shown() && p.now().shown()).toList();
			// One scale to a chart, in the order the statements come.
			Map<List<GroupSummary.Option>, List<Pair>> byScale = new java.util.LinkedHashMap<>();
			both.forEach(pair -> byScale.computeIfAbsent(pair.now().options(), options -> new ArrayList<>()).add(pair));
			for (List<Pair> scale : byScale.values()) {
				for (int from = 0; from < scale.size(); from += SINCE_PER_CHART) {
					drawn.add(sinceChart(scale.subList(from, Math.min(scale.size(), from + SINCE_PER_CHART))));
				}
			}
		}
		List<AgreedMove> moves = input.agreements()
			.stream()
			.map(agreement -> new AgreedMove(agreement.text(),
					pairs.stream().filter(pair -> agreement.about(pair.id())).toList()))
			.toList();
		return new Since(text.get("report.since.title"), text.get("report.since.agreements"),
				input.agreements().stream().map(ReportInput.Agreement::text).toList(), moves, others(pairs, margin),
				chance, input.previous() == null ? null : text.get("report.since.lead"), pairs, none, drawn, header,
				key, text.get("report.since.agreed"));
	}

	/**
	 * How the statements no agreement was about moved: how many up and down by more than
	 * chance, how many within it; null when there are none.
	 */
	private String others(List<SincePair> pairs, int margin) {
		List<SincePair> others = pairs.stream()
			.filter(pair -> pair.agreed().isEmpty() && pair.shift() != null)
			.toList();
		if (others.isEmpty()) {
			return null;
		}
		long up = others.stream().filter(pair -> pair.shift() > margin).count();
		long down = others.stream().filter(pair -> pair.shift() < -margin).count();
		return text.get(input.agreements().isEmpty() ? "report.since.all" : "report.since.others", others.size(), up,
				down, margin, others.size() - up - down);
	}

	/** The title of the principle an item belongs to. */
	private String principleOf(ItemSummary item) {
		return summary.principles()
			.stream()
			.filter(principle -> principle.items().stream().anyMatch(i -> i.id().equals(item.id())))
			.map(principle -> text.of(principle.title()))
			.findFirst()
			.orElse("");
	}

	/** A change in points as the report prints it: +10, −4, 0. */
	private static String points(Integer shift) {
		if (shift == null) {
			return "";
		}
		return shift > 0 ? "+" + shift : shift < 0 ? "\u2212" + -shift : "0";
	}

	/** The share who were not sure, or "not shown". */
	private String notSure(ItemSummary item) {
		return item.shown() ? ReportContent.percent(item.all().notSure(), item.all().people()) + "%"
				: text.get("report.notShown");
	}

	/**
	 * The change in points of the share on the scale's upper side, or null when not shown
	 * both times.
	 */
	private static Integer shift(Pair pair) {
		return pair.last().shown() && pair.now().shown()
				? ReportContent.upperShare(pair.now().all()) - ReportContent.upperShare(pair.last().all()) : null;
	}

	/**
	 * How many statements one chart of "since last time" sets side by side, two bars
	 * each.
	 */
	private static final int SINCE_PER_CHART = 8;

	/** The share on the scale's upper side, or "not shown". */
	private String upper(ItemSummary item) {
		return item.shown() ? ReportContent.upperShare(item.all()) + "%" : text.get("report.notShown");
	}

	/**
	 * What changed, in words: the share who chose the scale's upper two answers, then and
	 * now, and whether that is more than chance alone would move it.
	 */
	private String change(Pair pair, int margin) {
		if (pair.leftOut()) {
			return text.get("report.since.leftOut");
		}
		if (!pair.last().shown() || !pair.now().shown()) {
			return text.get(pair.now().shown() ? "report.since.notShownThen" : "report.since.notShownNow");
		}
		int then = ReportContent.upperShare(pair.last().all());
		int now = ReportContent.upperShare(pair.now().all());
		String upper = ReportContent.upperAnswers(pair.now(), text);
		String key = Math.abs(now - then) <= margin ? "report.since.same"
				: now > then ? "report.since.more" : "report.since.fewer";
		return text.get(key, upper, then, now);
	}

	/**
	 * This time's bar, named by its statement, and last time's just under it, named "last
	 * time".
	 */
	private Chart sinceChart(List<Pair> pairs) {
		ItemSummary first = pairs.get(0).now();
		List<Bar> bars = new ArrayList<>();
		for (Pair pair : pairs) {
			String statement = text.of(pair.now().text());
			bars.add(new Bar(statement, pair.now().all().counts(), pair.now().all().notSure()));
			bars.add(
					new Bar(text.get("report.since.barLast"), pair.last().all().counts(), pair.last().all().notSure()));
		}
		Bars drawn = new Bars(first.options().stream().map(option -> text.of(option.label())).toList(),
				text.of(first.notSure()), bars, true);
		return report.numbered(drawn, text.get("report.since.alt"));
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
		int shift = ReportContent.upperShare(pair.now().all()) - ReportContent.upperShare(pair.last().all());
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

}
