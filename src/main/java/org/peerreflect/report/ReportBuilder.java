package org.peerreflect.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.GroupSummary.PrincipleSummary;
import org.peerreflect.gate.GroupSummary.WrittenSummary;
import org.peerreflect.report.Report.Agreed;
import org.peerreflect.report.Report.Bar;
import org.peerreflect.report.Report.Bars;
import org.peerreflect.report.Report.Chart;
import org.peerreflect.report.Report.Differ;
import org.peerreflect.report.Report.Fact;
import org.peerreflect.report.Report.Figure;
import org.peerreflect.report.Report.GuideStep;
import org.peerreflect.report.Report.ItemBlock;
import org.peerreflect.report.Report.ListBlock;
import org.peerreflect.report.Report.Meeting;
import org.peerreflect.report.Report.MeetingLine;
import org.peerreflect.report.Report.MeetingPart;
import org.peerreflect.report.Report.Overview;
import org.peerreflect.report.Report.OverviewPart;
import org.peerreflect.report.Report.OverviewRow;
import org.peerreflect.report.Report.PrincipleBlock;
import org.peerreflect.report.Report.Row;
import org.peerreflect.report.Report.Section;
import org.peerreflect.report.Report.Since;
import org.peerreflect.report.Report.StewardGuide;
import org.peerreflect.report.Report.Table;
import org.peerreflect.report.Report.Withheld;
import org.peerreflect.report.Report.Words;
import org.peerreflect.report.Report.WrittenBlock;

/**
 * Makes the report from its input, once: the cover, how to read it, the overview, each
 * principle, our own words, what was withheld and the steward's guide here; where our
 * views differ and since last time in parts of their own, which use the tables, rows and
 * chart numbers made here.
 */
final class ReportBuilder {

	final ReportInput input;

	final GroupSummary summary;

	final ReportText text;

	/** The charts' numbers, in the order the charts are made. */
	private int charts;

	ReportBuilder(ReportInput input) {
		this.input = input;
		this.summary = input.current();
		this.text = new ReportText(input.language());
	}

	Report build() {
		boolean shown = summary.resultsShown();
		Overview overview = shown ? overview() : null;
		List<PrincipleBlock> principles = shown ? summary.principles().stream().map(this::principle).toList()
				: List.of();
		// The charts are numbered in the order they are made: where to start talking
		// first.
		Differ differ = shown ? new DifferContent(this).differ() : null;
		Since since = new SinceContent(this).since();
		StewardGuide steward = shown ? steward() : null;
		return new Report(input.language(), text.get("report.cover.kicker"), title(), input.organization(),
				input.period(), cover(), thanks(), text.get("report.cover.about"), ReportContent.notice(summary, text),
				read(), overview, principles, differ, shown ? words() : null, since, withheld(),
				new Agreed(text.get("reports.agreedTitle"), text.get("reports.agreedLead")), steward,
				shown ? meeting(differ, since, steward) : null, SeriesContent.series(input, text));
	}

	/** How many statements each part of the meeting's first page names at most. */
	private static final int ON_THE_FIRST_PAGE = 3;

