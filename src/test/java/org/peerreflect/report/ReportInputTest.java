package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.questionnaire.Questionnaire;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A published round keeps its report's input as JSON, and the next round reads it back.
 * Inputs kept before agreements named their statements hold each agreement as plain text;
 * they still read, as agreements about no statement, beside today's form.
 */
class ReportInputTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anInputKeptWithPlainTextAgreementsStillReads() {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		ReportInput today = new ReportInput(ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, false), null,
				ReportFixtures.agreements(), "en", "Harbour Peer Circle", "Spring round", "March 2026", null, false);
		ObjectNode kept = (ObjectNode) JSON.readTree(JSON.writeValueAsString(today));
		assertThat(JSON.treeToValue(kept, ReportInput.class)).isEqualTo(today);

		// As kept before: words only, and one of today's form in the same list.
		ArrayNode agreements = kept.putArray("agreements");
		agreements.add("Open each meeting with what is going well.");
		agreements.addObject().put("text", "Take turns leading.").putArray("statements").add("fr-3");
		ReportInput old = JSON.treeToValue(kept, ReportInput.class);
		assertThat(old.agreements()).containsExactly(
				new ReportInput.Agreement("Open each meeting with what is going well.", List.of()),
				new ReportInput.Agreement("Take turns leading.", List.of("fr-3")));
		assertThat(old.current()).isEqualTo(today.current());
		// Kept before quotes were chosen: none stands beside any statement.
		assertThat(kept.has("quotes")).isTrue();
		kept.remove("quotes");
		assertThat(JSON.treeToValue(kept, ReportInput.class).quotes()).isEmpty();
	}

	@Test
	void theQuotesChosenAreKeptAndReadBack() {
		Questionnaire questionnaire = ReportFixtures.questionnaire();
		ReportInput chosen = new ReportInput(ReportFixtures.summary(questionnaire, ReportFixtures.SPRING, false), null,
				List.of(), "en", null, null, null, null, true)
			.withQuotes(java.util.Map.of("fr-3", List.of("We all sweep up.", "Staff [removed] cook too.")));
		ReportInput read = JSON.readValue(JSON.writeValueAsString(chosen), ReportInput.class);
		assertThat(read).isEqualTo(chosen);
		assertThat(read.quotes())
			.containsExactly(java.util.Map.entry("fr-3", List.of("We all sweep up.", "Staff [removed] cook too.")));
	}

	@Test
	void aLineOfAnAgreementsFileNamesItsStatementsInBrackets() {
		assertThat(ReportInput.Agreement.ofLine("[fr-3, fr-5 fr-3] Take turns leading "))
			.isEqualTo(new ReportInput.Agreement("Take turns leading", List.of("fr-3", "fr-5")));
		assertThat(ReportInput.Agreement.ofLine("Bring soup [on Fridays]"))
			.isEqualTo(new ReportInput.Agreement("Bring soup [on Fridays]", List.of()));
	}

}
