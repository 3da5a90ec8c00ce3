package org.peerreflect.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerreflect.questionnaire.LanguageCheck.Term;
import org.peerreflect.questionnaire.LanguageCheck.Text;

/**
 * The language check: notes, never errors (DESIGN section 5: "a community may reclaim its
 * own words").
 */
class LanguageCheckTest {

	private static final String FILE = "questionnaires/words.yaml";

	private final LanguageCheck check = LanguageCheck.standard();

	private List<Finding> notes(String language, String text) {
		return check.check(FILE, List.of(new Text(language, text, 7, "item fr-1")));
	}

	private Term term(String language, String words) {
		return check.terms(language).stream().filter(t -> t.words().equals(words)).findFirst().orElseThrow();
	}

	@Nested
	class TheLists {

		@Test
		void haveAtLeastFortyEnglishAndThirtySpanishTerms() {
			assertThat(check.terms("en")).hasSizeGreaterThanOrEqualTo(40);
			assertThat(check.terms("es")).hasSizeGreaterThanOrEqualTo(30);
		}

		@Test
		void giveEveryTermASuggestion() {
			for (String language : List.of("en", "es")) {
				assertThat(check.terms(language)).allSatisfy(term -> {
					assertThat(term.language()).isEqualTo(language);
					assertThat(term.words()).as(language).isNotBlank();
					assertThat(term.suggestion()).as(term.words()).isNotBlank();
				});
			}
		}

		@Test
		void listEachTermOnce() {
			for (String language : List.of("en", "es")) {
				assertThat(check.terms(language)).extracting(Term::words).doesNotHaveDuplicates();
			}
		}

		@Test
		void noteEveryTermOfTheirOwnInASentence() {
			for (String language : List.of("en", "es")) {
				for (Term term : check.terms(language)) {
					// "<det> patient" stands for the noun after a determiner: "each
					// patient".
					String words = term.words().replace("<det>", language.equals("en") ? "each" : "cada");
					assertThat(notes(language, "Here, " + words + ", there.")).as(term.words())
						.anySatisfy(note -> assertThat(note.message()).contains("\"" + words + "\""));
				}
			}
		}

		@Test
		void haveNothingForALanguageWithoutAList() {
			assertThat(check.terms("fr")).isEmpty();
			assertThat(notes("fr", "the patients")).isEmpty();
		}

	}

	@Nested
	class WholeWords {

		@Test
		void thePatientsIsNoted() {
			assertThat(notes("en", "How do we treat the patients here?")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"patients\""));
		}

		@Test
		void aSingularClinicalNounIsNotedAfterAnyDeterminerOrPossessive() {
			for (String text : List.of("We welcome each patient.", "Our patient group meets.",
					"Every patient is heard.", "Is this patient happy?", "The team's patient knows.",
					"Whose patient is it?")) {
				assertThat(notes("en", text)).as(text)
					.singleElement()
					.satisfies(
							note -> assertThat(note.message()).contains("patient\"").contains("the person, someone"));
			}
			for (String text : List.of("Cada paciente cuenta.", "Nuestro paciente llega.", "¿Algún enfermo aquí?")) {
				assertThat(notes("es", text)).as(text).isNotEmpty();
			}
			assertThat(notes("en", "Please be patient, and patiently kind.")).isEmpty();
		}

		@Test
		void bePatientIsNotNoted() {
			assertThat(notes("en", "We try to be patient with each other.")).isEmpty();
		}

		@Test
		void aTermInsideALongerWordIsNotMatched() {
			Term patients = term("en", "patients");
			assertThat(patients.pattern().matcher("patientsX").find()).isFalse();
			assertThat(patients.pattern().matcher("outpatients").find()).isFalse();
			assertThat(patients.pattern().matcher("patients2").find()).isFalse();
			assertThat(patients.pattern().matcher("(patients)").find()).isTrue();
			assertThat(notes("en", "Some patientsX came by.")).isEmpty();
			// "outpatients" is a term of its own; "patients" inside it is not noted as
			// well.
			assertThat(notes("en", "We were outpatients once.")).singleElement()
				.satisfies(
						note -> assertThat(note.message()).contains("\"outpatients\"").doesNotContain("\"patients\""));
		}

