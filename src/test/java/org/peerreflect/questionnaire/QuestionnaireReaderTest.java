package org.peerreflect.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a questionnaire file, rule by rule (DESIGN section 5, "Questionnaire"). */
class QuestionnaireReaderTest {

	private static final String FILE = "questionnaires/tiny.yaml";

	/**
	 * A small valid questionnaire. The tests below change one line of it (keeping the
	 * line count where they can), so every finding's line is known: the numbers in the
	 * comments are the lines.
	 */
	static final String TINY = org.peerreflect.testing.Questionnaires.TINY;

	private static final int LINES = 26;

	/** TINY with line {@code number} (1-based) replaced by {@code replacement}. */
	static String withLine(int number, String replacement) {
		List<String> lines = new ArrayList<>(Arrays.asList(TINY.split("\n", -1)));
		lines.set(number - 1, replacement);
		return String.join("\n", lines);
	}

	/** TINY with {@code more} added as line 27 on. */
	static String withEnding(String more) {
		return TINY + more + "\n";
	}

	static QuestionnaireCheck read(String yaml) {
		return QuestionnaireReader.read(FILE, yaml.getBytes(StandardCharsets.UTF_8));
	}

	/** The one error the file has, after checking it left no questionnaire behind. */
	static Finding onlyError(QuestionnaireCheck check) {
		assertThat(check.valid()).isFalse();
		assertThat(check.questionnaire()).isNull();
		assertThat(check.errors()).hasSize(1);
		assertThat(check.notes()).isEmpty();
		Finding error = check.errors().get(0);
		assertThat(error.file()).isEqualTo(FILE);
		return error;
	}

	@Test
	void theTinyQuestionnaireUsedBelowIsValid() {
		assertThat(TINY.split("\n")).hasSize(LINES);
		QuestionnaireCheck check = read(TINY);
		assertThat(check.errors()).isEmpty();
		assertThat(check.valid()).isTrue();
		Questionnaire q = check.questionnaire();
		assertThat(q.id()).isEqualTo("tiny");
		assertThat(q.version()).isEqualTo(1);
		assertThat(q.languages()).containsExactly("en", "es");
		assertThat(q.items()).extracting(Item::id).containsExactly("fi-1", "fi-say", "se-1");
		assertThat(q.item("fi-1").orElseThrow().scale().id()).isEqualTo("agree");
		assertThat(q.item("fi-say").orElseThrow().isScale()).isFalse();
		assertThat(q.perspective().options()).extracting(Perspective.Option::group).containsExactly(true, false);
		assertThat(q.title().in("es")).isEqualTo("Pequeño");
	}

	@Nested
	class Syntax {

		@Test
		void badYamlSyntaxIsReportedOnItsLine() {
			Finding error = onlyError(read(withLine(12, "  id: role: extra")));
			assertThat(error.line()).isEqualTo(12);
			assertThat(error.message()).contains("not valid YAML");
			assertThat(error.toString()).startsWith(FILE + ":12: ");
		}

		@Test
		void anEmptyFileIsReportedOnLineOne() {
			Finding error = onlyError(read(""));
			assertThat(error.line()).isEqualTo(1);
			assertThat(error.message()).contains("empty");
		}

		@Test
		void yamlAnchorsAreRefused() {
			Finding error = onlyError(read(withLine(19, "    title: &t {en: \"First\", es: \"Primero\"}")));
			assertThat(error.line()).isEqualTo(19);
			assertThat(error.message()).contains("anchors", "&t", "not allowed");
		}

		@Test
		void yamlAliasesAreRefused() {
			Finding error = onlyError(read(withLine(24, "    title: *t")));
			assertThat(error.line()).isEqualTo(24);
			assertThat(error.message()).contains("aliases", "*t", "not allowed");
		}

		@Test
		void deeplyNestedYamlIsRefused() {
			String deep = "extra: " + "[".repeat(40) + "1" + "]".repeat(40);
			Finding error = onlyError(read(withEnding(deep)));
			assertThat(error.line()).isEqualTo(LINES + 1);
			assertThat(error.message()).contains("nested more deeply");
		}

