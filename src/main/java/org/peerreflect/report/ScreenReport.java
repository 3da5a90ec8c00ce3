package org.peerreflect.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.peerreflect.insight.GroupSummary;
import org.peerreflect.insight.GroupSummary.Distribution;
import org.peerreflect.insight.GroupSummary.GroupDistribution;
import org.peerreflect.insight.GroupSummary.ItemSummary;
import org.peerreflect.insight.GroupSummary.PrincipleSummary;
import org.peerreflect.insight.GroupSummary.WrittenSummary;

/**
 * The report as a web page shows it: the PDF's eight sections with every sentence already in the
 * round's language, so a page template only lays them out. Charts are numbered; {@link #chart}
 * draws one as a PNG with the same look as in the PDF.
 */
public record ScreenReport(String language, String kicker, String title, String organization, String period,
		List<Fact> cover, String about, String noResults, Section read, Glance glance, List<PrincipleBlock> principles,
		Differ differ, Words words, Since since, Withheld withheld) {

	/** A label and its value on the cover. */
	public record Fact(String label, List<String> values) {
	}

	/** A heading, its paragraphs, and short lists under their own headings. */
	public record Section(String title, List<String> paragraphs, List<ListBlock> lists) {
	}

	public record ListBlock(String title, List<String> lines) {
	}

	/** A chart drawn on the server, with its text alternative; the figures are also in the tables. */
	public record Chart(int index, String alt, int height) {
	}

	public record Glance(String title, String lead, List<PrincipleCharts> principles) {
	}

	public record PrincipleCharts(String title, List<Chart> charts, List<String> notShown) {
	}

	public record PrincipleBlock(String id, String title, String about, List<ItemBlock> items) {
	}

	/** One item: its sentence and table, or why it is not shown. */
	public record ItemBlock(String text, String sentence, Table table, String notShown) {
	}

	/** A distribution table: a header row, then one row per group; a withheld row has no cells. */
	public record Table(String corner, List<String> header, List<Row> rows) {
	}

	public record Row(String label, boolean strong, List<String> cells, String withheld) {

		public boolean shown() {
			return withheld == null;
		}

	}

	public record Differ(String title, String lead, Chart chart, List<DifferItem> items, String ask) {
	}

	public record DifferItem(String text, String figure) {
	}

	public record Words(String title, String lead, List<WrittenBlock> items, String none) {
	}

	public record WrittenBlock(String text, List<String> answers) {
	}

	public record Since(String title, String agreementsTitle, List<String> agreements, String lead,
			List<SincePair> pairs, String none) {
	}

	public record SincePair(String text, Table table) {
	}

	public record Withheld(String title, String lead, List<String> lines, String nothing, String previousTitle,
			List<String> previousLines) {
	}

	/** Width in pixels of a chart as the page shows it; it scales down on a phone. */
	public static final int CHART_WIDTH = 900;

	/**
	 * Width the chart is laid out in, close to the PDF's, so its labels come out about 1.6 times the
	 * PDF's size on a page 900 wide.
	 */
	private static final int DRAWN_WIDTH = 560;

	/** Pixels per unit drawn: sharp on a projector and on a phone's dense screen. */
	private static final int SHARPNESS = 3;

	public static ScreenReport of(ReportInput input) {
		return new Builder(input).build();
	}

	/** Width a chart for a phone is laid out in: its labels take a larger share of a narrow screen. */
	private static final int NARROW_WIDTH = 340;

	/** Chart {@code index} of the report as a PNG, or null when there is no such chart. */
	public static byte[] chart(ReportInput input, int index) {
		return chart(input, index, false);
	}

	/**
	 * Chart {@code index} as a PNG, laid out for a phone's narrow screen when {@code narrow}; null
	 * when there is no such chart.
	 */
	public static byte[] chart(ReportInput input, int index, boolean narrow) {
		Builder builder = new Builder(input);
		builder.build();
		if (index < 0 || index >= builder.charts.size()) {
			return null;
		}
		JFreeChart chart = builder.charts.get(index).get();
		int width = narrow ? NARROW_WIDTH : DRAWN_WIDTH;
		// A narrow chart's labels wrap onto more lines, so each bar gets more room.
		int height = narrow ? Math.round(builder.heights.get(index) * 1.3f) : builder.heights.get(index);
		BufferedImage image = chart.createBufferedImage(width * SHARPNESS, height * SHARPNESS, width, height, null);
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

		private final List<Supplier<JFreeChart>> charts = new ArrayList<>();

		private final List<Integer> heights = new ArrayList<>();

		Builder(ReportInput input) {
			this.input = input;
			this.summary = input.current();
			this.text = new ReportText(input.language());
		}

		ScreenReport build() {
			boolean shown = summary.resultsShown();
			return new ScreenReport(input.language(), text.get("report.cover.kicker"), title(), input.organization(),
					input.period(), cover(), text.get("report.cover.about"),
					ReportContent.notice(summary, text), read(),
					shown ? glance() : null,
					shown ? summary.principles().stream().map(this::principle).toList() : List.of(),
					shown ? differ() : null, shown ? words() : null, since(), withheld());
		}

		private String title() {
			return input.title() != null ? input.title() : text.of(summary.questionnaireTitle());
		}

		private List<Fact> cover() {
			List<Fact> facts = new ArrayList<>();
			facts.add(new Fact(text.get("report.cover.tookPart"), List.of(summary.resultsShown()
					? text.get("report.cover.people", summary.people())
					: text.get("report.cover.fewer", summary.minGroupSize()))));
			if (!summary.groups().isEmpty() && summary.resultsShown()) {
				facts.add(new Fact(text.of(summary.perspectiveQuestion()), summary.groups().stream()
					.map(g -> text.of(g.label()) + ": " + (g.shown() ? g.people() : text.get("report.notShown")))
					.toList()));
			}
			facts.add(new Fact(text.get("report.cover.codes"), List.of(ReportContent.codes(input, text))));
			facts.add(new Fact(text.get("report.cover.questionnaire"), List.of(text.of(summary.questionnaireTitle()),
					text.get("report.cover.version", summary.questionnaireId(), summary.questionnaireVersion()))));
			facts.add(new Fact(text.get("report.cover.protection"),
					List.of(text.get("report.cover.protectionText", summary.minGroupSize()))));
			return facts;
		}

		private Section read() {
			List<ListBlock> lists = new ArrayList<>();
			if (summary.resultsShown()) {
				List<String> inShort = summary.principles().stream()
					.map(principle -> ReportContent.principleSentence(principle, text))
					.filter(Objects::nonNull)
					.toList();
				if (!inShort.isEmpty()) {
					lists.add(new ListBlock(text.get("report.short.title"), inShort));
				}
				List<String> widest = ReportContent.widestSpread(summary).stream().limit(3).map(i -> text.of(i.text())).toList();
				if (!widest.isEmpty()) {
					lists.add(new ListBlock(text.get("report.read.glance"), widest));
				}
			}
			return new Section(text.get("report.read.title"), ReportContent.howToRead(summary, text), lists);
		}

		private Glance glance() {
			if (summary.items().isEmpty()) {
				return null;
			}
			ItemSummary first = summary.items().get(0);
			String lead = text.get("report.glance.lead", text.of(first.options().get(0).label()),
					text.of(first.options().get(first.options().size() - 1).label()), text.of(first.notSure()));
			List<PrincipleCharts> principles = new ArrayList<>();
			for (PrincipleSummary principle : summary.principles()) {
				if (principle.items().isEmpty()) {
					continue;
				}
				List<Chart> drawn = new ArrayList<>();
				for (List<ItemSummary> sameScale : ReportContent.byScale(principle.items())) {
					List<ItemSummary> shown = sameScale.stream().filter(ItemSummary::shown).toList();
					if (!shown.isEmpty()) {
						drawn.add(chart(() -> Charts.items(shown, text), shown.size(),
								text.get("report.glance.alt", text.of(principle.title()))));
					}
				}
				List<String> hidden = principle.items().stream().filter(i -> !i.shown())
					.map(i -> text.of(i.text()) + ": " + notShown())
					.toList();
				principles.add(new PrincipleCharts(text.of(principle.title()), drawn, hidden));
			}
			return new Glance(text.get("report.glance.title"), lead, principles);
		}

		private Chart chart(Supplier<JFreeChart> chart, int bars, String alt) {
			charts.add(chart);
			int height = Math.round(Charts.height(bars) * DRAWN_WIDTH / 480f);
			heights.add(height);
			return new Chart(charts.size() - 1, alt, Math.round((float) height * CHART_WIDTH / DRAWN_WIDTH));
		}

		private String notShown() {
			return text.get("report.notShown") + " (" + text.get("report.notShownWhy") + ")";
		}

		private PrincipleBlock principle(PrincipleSummary principle) {
			List<ItemBlock> items = new ArrayList<>();
			for (ItemSummary item : principle.items()) {
				if (!item.shown()) {
					items.add(new ItemBlock(text.of(item.text()), null, null,
							text.get("report.item.notShown", summary.minGroupSize())));
					continue;
				}
				Table table = table(item);
				table.rows().add(row(text.get("report.table.everyone"), item.all(), true));
				for (GroupDistribution group : item.groups()) {
					table.rows().add(row(text.of(group.label()), group.distribution(), false));
				}
				items.add(new ItemBlock(text.of(item.text()),
						ReportContent.itemSentence(item, text) + " " + ReportContent.spreadSentence(item, text), table, null));
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
				return new Row(label, strong, List.of(), notShown());
			}
			List<String> cells = new ArrayList<>();
			for (int count : distribution.counts()) {
				cells.add(count + " (" + ReportContent.percent(count, distribution.people()) + "%)");
			}
			cells.add(distribution.notSure() + " (" + ReportContent.percent(distribution.notSure(), distribution.people()) + "%)");
			cells.add(String.valueOf(distribution.people()));
			return new Row(label, strong, cells, null);
		}

		private Differ differ() {
			List<ItemSummary> widest = ReportContent.widestSpread(summary);
			if (widest.isEmpty()) {
				return null;
			}
			List<ItemSummary> sameScale = ReportContent.byScale(widest).get(0);
			Chart chart = chart(() -> Charts.items(sameScale, text), sameScale.size(), text.get("report.differ.title"));
			List<DifferItem> items = widest.stream()
				.map(item -> new DifferItem(text.of(item.text()), text.get("report.differ.figure",
						ReportContent.spreadWords(item.spread(), text), ReportContent.spreadFigure(item.spread(), text))))
				.toList();
			return new Differ(text.get("report.differ.title"), text.get("report.differ.lead"), chart, items,
					text.get("report.differ.ask"));
		}

		private Words words() {
			String title = text.get("report.words.title");
			if (!input.writtenIncluded()) {
				return new Words(title, null, List.of(), text.get("report.words.leftOut"));
			}
			List<WrittenBlock> items = summary.written().stream().filter(WrittenSummary::shown)
				.map(w -> new WrittenBlock(text.of(w.text()), w.answers()))
				.toList();
			return new Words(title, text.get("report.words.lead", summary.minGroupSize()), items,
					items.isEmpty() ? text.get("report.words.none", summary.minGroupSize()) : null);
		}

		private Since since() {
			if (input.previous() == null && input.agreements().isEmpty()) {
				return null;
			}
			List<SincePair> pairs = new ArrayList<>();
			String none = null;
			if (input.previous() != null) {
				for (ReportContent.Pair pair : ReportContent.sinceLastTime(summary, input.previous())) {
					Table table = table(pair.now());
					table.rows().add(row(text.get("report.since.last"), pair.last().all(), false));
					table.rows().add(row(text.get("report.since.now"), pair.now().all(), false));
					pairs.add(new SincePair(text.of(pair.now().text()), table));
				}
				if (pairs.isEmpty()) {
					none = text.get("report.since.none");
				}
			}
			return new Since(text.get("report.since.title"), text.get("report.since.agreements"), input.agreements(),
					input.previous() == null ? null : text.get("report.since.lead"), pairs, none);
		}

		private Withheld withheld() {
			List<String> lines = ReportContent.withheld(summary, input.writtenIncluded(), text);
			List<String> before = input.previous() == null ? List.of()
					: ReportContent.withheld(input.previous(), input.writtenIncluded(), text);
			return new Withheld(text.get("report.withheld.title"), text.get("report.withheld.lead", summary.minGroupSize()),
					lines, lines.isEmpty() ? text.get("report.withheld.nothing") : null,
					text.get("report.withheld.previous"), before);
		}

	}

}
