package org.peerreflect.report;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handout, for people who will not go online: at most two pages in the round's
 * language, every word at 14 pt or more, the meeting's first page, the cards as the cover
 * says them, what we agreed to try and where to find the rest; every figure one of the
 * report's own, to the digit.
 */
class HandoutTest {

	/**
	 * The widest letters a token may hold, so that the widest token still fits a line.
	 */
	private static final String TOKEN = "WWMMwwmm_-WWMMwwmm_-WWMMwwmm_-WWMMwwmm_-WWM";

	private static final String ADDRESS = "https://reflect.example.org/results/" + TOKEN;

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void twoPagesInLargeTypeWithTheMeetingsPageTheAgreementsAndWhereToFindTheRest(String language) {
		Report report = Report.of(OneFigureEverywhereTest.input(language));
		List<String> agreements = List.of(agreement(language, 1), agreement(language, 2));
		byte[] pdf = handout(report, agreements, ADDRESS);
		List<String> pages = ReportFixtures.pdfPages(pdf);
		ReportText text = new ReportText(language);
		assertThat(pages).as("pages").hasSizeBetween(1, Handout.MOST_PAGES);
		List<PrintedText.Run> runs = PrintedText.of(pdf).stream().filter(run -> !run.text().isBlank()).toList();
		assertThat(runs).as("words printed").hasSizeGreaterThan(20);
		assertThat(runs).allSatisfy(run -> assertThat(run.size()).as("'%s' on page %d", run.text(), run.page())
			.isGreaterThanOrEqualTo(Handout.TYPE - 0.01f));

		String said = ReportFixtures.squeeze(String.join(" ", pages));
		Report.Meeting meeting = report.meeting();
		assertThat(said).contains(ReportFixtures.squeeze(report.title()))
			.contains(ReportFixtures.squeeze(meeting.thanks()));
		boolean whole = true;
		int at = 0;
		for (Report.MeetingPart part : meeting.parts()) {
			assertThat(said).contains(ReportFixtures.squeeze(part.title()));
			for (Report.MeetingLine line : part.lines()) {
				assertThat(said).contains(ReportFixtures.squeeze(line.text()));
				for (String detail : line.details()) {
					boolean printed = said.contains(ReportFixtures.squeeze(detail));
					// What we agree on most and where to start talking keep their
					// figures and reasons; only last time's lines may give way.
					assertThat(printed || at >= 2).as("'%s'", detail).isTrue();
					whole &= printed;
				}
			}
			at++;
		}
		// Anything left out is said.
		assertThat(said.contains(ReportFixtures.squeeze(text.get("handout.shorter")))).isEqualTo(!whole);
		// The cards, as the cover says them.
		for (Report.Fact fact : report.cover()) {
			if (Set.of(text.get("report.cover.tookPart"), text.get("report.cover.codes")).contains(fact.label())) {
				fact.values().forEach(value -> assertThat(said).contains(ReportFixtures.squeeze(value)));
			}
		}
		assertThat(said).contains(ReportFixtures.squeeze(report.agreed().title()));
		agreements.forEach(agreement -> assertThat(said).contains(ReportFixtures.squeeze(agreement)));
		assertThat(onItsOwnLine(pages)).as("the address's token on a line of its own").isTrue();
		assertThat(said).contains(ReportFixtures.squeeze(text.get("results.whole")));
		// The meeting's plan is for the steward, not for the handout.
		assertThat(said).doesNotContain(ReportFixtures.squeeze(meeting.stepsTitle()));
	}

	/**
	 * Every number the handout prints is one the report prints: nothing is worked out
	 * again for it, so a figure reads the same on paper as in the report, to the digit.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void everyFigureIsOneOfTheReportsOwn(String language) {
		Report report = Report.of(OneFigureEverywhereTest.input(language));
		String handout = String.join(" ", ReportFixtures.pdfPages(handout(report, List.of(), null)));
		Set<String> shown = numbers(handout);
		assertThat(shown).as("figures on the handout").hasSizeGreaterThan(5);
		Set<String> reported = numbers(String.join(" ", ReportFixtures.pdfPages(pdf(report))));
		shown.removeAll(reported);
		assertThat(shown).as("figures on the handout that the report's PDF does not print").isEmpty();
	}

	/**
	 * The most a round can hold (twelve agreements of a thousand characters) still prints
	 * on two pages: the lines under each statement go first, then agreements from the
	 * end, and the handout says how many more there are and where to ask.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theLongestRoundStillFitsOnTwoPagesAndSaysWhatItLeftOut(String language) {
		Report report = Report.of(OneFigureEverywhereTest.input(language));
		List<String> agreements = IntStream.rangeClosed(1, 12)
			.mapToObj(n -> agreement(language, n) + " " + String.join(" ", Collections.nCopies(120, "together")))
			.map(words -> words.substring(0, 1000))
			.toList();
		byte[] pdf = handout(report, agreements, ADDRESS);
		List<String> pages = ReportFixtures.pdfPages(pdf);
		assertThat(pages).as("pages").hasSize(Handout.MOST_PAGES);
		ReportText text = new ReportText(language);
		String said = ReportFixtures.squeeze(String.join(" ", pages));
		assertThat(said).contains(ReportFixtures.squeeze(text.get("handout.shorter")));
		assertThat(onItsOwnLine(pages)).isTrue();
		int printed = (int) agreements.stream()
			.filter(agreement -> said.contains(ReportFixtures.squeeze(agreement.substring(0, 40))))
			.count();
		assertThat(printed).as("agreements printed").isLessThan(12);
		assertThat(said).contains(ReportFixtures.squeeze(text.get("handout.moreAgreements", 12 - printed)));
		assertThat(PrintedText.of(pdf)).filteredOn(run -> !run.text().isBlank())
			.allSatisfy(run -> assertThat(run.size()).isGreaterThanOrEqualTo(Handout.TYPE - 0.01f));
	}

	/** Without a shared address it sends people to the stewards, and says no address. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void withoutASharedAddressItSendsPeopleToTheStewards(String language) {
		Report report = Report.of(OneFigureEverywhereTest.input(language));
		ReportText text = new ReportText(language);
		String said = ReportFixtures
			.squeeze(String.join(" ", ReportFixtures.pdfPages(handout(report, List.of(), null))));
		assertThat(said).contains(ReportFixtures.squeeze(text.get("handout.noAgreements")))
			.contains(ReportFixtures.squeeze(text.get("results.whole")))
			.doesNotContain(ReportFixtures.squeeze(text.get("handout.address")))
			.doesNotContain("/results/");
	}

	/**
	 * Whether the address is printed whole: its start, then its token on the next line.
	 */
	private static boolean onItsOwnLine(List<String> pages) {
		List<String> lines = String.join("\n", pages).lines().map(String::strip).toList();
		int at = lines.indexOf(TOKEN);
		return at > 0 && lines.get(at - 1).equals(ADDRESS.substring(0, ADDRESS.length() - TOKEN.length()));
	}

	private static String agreement(String language, int n) {
		return ("es".equals(language) ? "Acuerdo " : "Agreement ") + n + ": "
				+ ("es".equals(language) ? "turnarnos para abrir la reunión." : "take turns opening the meeting.");
	}

	static byte[] handout(Report report, List<String> agreements, String address) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Handout.write(report, new Handout.Extra(agreements, address), out);
		return out.toByteArray();
	}

	private static byte[] pdf(Report report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReportFiles.pdf(report, out);
		return out.toByteArray();
	}

	static Set<String> numbers(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = Pattern.compile("(?<![\\d.])\\d+(?:[.,]\\d+)?").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
