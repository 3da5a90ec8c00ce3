package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerreflect.gate.CountTable;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;

import tools.jackson.databind.json.JsonMapper;

/**
 * Invariant 8: every withheld figure gives one reason, and a true one, whatever rule
 * withheld it. A statement all 29 people answered, withheld because everyone outside the
 * members gave it one answer, must not read "fewer than 5 people answered this" in the
 * PDF, the workbook or the web report: that would be false, and it would tell everyone
 * that answers given alike were the reason.
 */
class WithheldReasonTest {

	private static final String ALIKE_ITEM = "np-1";

	/**
	 * 20 members who answered every statement in five ways; 4 volunteers, 4 board members
	 * and one of no perspective outside them, who answered every statement in two ways,
	 * but np-1 all alike.
	 */
	private static GroupSummary summary(Questionnaire questionnaire) {
		CountTable table = new CountTable(questionnaire);
		table.addPeople("member", 20);
		table.addPeople("volunteer", 4);
		table.addPeople("board", 4);
		table.addPeople(null, 1);
		for (Item item : questionnaire.items()) {
			if (!item.isScale()) {
				continue;
			}
			List<String> values = item.scale().options().stream().map(o -> o.value()).toList();
			for (int m = 0; m < 20; m++) {
				table.addAnswers(item.id(), "member", values.get(m % values.size()), 1);
			}
			boolean alike = item.id().equals(ALIKE_ITEM);
			String high = values.get(values.size() - 1);
			String low = values.get(0);
			table.addAnswers(item.id(), "volunteer", high, 4);
			table.addAnswers(item.id(), "board", alike ? high : low, 4);
			table.addAnswers(item.id(), null, high, 1);
		}
		return new Gate(5, new Random(3)).summarize(table, WrittenAnswers.none());
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void invariant8_aStatementWithheldForAnswersGivenAlikeGivesTheOneReasonInEveryLayout(String language) {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		GroupSummary summary = summary(questionnaire);
		GroupSummary.ItemSummary alike = summary.items()
			.stream()
			.filter(i -> i.id().equals(ALIKE_ITEM))
			.findFirst()
			.orElseThrow();
		// The gate did withhold it, and not for its number: all 29 answered it.
		assertThat(alike.shown()).isFalse();
		assertThat(summary.items()).filteredOn(i -> !i.id().equals(ALIKE_ITEM)).allMatch(i -> i.shown());

		ReportText text = new ReportText(language);
		ReportInput input = new ReportInput(summary, null, List.of(), language, "Harbour Peer Circle", null, "Spring",
				null, false);
		Report report = Report.of(input);
		String statement = text.of(alike.text());
		String pdf = ReportFixtures.squeeze(String.join(" ", ReportFixtures.pdfPages(ReportFixtures.pdf(input))));
		String web = JsonMapper.builder().build().writeValueAsString(report);
		String workbook;
		try (XSSFWorkbook book = ReportFixtures.readWorkbook(ReportFixtures.workbook(input))) {
			workbook = String.join("\n", ReportFixtures.cells(book));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}

		String reason = text.get("report.item.notShown");
		Report.ItemBlock block = report.principles()
			.stream()
			.flatMap(p -> p.items().stream())
			.filter(i -> i.id().equals(ALIKE_ITEM))
			.findFirst()
			.orElseThrow();
		assertThat(block.notShown()).isEqualTo(reason).contains(text.get("report.notShownWhy"));
		assertThat(pdf).contains(ReportFixtures.squeeze(statement + reason));
		assertThat(web).contains(reason);
		assertThat(workbook).contains(text.get("report.notShownWhy"));
		// What was not shown names the statement with the others, and no rule.
		assertThat(report.withheld().lines()).anySatisfy(line -> assertThat(line)
			.isEqualTo(text.get("report.withheld.items", text.get("report.quote", statement))));
		// No reason that names a number of people who answered, in any layout.
		for (String told : List.of("Fewer than 5 people answered", "fewer than 5 people answered",
				"Menos de 5 personas respondieron", "answered this", "respondieron a esto", "answered these",
				"respondieron estas")) {
			assertThat(pdf).as(told).doesNotContain(ReportFixtures.squeeze(told));
			assertThat(web).as(told).doesNotContain(told);
			assertThat(workbook).as(told).doesNotContain(told);
		}
	}

}
