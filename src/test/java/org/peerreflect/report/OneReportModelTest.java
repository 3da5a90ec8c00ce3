package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * What the report says is decided once, in its model: the PDF lays out the model's
 * sections in the model's order with the model's figures, withheld marks and reasons, and
 * adds none of its own; each row's shares add up to 100.
 */
class OneReportModelTest {

	private static Report report;

	private static String pdf;

	private static org.apache.poi.xssf.usermodel.XSSFWorkbook workbook;

	@org.junit.jupiter.api.AfterAll
	static void close() throws java.io.IOException {
		workbook.close();
	}

	/** The written answers a steward chose to set beside fr-3. */
	private static final List<String> CHOSEN = List.of("Staff sit in the circle like everyone else.",
			"At the door we took turns, [removed] too.");

	@BeforeAll
	static void makeTheSampleReport() {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		GroupSummary spring = ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, true);
		GroupSummary autumn = ReportFixtures.summary(questionnaire, ReportFixtures.AUTUMN, true);
		ReportInput input = new ReportInput(spring, autumn, ReportFixtures.agreements(), "en", "Harbour Peer Circle",
				null, "Spring 2026", null, true)
			.withQuotes(Map.of("fr-3", CHOSEN))
			.withEarlier(ReportFixtures.seriesInput(questionnaire, "en").earlier());
		report = Report.of(input);
		pdf = ReportFixtures.squeeze(String.join(" ", ReportFixtures.pdfPages(ReportFixtures.pdf(input))));
		workbook = ReportFixtures.readWorkbook(ReportFixtures.workbook(input));
	}

	/** Every section's title, in the model's order of parts. */
	private static List<String> sections() {
		List<String> titles = new ArrayList<>();
		for (Report.Part part : report.parts()) {
			switch (part) {
				case COVER -> titles.add(report.title());
				case DIFFER -> titles.add(report.differ().title());
				case OVERVIEW -> titles.add(report.overview().title());
				case PRINCIPLES ->
					report.principles().forEach(principle -> titles.add(principle.title() + principle.about()));
				case SINCE -> titles.add(report.since().title());
				case SERIES -> titles.add(report.series().title());
				case WORDS -> titles.add(report.words().title());
				case READ -> titles.add(report.read().title());
				case WITHHELD -> titles.add(report.withheld().title());
				case STEWARD -> titles.add(report.steward().title());
			}
		}
		return titles;
	}

	@Test
	void thePdfCarriesTheModelsSectionsInItsOrder() {
		assertThat(report.parts()).containsExactly(Report.Part.values());
		int at = -1;
		for (String title : sections()) {
			int next = pdf.indexOf(ReportFixtures.squeeze(title), at);
			assertThat(next).as("'%s' after what comes before it", title).isGreaterThan(at);
			at = next;
		}
	}

	@Test
	void thePdfCarriesEveryFigureAndWithheldMarkOfTheModel() {
		int rows = 0;
		int withheld = 0;
		for (Report.PrincipleBlock principle : report.principles()) {
			for (Report.ItemBlock item : principle.items()) {
				if (item.table() == null) {
					assertThat(pdf).contains(ReportFixtures.squeeze(item.notShown()));
					continue;
				}
				assertThat(pdf).contains(ReportFixtures.squeeze(item.sentence()));
				for (Report.Row row : item.table().rows()) {
					// A withheld row's group is named with why, under the statement or
					// its principle.
					String line = row.shown() ? row.label() + String.join("", row.cells()) : row.label();
					assertThat(pdf).as(item.text()).contains(ReportFixtures.squeeze(line));
					if (!row.shown()) {
						assertThat(pdf).containsPattern(
								java.util.regex.Pattern.quote(ReportFixtures.squeeze(row.label())) + "[^\\d]*:"
										+ java.util.regex.Pattern.quote(ReportFixtures.squeeze(row.withheld())));
						withheld++;
					}
					rows++;
				}
			}
		}
		for (Report.SincePair pair : report.since().pairs()) {
			assertThat(pdf).as(pair.text()).contains(sinceRow(report.since(), pair));
		}
		for (Report.OverviewPart part : report.overview().principles()) {
			for (Report.OverviewRow row : part.rows()) {
				assertThat(pdf).contains(ReportFixtures.squeeze(row.statement() + String.join("", row.cells())));
			}
		}
		for (String line : report.withheld().lines()) {
			assertThat(pdf).contains(ReportFixtures.squeeze(line));
		}
		assertThat(rows).as("the sample has tables").isGreaterThan(50);
		assertThat(withheld).as("and withheld rows in them").isPositive();
	}

	/**
	 * The workbook lays out the same model: the cover's facts and thanks, every
	 * statement's figures for all of us and each group (withheld ones "not shown"), where
	 * our views differ, since last time in the model's order, and what was not shown.
	 */
	@Test
	void theWorkbookCarriesEveryFigureOfTheModel() {
		List<String> about = cellsOf("About");
		for (Report.Fact fact : report.cover()) {
			assertThat(about).contains(fact.label(), String.join("\n", fact.values()));
		}
		assertThat(about).contains(report.thanks())
			.containsAll(report.withheld().lines())
			.containsAll(report.read().paragraphs());
		org.apache.poi.ss.usermodel.Sheet items = workbook.getSheet("Items");
		org.apache.poi.ss.usermodel.Sheet groups = workbook.getSheet("Perspectives");
		int itemRow = 1;
		int groupRow = 1;
		for (Report.PrincipleBlock principle : report.principles()) {
			for (Report.ItemBlock item : principle.items()) {
				org.apache.poi.ss.usermodel.Row row = items.getRow(itemRow++);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(item.id());
				if (item.table() == null) {
					assertThat(row.getCell(3).getStringCellValue()).isEqualTo("not shown");
					continue;
				}
				assertThat(figures(row)).as(item.id()).isEqualTo(figures(item.table().rows().get(0)));
				for (Report.Row group : item.table().rows().subList(1, item.table().rows().size())) {
					org.apache.poi.ss.usermodel.Row line = groups.getRow(groupRow++);
					assertThat(line.getCell(2).getStringCellValue()).isEqualTo(group.label());
					if (group.shown()) {
						assertThat(figures(line)).as(item.id() + " " + group.label()).isEqualTo(figures(group));
					}
					else {
						assertThat(line.getCell(3).getStringCellValue()).isEqualTo("not shown");
					}
				}
			}
		}
		List<String> differ = cellsOf("Where to start talking");
		for (Report.DifferItem item : report.differ().items()) {
			assertThat(differ).contains(item.text(), item.how(), item.prompt());
		}
		org.apache.poi.ss.usermodel.Sheet since = workbook.getSheet("Since last time");
		List<String> ids = new ArrayList<>();
		for (org.apache.poi.ss.usermodel.Row row : since) {
			String id = row.getCell(0) == null ? "" : row.getCell(0).toString();
			if (id.matches("[a-z]+-\\d+") && (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id))) {
				ids.add(id);
			}
		}
		assertThat(ids).isEqualTo(report.since().pairs().stream().map(Report.SincePair::id).toList());
	}

	/** People, then each option's count and "not sure", as whole numbers. */
	private static List<Integer> figures(Report.Row row) {
		List<Integer> figures = new ArrayList<>(List.of(row.people()));
		row.figures().forEach(figure -> figures.add(figure.count()));
		return figures;
	}

	private static List<Integer> figures(org.apache.poi.ss.usermodel.Row row) {
		List<Integer> figures = new ArrayList<>();
		for (int c = 3; c <= 9; c++) {
			figures.add((int) row.getCell(c).getNumericCellValue());
		}
		return figures;
	}

	private static List<String> cellsOf(String sheet) {
		List<String> cells = new ArrayList<>();
		for (org.apache.poi.ss.usermodel.Row row : workbook.getSheet(sheet)) {
			row.forEach(cell -> cells.add(cell.toString()));
		}
		return cells;
	}

	@Test
	void eachShareIsHalfUpAndARowAddsUpToWithinHalfAPointACell() {
		int checked = 0;
		for (Report.PrincipleBlock principle : report.principles()) {
			for (Report.ItemBlock item : principle.items()) {
				if (item.table() == null) {
					continue;
				}
				for (Report.Row row : item.table().rows()) {
					if (row.shown() && row.people() > 0) {
						int sum = row.figures().stream().mapToInt(Report.Figure::percent).sum();
						// Each rounded on its own: a row is off 100 by at most half a
						// point
						// a cell.
						assertThat(Math.abs(sum - 100) * 2).as(item.text() + " " + row.label() + " " + row.cells())
							.isLessThanOrEqualTo(row.figures().size());
						for (Report.Figure figure : row.figures()) {
							assertThat(figure.percent()).isEqualTo(halfUp(figure.count(), row.people()));
						}
						checked++;
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(50);
	}

	@Test
	void everyShareIsRoundedHalfUpOnItsOwn() {
		// 2 of 7 is 28.57 wherever it stands, beside whatever else the row holds.
		assertThat(ReportContent.percents(List.of(2, 5), 7)).containsExactly(29, 71);
		assertThat(ReportContent.percents(List.of(2, 2, 2, 1), 7)).containsExactly(29, 29, 29, 14);
		// Halves go up: 1 of 8 is 12.5, 3 of 8 is 37.5; such a row adds up to 101.
		assertThat(ReportContent.percents(List.of(3, 2, 2, 1, 0), 8)).containsExactly(38, 25, 25, 13, 0);
		// 29 of 200 is 14.5.
		assertThat(ReportContent.percent(29, 200)).isEqualTo(15);
		assertThat(ReportContent.percent(1, 3)).isEqualTo(33);
		assertThat(ReportContent.percent(2, 3)).isEqualTo(67);
		assertThat(ReportContent.percents(List.of(0, 0), 0)).containsExactly(0, 0);
		for (int people = 1; people <= 200; people++) {
			for (int count = 0; count <= people; count++) {
				assertThat(ReportContent.percent(count, people)).isEqualTo(halfUp(count, people));
			}
		}
	}

	/** Half up, worked out apart from the report's own code. */
	static int halfUp(int count, int people) {
		return people == 0 ? 0
				: new java.math.BigDecimal(100L * count)
					.divide(new java.math.BigDecimal(people), 0, java.math.RoundingMode.HALF_UP)
					.intValueExact();
	}

	/**
	 * Last time's written answers are not in this report because they belong to last
	 * time's, and it says so.
	 */
	@Test
	void lastTimesWrittenAnswersAreLeftOutForTheTrueReason() {
		ReportText text = new ReportText("en");
		assertThat(report.withheld().previousLines()).contains(text.get("report.withheld.previousWritten"))
			.noneMatch(line -> line.startsWith("Written answers to"));
		assertThat(pdf).contains(ReportFixtures.squeeze(text.get("report.withheld.previousWritten")));
	}

	/**
	 * A Spanish report is Spanish throughout: the mark for words taken out, and the words
	 * around agreements.
	 */
	@Test
	void aSpanishReportSpeaksSpanishEvenWhereWordsWereTakenOut() {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		Report spanish = Report.of(new ReportInput(ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, true),
				null, ReportFixtures.agreements(), "es", null, null, null, null, true));
		List<String> answers = spanish.words().items().stream().flatMap(item -> item.answers().stream()).toList();
		assertThat(answers).anyMatch(answer -> answer.contains("[eliminado]"))
			.noneMatch(answer -> answer.contains("[removed]"));
		assertThat(spanish.agreed().title()).isEqualTo("Lo que acordamos probar");
		assertThat(report.words().items().stream().flatMap(item -> item.answers().stream()))
			.anyMatch(answer -> answer.contains("[removed]"));
	}

	/**
	 * Where our views differ says how: the split statement (fr-3) with how many chose
	 * each end, the statements where members and staff answered differently with both
	 * shares, each with a question of its own and the group's words from its principle,
	 * then the meeting's guide.
	 */
	@Test
	void whereOurViewsDifferSaysHowEachSplitsWithAQuestionOfItsOwn() {
		Report.Differ differ = report.differ();
		assertThat(differ.items()).isNotEmpty();
		Report.DifferItem split = differ.items()
			.stream()
			.filter(item -> item.text().startsWith("In our community, staff and members truly take on"))
			.findFirst()
			.orElseThrow();
		assertThat(split.how())
			.matches("\\d+ of us chose \"Not at all true for us\" or \"A little true\" and \\d+ chose "
					+ "\"Mostly true\" or \"Very true for us\"; (one|\\d+) chose an answer in between\\.");
		assertThat(split.why()).contains("Our answers split");
		assertThat(differ.items()).anySatisfy(item -> assertThat(item.how()).matches(
				"Of those who take part mostly as \"Members\", \\d+% chose .*; of those who take part mostly as \"Staff\", \\d+%\\."));
		assertThat(differ.items()).extracting(Report.DifferItem::prompt).doesNotHaveDuplicates();
		// The questionnaire asks its own question about fr-3 and fr-5; the others' are
		// built from their answers.
		Questionnaire bundled = ReportFixtures.questionnaire();
		assertThat(split.prompt()).isEqualTo(prompt(bundled, "fr-3")).isNotNull();
		assertThat(differ.items()).anySatisfy(item -> assertThat(item.prompt()).isEqualTo(prompt(bundled, "fr-5")));
		// A question built for two groups names both, and no figure the sentence above
		// it already gave.
		assertThat(differ.items()).anySatisfy(item -> assertThat(item.prompt())
			.startsWith("Those who take part mostly as \"Members\" and as \"Staff\" see this differently.")
			.doesNotContainPattern("\\d"));
		// Last time the group agreed to take turns leading, about fr-3 and fr-5: it
		// stands beside both.
		assertThat(split.agreed()).containsExactly(ReportFixtures.agreementTexts().get(1));
		// Beside fr-3 stand the two answers the steward chose, in the order given;
		// beside the others, none: nothing is drawn in their place.
		assertThat(split.words()).containsExactlyElementsOf(CHOSEN);
		assertThat(differ.items()).filteredOn(item -> !item.id().equals("fr-3"))
			.isNotEmpty()
			.allSatisfy(item -> assertThat(item.words()).isEmpty());
		assertThat(pdf).contains(ReportFixtures.squeeze(CHOSEN.get(0)));
		assertThat(differ.guide().steps()).hasSize(3);
		assertThat(pdf).contains(ReportFixtures.squeeze(differ.guide().space()));
		for (Report.DifferItem item : differ.items()) {
			assertThat(pdf).contains(ReportFixtures.squeeze(item.text() + "Why it is here: "
					+ String.join(" \u00b7 ", item.why()) + item.how() + item.prompt()));
		}
	}

	private static String prompt(Questionnaire questionnaire, String id) {
		return questionnaire.principles()
			.stream()
			.flatMap(p -> p.items().stream())
			.filter(i -> i.id().equals(id))
			.findFirst()
			.map(i -> i.prompt() == null ? null : i.prompt().in("en"))
			.orElseThrow();
	}

	/**
	 * A row of the PDF's "since last time": the statement, what we agreed about it, then
	 * then, now, the change in points and "not sure" both times; or, not set beside last
	 * time, why.
	 */
	static String sinceRow(Report.Since since, Report.SincePair pair) {
		String agreed = pair.agreed().isEmpty() ? "" : since.agreedLabel() + String.join("; ", pair.agreed());
		String figures = pair.shift() == null ? pair.change()
				: pair.then() + pair.now() + pair.points() + pair.notSureThen() + pair.notSureNow();
		return ReportFixtures.squeeze(pair.text() + agreed + figures);
	}

	/** Answers chosen equally often are named together, never one as the lead. */
	@Test
	void aTieIsNamedAsATie() {
		org.peerreflect.questionnaire.LocalizedText words = org.peerreflect.questionnaire.LocalizedText.of("en", "x");
		List<GroupSummary.Option> options = List.of(new GroupSummary.Option("1", words("Rarely")),
				new GroupSummary.Option("2", words("Sometimes")), new GroupSummary.Option("3", words("Often")));
		GroupSummary.ItemSummary item = new GroupSummary.ItemSummary("t", words, options, words("Not sure"),
				new GroupSummary.Distribution(12, List.of(2, 5, 5), 0), 0.4, List.of(), null);
		assertThat(ReportContent.itemSentence(item, new ReportText("en")))
			.isEqualTo("Answers chosen equally often: \"Sometimes\" and \"Often\" (5 each, of 12).");
	}

	private static org.peerreflect.questionnaire.LocalizedText words(String english) {
		return org.peerreflect.questionnaire.LocalizedText.of("en", english);
	}

	/**
	 * Statements that split alike still get questions of their own, and only the words
	 * chosen for a statement stand beside it, the same each time the report is made.
	 */
	@Test
	void statementsThatSplitAlikeAreAskedDifferently() {
		List<GroupSummary.Option> options = List.of(new GroupSummary.Option("1", words("Never")),
				new GroupSummary.Option("2", words("Rarely")), new GroupSummary.Option("3", words("Sometimes")),
				new GroupSummary.Option("4", words("Often")), new GroupSummary.Option("5", words("Always")));
		List<GroupSummary.ItemSummary> items = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			items.add(new GroupSummary.ItemSummary("s-" + i, words("Statement " + i), options, words("Not sure"),
					new GroupSummary.Distribution(16, List.of(3, 3, 3, 3, 4), 0), 0.6, List.of(), null));
		}
		GroupSummary.PrincipleSummary principle = new GroupSummary.PrincipleSummary("p", words("Together"),
				words("About"), items,
				List.of(new GroupSummary.WrittenSummary("p-say", words("Say"), true, List.of("One", "Two"))));
		GroupSummary summary = new GroupSummary("q", 1, words("Q"), 5, 16, null, List.of(), List.of(principle));
		ReportInput none = new ReportInput(summary, null, List.of(), "en", null, null, null, null, true);
		Report alike = Report.of(none);
		assertThat(alike.differ().items()).hasSize(3);
		assertThat(alike.differ().items()).extracting(Report.DifferItem::prompt).doesNotHaveDuplicates();
		// Nothing chosen: no words beside any statement, though the principle has some.
		assertThat(alike.differ().items()).allSatisfy(item -> assertThat(item.words()).isEmpty());
		assertThat(alike.differ().items()).allSatisfy(item -> assertThat(item.wordsTitle()).isNull());

		ReportInput chosen = none.withQuotes(Map.of("s-2", List.of("Two"), "s-9", List.of("One")));
		for (Report made : List.of(Report.of(chosen), Report.of(chosen))) {
			Map<String, List<String>> beside = new java.util.LinkedHashMap<>();
			made.differ().items().forEach(item -> beside.put(item.id(), item.words()));
			assertThat(beside).containsExactly(Map.entry("s-1", List.of()), Map.entry("s-2", List.of("Two")),
					Map.entry("s-3", List.of()));
		}
	}

}
