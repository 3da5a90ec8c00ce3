package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerreflect.report.ReportFixtures.normalize;
import static org.peerreflect.report.ReportFixtures.squeeze;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerreflect.answers.AnswerRow;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.questionnaire.LanguageCheck;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * The steward's guide to the meeting, at the very back of the report (DESIGN section 6):
 * in the round's language, on at most two pages of its own at 11 pt or more, with a
 * bookmark; a plan whose steps add up to 60 to 90 minutes; its words free of clinical and
 * judging ones; and none where no answers are shown.
 */
class StewardGuideTest {

	private static Questionnaire questionnaire;

	private static GroupSummary spring;

	private static GroupSummary autumn;

	@BeforeAll
	static void summaries() {
		questionnaire = ReportFixtures.questionnaire();
		spring = ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, true);
		autumn = ReportFixtures.summary(questionnaire, ReportFixtures.AUTUMN, true);
	}

	private static ReportInput input(String language) {
		return new ReportInput(spring, autumn, ReportFixtures.agreements(), language, "Harbour Peer Circle", null,
				"Spring 2026", null, true);
	}

	/** A font size set on a page: "/F3 11 Tf". */
	private static final Pattern FONT_SIZE = Pattern.compile("/\\S+\\s+(\\d+(?:\\.\\d+)?)\\s+Tf");

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void thePdfEndsWithTheWholeGuideOnAtMostTwoPagesOfItsOwn(String language) throws IOException {
		ReportInput input = input(language);
		Report report = Report.of(input);
		Report.StewardGuide guide = report.steward();
		byte[] pdf = ReportFixtures.pdf(input);
		List<String> pages = ReportFixtures.pdfPages(pdf);
		int first;
		List<Float> sizes = new ArrayList<>();
		try (PdfReader reader = new PdfReader(pdf)) {
			List<Map<String, Object>> bookmarks = SimpleBookmark.getBookmarkList(reader);
			Map<String, Object> last = bookmarks.get(bookmarks.size() - 1);
			assertThat(last.get("Title")).isEqualTo(guide.title());
			first = Integer.parseInt(String.valueOf(last.get("Page")).split(" ")[0]);
			for (int page = first; page <= reader.getNumberOfPages(); page++) {
				Matcher size = FONT_SIZE.matcher(new String(reader.getPageContent(page), "ISO-8859-1"));
				while (size.find()) {
					sizes.add(Float.parseFloat(size.group(1)));
				}
			}
		}
		int guidePages = pages.size() - first + 1;
		assertThat(guidePages).as("pages of the guide in %s", language).isBetween(1, 2);
		// It starts a page of its own, after the last of what was not shown.
		assertThat(normalize(pages.get(first - 1))).startsWith(guide.title());
		List<String> withheld = report.withheld().previousLines();
		assertThat(squeeze(pages.get(first - 2))).contains(squeeze(withheld.get(withheld.size() - 1)));
		// Every word of it, in order: the plan with each step's time, then each part.
		List<String> said = new ArrayList<>(List.of(guide.title(), guide.lead(), guide.planTitle()));
		guide.plan().forEach(step -> said.add(step.time() + step.title() + "." + step.words()));
		for (Report.ListBlock part : guide.parts()) {
			said.add(part.title());
			said.addAll(part.lines());
		}
		PdfReportTest.assertInOrder(squeeze(String.join(" ", pages.subList(first - 1, pages.size()))), said);
		// 11 pt or more, but for the 10 pt footer of each page.
		assertThat(new TreeSet<>(sizes).headSet(11f)).containsOnly(10f);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theGuideHasEveryPartInTheRoundsLanguage(String language) {
		Report.StewardGuide guide = Report.of(input(language)).steward();
		ReportText text = new ReportText(language);
		assertThat(guide.plan()).hasSize(6).allSatisfy(step -> assertThat(step.words()).isNotBlank());
		assertThat(guide.parts()).extracting(Report.ListBlock::title)
			.containsExactly(text.get("report.steward.room.title"), text.get("report.steward.share.title"),
					text.get("report.steward.power.title"), text.get("report.steward.notShown.title"),
					text.get("report.steward.hurt.title"), text.get("report.steward.write.title"));
		assertThat(guide.parts()).allSatisfy(part -> assertThat(part.lines()).hasSizeGreaterThanOrEqualTo(2));
		// Each step names about how long it takes, and the plan's times add up to 60 to
		// 90 minutes.
		int least = 0;
		int most = 0;
		for (Report.GuideStep step : guide.plan()) {
			Matcher minutes = Pattern.compile("(\\d+)(?:\\D+(\\d+))? min").matcher(step.time());
			assertThat(minutes.matches()).as(step.time()).isTrue();
			least += Integer.parseInt(minutes.group(1));
			most += Integer.parseInt(minutes.group(minutes.group(2) == null ? 1 : 2));
		}
		assertThat(least).isGreaterThanOrEqualTo(60);
		assertThat(most).isLessThanOrEqualTo(90);
		// Steps name the report's own parts, so the room can find them.
		assertThat(String.join(" ", guide.plan().stream().map(Report.GuideStep::words).toList()))
			.contains(text.get("report.overview.title"))
			.contains(text.get("report.start.title"));
	}

	/**
	 * What is not shown gets one reason, the one every withheld figure gives, and never
	 * the rule that held it back.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void notShownIsExplainedWithTheOneReasonAndNoRule(String language) {
		Report report = Report.of(input(language));
		ReportText text = new ReportText(language);
		Report.ListBlock notShown = report.steward()
			.parts()
			.stream()
			.filter(part -> part.title().equals(text.get("report.steward.notShown.title")))
			.findFirst()
			.orElseThrow();
		String said = String.join(" ", notShown.lines());
		assertThat(said).contains(text.get("report.notShown")).contains(text.get("report.notShownWhy"));
		assertThat(said).doesNotContainPattern("\\d").doesNotContain(text.get("report.withheld.lead", 5));
	}

	/**
	 * The example of writing an agreement down reads back, through the agreements file's
	 * own reader, as an agreement about a statement the report puts forward.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theExampleAgreementIsAboutAStatementPutForward(String language) {
		Report report = Report.of(input(language));
		String example = report.steward()
			.parts()
			.get(5)
			.lines()
			.stream()
			.filter(line -> line.contains("["))
			.findFirst()
			.orElseThrow();
		ReportInput.Agreement agreement = ReportInput.Agreement.ofLine(example.substring(example.indexOf('[')));
		assertThat(agreement.statements()).hasSize(1);
		assertThat(agreement.text()).isNotBlank().doesNotContain("[");
		assertThat(report.differ().items()).extracting(Report.DifferItem::id).contains(agreement.statements().get(0));
	}

	/**
	 * The guide's words pass the same check a questionnaire's do, and the product's own
	 * list of clinical words.
	 */
	@Test
	void theGuidesWordsAreNeitherClinicalNorJudging() {
		for (String language : List.of("en", "es")) {
			Report.StewardGuide guide = Report.of(input(language)).steward();
			List<String> words = new ArrayList<>(List.of(guide.title(), guide.lead(), guide.planTitle()));
			guide.plan().forEach(step -> words.addAll(List.of(step.time(), step.title(), step.words())));
			guide.parts().forEach(part -> {
				words.add(part.title());
				words.addAll(part.lines());
			});
			List<LanguageCheck.Text> texts = new ArrayList<>();
			for (int n = 0; n < words.size(); n++) {
				texts.add(new LanguageCheck.Text(language, words.get(n), n + 1, "guide"));
			}
			assertThat(LanguageCheck.standard().check("guide", texts)).as(language).isEmpty();
			assertThat(String.join(" ", words)).as(language)
				.doesNotContainPattern("(?i)\\b(patients?|symptoms?|score\\w*|improv\\w*|poor|pacientes?|"
						+ "síntomas?|puntaje|puntuación|mejor\\w*|deficiente)\\b");
		}
	}

	/** Where no answers are shown there is nothing to talk over, and no guide to it. */
	@Test
	void aRoundOfFewerThanKPeopleHasNoGuide() {
		List<AnswerRow> four = ReportFixtures.rows(questionnaire, ReportFixtures.SPRING).subList(0, 4);
		GroupSummary small = new Gate(5, new Random(3)).summarize(ReportFixtures.countTable(questionnaire, four),
				ReportFixtures.written(four));
		ReportInput input = new ReportInput(small, null, List.of(), "en", null, null, null, null, true);
		Report report = Report.of(input);
		assertThat(report.steward()).isNull();
		assertThat(report.parts()).doesNotContain(Report.Part.STEWARD);
		assertThat(squeeze(String.join(" ", ReportFixtures.pdfPages(ReportFixtures.pdf(input)))))
			.doesNotContain(squeeze(new ReportText("en").get("report.steward.title")));
	}

}