		@Test
		void nestingJustPastTheLimitIsRefusedButTheLimitItselfIsNot() {
			// The top-level mapping is one level; the list brackets add the rest.
			int limit = QuestionnaireReader.MAX_DEPTH;
			Finding error = onlyError(read(withEnding("extra: " + "[".repeat(limit) + "1" + "]".repeat(limit))));
			assertThat(error.message()).contains("nested more deeply");
			// At the limit, the depth check stays quiet and the field is refused for what
			// it is.
			Finding unknown = onlyError(
					read(withEnding("extra: " + "[".repeat(limit - 1) + "1" + "]".repeat(limit - 1))));
			assertThat(unknown.message()).contains("unknown field 'extra'");
		}

	}

	@Nested
	class Size {

		@Test
		void bytesOverOneMegabyteAreRefusedWithoutReadingThem() {
			byte[] bytes = new byte[QuestionnaireReader.MAX_BYTES + 1];
			Arrays.fill(bytes, (byte) '#');
			Finding error = onlyError(QuestionnaireReader.read(FILE, bytes));
			assertThat(error.line()).isZero();
			assertThat(error.message()).contains("larger than 1 MB");
			assertThat(error.toString()).isEqualTo(FILE + ": " + error.message());
		}

		@Test
		void exactlyOneMegabyteIsStillRead() {
			byte[] yaml = TINY.getBytes(StandardCharsets.UTF_8);
			byte[] bytes = new byte[QuestionnaireReader.MAX_BYTES];
			Arrays.fill(bytes, (byte) ' ');
			System.arraycopy(yaml, 0, bytes, 0, yaml.length);
			for (int i = yaml.length; i < bytes.length; i += 80) { // the rest is comment
																	// lines
				bytes[i] = '#';
				bytes[Math.min(i + 79, bytes.length - 1)] = '\n';
			}
			assertThat(bytes).hasSize(QuestionnaireReader.MAX_BYTES);
			QuestionnaireCheck check = QuestionnaireReader.read(FILE, bytes);
			assertThat(check.errors()).isEmpty();
			assertThat(check.valid()).isTrue();
		}

		@Test
		void aFileOverOneMegabyteIsRefused(@TempDir Path folder) throws IOException {
			Path big = folder.resolve("big.yaml");
			byte[] bytes = new byte[QuestionnaireReader.MAX_BYTES + 1];
			Arrays.fill(bytes, (byte) '#');
			Files.write(big, bytes);
			QuestionnaireCheck check = QuestionnaireReader.read(big);
			assertThat(check.valid()).isFalse();
			assertThat(check.questionnaire()).isNull();
			assertThat(check.errors()).singleElement().satisfies(error -> {
				assertThat(error.file()).isEqualTo(big.toString());
				assertThat(error.line()).isZero();
				assertThat(error.message()).contains("larger than 1 MB");
			});
		}

		@Test
		void aFileThatCannotBeReadIsAFindingNotAnException(@TempDir Path folder) {
			QuestionnaireCheck check = QuestionnaireReader.read(folder.resolve("missing.yaml"));
			assertThat(check.valid()).isFalse();
			assertThat(check.errors()).singleElement()
				.satisfies(error -> assertThat(error.message()).contains("cannot read the file"));
		}

	}

	@Nested
	class Encoding {

		@Test
		void aFileThatIsNotUtf8IsReportedOnTheLineOfItsFirstBadByte() {
			// windows-1252: é is the single byte 0xE9, which is never valid UTF-8 on its
			// own.
			// Line 3 has the first one; lines 4 and 9 (ñ, í) have more.
			String yaml = withLine(3, "languages: [en, es]   # written at the café");
			byte[] bytes = yaml.getBytes(Charset.forName("windows-1252"));
			Finding error = onlyError(QuestionnaireReader.read(FILE, bytes));
			assertThat(error.line()).isEqualTo(3);
			assertThat(error.message()).contains("not UTF-8", "windows-1252");
		}

