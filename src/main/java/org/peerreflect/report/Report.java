package org.peerreflect.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

		public SeriesPoint

		{
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

	public static Report of(ReportInput input) {
		return new ReportBuilder(input).build();
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
		return ChartPng.png(charts.get(index), narrow);
	}

}
