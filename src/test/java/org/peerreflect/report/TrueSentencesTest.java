package org.peerreflect.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerreflect.gate.CountTable;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.Distribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sentence the report says about a statement follows from its figures, on rounds
 * made to be hard: everyone alike, nobody's views apart, ties, a single shown group, and
 * many drawn at random. "Where to start talking" labels why each statement is there, each
 * label true of its figures, picks after repeats are taken out, and says plainly when
 * views do not differ. No count meets a noun in the wrong number.
 */
class TrueSentencesTest {

	private static final Questionnaire QUESTIONNAIRE = ReportFixtures.questionnaire();

	/** How each statement is answered: people per option (five), then "not sure". */
	private static GroupSummary round(int members, int staff, BiFunction<Item, String, int[]> answers) {
		CountTable table = new CountTable(QUESTIONNAIRE);
		table.addPeople("member", members);
		if (staff > 0) {
			table.addPeople("staff", staff);
		}
		for (Item item : QUESTIONNAIRE.items()) {
			if (!item.isScale()) {
				continue;
			}
			for (String group : staff > 0 ? List.of("member", "staff") : List.of("member")) {
				int[] counts = answers.apply(item, group);
				for (int o = 0; o < 5; o++) {
					if (counts[o] > 0) {
						table.addAnswers(item.id(), group, item.scale().options().get(o).value(), counts[o]);
					}
				}
				if (counts[5] > 0) {
					table.addAnswers(item.id(), group, "not-sure", counts[5]);
				}
			}
		}
		return new Gate(5, new Random(3)).summarize(table, WrittenAnswers.none());
	}