		@Test
		void aUtf8ByteOrderMarkIsAllowed() {
			byte[] yaml = TINY.getBytes(StandardCharsets.UTF_8);
			byte[] bytes = new byte[yaml.length + 3];
			bytes[0] = (byte) 0xEF;
			bytes[1] = (byte) 0xBB;
			bytes[2] = (byte) 0xBF;
			System.arraycopy(yaml, 0, bytes, 3, yaml.length);
			QuestionnaireCheck check = QuestionnaireReader.read(FILE, bytes);
			assertThat(check.errors()).isEmpty();
			assertThat(check.questionnaire().id()).isEqualTo("tiny");
		}

	}

	@Nested
	class Fields {

		@Test
		void anUnknownFieldAtTheTopLevelIsNamedOnItsLine() {
			Finding error = onlyError(read(withEnding("colour: blue")));
			assertThat(error.line()).isEqualTo(LINES + 1);
			assertThat(error.message()).contains("the questionnaire", "unknown field 'colour'");
		}

		@Test
		void anUnknownFieldInAnItemIsNamedOnItsLine() {
			Finding error = onlyError(read(
					withLine(22, "      - {id: fi-say, type: text, colour: red, text: {en: \"Say\", es: \"Di\"}}")));
			assertThat(error.line()).isEqualTo(22);
			assertThat(error.message()).contains("item", "unknown field 'colour'");
		}

		@Test
		void aMissingRequiredFieldIsNamed() {
			Finding error = onlyError(read(withLine(2, "# no version")));
			assertThat(error.line()).isEqualTo(1);
			assertThat(error.message()).contains("missing field 'version'");
		}

		@Test
		void aFieldGivenTwiceIsNamedWithBothLines() {
			Finding error = onlyError(read(withEnding("version: 2")));
			assertThat(error.line()).isEqualTo(LINES + 1);
			assertThat(error.message()).contains("'version' is given twice", "line 2");
		}

	}

	@Nested
	class Ids {

		@Test
		void aDuplicatePrincipleIdIsReportedWithTheFirstLine() {
			Finding error = onlyError(read(withLine(23, "  - id: first")));
			assertThat(error.line()).isEqualTo(23);
			assertThat(error.message()).contains("principle 'first'", "duplicate id", "line 18");
		}

		@Test
		void aDuplicateItemIdAcrossPrinciplesIsReportedWithTheFirstLine() {
			Finding error = onlyError(read(
					withLine(26, "      - {id: fi-1, type: scale, scale: agree, text: {en: \"Two\", es: \"Dos\"}}")));
			assertThat(error.line()).isEqualTo(26);
			assertThat(error.message()).contains("item fi-1", "duplicate id", "line 21");
		}

		@Test
		void anIdWithUppercaseLettersIsRefused() {
			Finding error = onlyError(read(
					withLine(21, "      - {id: Fi-1, type: scale, scale: agree, text: {en: \"One\", es: \"Uno\"}}")));
			assertThat(error.line()).isEqualTo(21);
			assertThat(error.message()).contains("'Fi-1'", "lowercase letters, digits and dashes");
		}

		@Test
		void anIdWithASpaceIsRefused() {
			Finding error = onlyError(read(withLine(18, "  - id: first one")));
			assertThat(error.line()).isEqualTo(18);
			assertThat(error.message()).contains("principle id 'first one'", "lowercase letters, digits and dashes");
		}

		@ParameterizedTest
		@ValueSource(strings = { "perspective", "code" })
		void anItemIdThatIsTheNameOfAnAnswersColumnIsRefused(String id) {
			Finding error = onlyError(read(withLine(26,
					"      - {id: " + id + ", type: scale, scale: agree, text: {en: \"Two\", es: \"Dos\"}}")));
			assertThat(error.line()).isEqualTo(26);
			assertThat(error.message()).contains("item " + id, "column of its own", "choose another id");
		}

	}

