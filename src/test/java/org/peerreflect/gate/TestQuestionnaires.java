package org.peerreflect.gate;

import java.nio.charset.StandardCharsets;

import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCheck;
import org.peerreflect.questionnaire.QuestionnaireReader;

/**
 * A small questionnaire for gate tests: two principles, a three-option scale, four
 * perspectives.
 */
final class TestQuestionnaires {

	static final String SMALL = """
			id: small
			version: 1
			languages: [en]
			title: {en: "Small"}
			scales:
			  three:
			    options:
			      - {value: 1, label: {en: "Low"}}
			      - {value: 2, label: {en: "Middle"}}
			      - {value: 3, label: {en: "High"}}
			    not-sure: {en: "Not sure"}
			perspective:
			  id: role
			  text: {en: "I take part mostly as"}
			  options:
			    - {value: member, label: {en: "Member"}}
			    - {value: staff, label: {en: "Staff"}}
			    - {value: volunteer, label: {en: "Volunteer"}}
			    - {value: board, label: {en: "Board"}}
			    - {value: prefer-not-to-say, group: false, label: {en: "Prefer not to say"}}
			principles:
			  - id: a
			    title: {en: "A"}
			    items:
			      - {id: a-1, type: scale, scale: three, text: {en: "First"}}
			      - {id: a-2, type: scale, scale: three, text: {en: "Second"}}
			      - {id: a-say, type: text, text: {en: "Say more"}}
			  - id: b
			    title: {en: "B"}
			    items:
			      - {id: b-1, type: scale, scale: three, text: {en: "Third"}}
			""";

	private TestQuestionnaires() {
	}

	static Questionnaire small() {
		QuestionnaireCheck check = QuestionnaireReader.read("small.yaml", SMALL.getBytes(StandardCharsets.UTF_8));
		if (!check.valid()) {
			throw new IllegalStateException(check.errors().toString());
		}
		return check.questionnaire();
	}

}