	private static Report report(GroupSummary summary, String language) {
		return Report.of(new ReportInput(summary, null, List.of(), language, "Harbour Peer Circle", null, "Spring",
				null, false));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void whenEveryoneAnsweredAlikeTheReportSaysViewsDoNotDifferAndPutsNothingForward(String language) {
		GroupSummary alike = round(20, 8, (item, group) -> group.equals("member") ? new int[] { 0, 0, 0, 0, 20, 0 }
				: new int[] { 0, 0, 0, 0, 8, 0 });
		Report report = report(alike, language);
		ReportText text = new ReportText(language);
		assertThat(report.differ().items()).isEmpty();
		assertThat(report.differ().chart()).isNull();
		assertThat(report.differ().lead()).isEqualTo(text.get("report.start.none"));
		assertThat(report.differ().title()).isEqualTo(text.get("report.start.title"));
		// Drawn in every layout without a chart.
		assertThat(ReportFixtures.pdfPages(ReportFixtures.pdf(input(alike, language))))
			.anySatisfy(page -> assertThat(ReportFixtures.squeeze(page))
				.contains(ReportFixtures.squeeze(text.get("report.start.none").substring(0, 40))));
		checkEverySentence(report, alike, language);
	}

	@Test
	void whenNobodysViewsDifferButNotAllAlikeItSaysSoToo() {
		// Half on each of the top two answers: close, most of us on the upper side, few
		// not sure.
		GroupSummary close = round(20, 8, (item, group) -> group.equals("member") ? new int[] { 0, 0, 0, 10, 9, 1 }
				: new int[] { 0, 0, 0, 4, 4, 0 });
		Report report = report(close, "en");
		assertThat(report.differ().items()).isEmpty();
		assertThat(report.differ().lead()).startsWith("Our views do not differ much on any statement.");
		checkEverySentence(report, close, "en");
	}

	@Test
	void everyoneAtTheLowEndIsPutForwardAsFewChoseTheUpperAnswersNeverAsASplit() {
		GroupSummary low = round(20, 8, (item, group) -> group.equals("member") ? new int[] { 20, 0, 0, 0, 0, 0 }
				: new int[] { 8, 0, 0, 0, 0, 0 });
		Report report = report(low, "en");
		assertThat(report.differ().items()).isNotEmpty()
			.allSatisfy(item -> assertThat(item.why()).containsExactly("Fewer than half of us chose the upper answers"))
			.allSatisfy(item -> assertThat(item.how()).startsWith("None of the 28 of us chose"));
		checkEverySentence(report, low, "en");
	}

	@Test
	void tiesAreNamedTogetherAndPickedInTheQuestionnairesOrder() {
		GroupSummary tied = round(20, 8, (item, group) -> group.equals("member") ? new int[] { 5, 5, 0, 5, 5, 0 }
				: new int[] { 2, 2, 0, 2, 2, 0 });
		Report report = report(tied, "en");
		assertThat(report.principles().get(0).items().get(0).sentence())
			.startsWith("Answers chosen equally often: \"Not at all true for us\", ");
		List<String> ids = report.differ().items().stream().map(Report.DifferItem::id).toList();
		List<String> inOrder = QUESTIONNAIRE.items().stream().map(Item::id).filter(ids::contains).toList();
		// Equally split everywhere: the splits come in the questionnaire's order.
		assertThat(ids.subList(0, 1)).isEqualTo(inOrder.subList(0, 1));
		checkEverySentence(report, tied, "en");
		checkEverySentence(report(tied, "es"), tied, "es");
	}

	@Test
	void withASingleShownGroupNoStatementIsSaidToDifferBetweenGroups() {
		// Three staff: not shown; members alone cannot differ from anyone.
		GroupSummary single = round(20, 3, (item, group) -> group.equals("member") ? new int[] { 0, 2, 3, 5, 10, 0 }
				: new int[] { 3, 0, 0, 0, 0, 0 });
		Report report = report(single, "en");
		assertThat(report.differ().items()).noneMatch(item -> item.why().contains("Groups see it differently"));
		checkEverySentence(report, single, "en");
	}

	/**
	 * A statement both split and far apart between groups is picked once, and the next
	 * statement far apart between groups still comes in: the cap is applied after repeats
	 * are taken out.
	 */
	@Test
	void aStatementMetByTwoReasonsIsPickedOnceAndTheNextOfTheOtherReasonStillComes() {
		GroupSummary both = round(24, 8, (item, group) -> {
			boolean apart = item.id().startsWith("np-") || item.id().startsWith("na-");
			if (group.equals("member")) {
				return apart ? new int[] { 6, 6, 0, 6, 6, 0 } : new int[] { 0, 0, 2, 10, 12, 0 };
			}
			return apart ? new int[] { 0, 0, 0, 4, 4, 0 } : new int[] { 0, 0, 1, 3, 4, 0 };
		});
		Report report = report(both, "en");
		List<Report.DifferItem> items = report.differ().items();
		assertThat(items).extracting(Report.DifferItem::id).doesNotHaveDuplicates();
		// np- and na- statements split and are far apart between groups: three picked for
		// the split, and three more for the groups, not the same three again.
		assertThat(items.stream().filter(item -> item.why().contains("Groups see it differently")).count())
			.isGreaterThanOrEqualTo(6);
		assertThat(items).hasSize(6);
		checkEverySentence(report, both, "en");
	}

	@Test
	void onRoundsDrawnAtRandomEverySentenceFollowsFromItsFigures() {
		Random random = new Random(2026);
		for (int n = 0; n < 150; n++) {
			int members = 5 + random.nextInt(40);
			int staff = random.nextInt(3) == 0 ? 3 : 5 + random.nextInt(10);
			double[] lean = { random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
					random.nextDouble(), random.nextDouble() * 0.4 };
			GroupSummary summary = round(members, staff, (item, group) -> draw(random, lean,
					group.equals("member") ? members : staff, random.nextInt(4) == 0));
			String language = n % 2 == 0 ? "en" : "es";
			checkEverySentence(report(summary, language), summary, language);
		}
	}

	/** A group's answers: each person one option or "not sure", leaning as given. */
	private static int[] draw(Random random, double[] lean, int people, boolean alike) {
		int[] counts = new int[6];
		int one = random.nextInt(6);
		for (int p = 0; p < people; p++) {
			if (alike) {
				counts[one]++;
				continue;
			}
			double total = 0;
			for (double weight : lean) {
				total += weight;
			}
			double at = random.nextDouble() * total;
			int o = 0;
			while (o < 5 && at > lean[o]) {
				at -= lean[o++];
			}
			counts[o]++;
		}
		return counts;
	}

	/** Words that tell a count met its noun in the wrong number, in each language. */
	private static final Map<String, Pattern> WRONG_NUMBER = Map.of("en", Pattern.compile(
			"(?<![\\d,.])(0|1) chose|(?<![\\d,.])1 of us were|All 1 of us|other 1 statements|(?<![\\d,.])1 statements|"
					+ "(?<![\\d,.])1 people|(?<![\\d,.])1 were|\\d\\s+%|how it moved|of us who took part and gave their"),
			"es",
			Pattern.compile("(?<![\\d,.])1 personas|(?<![\\d,.])1 eligieron|y 1 elegimos|(?<![\\d,.])1 afirmaciones|"
					+ "(?<![\\d,.])0 eligieron|Las 1 personas|otras 1 |"
					// One voice per sentence: a third-person subject never meets a
					// first-person verb.
					+ "(?i)(mayoría|personas|el resto|grupos) (\\([^)]*\\) )?(respondimos|elegimos|participamos|"
					+ "estamos|vemos|escuchamos)|escucharnos|dedicamos|"
					// The removed mark, a tie and a percent as the Spanish report says
					// them.
					+ "\\[quitado]|mismas veces|\\d\\s+%|"
					// Two groups not shown are plural.
					+ ", [\\p{L} ]+: no se muestra\\b|"
					+ "\\b(ordenador(es)?|móvil(es)?|coger|vosotr[oa]s|vuestr[oa]s?|pulsar|rellena[r]?)\\b"));

	/**
	 * The sample's PDF, every page of it, read as the room reads it: no count in the
	 * wrong number, one voice per sentence, the removed mark and percents as each
	 * language prints them, and two groups not shown said in the plural.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theSamplePdfSaysEveryFigureInTheRightNumberAndOneVoice(String language) {
		String printed = String.join("\n",
				ReportFixtures.pdfPages(ReportFixtures.pdf(OneFigureEverywhereTest.input(language))));
		// Lines run on: a word or a percent broken at a line's end reads as one.
		String read = printed.replaceAll("[\\s\\u00a0]+", " ");
		assertThat(read).doesNotContainPattern(WRONG_NUMBER.get(language));
		ReportText text = new ReportText(language);
		assertThat(read).contains(ReportContent.answerAsShown("with [removed] on", text));
		if (language.equals("es")) {
			assertThat(read)
				.contains("Voluntariado y Junta directiva: no se muestran (para proteger a los grupos pequeños)")
				.contains("(35% de nuestras respuestas)")
				.contains("Las respuestas más elegidas empataron:");
		}
		else {
			assertThat(read).contains("Volunteers and Board: not shown (to protect small groups)");
		}
	}

	/**
	 * Each place to start talking is true of its figures, appears once, and the report's
	 * sentences hold no count in the wrong number.
	 */
	private static void checkEverySentence(Report report, GroupSummary summary, String language) {
		ReportText text = new ReportText(language);
		List<String> seen = new ArrayList<>();
		for (Report.DifferItem place : report.differ().items()) {
			assertThat(seen).as("each statement once").doesNotContain(place.id());
			seen.add(place.id());
			ItemSummary item = summary.items()
				.stream()
				.filter(i -> i.id().equals(place.id()))
				.findFirst()
				.orElseThrow();
			Distribution all = item.all();
			int chose = all.counts().stream().mapToInt(Integer::intValue).sum();
			int lower = all.counts().get(0) + all.counts().get(1);
			int upper = all.counts().get(3) + all.counts().get(4);
			assertThat(place.why()).as("%s has a reason", place.id()).isNotEmpty();
			for (String why : place.why()) {
				if (why.equals(text.get("report.start.why.split"))) {
					assertThat(4 * lower).as("%s split: a quarter at the lower end", place.id())
						.isGreaterThanOrEqualTo(chose);
					assertThat(4 * upper).as("%s split: a quarter at the upper end", place.id())
						.isGreaterThanOrEqualTo(chose);
					// Its own page never says our views are close.
					assertThat(item.spread()).isGreaterThanOrEqualTo(ReportContent.CLOSE_BELOW);
				}
				else if (why.equals(text.get("report.start.why.groups"))) {
					List<Integer> shares = item.groups()
						.stream()
						.filter(GroupSummary.GroupDistribution::shown)
						.map(g -> OneReportModelTest.halfUp(
								g.distribution().counts().get(3) + g.distribution().counts().get(4),
								g.distribution().people()))
						.toList();
					assertThat(shares).as("%s: two shown groups", place.id()).hasSizeGreaterThanOrEqualTo(2);
					assertThat(shares.stream().mapToInt(i -> i).max().orElseThrow()
							- shares.stream().mapToInt(i -> i).min().orElseThrow())
						.isGreaterThanOrEqualTo(DifferContent.GROUPS_APART);
				}
				else if (why.equals(text.get("report.start.why.unsure"))) {
					assertThat(5 * all.notSure()).as("%s: a fifth not sure", place.id())
						.isGreaterThanOrEqualTo(all.people());
				}
				else {
					assertThat(why).isEqualTo(text.get("report.start.why.few"));
					assertThat(OneReportModelTest.halfUp(upper, all.people())).isLessThan(50);
				}
			}
			assertThat(place.how()).doesNotContainPattern(WRONG_NUMBER.get(language));
		}
		if (report.differ().items().isEmpty()) {
			assertThat(report.differ().lead()).isEqualTo(text.get("report.start.none"));
			// Nothing left out that would have been true: no statement meets a reason.
			assertThat(DifferContent.placesToStart(summary, 100)).isEmpty();
		}
		else {
			assertThat(report.differ().lead()).isEqualTo(text.get("report.start.lead"));
		}
		String everything = KeptReport.write(report);
		assertThat(everything).doesNotContainPattern(WRONG_NUMBER.get(language));
	}

	private static ReportInput input(GroupSummary summary, String language) {
		return new ReportInput(summary, null, List.of(), language, "Harbour Peer Circle", null, "Spring", null, false);
	}

}