	@Nested
	class Scales {

		@Test
		void anUnknownScaleIsNamedOnTheItemsLine() {
			Finding error = onlyError(read(
					withLine(21, "      - {id: fi-1, type: scale, scale: agree5, text: {en: \"One\", es: \"Uno\"}}")));
			assertThat(error.line()).isEqualTo(21);
			assertThat(error.message()).startsWith("item fi-1: unknown scale 'agree5'").contains("known: agree");
			assertThat(error.toString()).startsWith(FILE + ":21: item fi-1: unknown scale 'agree5'");
		}

		@Test
		void aScaleWithFewerThanTwoOptionsIsRefused() {
			Finding error = onlyError(read(withLine(9, "      # the second option is gone")));
			assertThat(error.line()).isEqualTo(8);
			assertThat(error.message()).contains("scale 'agree'", "at least two options");
		}

		@Test
		void duplicateOptionValuesAreRefused() {
			Finding error = onlyError(read(withLine(9, "      - {value: 1, label: {en: \"Yes\", es: \"Sí\"}}")));
			assertThat(error.line()).isEqualTo(9);
			assertThat(error.message()).contains("scale 'agree'", "duplicate option value '1'", "line 8");
		}

		@Test
		void aScaleWithMoreThanSevenOptionsIsRefusedOnItsOptionsLine() {
			StringBuilder options = new StringBuilder();
			for (int value = 3; value <= 8; value++) {
				options.append("\n      - {value: ")
					.append(value)
					.append(", label: {en: \"")
					.append(value)
					.append("\", es: \"")
					.append(value)
					.append("\"}}");
			}
			// Lines 8 and 9 hold options 1 and 2; six more make eight.
			Finding error = onlyError(
					read(withLine(9, "      - {value: 2, label: {en: \"Yes\", es: \"Sí\"}}" + options)));
			assertThat(error.line()).isEqualTo(8);
			assertThat(error.message()).isEqualTo("scale 'agree': a scale has at most 7 options");
		}

		@Test
		void sevenOptionsAreAllowed() {
			StringBuilder options = new StringBuilder();
			for (int value = 3; value <= 7; value++) {
				options.append("\n      - {value: ")
					.append(value)
					.append(", label: {en: \"")
					.append(value)
					.append("\", es: \"")
					.append(value)
					.append("\"}}");
			}
			QuestionnaireCheck check = read(
					withLine(9, "      - {value: 2, label: {en: \"Yes\", es: \"Sí\"}}" + options));
			assertThat(check.errors()).isEmpty();
			assertThat(check.questionnaire().scales().get("agree").options()).hasSize(7);
		}

		@Test
		void notSureIsRefusedAsAnOptionValue() {
			Finding error = onlyError(read(withLine(9, "      - {value: not-sure, label: {en: \"Yes\", es: \"Sí\"}}")));
			assertThat(error.line()).isEqualTo(9);
			assertThat(error.message()).contains("'not-sure' is kept for", "another value");
		}

	}

	@Nested
	class Texts {

		@Test
		void aTextWithoutOneOfTheLanguagesIsRefused() {
			Finding error = onlyError(
					read(withLine(21, "      - {id: fi-1, type: scale, scale: agree, text: {en: \"One\"}}")));
			assertThat(error.line()).isEqualTo(21);
			assertThat(error.message()).contains("item fi-1 text", "missing the 'es' text");
		}

		@Test
		void anEmptyTextIsRefused() {
			Finding error = onlyError(
					read(withLine(22, "      - {id: fi-say, type: text, text: {en: \"\", es: \"Di\"}}")));
			assertThat(error.line()).isEqualTo(22);
			assertThat(error.message()).contains("item fi-say text", "'en' text is empty");
		}

		@Test
		void aTextOfOnlySpacesIsEmptyToo() {
			Finding error = onlyError(read(withLine(19, "    title: {en: \"First\", es: \"   \"}")));
			assertThat(error.line()).isEqualTo(19);
			assertThat(error.message()).contains("principle 'first' title", "'es' text is empty");
		}