	/**
	 * The first page for the meeting: thanks and how many took part, then and now; the
	 * statements we agree on most; the first places to start talking; what we agreed last
	 * time and how its statements moved, beside how the rest moved; and the meeting's
	 * steps, the steward's guide's plan by name.
	 */
	private Meeting meeting(Differ differ, Since since, StewardGuide steward) {
		Integer before = input.previous() == null ? null : input.previous().people();
		String thanks = summary.people() == null ? text.get("report.cover.thanksFew")
				: before == null ? text.get("report.meeting.thanks", summary.people())
						: text.get("report.meeting.thanksThen", summary.people(), before);
		List<MeetingPart> parts = new ArrayList<>();
		List<MeetingLine> strengths = DifferContent.agreeMost(summary, ON_THE_FIRST_PAGE)
			.stream()
			.map(item -> new MeetingLine(text.of(item.text()),
					List.of(text.get("report.meeting.upper", ReportContent.upperShare(item.all()),
							ReportContent.upperAnswers(item, text)))))
			.toList();
		parts.add(new MeetingPart(text.get("report.meeting.strengths"), strengths,
				strengths.isEmpty() ? text.get("report.meeting.noStrengths") : null));
		List<MeetingLine> starts = differ.items()
			.stream()
			.limit(ON_THE_FIRST_PAGE)
			.map(item -> new MeetingLine(item.text(), List.of(String.join(" \u00b7 ", item.why()))))
			.toList();
		parts.add(new MeetingPart(differ.title(), starts, starts.isEmpty() ? differ.lead() : null));
		if (since != null && since.moves() != null && !since.moves().isEmpty()) {
			List<MeetingLine> agreed = since.moves()
				.stream()
				.map(move -> new MeetingLine(move.agreement(), move.statements()
					.stream()
					.map(pair -> pair.shift() == null ? text.get("report.meeting.notBeside", pair.text())
							: text.get("report.meeting.moved", pair.text(), pair.then(), pair.now(), pair.points()))
					.toList()))
				.toList();
			parts.add(new MeetingPart(text.get("report.meeting.agreed"), agreed, since.others()));
		}
		List<String> steps = steward.plan()
			.stream()
			.map(step -> text.get("report.meeting.step", step.title(), step.time()))
			.toList();
		return new Meeting(text.get("report.meeting.title"), title(), thanks, parts, text.get("report.meeting.steps"),
				steps);
	}

	/**
	 * Thanks to those who took part, and, where cards were printed, how many of them were
	 * used: both figures the cover shows anyway.
	 */
	private String thanks() {
		if (!summary.resultsShown()) {
			return text.get("report.cover.thanksFew");
		}
		ReportInput.Channels channels = input.channels();
		if (channels != null && channels.used() == null) {
			// Some answers are left out of the figures: how many took part in all is
			// not said, and the figures' count would not be true of it.
			return text.get("report.cover.thanksFew");
		}
		if (channels == null || channels.printed() == 0 || channels.used() > channels.printed()) {
			return text.get("report.cover.thanks", summary.people());
		}
		return text.get("report.cover.thanksOfCards", channels.used(), channels.printed(),
				ReportContent.percent(channels.used(), channels.printed()));
	}

	private String title() {
		return input.title() != null ? input.title() : text.of(summary.questionnaireTitle());
	}

