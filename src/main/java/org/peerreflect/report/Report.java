package org.peerreflect.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.peerreflect.insight.GroupSummary;
import org.peerreflect.insight.GroupSummary.Distribution;
import org.peerreflect.insight.GroupSummary.GroupDistribution;
import org.peerreflect.insight.GroupSummary.ItemSummary;
import org.peerreflect.insight.GroupSummary.PrincipleSummary;
import org.peerreflect.insight.GroupSummary.WrittenSummary;

/**
 * The report, made once from the group summaries, the previous round's, the agreements
 * and the cover facts: every section in its order, every sentence in the round's
 * language, every figure, every withheld mark and its reason. The PDF, the workbook and
 * the web page only lay it out, so what the report says is decided here and nowhere else.
 * Charts carry their bars; {@link #chart} draws one as a PNG with the same look as in the
 * PDF.
 */
public record Report(String language, String kicker, String title, String organization, String period, List<Fact> cover,
		String thanks, String about, String noResults, Section read, Overview overview, List<PrincipleBlock> principles,
		Differ differ, Words words, Since since, Withheld withheld, Agreed agreed, StewardGuide steward,
		Meeting meeting, Series series) {

	/**
	 * The report's parts in the order every layout gives them: where our views differ
	 * first, to start the conversation; how to read it and what was not shown at the
	 * back.
	 */
	public enum Part {

		MEETING, COVER, DIFFER, OVERVIEW, PRINCIPLES, SINCE, SERIES, WORDS, READ, WITHHELD, STEWARD

	}

	/** The parts this report has, in their order. */
	public List<Part> parts() {
		List<Part> parts = new ArrayList<>();
		for (Part part : Part.values()) {
			boolean present = switch (part) {
				case DIFFER -> differ != null;
				case OVERVIEW -> overview != null;
				case PRINCIPLES -> !principles.isEmpty();
				case WORDS -> words != null;
				case SINCE -> since != null;
				// Only with earlier rounds of the same questionnaire, and in reports kept
				// since there were series.
				case SERIES -> series != null;
				// A report kept before the guide existed reads without it.
				case STEWARD -> steward != null;
				// Nor the meeting's first page.
				case MEETING -> meeting != null;
				default -> true;
			};
			if (present) {
				parts.add(part);
			}
		}
		return parts;
	}

	/**
	 * The first page, for the meeting: large enough to read from the back of a room, and
	 * whole on its own when projected or printed.
	 */
	public record Meeting(String title, String report, String thanks, List<MeetingPart> parts, String stepsTitle,
			List<String> steps) {
	}

	/**
	 * A part of the meeting's page: up to three statements or agreements, and a line
	 * under them (or instead of them, when there are none).
	 */
	public record MeetingPart(String title, List<MeetingLine> lines, String note) {
	}

	/** A statement or an agreement, and the short lines that go with it. */
	public record MeetingLine(String text, List<String> details) {
	}

	/** A label and its value on the cover. */
	public record Fact(String label, List<String> values) {
	}

	/** A heading, its paragraphs, and short lists under their own headings. */
	public record Section(String title, List<String> paragraphs, List<ListBlock> lists) {
	}

	public record ListBlock(String title, List<String> lines) {
	}

	/**
	 * A chart, with its text alternative and its bars; the figures are also in the
	 * tables. {@code height} is in pixels on the web page.
	 */
	public record Chart(int index, String alt, int height, Bars bars) {
	}

	/**
	 * 100 % stacked bars on one scale: the options in scale order, then "not sure";
	 * {@code paired} when the bars come in twos (this time and last time), drawn thinner.
	 */
	public record Bars(List<String> options, String notSure, List<Bar> bars, boolean paired) {
	}

	/** One bar: a statement and how many chose each option, and "not sure". */
	public record Bar(String label, List<Integer> counts, int notSure) {
	}

	/**
	 * Every statement on one page: for all of us and each group shown, the share who
	 * chose the scale's upper two answers; a withheld figure reads as not shown.
	 */
	public record Overview(String title, String lead, List<String> header, List<OverviewPart> principles) {
	}

	public record OverviewPart(String title, List<OverviewRow> rows) {
	}

	public record OverviewRow(String statement, List<String> cells) {
	}

	public record PrincipleBlock(String id, String title, String about, List<ItemBlock> items) {
	}

	/**
	 * One item: its id in the questionnaire, its sentence and table, how much views
	 * differ (the measure, and in words), or why it is not shown.
	 */
	public record ItemBlock(String id, String text, String sentence, Table table, String notShown, Double spread,
			String spreadWords) {
	}

	/**
	 * A distribution table: a header row (each option, "not sure", people), then one row
	 * per group; a withheld row has no figures, only why.
	 */
	public record Table(String corner, List<String> header, List<Row> rows) {
	}

	/**
	 * A row's figures per option and "not sure", and how many people; or, withheld, the
	 * reason.
	 */
	public record Row(String label, boolean strong, List<Figure> figures, Integer people, String withheld) {

		public boolean shown() {
			return withheld == null;
		}

		/** The row's cells as a table prints them: each figure, then the people. */
		public List<String> cells() {
			List<String> cells = new ArrayList<>(figures.stream().map(Figure::toString).toList());
			if (people != null) {
				cells.add(String.valueOf(people));
			}
			return cells;
		}

	}

	/**
	 * How many chose an answer, its exact share of the row's people, and that share in
	 * whole percent, rounded half up as everywhere in the report.
	 */
	public record Figure(int count, double share, int percent) {

		@Override
		public String toString() {
			return count + " (" + percent + "%)";
		}

	}

	/**
	 * Where our views differ: the statements where answers split, where groups answered
	 * differently and where many were not sure, each with how, a question written for it
	 * and our own words from its principle; then a guide for the meeting with room to
	 * write what we agree.
	 */
	public record Differ(String title, String lead, Chart chart, List<DifferItem> items, Guide guide) {
	}

	/**
	 * One statement to talk over, by its id in the questionnaire: why it is here (each
	 * reason it meets, in words), how the answers fall, a question for it, our words near
	 * it, and what we agreed to try about it last time.
	 */
	public record DifferItem(String id, String text, List<String> why, String how, String prompt, String wordsTitle,
			List<String> words, String agreedTitle, List<String> agreed) {
	}

	/**
	 * The meeting's steps in the principles' words, and the place to write what we agree
	 * this time.
	 */
	public record Guide(String title, List<String> steps, String space) {
	}

	/**
	 * Our own words: each written question shown with its answers; {@code withheld},
	 * those not shown.
	 */
	public record Words(String title, String lead, List<WrittenBlock> items, String none, List<WrittenBlock> withheld) {
	}

	public record WrittenBlock(String id, String text, List<String> answers) {
	}

	/**
	 * Since last time, for the board: the agreements made then, each with how its
	 * statements moved, beside how many of the others moved up, down or stayed within
	 * chance (no average: the report keeps no net score); the size of change two rounds
	 * of these sizes can show by chance, and how it was worked out; then every statement
	 * asked both times in the questionnaire's order, grouped by principle, with its
	 * change in points and "not sure" apart, and charts in the same order.
	 */
	public record Since(String title, String agreementsTitle, List<String> agreements, List<AgreedMove> moves,
			String others, String chance, String lead, List<SincePair> pairs, String none, List<Chart> charts,
			List<String> header, String key, String agreedLabel) {
	}

	/**
	 * One thing we agreed to try last time, and the statements it was about as they
	 * moved; none where it named no statement asked both times.
	 */
	public record AgreedMove(String agreement, List<SincePair> statements) {
	}

	/**
	 * A statement asked both times, under its principle: both rounds' figures, what
	 * changed in plain words, whether it moved by more than chance alone would (and is
	 * then named on the web page), the share on the upper side then and now, the change
	 * in points ({@code shift}, and as printed in {@code points}), "not sure" then and
	 * now, and what we agreed to try about it last time.
	 */
	public record SincePair(String id, String principle, String text, Table table, String change, boolean moved,
			String then, String now, String direction, Integer shift, String points, String notSureThen,
			String notSureNow, List<String> agreed) {

		/**
		 * Whether the web page names it on its own: it moved, or we agreed something
		 * about it.
		 */
		public boolean named() {
			return moved || !agreed.isEmpty();
		}

	}

	/**
	 * Every round in view: each statement over up to the last five published rounds of
	 * the questionnaire, oldest first, as long as its words, scale and principle stayed
	 * the same. {@code periods} names every round of the series; {@code groups} the
	 * groups shown in at least one of them; {@code notes} says where a statement's series
	 * starts again and why figures are left out; {@code notShown} stands where a figure
	 * is left out.
	 */
	public record Series(String title, String lead, List<String> periods, List<String> groups, List<String> notes,
			List<String> header, List<SeriesStatement> statements, String agreedLabel, String notShown) {
	}

	/**
	 * One statement across its rounds, under its principle, with a text alternative for
	 * its chart.
	 */
	public record SeriesStatement(String id, String principle, String text, String alt, List<SeriesPoint> points) {

		/**
		 * Where each shown point sits on a chart 100 wide and 100 high, 0% at the foot.
		 */
		public List<Dot> dots() {
			List<Dot> dots = new ArrayList<>();
			for (int p = 0; p < points.size(); p++) {
				Integer upper = points.get(p).upper();
				if (upper != null) {
					dots.add(new Dot(x(p), 100 - upper, upper + "%"));
				}
			}
			return dots;
		}

		/**
		 * The lines between neighbouring shown points, as SVG writes them ("x1,y1
		 * x2,y2"): a point left out leaves a gap, never a line across it.
		 */
		public List<String> lines() {
			List<String> lines = new ArrayList<>();
			for (int p = 1; p < points.size(); p++) {
				Integer before = points.get(p - 1).upper();
				Integer after = points.get(p).upper();
				if (before != null && after != null) {
					lines.add(x(p - 1) + "," + (100 - before) + " " + x(p) + "," + (100 - after));
				}
			}
			return lines;
		}

		/** Across, the rounds spread evenly with room at each end. */
		int x(int point) {
			return points.size() == 1 ? 50 : 8 + point * 84 / (points.size() - 1);
		}

	}

	/** A point of a small chart, in a box 100 wide and 100 high, and its label. */
	public record Dot(int x, int y, String label) {
	}

	/**
	 * A statement in one round: the share of us who chose the upper two answers and the
	 * share not sure, in whole percent, and how many answered it; each null where left
	 * out. Each shown group's share on the upper side in the series' order of groups,
	 * null where not shown; what we agreed about it after that round.
	 */
	public record SeriesPoint(String period, Integer upper, Integer notSure, Integer people, List<Integer> groups,
			List<String> agreed) {

		public SeriesPoint {
			groups = java.util.Collections.unmodifiableList(new ArrayList<>(groups));
			agreed = List.copyOf(agreed);
		}

		public boolean shown() {
			return upper != null;
		}

	}

	public record Withheld(String title, String lead, List<String> lines, String nothing, String previousTitle,
			List<String> previousLines) {
	}

	/**
	 * The words around what the group agrees after talking this report over, in the
	 * report's language; the agreements themselves are written down after publication.
	 */
	public record Agreed(String title, String lead) {
	}

	/**
	 * The steward's guide to the meeting, at the very back: a plan with about how long
	 * each step takes, then short parts on how we are with each other in the room. It
	 * grades nothing and names no one.
	 */
	public record StewardGuide(String title, String lead, String planTitle, List<GuideStep> plan,
			List<ListBlock> parts) {
	}

	/** One step of the meeting: about how long it takes, its name and what we do. */
	public record GuideStep(String time, String title, String words) {
	}

	/** Width in pixels of a chart as the page shows it; it scales down on a phone. */
	public static final int CHART_WIDTH = 900;

	/**
	 * Width the chart is laid out in, close to the PDF's, so its labels come out about
	 * 1.6 times the PDF's size on a page 900 wide.
	 */
	private static final int DRAWN_WIDTH = 560;

	/** Pixels per unit drawn: sharp on a projector and on a phone's dense screen. */
	private static final int SHARPNESS = 3;

	public static Report of(ReportInput input) {
		return new Builder(input).build();
	}

	/** Every chart of the report, in the order of their indexes. */
	public List<Chart> charts() {
		List<Chart> charts = new ArrayList<>();
		if (differ != null && differ.chart() != null) {
			charts.add(differ.chart());
		}
		if (since != null) {
			charts.addAll(since.charts());
		}
		charts.sort(Comparator.comparingInt(Chart::index));
		return charts;
	}

	/**
	 * Width a chart for a phone is laid out in: its labels take a larger share of a
	 * narrow screen.
	 */
	private static final int NARROW_WIDTH = 340;

	/**
	 * Chart {@code index} of the report as a PNG, or null when there is no such chart.
	 */
	public static byte[] chart(ReportInput input, int index) {
		return of(input).chart(index, false);
	}

	/**
	 * Chart {@code index} as a PNG, laid out for a phone's narrow screen when
	 * {@code narrow}; null when there is no such chart.
	 */
	public byte[] chart(int index, boolean narrow) {
		List<Chart> charts = charts();
		if (index < 0 || index >= charts.size()) {
			return null;
		}
		Chart drawn = charts.get(index);
		int drawnHeight = Math.round(Charts.height(drawn.bars()) * DRAWN_WIDTH / 480f);
		int width = narrow ? NARROW_WIDTH : DRAWN_WIDTH;
		// A narrow chart's labels wrap onto more lines, so each bar gets more room.
		int height = narrow ? Math.round(drawnHeight * 1.3f) : drawnHeight;
		BufferedImage image = Charts.image(drawn.bars(), width, height, SHARPNESS);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return png.toByteArray();
	}

	private static final class Builder {

		private final ReportInput input;

		private final GroupSummary summary;

		private final ReportText text;

		private int charts;

		Builder(ReportInput input) {
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
			Differ differ = shown ? differ() : null;
			Since since = since();
			StewardGuide steward = shown ? steward() : null;
			return new Report(input.language(), text.get("report.cover.kicker"), title(), input.organization(),
					input.period(), cover(), thanks(), text.get("report.cover.about"),
					ReportContent.notice(summary, text), read(), overview, principles, differ, shown ? words() : null,
					since, withheld(), new Agreed(text.get("reports.agreedTitle"), text.get("reports.agreedLead")),
					steward, shown ? meeting(differ, since, steward) : null, SeriesContent.series(input, text));
		}

		/** How many statements each part of the meeting's first page names at most. */
		private static final int ON_THE_FIRST_PAGE = 3;

		/**
		 * The first page for the meeting: thanks and how many took part, then and now;
		 * the statements we agree on most; the first places to start talking; what we
		 * agreed last time and how its statements moved, beside how the rest moved; and
		 * the meeting's steps, the steward's guide's plan by name.
		 */
		private Meeting meeting(Differ differ, Since since, StewardGuide steward) {
			Integer before = input.previous() == null ? null : input.previous().people();
			String thanks = summary.people() == null ? text.get("report.cover.thanksFew")
					: before == null ? text.get("report.meeting.thanks", summary.people())
							: text.get("report.meeting.thanksThen", summary.people(), before);
			List<MeetingPart> parts = new ArrayList<>();
			List<MeetingLine> strengths = ReportContent.agreeMost(summary, ON_THE_FIRST_PAGE)
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
			return new Meeting(text.get("report.meeting.title"), title(), thanks, parts,
					text.get("report.meeting.steps"), steps);
		}

		/**
		 * Thanks to those who took part, and, where cards were printed, how many of them
		 * were used: both figures the cover shows anyway.
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
				facts.add(new Fact(text.of(summary.perspectiveQuestion()), summary.groups()
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
						cells.add(figures == null ? text.get("report.notShown")
								: ReportContent.upperShare(figures) + "%");
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
		 * A chart of shown items on one scale, numbered in the order the report shows
		 * them.
		 */
		private Chart chart(List<ItemSummary> items, String alt) {
			ItemSummary first = items.get(0);
			List<Bar> bars = items.stream()
				.map(item -> new Bar(text.of(item.text()), item.all().counts(), item.all().notSure()))
				.toList();
			Bars drawn = new Bars(first.options().stream().map(option -> text.of(option.label())).toList(),
					text.of(first.notSure()), bars, false);
			int height = Math.round(Charts.height(drawn) * DRAWN_WIDTH / 480f);
			return new Chart(charts++, alt, Math.round((float) height * CHART_WIDTH / DRAWN_WIDTH), drawn);
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
		private Table table(ItemSummary item) {
			List<String> header = new ArrayList<>();
			item.options().forEach(option -> header.add(text.of(option.label())));
			header.add(text.of(item.notSure()));
			header.add(text.get("report.table.people"));
			return new Table(text.get("report.table.group"), header, new ArrayList<>());
		}

		private Row row(String label, Distribution distribution, boolean strong) {
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

		private Differ differ() {
			List<DifferItem> items = new ArrayList<>();
			List<ItemSummary> chosen = new ArrayList<>();
			Map<ReportContent.Why, Integer> asked = new EnumMap<>(ReportContent.Why.class);
			for (ReportContent.StartHere place : ReportContent.placesToStart(summary, PLACES_TO_START)) {
				ItemSummary item = place.item();
				int n = asked.merge(place.picked(), 1, Integer::sum) - 1;
				chosen.add(item);
				items.add(differItem(item,
						place.why()
							.stream()
							.map(why -> text.get("report.start.why." + why.name().toLowerCase()))
							.toList(),
						how(place), ask(place, n)));
			}
			Guide guide = new Guide(
					text.get("report.guide.title"), List.of(text.get("report.guide.notice"),
							text.get("report.guide.talk"), text.get("report.guide.agree")),
					text.get("report.guide.space"));
			if (items.isEmpty()) {
				// Views do not differ anywhere: said plainly, and the meeting starts from
				// what we agree on.
				return new Differ(text.get("report.start.title"), text.get("report.start.none"), null, items, guide);
			}
			Chart chart = chart(ReportContent.byScale(chosen).get(0), text.get("report.differ.alt"));
			return new Differ(text.get("report.start.title"), text.get("report.start.lead"), chart, items, guide);
		}

		/** How the answers fall, said for the reason the statement was picked. */
		private String how(ReportContent.StartHere place) {
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
		 * The question for a statement, when the questionnaire has none of its own: the
		 * n-th of its reason's wordings, so no two are asked alike.
		 */
		private String ask(ReportContent.StartHere place, int n) {
			return switch (place.picked()) {
				case SPLIT -> text.get(variant("report.differ.splitAsk", n),
						ReportContent.upperAnswers(place.item(), text), ReportContent.lowerAnswers(place.item(), text));
				case GROUPS -> text.get(variant("report.differ.groupsAsk", n), text.of(place.gap().lower().label()),
						text.of(place.gap().upper().label()));
				case UNSURE -> text.get(variant("report.differ.unsureAsk", n));
				case FEW -> text.get(variant("report.differ.fewAsk", n));
			};
		}

		/**
		 * The n-th wording of a question (from 0), so that no two statements are asked
		 * alike.
		 */
		private static String variant(String key, int n) {
			return n == 0 ? key : key + (n + 1);
		}

		/** How many places to start talking the report names at most. */
		private static final int PLACES_TO_START = 6;

		/**
		 * A statement to talk over, with the written answers the steward chose for it (up
		 * to two), and none when nothing was chosen: never drawn, so every making of the
		 * report sets the same words beside it.
		 */
		private DifferItem differItem(ItemSummary item, List<String> why, String how, String prompt) {
			List<String> words = new ArrayList<>();
			if (input.writtenIncluded()) {
				input.quotes()
					.getOrDefault(item.id(), List.of())
					.forEach(answer -> words.add(ReportContent.answerAsShown(answer, text)));
			}
			List<String> agreed = agreedAbout(item);
			// The questionnaire's own question for the statement, when it has one, is
			// asked instead.
			return new DifferItem(item.id(), text.of(item.text()), why, how,
					item.prompt() != null ? text.of(item.prompt()) : prompt,
					words.isEmpty() ? null : text.get("report.differ.words"), words,
					agreed.isEmpty() ? null : text.get("report.differ.agreed"), agreed);
		}

		/** What we agreed to try last time about this statement. */
		private List<String> agreedAbout(ItemSummary item) {
			return input.agreements()
				.stream()
				.filter(a -> a.about(item.id()))
				.map(ReportInput.Agreement::text)
				.toList();
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

		private Since since() {
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
				List<ReportContent.Pair> found = ReportContent.sinceLastTime(summary, input.previous());
				if (input.previous().people() != null && summary.people() != null) {
					// Both counts are on each round's cover; with either not shown, no
					// statement is set beside last time either.
					margin = ReportContent.chanceMargin(input.previous().people(), summary.people());
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
				for (ReportContent.Pair pair : found) {
					Table table = table(pair.now());
					table.rows().add(row(text.get("report.since.last"), pair.last().all(), false));
					table.rows().add(row(text.get("report.since.now"), pair.now().all(), false));
					Integer shift = shift(pair);
					boolean moved = shift != null && Math.abs(shift) > margin;
					pairs.add(new SincePair(pair.now().id(), principleOf(pair.now()), text.of(pair.now().text()), table,
							change(pair, margin), moved, upper(pair.last()), upper(pair.now()),
							ReportContent.direction(pair, margin, text), shift, points(shift), notSure(pair.last()),
							notSure(pair.now()), agreedAbout(pair.now())));
				}
				if (pairs.isEmpty()) {
					none = text.get("report.since.none");
				}
				List<ReportContent.Pair> both = found.stream()
					.filter(p -> p.last().shown() && p.now().shown())
					.toList();
				// One scale to a chart, in the order the statements come.
				Map<List<GroupSummary.Option>, List<ReportContent.Pair>> byScale = new java.util.LinkedHashMap<>();
				both.forEach(
						pair -> byScale.computeIfAbsent(pair.now().options(), options -> new ArrayList<>()).add(pair));
				for (List<ReportContent.Pair> scale : byScale.values()) {
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
		 * How the statements no agreement was about moved: how many up and down by more
		 * than chance, how many within it; null when there are none.
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
			return text.get(input.agreements().isEmpty() ? "report.since.all" : "report.since.others", others.size(),
					up, down, margin, others.size() - up - down);
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
		 * The change in points of the share on the scale's upper side, or null when not
		 * shown both times.
		 */
		private static Integer shift(ReportContent.Pair pair) {
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
		 * What changed, in words: the share who chose the scale's upper two answers, then
		 * and now, and whether that is more than chance alone would move it.
		 */
		private String change(ReportContent.Pair pair, int margin) {
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
		 * This time's bar, named by its statement, and last time's just under it, named
		 * "last time".
		 */
		private Chart sinceChart(List<ReportContent.Pair> pairs) {
			ItemSummary first = pairs.get(0).now();
			List<Bar> bars = new ArrayList<>();
			for (ReportContent.Pair pair : pairs) {
				String statement = text.of(pair.now().text());
				bars.add(new Bar(statement, pair.now().all().counts(), pair.now().all().notSure()));
				bars.add(new Bar(text.get("report.since.barLast"), pair.last().all().counts(),
						pair.last().all().notSure()));
			}
			Bars drawn = new Bars(first.options().stream().map(option -> text.of(option.label())).toList(),
					text.of(first.notSure()), bars, true);
			int height = Math.round(Charts.height(drawn) * DRAWN_WIDTH / 480f);
			return new Chart(charts++, text.get("report.since.alt"),
					Math.round((float) height * CHART_WIDTH / DRAWN_WIDTH), drawn);
		}

		/**
		 * The steward's guide, in the round's language: the plan's steps and each part's
		 * lines are numbered from 1 in the texts. Its example agreement names a statement
		 * the report puts forward for the meeting, by the id an agreements file takes.
		 */
		private StewardGuide steward() {
			List<GuideStep> plan = new ArrayList<>();
			for (int step = 1; text.has("report.steward.plan" + step); step++) {
				String key = "report.steward.plan" + step;
				plan.add(new GuideStep(text.get(key + ".time"), text.get(key + ".title"),
						text.get(key, text.get("report.overview.title"), text.get("report.start.title"))));
			}
			String example = ReportContent.splits(summary, 1)
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
					lines.add(
							text.get(key + line, text.get("report.notShown"), text.get("report.notShownWhy"), example));
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
			return new Withheld(text.get("report.withheld.title"),
					text.get("report.withheld.lead", summary.minGroupSize()), lines,
					lines.isEmpty() ? text.get("report.withheld.nothing") : null, text.get("report.withheld.previous"),
					before);
		}

	}

}