		@Test
		void aTextInALanguageTheQuestionnaireDoesNotHaveIsRefused() {
			Finding error = onlyError(
					read(withLine(24, "    title: {en: \"Second\", es: \"Segundo\", fr: \"Deuxième\"}")));
			assertThat(error.line()).isEqualTo(24);
			assertThat(error.message()).contains("'fr' is not one of the questionnaire's languages");
		}

	}

	@Nested
	class Perspectives {

		@Test
		void groupThatIsNeitherTrueNorFalseIsRefused() {
			Finding error = onlyError(read(withLine(16,
					"    - {value: prefer-not-to-say, group: maybe, label: {en: \"Rather not say\", es: \"Prefiero no decirlo\"}}")));
			assertThat(error.line()).isEqualTo(16);
			assertThat(error.message()).contains("perspective option 'prefer-not-to-say'",
					"group should be false, true or a name per language");
		}

		/**
		 * A group may carry its own name for reports, in every language; the answer's
		 * words stay for the form.
		 */
		@Test
		void aGroupMayBeNamedForReportsInEveryLanguage() {
			QuestionnaireCheck check = read(withLine(15,
					"    - {value: member, label: {en: \"A member\", es: \"Miembro\"}, group: {en: \"Members\", es: \"Miembros\"}}"));
			assertThat(check.errors()).isEmpty();
			Perspective.Option member = check.questionnaire().perspective().options().get(0);
			assertThat(member.group()).isTrue();
			assertThat(member.label().in("en")).isEqualTo("A member");
			assertThat(member.groupName().in("es")).isEqualTo("Miembros");
			// Without a name, a group is called by its answer's words.
			Perspective.Option plain = read(TINY).questionnaire().perspective().options().get(0);
			assertThat(plain.groupName().in("en")).isEqualTo("Member");

			Finding missing = onlyError(read(withLine(15,
					"    - {value: member, label: {en: \"A member\", es: \"Miembro\"}, group: {en: \"Members\"}}")));
			assertThat(missing.line()).isEqualTo(15);
			assertThat(missing.message()).contains("perspective option 'member' group name", "'es'");
		}

		@Test
		void groupTrueIsAccepted() {
			QuestionnaireCheck check = read(withLine(16,
					"    - {value: prefer-not-to-say, group: true, label: {en: \"Rather not say\", es: \"Prefiero no decirlo\"}}"));
			assertThat(check.errors()).isEmpty();
			assertThat(check.questionnaire().perspective().options()).extracting(Perspective.Option::group)
				.containsExactly(true, true);
		}

	}

	/**
	 * A statement may carry a question for the meeting, in every language; a written
	 * question may not.
	 */
	@Test
	void aStatementMayCarryAQuestionForTheMeeting() {
		QuestionnaireCheck check = read(
				withLine(21, "      - {id: fi-1, type: scale, scale: agree, text: {en: \"One\", es: \"Uno\"}, "
						+ "prompt: {en: \"What would help?\", es: \"¿Qué ayudaría?\"}}"));
		assertThat(check.errors()).isEmpty();
		Item item = check.questionnaire().principles().get(0).items().get(0);
		assertThat(item.prompt().in("es")).isEqualTo("¿Qué ayudaría?");
		assertThat(read(TINY).questionnaire().principles().get(0).items().get(0).prompt()).isNull();

		Finding onText = onlyError(
				read(withLine(22, "      - {id: fi-say, type: text, text: {en: \"Say\", es: \"Di\"}, "
						+ "prompt: {en: \"Why?\", es: \"¿Por qué?\"}}")));
		assertThat(onText.line()).isEqualTo(22);
		assertThat(onText.message()).contains("item fi-say: a text item has no prompt");
	}

