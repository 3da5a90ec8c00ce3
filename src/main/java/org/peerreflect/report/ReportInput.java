package org.peerreflect.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerreflect.gate.GroupSummary;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a report is made from: this round's group summary, the previous round's when there
 * is one, what the group agreed to try last time, and the words for the cover.
 *
 * @param previous the last round's group summary, or null
 * @param channels codes printed and used by channel, or null when the answers came from a
 * file
 * @param writtenIncluded whether written answers were read, reviewed and given to the
 * gate; when not, the report says they were left out rather than that too few were
 * written
 * @param quotes the written answers the steward chose to set beside each statement put
 * forward for the meeting, by statement id, up to two each; inputs kept before there was
 * a choice have none
 * @param earlier the published rounds of the same questionnaire before this one, oldest
 * first, at most four, for the series; none in inputs kept before there was a series
 */
public record ReportInput(GroupSummary current, GroupSummary previous, List<Agreement> agreements, String language,
		String organization, String title, String period, Channels channels, boolean writtenIncluded,
		Map<String, List<String>> quotes, List<Earlier> earlier) {

	public ReportInput {
		agreements = agreements == null ? List.of() : List.copyOf(agreements);
		earlier = earlier == null ? List.of() : List.copyOf(earlier);
		Map<String, List<String>> chosen = new LinkedHashMap<>();
		if (quotes != null) {
			quotes.forEach((statement, words) -> chosen.put(statement, List.copyOf(words)));
		}
		quotes = Collections.unmodifiableMap(chosen);
	}

	/** An input with no quotes chosen: none stands beside any statement. */
	public ReportInput(GroupSummary current, GroupSummary previous, List<Agreement> agreements, String language,
			String organization, String title, String period, Channels channels, boolean writtenIncluded) {
		this(current, previous, agreements, language, organization, title, period, channels, writtenIncluded, null,
				null);
	}

	/** An input with quotes and no earlier rounds. */
	public ReportInput(GroupSummary current, GroupSummary previous, List<Agreement> agreements, String language,
			String organization, String title, String period, Channels channels, boolean writtenIncluded,
			Map<String, List<String>> quotes) {
		this(current, previous, agreements, language, organization, title, period, channels, writtenIncluded, quotes,
				null);
	}

	/** The same input with the quotes the steward chose. */
	public ReportInput withQuotes(Map<String, List<String>> chosen) {
		return new ReportInput(current, previous, agreements, language, organization, title, period, channels,
				writtenIncluded, chosen, earlier);
	}

	/** The same input with the earlier rounds of its series, oldest first. */
	public ReportInput withEarlier(List<Earlier> rounds) {
		return new ReportInput(current, previous, agreements, language, organization, title, period, channels,
				writtenIncluded, quotes, rounds);
	}

	/**
	 * An earlier published round of the same questionnaire, as it was kept: the period
	 * its report named, its group summary without written answers (the series reads
	 * statements only), and what the group agreed after it.
	 */
	public record Earlier(String period, GroupSummary summary, List<Agreement> agreements) {

		public Earlier {
			agreements = agreements == null ? List.of() : List.copyOf(agreements);
		}

		/** A kept round for the series: its summary with its written answers left out. */
		public static Earlier of(String period, GroupSummary summary, List<Agreement> agreements) {
			List<GroupSummary.PrincipleSummary> principles = summary.principles()
				.stream()
				.map(p -> new GroupSummary.PrincipleSummary(p.id(), p.title(), p.about(), p.items(), List.of()))
				.toList();
			return new Earlier(period,
					new GroupSummary(summary.questionnaireId(), summary.questionnaireVersion(),
							summary.questionnaireTitle(), summary.minGroupSize(), summary.people(),
							summary.perspectiveQuestion(), summary.groups(), principles, summary.fewLeftOut()),
					agreements);
		}

	}

	/**
	 * One thing the group agreed to try last time, and the ids of the statements it was
	 * about, so the report can set it beside them. Inputs kept before agreements had
	 * statements hold plain text, which reads as an agreement about none.
	 */
	public record Agreement(String text, List<String> statements) {

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		public Agreement {
			statements = statements == null ? List.of() : List.copyOf(statements);
		}

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Agreement kept(String text) {
			return new Agreement(text, List.of());
		}

		/**
		 * An agreement as a line of an agreements file: its text, after the ids of the
		 * statements it was about in square brackets when there are any ("[fr-3 fr-5]
		 * Take turns leading").
		 */
		public static Agreement ofLine(String line) {
			String text = line.strip();
			if (text.startsWith("[") && text.indexOf(']') > 0) {
				int end = text.indexOf(']');
				List<String> about = Arrays.stream(text.substring(1, end).split("[,\\s]+"))
					.filter(id -> !id.isEmpty())
					.distinct()
					.toList();
				return new Agreement(text.substring(end + 1).strip(), about);
			}
			return new Agreement(text, List.of());
		}

		public boolean about(String statement) {
			return statements.contains(statement);
		}

	}

	/**
	 * Codes printed, and of those used only what the cover shows (invariants 6 and 13):
	 * how many in all where that is how many the figures count, how many each way where
	 * those counts keep every answer private; null where not shown, so the kept input
	 * holds no more than the report says. Cards printed after the round opened, with the
	 * steward's reasons, for everyone to see.
	 */
	public record Channels(int printed, Integer used, Integer online, Integer kiosk, Integer paper,
			List<CardsAfterOpening> afterOpening) {

		public Channels {
			afterOpening = afterOpening == null ? List.of() : List.copyOf(afterOpening);
			// Kept by an earlier version, with every way counted and no total.
			if (used == null && online != null && kiosk != null && paper != null) {
				used = online + kiosk + paper;
			}
		}

		/**
		 * What a round's counts let the cover say: {@code inFigures} is how many people
		 * the report's figures count, null where too few for any.
		 */
		public static Channels of(int printed, int online, int kiosk, int paper, int minGroupSize, Integer inFigures,
				List<CardsAfterOpening> afterOpening) {
			int used = online + kiosk + paper;
			boolean inAll = inFigures != null && inFigures == used;
			boolean ways = inAll && GroupSummary.channelsMayBeShown(online, kiosk, paper, minGroupSize);
			return new Channels(printed, inAll ? used : null, ways ? online : null, ways ? kiosk : null,
					ways ? paper : null, afterOpening);
		}

		public boolean waysShown() {
			return online != null && kiosk != null && paper != null;
		}

	}

	/** Cards printed after the round opened, and the steward's reason. */
	public record CardsAfterOpening(int cards, String reason) {
	}

}
