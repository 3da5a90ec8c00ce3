package org.peerreflect.testing;

/** Small questionnaires that several kinds of test read. */
public final class Questionnaires {

	private Questionnaires() {
	}

	/**
	 * A small valid questionnaire: two languages, one scale, a perspective with a
	 * {@code group: false} option, two principles with a text item. The reader tests
	 * count on its line numbers.
	 */
	public static final String TINY = """
			id: tiny
			version: 1
			languages: [en, es]
			title: {en: "Tiny", es: "Pequeño"}
			scales:
			  agree:
			    options:
			      - {value: 1, label: {en: "No", es: "No"}}
			      - {value: 2, label: {en: "Yes", es: "Sí"}}
			    not-sure: {en: "Not sure", es: "No lo sé"}
			perspective:
			  id: role
			  text: {en: "I take part as", es: "Participo como"}
			  options:
			    - {value: member, label: {en: "Member", es: "Miembro"}}
			    - {value: prefer-not-to-say, group: false, label: {en: "Rather not say", es: "Prefiero no decirlo"}}
			principles:
			  - id: first
			    title: {en: "First", es: "Primero"}
			    items:
			      - {id: fi-1, type: scale, scale: agree, text: {en: "One", es: "Uno"}}
			      - {id: fi-say, type: text, text: {en: "Say", es: "Di"}}
			  - id: second
			    title: {en: "Second", es: "Segundo"}
			    items:
			      - {id: se-1, type: scale, scale: agree, text: {en: "Two", es: "Dos"}}
			""";

}