	@Test
	void everyProblemIsReportedAtOnceInLineOrder() {
		String yaml = withLine(9, "      - {value: 1, label: {en: \"Yes\", es: \"Sí\"}}");
		yaml = yaml.replace("scale: agree, text: {en: \"One\"", "scale: agree5, text: {en: \"One\"");
		yaml = yaml.replace("  - id: second", "  - id: first");
		QuestionnaireCheck check = read(yaml);
		assertThat(check.valid()).isFalse();
		assertThat(check.errors()).extracting(Finding::line).containsExactly(9, 21, 23);
	}

	@Nested
	class TheDefaultQuestionnaire {

		private final QuestionnaireCheck check = QuestionnaireFiles.resolve("peer-support-principles").orElseThrow();

		@Test
		void isValid() {
			assertThat(check.errors()).isEmpty();
			assertThat(check.valid()).isTrue();
			assertThat(check.questionnaire().id()).isEqualTo("peer-support-principles");
		}

		@Test
		void hasSixPrinciplesEachWithThreeToFiveScaleItemsAndOneTextItem() {
			List<Principle> principles = check.questionnaire().principles();
			assertThat(principles).hasSize(6);
			assertThat(principles).allSatisfy(principle -> {
				long scale = principle.items().stream().filter(Item::isScale).count();
				long text = principle.items().stream().filter(item -> item.type() == Item.Type.TEXT).count();
				assertThat(scale).as(principle.id()).isBetween(3L, 5L);
				assertThat(text).as(principle.id()).isEqualTo(1);
			});
		}

		@Test
		void hasOneScaleOfFiveOptionsPlusNotSure() {
			assertThat(check.questionnaire().scales()).hasSize(1);
			Scale scale = check.questionnaire().scales().values().iterator().next();
			assertThat(scale.options()).extracting(Scale.Option::value).containsExactly("1", "2", "3", "4", "5");
			assertThat(scale.notSure().byLanguage()).containsKeys("en", "es");
			assertThat(check.questionnaire().items()).filteredOn(Item::isScale)
				.allSatisfy(item -> assertThat(item.scale()).isSameAs(scale));
		}

		@Test
		void asksThePerspectiveWithPreferNotToSayOutsideTheGroups() {
			Perspective perspective = check.questionnaire().perspective();
			assertThat(perspective).isNotNull();
			assertThat(perspective.options()).extracting(Perspective.Option::value)
				.containsExactly("member", "staff", "volunteer", "board", "prefer-not-to-say");
			assertThat(perspective.options()).extracting(Perspective.Option::group)
				.containsExactly(true, true, true, true, false);
		}

		@Test
		void hasEveryTextInEnglishAndSpanish() {
			Questionnaire q = check.questionnaire();
			assertThat(q.languages()).containsExactly("en", "es");
			List<LocalizedText> texts = new ArrayList<>();
			texts.add(q.title());
			q.scales().values().forEach(scale -> {
				scale.options().forEach(option -> texts.add(option.label()));
				texts.add(scale.notSure());
			});
			texts.add(q.perspective().text());
			q.perspective().options().forEach(option -> texts.add(option.label()));
			q.principles().forEach(principle -> {
				texts.add(principle.title());
				texts.add(principle.about());
				principle.items().forEach(item -> texts.add(item.text()));
			});
			assertThat(texts).allSatisfy(text -> {
				assertThat(text.byLanguage()).containsOnlyKeys("en", "es");
				assertThat(text.byLanguage().values()).allSatisfy(value -> assertThat(value).isNotBlank());
			});
		}

		@Test
		void drawsNoLanguageNotes() {
			assertThat(check.notes()).isEmpty();
		}

	}

	@Nested
	class Resolving {

		@Test
		void findsABundledQuestionnaireByItsId() {
			Optional<QuestionnaireCheck> check = QuestionnaireFiles.resolve("peer-support-principles");
			assertThat(check).get().satisfies(c -> {
				assertThat(c.valid()).isTrue();
				assertThat(c.file()).isEqualTo("questionnaires/peer-support-principles.yaml");
			});
		}