		@Test
		void aPhraseMatchesAcrossAnyWhitespaceButOnlyAsAWhole() {
			assertThat(notes("en", "Nobody here has to suffer\n   from anything alone.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("live with, experience"));
			assertThat(notes("en", "We suffer; from time to time.")).isEmpty();
		}

		@Test
		void matchingIgnoresCase() {
			assertThat(notes("en", "The PATIENTS decide.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"PATIENTS\""));
			assertThat(notes("en", "Patients decide.")).hasSize(1);
			// Also beyond ASCII: Ó matches ó.
			assertThat(notes("es", "EL DIAGNÓSTICO no importa.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"DIAGNÓSTICO\""));
		}

	}

	@Nested
	class Languages {

		@Test
		void aSpanishTermIsNotedInSpanishTextOnly() {
			assertThat(notes("es", "La terapia de grupo nos ayuda.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("(es)", "\"terapia\"", "conversación"));
			assertThat(notes("en", "La terapia de grupo nos ayuda.")).isEmpty();
		}

		@Test
		void anEnglishTermIsNotedInEnglishTextOnly() {
			assertThat(notes("en", "Group therapy helps us.")).hasSize(1);
			assertThat(notes("es", "Group therapy helps us.")).isEmpty();
		}

	}

	@Test
	void aNoteCarriesTheFileLineWordsAndSuggestion() {
		List<Finding> notes = check.check(FILE, List.of(new Text("en", "How do our clients feel?", 12, "item fr-2")));
		assertThat(notes).singleElement().satisfies(note -> {
			assertThat(note.file()).isEqualTo(FILE);
			assertThat(note.line()).isEqualTo(12);
			assertThat(note.message()).contains("item fr-2", "(en)", "\"clients\"", "perhaps: people, members");
			assertThat(note.toString()).startsWith(FILE + ":12: note: item fr-2 (en): \"clients\"");
		});
	}

	@Test
	void aTextWithSeveralTermsGetsANoteForEachInTheOrderOfTheText() {
		assertThat(notes("en", "Our clients follow a treatment plan.")).extracting(Finding::message)
			.satisfiesExactly(m -> assertThat(m).contains("\"clients\""),
					m -> assertThat(m).contains("\"treatment plan\"", "your own plans"));
	}

	@Nested
	class OverlappingTerms {

		@Test
		void onlyTheLongestTermAtAPlaceIsNoted() {
			assertThat(notes("en", "We follow a treatment plan.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"treatment plan\"")
					.doesNotContain("\"treatment\""));
			assertThat(notes("en", "Nobody here has a mental illness.")).singleElement()
				.satisfies(
						note -> assertThat(note.message()).contains("\"mental illness\"", "what we have been through")
							.doesNotContain("\"illness\""));
			assertThat(notes("es", "Hablamos de la enfermedad mental.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"enfermedad mental\""));
		}

		@Test
		void theShorterTermIsStillNotedWhereItStandsAlone() {
			assertThat(notes("en", "Mental illness is one word for it; illness is another."))
				.extracting(Finding::message)
				.satisfiesExactly(m -> assertThat(m).contains("\"Mental illness\""),
						m -> assertThat(m).contains("\"illness\"", "experience, hard times"));
		}

		@Test
		void aTermIsNotedOnceInAText() {
			assertThat(notes("en", "Our clients, and their clients too.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"clients\""));
		}

	}

	@Nested
	class Accents {

		@Test
		void aSpanishTermIsNotedWithOrWithoutItsAccents() {
			assertThat(notes("es", "El diagnostico no importa.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"diagnostico\"",
						"cómo describes tu experiencia"));
			assertThat(notes("es", "El diagnóstico no importa.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"diagnóstico\""));
			assertThat(notes("es", "UNA RECAIDA")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"RECAIDA\"", "mal momento"));
			assertThat(notes("es", "Una terapia psiquiatrica.")).hasSize(2);
		}

		@Test
		void anAccentTheListDoesNotHaveIsIgnoredToo() {
			assertThat(notes("en", "How do the pátients feel?")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"pátients\""));
			assertThat(notes("es", "La térapia nos ayuda.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"térapia\""));
		}

