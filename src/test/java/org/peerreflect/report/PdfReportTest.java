package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peerreflect.report.ReportFixtures.normalize;
import static org.peerreflect.report.ReportFixtures.squeeze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.GroupSummary.WrittenSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.answers.AnswerRow;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * The PDF report read back as text (DESIGN section 6, invariants 7 to 9): the spring
 * example round with autumn as the round before, autumn's agreements and the written
 * answers given, as {@code report --previous ... --agreements ... --include-written}
 * makes it.
 *
 * <p>
 * The text extractor keeps the order of the page but joins table cells without a space
 * ("All of us0 (0%)2 (5%)..."), so figures and sentences are compared with all whitespace
 * removed ({@link ReportFixtures#squeeze}). Chart labels are drawn as text too, but where
 * they land is up to the chart, so the figures are checked in the tables.
 */
class PdfReportTest {

	static final String ORGANIZATION = "Łódź Nguyễn Peer Circle";

	/** One figure of a distribution table, once whitespace is squeezed out: "16(39%)". */
	private static final Pattern FIGURE = Pattern.compile("\\d+\\(\\d+%\\)");

	private static Questionnaire questionnaire;

	private static List<AnswerRow> springRows;

	private static GroupSummary spring;

	private static GroupSummary autumn;

	private static ReportInput input;

	private static Pdf english;

	@BeforeAll
	static void renderTheSpringRound() {
		questionnaire = ReportFixtures.questionnaire();
		springRows = ReportFixtures.rows(questionnaire, ReportFixtures.SPRING);
		spring = ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, true);
		autumn = ReportFixtures.summary(questionnaire, ReportFixtures.AUTUMN, true);
		input = new ReportInput(spring, autumn, ReportFixtures.agreements(), "en", ORGANIZATION, null, "Spring 2026",
				null, true);
		english = Pdf.of(ReportFixtures.pdf(input), input);
	}

	@Test
	void theExampleRoundIsWhatTheseTestsExpect() {
		// The checks below mean something only if the round has shown and withheld groups
		// in it.
		assertThat(spring.people()).isEqualTo(45);
		assertThat(spring.items()).allMatch(ItemSummary::shown);
		assertThat(spring.items()).allMatch(i -> i.groups().stream().anyMatch(GroupDistribution::shown));
		assertThat(spring.items()).allMatch(i -> i.groups().stream().anyMatch(g -> !g.shown()));
		assertThat(spring.groups()).filteredOn(g -> !g.shown())
			.extracting(GroupSummary.Group::value)
			.containsExactly("volunteer", "board");
	}

	@Test
	void everyShownItemShowsTheFiguresOfItsSummaryAndNoOthers() {
		assertItemTables(english, spring);
	}

	/**
	 * Groups withheld on every statement of a principle are named once under its
	 * statements, with why, instead of a "not shown" row per statement; no figure of them
	 * is anywhere (the item tables' check).
	 */
	@Test
	void aWithheldGroupIsNamedOncePerPrincipleWithWhyAndNoFigure() {
		String notShown = squeeze("not shown (to protect small groups)");
		for (GroupSummary.PrincipleSummary principle : spring.principles()) {
			if (principle.items().isEmpty()) {
				continue;
			}
			String section = english.principleOf(principle.items().get(0));
			assertThat(Pattern.compile(Pattern.quote(notShown)).matcher(section).results().count())
				.as(english.text.of(principle.title()))
				.isOne();
			assertThat(section).contains(squeeze("Volunteers and Board: not shown (to protect small groups)"));
		}
		assertThat(Pattern.compile(Pattern.quote(notShown)).matcher(english.squeezed).results().count())
			.as("in the whole report")
			.isLessThan(20);
	}

	@Test
	void theFigureCheckCatchesAWithheldGroupsFiguresInThePdf() {
		// The board (3 people) is withheld on np-1; a report that showed its figures
		// anyway...
		assertThat(spring.items().get(0).groups().get(3).shown()).isFalse();
		Distribution board = ReportFixtures.trueDistribution(questionnaire, springRows, "np-1", "board");
		assertThat(board.people()).isEqualTo(3);
		GroupSummary leaking = ReportFixtures.leaking(spring, "np-1", "board", board);
		ReportInput leakingInput = new ReportInput(leaking, null, List.of(), "en", null, null, null, null, false);
		Pdf leaked = Pdf.of(ReportFixtures.pdf(leakingInput), leakingInput);
		// ...fails the check against the true summary, on that item, and passes against
		// its own.
		assertThatThrownBy(() -> assertItemTables(leaked, spring)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("np-1");
		assertItemTables(leaked, leaking);
	}

	@Test
	void theCoverShowsHowManyTookPartAndOnlyTheShownGroups() {
		ReportText text = english.text;
		String cover = english.squeezedPage(english.cover);
		assertThat(cover).contains(squeeze(text.get("report.cover.tookPart") + text.get("report.cover.people", 45)));
		assertThat(cover).contains(squeeze("I take part mostly as: Members: 26 Staff: 7 " + "Volunteers: "
				+ text.get("report.notShown") + " Board: " + text.get("report.notShown")));
		// The withheld groups' sizes (6 volunteers, 3 on the board) are nowhere on it.
		assertThat(cover).doesNotContainPattern("volunteer:\\d").doesNotContainPattern("boardmember:\\d");
		assertThat(cover).contains(squeeze(text.get("report.cover.protectionText", 5)));
		assertThat(cover).contains(squeeze(text.get("report.cover.version", "peer-support-principles", 1)));
		assertThat(normalize(english.pages.get(0))).contains("Spring 2026");
	}

	@Test
	void theOrganizationsNameComesBackIntactFromTheEmbeddedFont() {
		assertThat(normalize(english.pages.get(0))).contains(ORGANIZATION);
		// The cover's text is set in the bundled DejaVu Sans, embedded (as a subset).
		assertThat(fonts(english.bytes, 1)).isNotEmpty()
			.allSatisfy(font -> assertThat(font).matches("[A-Z]{6}\\+DejaVuSans(-Bold)? embedded"));
	}

	@Test
	void everyFontOnEveryPageIsTheEmbeddedOne() {
		List<String> fonts = fonts(english.bytes, 0);
		assertThat(fonts).isNotEmpty()
			.allSatisfy(font -> assertThat(font).matches("[A-Z]{6}\\+DejaVuSans(-Bold)? embedded"));
	}

	@Test
	void howToReadThisNamesLeiksMeasure() {
		int page = english.pageStartingWith("How to read this");
		// At the back, after the group's own words.
		assertThat(page).isGreaterThan(english.pageStartingWith("In our own words")).isGreaterThan(10);
		String text = normalize(english.pages.get(page - 1));
		assertThat(text).contains("Leik");
		for (String paragraph : ReportContent.howToRead(spring, english.text)) {
			assertThat(squeeze(text)).contains(squeeze(paragraph));
		}
		assertThat(text).contains("Leik's D (Leik, 1966)").contains("\"Not sure\" answers are left out of it");
	}

	/**
	 * How much views differ is said in words; the measure's name and figure stay in "How
	 * to read this".
	 */
	@Test
	void theSpreadOfEveryShownItemIsSaidInWordsWithoutTheMeasure() {
		for (ItemSummary item : spring.items()) {
			assertThat(english.itemBlock(item)).as(item.id())
				.startsWith(squeeze(english.text.of(item.text())))
				.contains(squeeze(ReportContent.spreadWords(item.spread(), english.text) + "."))
				.doesNotContain("Leik");
		}
		int read = english.pageStartingWith("How to read this");
		for (int page = 1; page <= english.pages.size(); page++) {
			if (page != read) {
				assertThat(english.pages.get(page - 1)).as("page %d", page).doesNotContain("Leik");
			}
		}
	}

	@Test
	void inSpanishTheReportSpeaksSpanish() {
		ReportInput spanish = new ReportInput(spring, autumn, ReportFixtures.agreements(), "es", ORGANIZATION, null,
				"Primavera 2026", null, true);
		Pdf pdf = Pdf.of(ReportFixtures.pdf(spanish), spanish);
		ReportText es = pdf.text;
		ReportText en = english.text;
		String cover = pdf.squeezedPage(pdf.cover);
		assertThat(cover).contains(squeeze(es.get("report.cover.kicker")))
			.contains(squeeze(es.get("report.cover.tookPart") + es.get("report.cover.people", 45)))
			.contains(squeeze("Participo sobre todo como: Miembros: 26 Personal: 7 " + "Voluntariado: "
					+ es.get("report.notShown") + " Junta directiva: " + es.get("report.notShown")));
		int read = pdf.pageStartingWith(es.get("report.read.title"));
		assertThat(read).isGreaterThan(pdf.pageStartingWith(es.get("report.words.title")));
		assertThat(normalize(pdf.pages.get(read - 1))).contains("Leik");
		for (String paragraph : ReportContent.howToRead(spring, es)) {
			assertThat(pdf.squeezedPage(read)).contains(squeeze(paragraph));
		}
		for (String heading : List.of("report.overview.title", "report.start.title", "report.words.title",
				"report.since.title")) {
			assertThat(pdf.pageStartingWith(es.get(heading))).as(heading).isPositive();
		}
		assertThat(pdf.squeezed).contains(squeeze(es.get("report.withheld.title")));
		assertThat(pdf.squeezed)
			.contains(squeeze("Cuando nos juntamos, hablamos de toda nuestra vida, no solo de los momentos difíciles."))
			.contains(squeeze(es.get("report.notShown") + " (" + es.get("report.notShownWhy") + ")"));
		// The figures are the same, with the Spanish labels around them.
		assertItemTables(pdf, spring);
		for (String key : List.of("report.read.title", "report.table.everyone", "report.table.people",
				"report.overview.title", "report.since.title", "report.words.title", "report.withheld.title",
				"report.cover.tookPart")) {
			assertThat(es.get(key)).isNotEqualTo(en.get(key));
			assertThat(pdf.squeezed).as("the English for %s in the Spanish report", key)
				.doesNotContain(squeeze(en.get(key)));
		}
		assertThat(pdf.squeezed).doesNotContain(squeeze("When we meet, we talk about all parts of our lives"))
			.doesNotContain(squeeze("Not at all true for us"))
			.doesNotContain(squeeze(en.get("report.notShownWhy")));
	}

	@Test
	void aRoundOfFewerThanKPeopleShowsNoFiguresAndSaysSo() {
		List<AnswerRow> four = springRows.subList(0, 4);
		GroupSummary small = new Gate(5, new Random(3)).summarize(ReportFixtures.countTable(questionnaire, four),
				ReportFixtures.written(four));
		assertThat(small.resultsShown()).isFalse();
		ReportInput smallInput = new ReportInput(small, null, List.of(), "en", ORGANIZATION, null, null, null, true);
		Pdf pdf = Pdf.of(ReportFixtures.pdf(smallInput), smallInput);

		ReportText text = pdf.text;
		assertThat(pdf.squeezed).doesNotContain("%").doesNotContainPattern(FIGURE.pattern());
		assertThat(pdf.squeezed).doesNotContain(squeeze(text.get("report.table.everyone")))
			.doesNotContain(squeeze("Leik's D ="))
			.doesNotContain(squeeze(text.get("report.cover.people", 4)));
		assertThat(pdf.squeezedPage(1))
			.contains(squeeze(text.get("report.cover.tookPart") + text.get("report.cover.fewer", 5)))
			.contains(squeeze(text.get("report.cover.noResults", 5)))
			.doesNotContain(squeeze("I take part mostly as:"));
		assertThat(pdf.pageStartingWith(text.get("report.overview.title"))).isZero();
		assertThat(pdf.pageStartingWith(text.get("report.words.title"))).isZero();
		assertThat(pdf.between(text.get("report.withheld.title"), null))
			.contains(squeeze(text.get("report.withheld.round", 5)));
		for (AnswerRow row : four) {
			row.written()
				.values()
				.stream()
				.filter(w -> !w.isBlank())
				.forEach(w -> assertThat(pdf.squeezed).doesNotContain(squeeze(w)));
		}
		// Nothing of any item either: not one statement's answers.
		for (ItemSummary item : small.items()) {
			assertThat(pdf.squeezed).doesNotContain(squeeze(pdf.text.of(item.text())));
		}
	}

	@Test
	void anItemAnsweredByFewerThanKShowsNoFiguresOfIt() {
		GroupSummary thin = ReportFixtures.thinSummary(questionnaire, springRows, "na-2", 4);
		ItemSummary na2 = thin.items().stream().filter(i -> i.id().equals("na-2")).findFirst().orElseThrow();
		assertThat(na2.shown()).isFalse();
		ReportInput thinInput = new ReportInput(thin, null, List.of(), "en", null, null, null, null, false);
		Pdf pdf = Pdf.of(ReportFixtures.pdf(thinInput), thinInput);
		String block = pdf.itemBlock(na2);
		String expected = squeeze(pdf.text.of(na2.text()) + pdf.text.get("report.item.notShown", 5));
		assertThat(block).startsWith(expected);
		// Where a page ends after it, the columns' heading comes again: words, no
		// figure.
		assertThat(block.substring(expected.length())).doesNotContainPattern("\\d");
		assertItemTables(pdf, thin);
		assertWithheldPageLists(pdf, thin, false, na2.text());
	}

	@Test
	void theAgreementsAppearUnderSinceLastTimeAndBesideTheirStatements() {
		int page = english.pageStartingWith(english.text.get("report.since.title"));
		assertThat(page).isPositive();
		String since = english.squeezedPage(page);
		List<String> expected = new ArrayList<>();
		expected.add(english.text.get("report.since.agreements"));
		expected.addAll(ReportFixtures.agreementTexts());
		expected.add(english.text.get("report.since.lead"));
		assertInOrder(since, expected);
		assertThat(ReportFixtures.agreements()).hasSize(3);
		// Each agreement is listed once, and set again beside each statement it was about
		// that the
		// report shows in "where our views differ" or "since last time".
		Report model = Report.of(input);
		for (ReportInput.Agreement agreement : ReportFixtures.agreements()) {
			assertThat(agreement.statements()).isNotEmpty();
			long beside = model.since().pairs().stream().filter(pair -> agreement.about(pair.id())).count()
					+ model.differ().items().stream().filter(item -> item.agreed().contains(agreement.text())).count();
			assertThat(beside).isPositive();
			// Once on the meeting's page too.
			assertThat(occurrences(english.squeezed, squeeze(agreement.text()))).isEqualTo(2 + beside);
		}
		// fr-3 and fr-5 are where our views differ; "take turns" was agreed about them
		// last time.
		String rotate = ReportFixtures.agreementTexts().get(1);
		int differ = english.pageStartingWith(english.text.get("report.start.title"));
		assertThat(english.squeezedPage(differ) + english.squeezedPage(differ + 1))
			.contains(squeeze(english.text.get("report.differ.agreed")) + "•" + squeeze(rotate));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	/**
	 * Since last time: each statement asked both times, in the questionnaire's order
	 * under its principle, with the share on the scale's upper side then and now, the
	 * change in points and "not sure" both times.
	 */
	@Test
	void sinceLastTimeSetsBothRoundsSideBySideInTheQuestionnairesOrder() {
		List<SinceContent.Pair> pairs = SinceContent.sinceLastTime(spring, autumn);
		assertThat(pairs).hasSize(spring.items().size());
		Report.Since since = Report.of(input).since();
		assertThat(since.pairs()).extracting(Report.SincePair::id)
			.containsExactlyElementsOf(pairs.stream().map(p -> p.now().id()).toList());
		String section = english.between(english.text.get("report.since.title"),
				english.text.get("report.words.title"));
		List<String> expected = new ArrayList<>();
		String principle = null;
		for (Report.SincePair pair : since.pairs()) {
			if (!pair.principle().equals(principle)) {
				principle = pair.principle();
				expected.add(ReportFixtures.squeeze(principle));
			}
			expected.add(OneReportModelTest.sinceRow(since, pair));
			if (pair.shift() != null) {
				assertThat(pair.points()).isEqualTo(
						pair.shift() > 0 ? "+" + pair.shift() : pair.shift() < 0 ? "\u2212" + -pair.shift() : "0");
				assertThat(pair.shift()).isEqualTo(
						Integer.parseInt(pair.now().replace("%", "")) - Integer.parseInt(pair.then().replace("%", "")));
			}
		}
		assertInOrder(section, expected);
		SinceContent.Pair secondPair = pairs.get(1);
		Report.SincePair second = since.pairs().get(1);
		assertThat(second.then()).isEqualTo(ReportContent.upperShare(secondPair.last().all()) + "%");
		assertThat(second.now()).isEqualTo(ReportContent.upperShare(secondPair.now().all()) + "%");
		assertThat(second.notSureNow())
			.isEqualTo(ReportContent.percent(secondPair.now().all().notSure(), secondPair.now().all().people()) + "%");
	}

	@Test
	void writtenAnswersAppearOnlyForItemsWithAtLeastKOfThem() {
		// gt-say keeps 4 of its 7 answers (fewer than k), mf-say 5 (exactly k), the rest
		// all of theirs.
		WrittenAnswers written = WrittenAnswers.none();
		java.util.Map<String, Integer> kept = new java.util.HashMap<>();
		java.util.Map<String, List<String>> dropped = new java.util.HashMap<>();
		for (AnswerRow row : springRows) {
			row.written().forEach((item, answer) -> {
				if (answer.isBlank()) {
					return;
				}
				int limit = item.equals("gt-say") ? 4 : item.equals("mf-say") ? 5 : Integer.MAX_VALUE;
				if (kept.merge(item, 1, Integer::sum) <= limit) {
					written.add(item, answer);
				}
				else {
					dropped.computeIfAbsent(item, i -> new ArrayList<>()).add(answer.strip());
				}
			});
		}
		GroupSummary summary = new Gate(5, new Random(5))
			.summarize(ReportFixtures.countTable(questionnaire, springRows), written);
		ReportInput withWords = new ReportInput(summary, null, List.of(), "en", null, null, null, null, true);
		Pdf pdf = Pdf.of(ReportFixtures.pdf(withWords), withWords);
		String words = pdf.between(pdf.text.get("report.words.title"), pdf.text.get("report.read.title"));

		WrittenSummary gt = written(summary, "gt-say");
		assertThat(gt.shown()).isFalse();
		assertThat(written(summary, "mf-say").answers()).hasSize(5);
		List<String> shownQuestions = new ArrayList<>();
		for (WrittenSummary item : summary.written()) {
			String question = squeeze(pdf.text.of(item.text()));
			if (!item.shown()) {
				assertThat(words).as(item.id()).doesNotContain(question);
				continue;
			}
			shownQuestions.add(question);
		}
		assertThat(shownQuestions).hasSize(5);
		assertInOrder(words,
				summary.written().stream().filter(WrittenSummary::shown).map(w -> pdf.text.of(w.text())).toList());
		// Each answer under its own question, not under the next.
		for (int i = 0; i < summary.written().size(); i++) {
			WrittenSummary item = summary.written().get(i);
			if (!item.shown()) {
				continue;
			}
			int from = words.indexOf(squeeze(pdf.text.of(item.text())));
			int next = shownQuestions.indexOf(squeeze(pdf.text.of(item.text()))) + 1;
			int to = next < shownQuestions.size() ? words.indexOf(shownQuestions.get(next)) : words.length();
			String own = words.substring(from, to);
			assertThat(item.answers()).isNotEmpty();
			for (String answer : item.answers()) {
				assertThat(own).as(item.id()).contains(squeeze(answer));
			}
		}
		// Not one of gt-say's answers is anywhere, nor any answer left out of the gate.
		List<String> gtAnswers = new ArrayList<>();
		for (AnswerRow row : springRows) {
			String answer = row.written().get("gt-say");
			if (answer != null && !answer.isBlank()) {
				gtAnswers.add(answer);
			}
		}
		assertThat(gtAnswers).hasSize(7);
		for (String answer : gtAnswers) {
			assertThat(pdf.squeezed).doesNotContain(squeeze(answer));
		}
		dropped.values()
			.stream()
			.flatMap(List::stream)
			.forEach(a -> assertThat(pdf.squeezed).doesNotContain(squeeze(a)));
		assertWithheldPageLists(pdf, summary, true, gt.text());
	}

	@Test
	void theExampleRoundsWrittenAnswersAllAppearWhenIncluded() {
		String words = english.between(english.text.get("report.words.title"), english.text.get("report.read.title"));
		int answers = 0;
		for (AnswerRow row : springRows) {
			for (String answer : row.written().values()) {
				if (!answer.isBlank()) {
					answers++;
					assertThat(words).contains(squeeze(answer));
				}
			}
		}
		assertThat(answers).isEqualTo(52);
	}

	@Test
	void writtenAnswersLeftOutAppearNowhere() {
		GroupSummary without = ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, false);
		ReportInput leftOut = new ReportInput(without, null, List.of(), "en", null, null, null, null, false);
		Pdf pdf = Pdf.of(ReportFixtures.pdf(leftOut), leftOut);
		assertThat(pdf.squeezedPage(pdf.pageStartingWith(pdf.text.get("report.words.title"))))
			.contains(squeeze(pdf.text.get("report.words.leftOut")));
		for (AnswerRow row : springRows) {
			for (String answer : row.written().values()) {
				if (!answer.isBlank()) {
					assertThat(pdf.squeezed).doesNotContain(squeeze(answer));
				}
			}
		}
		// The figures are the same as with the written answers: they do not depend on
		// them.
		assertItemTables(pdf, without);
	}

	/**
	 * The sample (45 people, the bundled questionnaire, written answers included) is
	 * short enough to hold at a meeting, and a reader's side panel leads to every part
	 * and every principle.
	 */
	/** The most pages the English sample may take. */
	private static final int SAMPLE_PAGES = 20;

	@Test
	void theSampleStaysShortWithABookmarkForEveryPart() throws IOException {
		// The pages before the steward's guide, which starts a page of its own.
		int guide = english.pageStartingWith(english.text.get("report.steward.title"));
		assertThat(guide).isBetween(2, SAMPLE_PAGES + 1);
		Report report = Report.of(input);
		List<String> bookmarks = new ArrayList<>();
		try (PdfReader reader = new PdfReader(english.bytes)) {
			for (java.util.Map<String, Object> bookmark : com.lowagie.text.pdf.SimpleBookmark.getBookmarkList(reader)) {
				bookmarks.add(String.valueOf(bookmark.get("Title")));
			}
		}
		List<String> expected = new ArrayList<>(
				List.of(report.meeting().title(), report.differ().title(), report.overview().title()));
		report.principles().forEach(principle -> expected.add(principle.title()));
		expected.addAll(List.of(report.since().title(), report.words().title(), report.read().title(),
				report.withheld().title(), report.steward().title()));
		assertThat(bookmarks).containsExactlyElementsOf(expected);
	}

	/**
	 * Short of tags, which OpenPDF's layout cannot write: the language is declared, the
	 * title shows in the window, the bookmarks open beside the pages, every font is
	 * embedded, and the file does not claim to be tagged.
	 */
	@Test
	void thePdfSaysItsLanguageAndTitleAndDoesNotClaimTags() throws IOException {
		try (PdfReader reader = new PdfReader(english.bytes)) {
			com.lowagie.text.pdf.PdfDictionary catalog = reader.getCatalog();
			assertThat(String.valueOf(catalog.get(com.lowagie.text.pdf.PdfName.LANG))).isEqualTo("en");
			assertThat(reader.getInfo().get("Title")).isEqualTo(Report.of(input).title());
			com.lowagie.text.pdf.PdfDictionary preferences = catalog
				.getAsDict(com.lowagie.text.pdf.PdfName.VIEWERPREFERENCES);
			assertThat(String.valueOf(preferences.get(com.lowagie.text.pdf.PdfName.DISPLAYDOCTITLE))).isEqualTo("true");
			assertThat(String.valueOf(catalog.get(com.lowagie.text.pdf.PdfName.PAGEMODE))).isEqualTo("/UseOutlines");
			assertThat(catalog.get(com.lowagie.text.pdf.PdfName.MARKINFO)).isNull();
			assertThat(catalog.get(com.lowagie.text.pdf.PdfName.STRUCTTREEROOT)).isNull();
		}
		String fonts = new String(english.bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(fonts).contains("/FontFile2").doesNotContain("/Helvetica");
	}

	@Test
	void everyPageButTheCoverCarriesTheTitleAndItsNumber() {
		assertThat(english.pages.size()).isGreaterThan(10);
		assertThat(english.cover).isGreaterThan(1);
		for (int page = 1; page <= english.cover; page++) {
			assertThat(english.squeezedPage(page)).doesNotContain(squeeze("Page " + page));
		}
		// Pdf.of has already checked and cut the footer of every other page; here the
		// count of them.
		assertThat(english.footers).isEqualTo(english.pages.size() - english.cover);
	}

	@Test
	void theWithheldPageNamesWhatWasLeftOutButNoFigure() {
		assertWithheldPageLists(english, spring, true, null);
		ReportText text = english.text;
		String page = english.between(text.get("report.withheld.title"), text.get("report.steward.title"));
		assertThat(page).startsWith(squeeze(text.get("report.withheld.title") + text.get("report.withheld.lead", 5)));
		// Both rounds' lists follow the lead; they name items and groups, and hold no
		// figure at all.
		String lists = page
			.substring(squeeze(text.get("report.withheld.title") + text.get("report.withheld.lead", 5)).length());
		assertThat(lists).contains(squeeze(text.get("report.withheld.previous"))).doesNotContainPattern("\\d");
	}

	// --- checks shared by several reports ---

	/**
	 * The page "What was not shown, and why" lists each line that
	 * {@link ReportContent#withheld} gives for the round, in order, and (when given) one
	 * of them names {@code named}.
	 */
	static void assertWithheldPageLists(Pdf pdf, GroupSummary summary, boolean writtenIncluded,
			org.peerreflect.questionnaire.LocalizedText named) {
		String page = pdf.between(pdf.text.get("report.withheld.title"), null);
		List<String> lines = ReportContent.withheld(summary, writtenIncluded, pdf.text);
		assertThat(lines).isNotEmpty();
		assertInOrder(page, lines);
		if (named != null) {
			assertThat(lines).anySatisfy(line -> assertThat(line).contains(pdf.text.of(named)));
		}
	}

	/**
	 * For every scale item, in questionnaire order: its block opens with its statement
	 * and (when shown) the sentence about it; then the "All of us" row and every group
	 * row with exactly the summary's figures, "not shown (...)" for each withheld group,
	 * and not one other digit.
	 */
	static void assertItemTables(Pdf pdf, GroupSummary summary) {
		ReportText text = pdf.text;
		for (ItemSummary item : summary.items()) {
			String block = pdf.itemBlock(item);
			String rest = block.substring(pdf.marker(item).length());
			if (!item.shown()) {
				assertThat(rest).as("item %s is not shown", item.id()).doesNotContainPattern("\\d");
				continue;
			}
			List<String> rows = new ArrayList<>();
			rows.add(squeeze(text.get("report.table.everyone")) + row(item.all()));
			for (GroupDistribution group : item.groups()) {
				if (group.shown()) {
					rows.add(squeeze(text.of(group.label())) + row(group.distribution()));
				}
				else {
					// Named with why, under the statement or once under its principle's
					// statements.
					assertThat(pdf.principleOf(item)).as("item %s: withheld %s named", item.id(), group.value())
						.containsPattern(Pattern.quote(squeeze(text.of(group.label()))) + "[^\\d]*("
								+ Pattern.quote(squeeze(text.get("report.notShown", 1))) + "|"
								+ Pattern.quote(squeeze(text.get("report.notShown", 2))) + ")"
								+ Pattern.quote(squeeze(" (" + text.get("report.notShownWhy") + ")")));
				}
			}
			int at = 0;
			StringBuilder left = new StringBuilder();
			for (String row : rows) {
				int found = rest.indexOf(row, at);
				assertThat(found).as("item %s: the row %s in %s", item.id(), row, rest).isGreaterThanOrEqualTo(0);
				left.append(rest, at, found);
				at = found + row.length();
			}
			left.append(rest.substring(at));
			// What is left is the table's header (option labels, "Not sure", "People"):
			// no figure at all.
			assertThat(left.toString()).as("item %s: text besides the rows", item.id()).doesNotContainPattern("\\d");
			List<String> figures = new ArrayList<>();
			Matcher matcher = FIGURE.matcher(rest);
			while (matcher.find()) {
				figures.add(matcher.group());
			}
			List<String> expected = new ArrayList<>(figures(item.all()));
			item.groups()
				.stream()
				.filter(GroupDistribution::shown)
				.forEach(g -> expected.addAll(figures(g.distribution())));
			assertThat(figures).as("item %s: every figure of the table", item.id()).isEqualTo(expected);
		}
	}

	/** A row's figures as the PDF prints them, squeezed: "0(0%)2(5%)...1(2%)41". */
	static String row(Distribution distribution) {
		return String.join("", figures(distribution)) + distribution.people();
	}

	static List<String> figures(Distribution distribution) {
		List<Integer> counts = new ArrayList<>(distribution.counts());
		counts.add(distribution.notSure());
		int[] percents = ReportContent.percents(counts, distribution.people());
		List<String> figures = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			figures.add(counts.get(i) + "(" + percents[i] + "%)");
		}
		return figures;
	}

	static void assertInOrder(String squeezedText, List<String> parts) {
		int at = 0;
		for (String part : parts) {
			int found = squeezedText.indexOf(squeeze(part), at);
			assertThat(found).as("'%s' after position %d", part, at).isGreaterThanOrEqualTo(0);
			at = found + squeeze(part).length();
		}
	}

	private static WrittenSummary written(GroupSummary summary, String id) {
		return summary.written().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Every font of one page (or of all pages, for 0), in forms on it too (the charts),
	 * and whether embedded.
	 */
	static List<String> fonts(byte[] bytes, int onlyPage) {
		List<String> fonts = new ArrayList<>();
		try (PdfReader reader = new PdfReader(bytes)) {
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				if (onlyPage != 0 && page != onlyPage) {
					continue;
				}
				collectFonts(reader.getPageN(page).getAsDict(PdfName.RESOURCES), fonts, 0);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return fonts;
	}

	private static void collectFonts(PdfDictionary resources, List<String> fonts, int depth) {
		if (resources == null || depth > 4) {
			return;
		}
		PdfDictionary fontDictionary = resources.getAsDict(PdfName.FONT);
		if (fontDictionary != null) {
			for (PdfName key : fontDictionary.getKeys()) {
				PdfDictionary font = fontDictionary.getAsDict(key);
				PdfDictionary described = font;
				if (PdfName.TYPE0.equals(font.getAsName(PdfName.SUBTYPE))) {
					PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
					described = descendants.getAsDict(0);
				}
				PdfDictionary descriptor = described.getAsDict(PdfName.FONTDESCRIPTOR);
				boolean embedded = descriptor != null && (descriptor.get(PdfName.FONTFILE2) != null
						|| descriptor.get(PdfName.FONTFILE) != null || descriptor.get(PdfName.FONTFILE3) != null);
				fonts.add(font.getAsName(PdfName.BASEFONT).toString().substring(1)
						+ (embedded ? " embedded" : " not embedded"));
			}
		}
		PdfDictionary xobjects = resources.getAsDict(PdfName.XOBJECT);
		if (xobjects != null) {
			for (PdfName key : xobjects.getKeys()) {
				if (xobjects.getDirectObject(key) instanceof PdfStream form) {
					collectFonts(form.getAsDict(PdfName.RESOURCES), fonts, depth + 1);
				}
			}
		}
	}

	/**
	 * A rendered PDF as text: each page as extracted, and all pages squeezed together
	 * with the footers (title and page number, checked on the way) cut out.
	 */
	static final class Pdf {

		final byte[] bytes;

		final List<String> pages;

		final ReportText text;

		final String squeezed;

		final int footers;

		private final GroupSummary summary;

		private final List<String> squeezedPages = new ArrayList<>();

		private Pdf(byte[] bytes, ReportInput input) {
			this.bytes = bytes;
			this.pages = ReportFixtures.pdfPages(bytes);
			this.text = new ReportText(input.language());
			this.summary = input.current();
			String title = input.title() != null ? input.title() : text.of(input.current().questionnaireTitle());
			StringBuilder all = new StringBuilder();
			int cut = 0;
			// The meeting's pages and the cover carry no footer.
			int cover = 1;
			while (cover < pages.size()
					&& !normalize(pages.get(cover - 1)).startsWith(text.get("report.cover.kicker"))) {
				cover++;
			}
			this.cover = cover;
			for (int page = 1; page <= pages.size(); page++) {
				String squeezedPage = squeeze(pages.get(page - 1));
				if (page > cover) {
					String footer = squeeze(title + text.get("report.page", page));
					assertThat(squeezedPage).as("the footer of page %d", page).endsWith(footer);
					squeezedPage = squeezedPage.substring(0, squeezedPage.length() - footer.length());
					cut++;
				}
				squeezedPages.add(squeezedPage);
				all.append(squeezedPage);
			}
			this.squeezed = all.toString();
			this.footers = cut;
		}

		/** The cover's page, after the meeting's. */
		final int cover;

		static Pdf of(byte[] bytes, ReportInput input) {
			return new Pdf(bytes, input);
		}

		/** A page's text squeezed, without its footer; pages count from 1. */
		String squeezedPage(int page) {
			return squeezedPages.get(page - 1);
		}

		/** The first page whose text begins with the heading, or 0. */
		int pageStartingWith(String heading) {
			for (int page = 1; page <= pages.size(); page++) {
				if (normalize(pages.get(page - 1)).startsWith(heading)) {
					return page;
				}
			}
			return 0;
		}

		/**
		 * The squeezed text from the heading {@code from} up to the heading {@code to}
		 * (or the end).
		 */
		String between(String from, String to) {
			int first = squeezed.indexOf(squeeze(from));
			assertThat(first).as("a heading '%s'", from).isNotNegative();
			int last = to == null ? squeezed.length() : squeezed.indexOf(squeeze(to), first + 1);
			assertThat(last).as("a heading '%s' after '%s'", to, from).isGreaterThan(first);
			return squeezed.substring(first, last);
		}

		/**
		 * How an item's block in its principle's section begins: its statement and its
		 * first sentence.
		 */
		String marker(ItemSummary item) {
			if (!item.shown()) {
				return squeeze(text.of(item.text()) + text.get("report.item.notShown", summary.minGroupSize()));
			}
			return squeeze(text.of(item.text()) + ReportContent.itemSentence(item, text)
					+ ReportContent.spreadSentence(item, text));
		}

		/**
		 * The squeezed text of the principle an item belongs to, from its heading to the
		 * next part's.
		 */
		String principleOf(ItemSummary item) {
			GroupSummary.PrincipleSummary principle = summary.principles()
				.stream()
				.filter(p -> p.items().stream().anyMatch(i -> i.id().equals(item.id())))
				.findFirst()
				.orElseThrow();
			int start = squeezed.indexOf(squeeze(text.of(principle.title()) + text.of(principle.about())));
			assertThat(start).as("the section of %s", text.of(principle.title())).isNotNegative();
			int end = squeezed.length();
			List<String> stops = new ArrayList<>();
			summary.principles()
				.stream()
				.filter(p -> p != principle)
				.forEach(p -> stops.add(squeeze(text.of(p.title()) + text.of(p.about()))));
			stops.add(squeeze(text.get("report.since.title")));
			stops.add(squeeze(text.get("report.words.title")));
			for (String stop : stops) {
				int at = squeezed.indexOf(stop, start + 1);
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			return squeezed.substring(start, end);
		}

		/**
		 * An item's block in its principle's section: from its marker up to the next
		 * item's marker, the next principle's heading or the heading of the section after
		 * the principles; found exactly once.
		 */
		String itemBlock(ItemSummary item) {
			String marker = marker(item);
			int start = squeezed.indexOf(marker);
			assertThat(start).as("the block of item %s (%s)", item.id(), marker).isGreaterThanOrEqualTo(0);
			assertThat(squeezed.indexOf(marker, start + 1)).as("item %s's block appears once", item.id()).isNegative();
			List<String> stops = new ArrayList<>();
			for (ItemSummary other : summary.items()) {
				if (other != item) {
					stops.add(marker(other));
				}
			}
			summary.principles().forEach(p -> stops.add(squeeze(text.of(p.title()))));
			for (String heading : List.of("report.start.title", "report.words.title", "report.since.title",
					"report.withheld.title")) {
				stops.add(squeeze(text.get(heading)));
			}
			int end = squeezed.length();
			for (String stop : stops) {
				int at = squeezed.indexOf(stop, start + marker.length());
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			return squeezed.substring(start, end);
		}

	}

}