	private List<Fact> cover() {
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact(text.get("report.cover.tookPart"),
				List.of(summary.resultsShown() ? text.get("report.cover.people", summary.people())
						: text.get("report.cover.fewer", summary.minGroupSize()))));
		if (!summary.groups().isEmpty() && summary.resultsShown()) {
			facts.add(new Fact(text.of(summary.perspectiveQuestion()),
					summary.groups()
						.stream()
						.map(g -> text.of(g.label()) + ": " + (g.shown() ? g.people() : text.get("report.notShown")))
						.toList()));
		}
		facts.add(new Fact(text.get("report.cover.codes"), ReportContent.codes(input, text)));
		facts.add(new Fact(text.get("report.cover.questionnaire"), List.of(text.of(summary.questionnaireTitle()),
				text.get("report.cover.version", summary.questionnaireId(), summary.questionnaireVersion()))));
		facts.add(new Fact(text.get("report.cover.protection"),
				List.of(text.get("report.cover.protectionText", summary.minGroupSize()))));
		return facts;
	}

	private Section read() {
		List<ListBlock> lists = new ArrayList<>();
		if (summary.resultsShown()) {
			List<String> inShort = summary.principles()
				.stream()
				.map(principle -> ReportContent.principleSentence(principle, text))
				.filter(Objects::nonNull)
				.toList();
			if (!inShort.isEmpty()) {
				lists.add(new ListBlock(text.get("report.short.title"), inShort));
			}
		}
		return new Section(text.get("report.read.title"), ReportContent.howToRead(summary, text), lists);
	}

	private Overview overview() {
		List<ItemSummary> scaled = summary.items().stream().filter(item -> item.options().size() >= 2).toList();
		if (scaled.isEmpty()) {
			return null;
		}
		List<GroupSummary.Group> groups = summary.groups().stream().filter(GroupSummary.Group::shown).toList();
		List<String> header = new ArrayList<>(
				List.of(text.get("report.overview.statement"), text.get("report.table.everyone")));
		groups.forEach(group -> header.add(text.of(group.label())));
		List<OverviewPart> parts = new ArrayList<>();
		for (PrincipleSummary principle : summary.principles()) {
			List<OverviewRow> rows = new ArrayList<>();
			for (ItemSummary item : principle.items()) {
				if (item.options().size() < 2) {
					continue;
				}
				List<String> cells = new ArrayList<>();
				cells.add(item.shown() ? ReportContent.upperShare(item.all()) + "%" : text.get("report.notShown"));
				for (GroupSummary.Group group : groups) {
					Distribution figures = item.groups()
						.stream()
						.filter(g -> g.value().equals(group.value()))
						.map(GroupDistribution::distribution)
						.filter(Objects::nonNull)
						.findFirst()
						.orElse(null);
					cells.add(figures == null ? text.get("report.notShown") : ReportContent.upperShare(figures) + "%");
				}
				rows.add(new OverviewRow(text.of(item.text()), cells));
			}
			if (!rows.isEmpty()) {
				parts.add(new OverviewPart(text.of(principle.title()), rows));
			}
		}
		return new Overview(text.get("report.overview.title"), text.get("report.overview.lead",
				ReportContent.upperAnswers(scaled.get(0), text), summary.minGroupSize()), header, parts);
	}

	/**
	 * A chart of shown items on one scale, numbered in the order the report shows them.
	 */
	Chart chart(List<ItemSummary> items, String alt) {
		ItemSummary first = items.get(0);
		List<Bar> bars = items.stream()
			.map(item -> new Bar(text.of(item.text()), item.all().counts(), item.all().notSure()))
			.toList();
		Bars drawn = new Bars(first.options().stream().map(option -> text.of(option.label())).toList(),
				text.of(first.notSure()), bars, false);
		return numbered(drawn, alt);
	}

	/**
	 * A chart numbered next, as tall on the page as it is laid out, scaled to the page's
	 * width.
	 */
	Chart numbered(Bars drawn, String alt) {
		int height = ChartPng.drawnHeight(drawn);
		return new Chart(charts++, alt, Math.round((float) height * Report.CHART_WIDTH / ChartPng.DRAWN_WIDTH), drawn);
	}

	private String notShown() {
		return text.get("report.notShown") + " (" + text.get("report.notShownWhy") + ")";
	}

	private PrincipleBlock principle(PrincipleSummary principle) {
		List<ItemBlock> items = new ArrayList<>();
		for (ItemSummary item : principle.items()) {
			if (!item.shown()) {
				items.add(new ItemBlock(item.id(), text.of(item.text()), null, null,
						text.get("report.item.notShown", summary.minGroupSize()), null, null));
				continue;
			}
			Table table = table(item);
			table.rows().add(row(text.get("report.table.everyone"), item.all(), true));
			for (GroupDistribution group : item.groups()) {
				table.rows().add(row(text.of(group.label()), group.distribution(), false));
			}
			items.add(new ItemBlock(item.id(), text.of(item.text()),
					ReportContent.itemSentence(item, text) + " " + ReportContent.spreadSentence(item, text), table,
					null, item.spread(), item.spread() == null ? text.get("report.item.noSpread")
							: ReportContent.spreadWords(item.spread(), text)));
		}
		return new PrincipleBlock(principle.id(), text.of(principle.title()), text.of(principle.about()), items);
	}

	/** An empty table with the item's columns: each option, "not sure", people. */
	Table table(ItemSummary item) {
		List<String> header = new ArrayList<>();
		item.options().forEach(option -> header.add(text.of(option.label())));
		header.add(text.of(item.notSure()));
		header.add(text.get("report.table.people"));
		return new Table(text.get("report.table.group"), header, new ArrayList<>());
	}

	Row row(String label, Distribution distribution, boolean strong) {
		if (distribution == null) {
			return new Row(label, strong, List.of(), null, notShown());
		}
		List<Integer> counts = new ArrayList<>(distribution.counts());
		counts.add(distribution.notSure());
		int[] percents = ReportContent.percents(counts, distribution.people());
		List<Figure> figures = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			double share = distribution.people() == 0 ? 0 : (double) counts.get(i) / distribution.people();
			figures.add(new Figure(counts.get(i), share, percents[i]));
		}
		return new Row(label, strong, figures, distribution.people(), null);
	}

	/** What we agreed to try last time about this statement. */
	List<String> agreedAbout(ItemSummary item) {
		return input.agreements().stream().filter(a -> a.about(item.id())).map(ReportInput.Agreement::text).toList();
	}

	private Words words() {
		String title = text.get("report.words.title");
		if (!input.writtenIncluded()) {
			return new Words(title, null, List.of(), text.get("report.words.leftOut"), List.of());
		}
		List<WrittenBlock> items = summary.written()
			.stream()
			.filter(WrittenSummary::shown)
			.map(w -> new WrittenBlock(w.id(), text.of(w.text()),
					w.answers().stream().map(answer -> ReportContent.answerAsShown(answer, text)).toList()))
			.toList();
		List<WrittenBlock> withheld = summary.written()
			.stream()
			.filter(w -> !w.shown())
			.map(w -> new WrittenBlock(w.id(), text.of(w.text()), List.of()))
			.toList();
		return new Words(title, text.get("report.words.lead", summary.minGroupSize()), items,
				items.isEmpty() ? text.get("report.words.none", summary.minGroupSize()) : null, withheld);
	}

	/**
	 * The steward's guide, in the round's language: the plan's steps and each part's
	 * lines are numbered from 1 in the texts. Its example agreement names a statement the
	 * report puts forward for the meeting, by the id an agreements file takes.
	 */
	private StewardGuide steward() {
		List<GuideStep> plan = new ArrayList<>();
		for (int step = 1; text.has("report.steward.plan" + step); step++) {
			String key = "report.steward.plan" + step;
			plan.add(new GuideStep(text.get(key + ".time"), text.get(key + ".title"),
					text.get(key, text.get("report.overview.title"), text.get("report.start.title"))));
		}
		String example = DifferContent.splits(summary, 1)
			.stream()
			.findFirst()
			.or(() -> summary.items().stream().filter(item -> item.options().size() >= 2).findFirst())
			.map(ItemSummary::id)
			.orElse("");
		List<ListBlock> parts = new ArrayList<>();
		for (String part : List.of("room", "share", "power", "notShown", "hurt", "write")) {
			String key = "report.steward." + part;
			List<String> lines = new ArrayList<>();
			for (int line = 1; text.has(key + line); line++) {
				lines.add(text.get(key + line, text.get("report.notShown"), text.get("report.notShownWhy"), example));
			}
			parts.add(new ListBlock(text.get(key + ".title"), lines));
		}
		return new StewardGuide(text.get("report.steward.title"), text.get("report.steward.lead"),
				text.get("report.steward.planTitle"), plan, parts);
	}

	private Withheld withheld() {
		List<String> lines = ReportContent.withheld(summary, input.writtenIncluded(), text);
		List<String> before = new ArrayList<>();
		if (input.previous() != null) {
			// Last time's written answers are never part of this report, whatever
			// their number: that is why
			// they are not here, not the protection of small groups.
			before.addAll(ReportContent.withheld(input.previous(), false, text));
			if (!input.previous().written().isEmpty()) {
				before.add(text.get("report.withheld.previousWritten"));
			}
		}
		return new Withheld(text.get("report.withheld.title"), text.get("report.withheld.lead", summary.minGroupSize()),
				lines, lines.isEmpty() ? text.get("report.withheld.nothing") : null,
				text.get("report.withheld.previous"), before);
	}

}
