package org.peerreflect.report;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerreflect.gate.GroupSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report opens with a page for the meeting, projectable and printable on its own:
 * thanks and who took part (with last time's count), the three statements we agree on
 * most, the three places to start talking, what we agreed last time and how it moved
 * beside the rest, and the meeting's steps; every word at 14 pt or more, flowing onto the
 * next page at that size rather than shrinking, the cover on a page of its own after it.
 */
class MeetingPageTest {

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theMeetingsPageSaysWhatTheMeetingNeedsInItsOrder(String language) {
		ReportInput input = OneFigureEverywhereTest.input(language);
		Report report = Report.of(input);
		ReportText text = new ReportText(language);
		Report.Meeting meeting = report.meeting();
		assertThat(report.parts().get(0)).isEqualTo(Report.Part.MEETING);
		GroupSummary now = input.current();
		assertThat(meeting.thanks())
			.isEqualTo(text.get("report.meeting.thanksThen", now.people(), input.previous().people()));

		Report.MeetingPart strengths = meeting.parts().get(0);
		List<GroupSummary.ItemSummary> most = DifferContent.agreeMost(now, 3);
		assertThat(strengths.lines()).extracting(Report.MeetingLine::text)
			.containsExactlyElementsOf(most.stream().map(item -> text.of(item.text())).toList());
		// The largest shares, none under half, none larger left out.
		int least = most.stream().mapToInt(item -> ReportContent.upperShare(item.all())).min().orElseThrow();
		assertThat(least).isGreaterThanOrEqualTo(50);
		assertThat(now.items()
			.stream()
			.filter(item -> item.shown() && !most.contains(item) && DifferContent.mayBePutForward(now, item))
			.filter(item -> item.options().size() >= 4))
			.allSatisfy(item -> assertThat(ReportContent.upperShare(item.all())).isLessThanOrEqualTo(least));

		Report.MeetingPart start = meeting.parts().get(1);
		assertThat(start.title()).isEqualTo(report.differ().title());
		assertThat(start.lines()).extracting(Report.MeetingLine::text)
			.containsExactlyElementsOf(report.differ().items().stream().limit(3).map(Report.DifferItem::text).toList());

		Report.MeetingPart agreed = meeting.parts().get(2);
		assertThat(agreed.lines()).extracting(Report.MeetingLine::text)
			.containsExactlyElementsOf(ReportFixtures.agreementTexts());
		assertThat(agreed.note()).isEqualTo(report.since().others());

		assertThat(meeting.steps()).hasSameSizeAs(report.steward().plan());
		for (int step = 0; step < meeting.steps().size(); step++) {
			assertThat(meeting.steps().get(step)).startsWith(report.steward().plan().get(step).title());
		}
	}

	/**
	 * Every word of the meeting's pages prints at 14 pt or more, in both languages (the
	 * Spanish sample is the longest); what does not fit on the first page flows onto the
	 * second at the same size, and the cover starts a page of its own after it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void everyWordOfTheMeetingsPagesIsLargeEnoughForTheBackOfARoom(String language) {
		ReportInput input = OneFigureEverywhereTest.input(language);
		byte[] pdf = ReportFixtures.pdf(input);
		List<String> pages = ReportFixtures.pdfPages(pdf);
		ReportText text = new ReportText(language);
		int found = 1;
		while (!ReportFixtures.normalize(pages.get(found - 1)).startsWith(text.get("report.cover.kicker"))) {
			found++;
		}
		int cover = found;
		int meetingPages = cover - 1;
		assertThat(meetingPages).as("the meeting's pages").isBetween(1, 2);
		List<PrintedText.Run> runs = PrintedText.of(pdf)
			.stream()
			.filter(run -> run.page() < cover && !run.text().isBlank())
			.toList();
		assertThat(runs).as("words on the meeting's pages").hasSizeGreaterThan(20);
		assertThat(runs).allSatisfy(run -> assertThat(run.size()).as("'%s' on page %d", run.text(), run.page())
			.isGreaterThanOrEqualTo(PdfReport.MEETING_TYPE - 0.01f));
		// Everything the model's page holds is on those pages, in order.
		Report.Meeting meeting = Report.of(input).meeting();
		String said = ReportFixtures.squeeze(String.join(" ", pages.subList(0, meetingPages)));
		assertThat(said).contains(ReportFixtures.squeeze(meeting.title()))
			.contains(ReportFixtures.squeeze(meeting.thanks()));
		for (Report.MeetingPart part : meeting.parts()) {
			for (Report.MeetingLine line : part.lines()) {
				assertThat(said).contains(ReportFixtures.squeeze(line.text()));
				line.details().forEach(detail -> assertThat(said).contains(ReportFixtures.squeeze(detail)));
			}
		}
		meeting.steps().forEach(step -> assertThat(said).contains(ReportFixtures.squeeze(step)));
	}

}
