package org.peerreflect.report;

import java.util.List;

import org.peerreflect.insight.GroupSummary;

/**
 * What a report is made from: this round's group summary, the previous round's when there is one,
 * what the group agreed to try last time, and the words for the cover.
 *
 * @param previous the last round's group summary, or null
 * @param channels codes printed and used by channel, or null when the answers came from a file
 * @param writtenIncluded whether written answers were read, reviewed and given to the gate; when
 * not, the report says they were left out rather than that too few were written
 */
public record ReportInput(GroupSummary current, GroupSummary previous, List<String> agreements, String language,
		String organization, String title, String period, Channels channels, boolean writtenIncluded) {

	public ReportInput {
		agreements = agreements == null ? List.of() : List.copyOf(agreements);
	}

	/** Codes printed, and codes used online, on the kiosk and on paper. */
	public record Channels(int printed, int online, int kiosk, int paper) {
	}

}
