package org.peerreflect.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.GroupSummary.PrincipleSummary;
import org.peerreflect.gate.SeriesGate;

/**
 * Every round in view: the series part of the report, made from the summaries each round
 * kept when it was published and passed once more through the {@link SeriesGate}. It
 * works out shares from published counts only, with the report's one rounding.
 */
final class SeriesContent {

	private SeriesContent() {
	}

	/**
	 * The series of this round and the earlier rounds of its questionnaire; null when
	 * there are none.
	 */
	static Report.Series series(ReportInput input, ReportText text) {
		GroupSummary now = input.current();
		List<ReportInput.Earlier> earlier = input.earlier()
			.stream()
			.filter(round -> round.summary().questionnaireId().equals(now.questionnaireId()))
			.toList();
		earlier = earlier.subList(Math.max(0, earlier.size() - (SeriesGate.MOST_ROUNDS - 1)), earlier.size());
		if (earlier.isEmpty()) {
			return null;
		}
		List<GroupSummary> rounds = new ArrayList<>(earlier.stream().map(ReportInput.Earlier::summary).toList());
		rounds.add(now);
		List<String> periods = periods(earlier, input.period(), text);
		Map<String, String> groups = groups(rounds, text);
		List<String> values = List.copyOf(groups.keySet());
		List<Report.SeriesStatement> statements = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		boolean leftOut = false;
		for (SeriesGate.Line line : SeriesGate.lines(rounds)) {
			ItemSummary current = line.rounds().get(rounds.size() - 1);
			if (current.options().size() < 2) {
				continue;
			}
			String words = text.of(current.text());
			if (line.reworded()) {
				notes.add(text.get("report.series.reworded", ReportContent.quoted(words, text),
						periods.get(line.restartedAfter()), periods.get(line.from())));
			}
			if (line.from() > rounds.size() - 2) {
				// Asked this round alone: one point is not a series.
				continue;
			}
			List<Report.SeriesPoint> points = new ArrayList<>();
			for (int r = line.from(); r < rounds.size(); r++) {
				ItemSummary item = line.rounds().get(r);
				ItemSummary published = itemOf(rounds.get(r), line.id());
				leftOut |= published.shown() && !item.shown();
				List<Integer> shares = new ArrayList<>();
				for (String value : values) {
					GroupDistribution group = item.groups()
						.stream()
						.filter(g -> g.value().equals(value))
						.findFirst()
						.orElse(null);
					GroupDistribution kept = published.groups()
						.stream()
						.filter(g -> g.value().equals(value))
						.findFirst()
						.orElse(null);
					leftOut |= kept != null && kept.shown() && published.shown() && (group == null || !group.shown());
					shares.add(group != null && group.shown() ? ReportContent.upperShare(group.distribution()) : null);
				}
				List<String> agreed = r < earlier.size() ? earlier.get(r)
					.agreements()
					.stream()
					.filter(agreement -> agreement.about(line.id()))
					.map(ReportInput.Agreement::text)
					.toList() : List.of();
				points.add(new Report.SeriesPoint(periods.get(r),
						item.shown() ? ReportContent.upperShare(item.all()) : null,
						item.shown() ? ReportContent.percent(item.all().notSure(), item.all().people()) : null,
						item.shown() ? item.all().people() : null, shares, agreed));
			}
			statements.add(new Report.SeriesStatement(line.id(), principleTitle(now, line.principle(), text), words,
					text.get("report.series.alt", ReportContent.quoted(words, text), points.get(0).period(),
							points.get(points.size() - 1).period()),
					points));
		}
		if (leftOut) {
			int k = rounds.stream().mapToInt(GroupSummary::minGroupSize).max().orElse(now.minGroupSize());
			notes.add(text.get("report.series.leftOut", k));
		}
		if (!values.isEmpty()) {
			notes.add(text.get("report.series.groupsNote"));
		}
		if (statements.isEmpty()) {
			notes.add(text.get("report.series.none"));
		}
		List<String> header = new ArrayList<>(List.of(text.get("report.overview.statement"),
				text.get("report.series.round"), text.get("report.series.upper"), text.get("report.series.notSure"),
				text.get("report.series.answered")));
		header.addAll(groups.values());
		return new Report.Series(text.get("report.series.title"), text.get("report.series.lead", rounds.size()),
				periods, List.copyOf(groups.values()), notes, header, statements, text.get("report.series.agreed"),
				text.get("report.notShown"));
	}

	/**
	 * Each round's period as its report named it; where two rounds share one, each is
	 * told apart by its place in the series.
	 */
	private static List<String> periods(List<ReportInput.Earlier> earlier, String now, ReportText text) {
		List<String> named = new ArrayList<>(earlier.stream().map(ReportInput.Earlier::period).toList());
		named.add(now);
		List<String> periods = new ArrayList<>();
		for (int r = 0; r < named.size(); r++) {
			String period = named.get(r) == null ? "" : named.get(r);
			long same = named.stream().filter(other -> period.equals(other == null ? "" : other)).count();
			periods
				.add(same > 1 || period.isEmpty() ? text.get("report.series.numbered", period, r + 1).strip() : period);
		}
		return periods;
	}

	/**
	 * The groups shown in some round of the series, by value, in the newest round's order
	 * and named as the newest round that has them names them: a renamed group stays one
	 * group.
	 */
	private static Map<String, String> groups(List<GroupSummary> rounds, ReportText text) {
		Map<String, String> groups = new LinkedHashMap<>();
		for (int r = rounds.size() - 1; r >= 0; r--) {
			for (GroupSummary.Group group : rounds.get(r).groups()) {
				if (group.shown()) {
					groups.putIfAbsent(group.value(), text.of(group.label()));
				}
			}
		}
		return groups;
	}

	private static ItemSummary itemOf(GroupSummary round, String id) {
		return round.items().stream().filter(item -> item.id().equals(id)).findFirst().orElseThrow();
	}

	private static String principleTitle(GroupSummary round, String id, ReportText text) {
		return round.principles()
			.stream()
			.filter(principle -> principle.id().equals(id))
			.map(PrincipleSummary::title)
			.map(text::of)
			.findFirst()
			.orElse("");
	}

}