		@Test
		void findsItByItsPathInTheRepository() {
			Optional<QuestionnaireCheck> check = QuestionnaireFiles
				.resolve("questionnaires/peer-support-principles.yaml");
			assertThat(check).get().satisfies(c -> {
				assertThat(c.valid()).isTrue();
				assertThat(c.questionnaire().id()).isEqualTo("peer-support-principles");
			});
		}

		@Test
		void fallsBackToTheBundledCopyForTheRepositoryPathOrABareName() {
			for (String name : List.of("questionnaires/peer-support-principles.yaml", "peer-support-principles.yaml",
					"peer-support-principles")) {
				assertThat(QuestionnaireFiles.resolve(name)).as(name).get().satisfies(c -> {
					assertThat(c.valid()).isTrue();
					assertThat(c.file()).isEqualTo("questionnaires/peer-support-principles.yaml");
				});
			}
		}

		@Test
		void neverFallsBackWhenAPathInAnotherFolderIsNotThere(@TempDir Path elsewhere) {
			// A mistyped path must not quietly become the bundled questionnaire of the
			// same file name.
			assertThat(QuestionnaireFiles.resolve("/nonexistent/dir/peer-support-principles.yaml")).isEmpty();
			assertThat(QuestionnaireFiles.resolve(elsewhere.resolve("peer-support-principles.yaml").toString()))
				.isEmpty();
			assertThat(QuestionnaireFiles
				.resolve(elsewhere.resolve("questionnaires/peer-support-principles.yaml").toString())).isEmpty();
			assertThat(QuestionnaireFiles.resolve("other/questionnaires/peer-support-principles.yaml")).isEmpty();
			assertThat(QuestionnaireFiles.resolve("questionaires/peer-support-principles.yaml")).isEmpty();
		}

		@Test
		void findsItFromAnotherWorkingDirectory(@TempDir Path elsewhere) throws Exception {
			// A fresh JVM started in an empty folder, with the test class path: no
			// questionnaires/ here.
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process process = new ProcessBuilder(java, "-cp", classPath(), ResolveFromHere.class.getName(),
					"questionnaires/peer-support-principles.yaml")
				.directory(elsewhere.toFile())
				.redirectErrorStream(true)
				.start();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			assertThat(process.exitValue()).as(output).isZero();
			assertThat(output)
				.isEqualTo("valid peer-support-principles from questionnaires/peer-support-principles.yaml");
		}

		@Test
		void findsNothingForAnUnknownName() {
			assertThat(QuestionnaireFiles.resolve("no-such-questionnaire")).isEmpty();
			assertThat(QuestionnaireFiles.resolve("questionnaires/no-such-questionnaire.yaml")).isEmpty();
		}

		@Test
		void readsAFileThatExistsAtThePathGiven(@TempDir Path folder) throws IOException {
			Path file = folder.resolve("peer-support-principles.yaml");
			Files.writeString(file, TINY);
			assertThat(QuestionnaireFiles.resolve(file.toString())).get().satisfies(c -> {
				assertThat(c.file()).isEqualTo(file.toString());
				assertThat(c.questionnaire().id()).isEqualTo("tiny");
			});
		}

		/**
		 * The class path of this JVM, made absolute, for a JVM started in another folder.
		 */
		private static String classPath() {
			List<String> entries = new ArrayList<>();
			for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
				entries.add(Path.of(entry).toAbsolutePath().toString());
			}
			return String.join(File.pathSeparator, entries);
		}

	}

	/** Run in a separate JVM by {@link Resolving#findsItFromAnotherWorkingDirectory}. */
	static final class ResolveFromHere {

		public static void main(String[] args) {
			Optional<QuestionnaireCheck> check = QuestionnaireFiles.resolve(args[0]);
			if (check.isEmpty()) {
				System.out.println("not found");
				System.exit(3);
			}
			QuestionnaireCheck c = check.get();
			System.out.println(
					(c.valid() ? "valid " + c.questionnaire().id() : "invalid " + c.errors()) + " from " + c.file());
		}

	}

}