		@Test
		void theNoteQuotesTheWordsAsTheyStandEvenWhenDecomposed() {
			// "ó" written as "o" and a combining acute accent (NFD), as some editors save
			// it.
			String decomposed = "diagno\u0301stico";
			assertThat(notes("es", "Tu " + decomposed + ", tus palabras.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"" + decomposed + "\""));
			// Characters before the term that fold to more or fewer characters do not
			// shift the quote.
			assertThat(notes("es", "Ñu\u0301 ı ß: el diagnóstico.")).singleElement()
				.satisfies(note -> assertThat(note.message()).contains("\"diagnóstico\""));
		}

		@Test
		void wholeWordsStillHoldWithoutAccents() {
			assertThat(notes("en", "We try to be pátient with each other.")).isEmpty();
			assertThat(notes("es", "Los diagnosticadores")).isEmpty();
			assertThat(LanguageCheck.fold("Diagnóstico ÑANDÚ")).isEqualTo("diagnostico nandu");
		}

		@Test
		void theDefaultQuestionnaireStillDrawsNoNote() {
			QuestionnaireCheck standard = QuestionnaireFiles.resolve("peer-support-principles").orElseThrow();
			assertThat(standard.valid()).isTrue();
			assertThat(standard.notes()).isEmpty();
		}

	}

	@Nested
	class InAQuestionnaire {

		private static final String YAML = """
				id: words
				version: 1
				languages: [en, es]
				title: {en: "Words", es: "Palabras"}
				scales:
				  agree:
				    options:
				      - {value: 1, label: {en: "No", es: "No"}}
				      - {value: 2, label: {en: "Yes", es: "Sí"}}
				    not-sure: {en: "Not sure", es: "No lo sé"}
				principles:
				  - id: first
				    title: {en: "First", es: "Primero"}
				    about:
				      en: "We are not patients here."
				      es: "Aquí no somos pacientes."
				    items:
				      - {id: fi-1, type: scale, scale: agree, text: {en: "Our clients feel heard.", es: "Los clientes se sienten escuchados."}}
				""";

		@Test
		void notesNeverMakeAQuestionnaireInvalid() {
			QuestionnaireCheck result = QuestionnaireReader.read(FILE, YAML.getBytes(StandardCharsets.UTF_8));
			assertThat(result.errors()).isEmpty();
			assertThat(result.valid()).isTrue();
			assertThat(result.questionnaire()).isNotNull();
			assertThat(result.notes()).extracting(Finding::line).containsExactly(15, 18, 18);
			assertThat(result.notes()).extracting(Finding::message)
				.anySatisfy(m -> assertThat(m).contains("principle 'first' about (en)", "\"patients\""))
				.anySatisfy(m -> assertThat(m).contains("item fi-1 text (en)", "\"clients\""))
				.anySatisfy(m -> assertThat(m).contains("item fi-1 text (es)", "\"clientes\""));
		}

		@Test
		void aQuestionnaireWithErrorsGetsErrorsOnlyNotNotes() {
			String broken = YAML.replace("version: 1", "version: one");
			QuestionnaireCheck result = QuestionnaireReader.read(FILE, broken.getBytes(StandardCharsets.UTF_8));
			assertThat(result.valid()).isFalse();
			assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(2));
			assertThat(result.notes()).isEmpty();
		}

	}

}
