package org.peerreflect.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCheck;
import org.peerreflect.questionnaire.QuestionnaireReader;

/** Reading an answers file, rule by rule (DESIGN section 5, "Answers"). */
class AnswersCsvTest {

	private static final String FILE = "answers.csv";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/**
	 * Two scale items and a text item on a three-option scale, and a perspective
	 * question.
	 */
	private static final String SMALL = """
			id: small
			version: 3
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
			    - {value: prefer-not-to-say, group: false, label: {en: "Prefer not to say"}}
			principles:
			  - id: a
			    title: {en: "A"}
			    items:
			      - {id: a-1, type: scale, scale: three, text: {en: "First"}}
			      - {id: a-2, type: scale, scale: three, text: {en: "Second"}}
			      - {id: a-say, type: text, text: {en: "Say more"}}
			""";

	private static final Questionnaire QUESTIONNAIRE = questionnaire(SMALL);

	private static Questionnaire questionnaire(String yaml) {
		QuestionnaireCheck check = QuestionnaireReader.read("small.yaml", yaml.getBytes(StandardCharsets.UTF_8));
		if (!check.valid()) {
			throw new IllegalStateException(check.errors().toString());
		}
		return check.questionnaire();
	}

	/** What one read gave: the result and every row the consumer was handed. */
	private record Read(AnswersCsv.Result result, List<AnswerRow> rows) {

		AnswersProblem onlyProblem() {
			assertThat(result.ok()).isFalse();
			assertThat(result.problems()).hasSize(1);
			AnswersProblem problem = result.problems().get(0);
			assertThat(problem.file()).isEqualTo(FILE);
			return problem;
		}

		AnswerRow onlyRow() {
			assertThat(result.problems()).isEmpty();
			assertThat(result.ok()).isTrue();
			assertThat(rows).hasSize(1);
			assertThat(result.rows()).isEqualTo(1);
			return rows.get(0);
		}

	}

	private static Read read(Questionnaire questionnaire, boolean codeColumn, Charset encoding, byte[] bytes) {
		List<AnswerRow> rows = new ArrayList<>();
		AnswersCsv.Result result = new AnswersCsv(questionnaire, codeColumn, encoding).read(FILE,
				new ByteArrayInputStream(bytes), rows::add);
		return new Read(result, rows);
	}

	private static Read read(String csv) {
		return read(QUESTIONNAIRE, false, StandardCharsets.UTF_8, csv.getBytes(StandardCharsets.UTF_8));
	}

	private static Read readWithCodes(String csv) {
		return read(QUESTIONNAIRE, true, StandardCharsets.UTF_8, csv.getBytes(StandardCharsets.UTF_8));
	}

	@Nested
	class Format {

		@Test
		void commaIsTheSeparatorWhenTheHeaderUsesIt() {
			AnswerRow row = read("a-1,a-2,a-say\n1,3,fine; thanks\n").onlyRow();
			assertThat(row.row()).isEqualTo(2);
			assertThat(row.answers()).containsExactly(entry("a-1", "1"), entry("a-2", "3"));
			assertThat(row.written()).containsExactly(entry("a-say", "fine; thanks"));
		}

		@Test
		void semicolonIsTheSeparatorWhenTheHeaderUsesIt() {
			AnswerRow row = read("a-1;a-2;a-say\n1;3;fine, thanks\n").onlyRow();
			assertThat(row.answers()).containsExactly(entry("a-1", "1"), entry("a-2", "3"));
			assertThat(row.written()).containsExactly(entry("a-say", "fine, thanks"));
		}

		@Test
		void aByteOrderMarkIsSkipped() {
			AnswerRow row = read("\uFEFFa-1,a-2\n2,3\n").onlyRow();
			assertThat(row.answers()).containsExactly(entry("a-1", "2"), entry("a-2", "3"));
		}

		@Test
		void crlfLineEndsAreRead() {
			Read read = read("a-1,a-say\r\n1,hello\r\n2,there\r\n");
			assertThat(read.result().ok()).isTrue();
			assertThat(read.rows()).extracting(AnswerRow::row).containsExactly(2L, 3L);
			assertThat(read.rows()).extracting(r -> r.written().get("a-say")).containsExactly("hello", "there");
			assertThat(read.rows()).extracting(r -> r.answers().get("a-1")).containsExactly("1", "2");
		}

		@Test
		void aQuotedTextCellMayHoldNewlinesQuotesAndSeparators() {
			Read read = read("a-1,a-say\n1,\"line one,\nline \"\"two\"\"\"\n2,next\n");
			assertThat(read.result().ok()).isTrue();
			assertThat(read.rows()).hasSize(2);
			assertThat(read.rows().get(0).written()).containsExactly(entry("a-say", "line one,\nline \"two\""));
			// Rows count as a spreadsheet shows them: the cell with a newline is still
			// one row.
			assertThat(read.rows()).extracting(AnswerRow::row).containsExactly(2L, 3L);
		}

		@Test
		void columnsMayComeInAnyOrder() {
			AnswerRow row = read("a-say,perspective,a-2,a-1\nhello,staff,3,1\n").onlyRow();
			assertThat(row.answers()).containsOnly(entry("a-1", "1"), entry("a-2", "3"));
			assertThat(row.written()).containsExactly(entry("a-say", "hello"));
			assertThat(row.perspective()).isEqualTo("staff");
		}

		@Test
		void thePerspectiveColumnIsOptional() {
			assertThat(read("a-1\n2\n").onlyRow().perspective()).isNull();
			assertThat(read("a-1,perspective\n2,member\n").onlyRow().perspective()).isEqualTo("member");
			assertThat(read("a-1,perspective\n2,\n").onlyRow().perspective()).isNull();
			assertThat(read("a-1,perspective\n2,prefer-not-to-say\n").onlyRow().perspective())
				.isEqualTo("prefer-not-to-say");
		}

		@Test
		void anEmptyCellIsASkippedItem() {
			AnswerRow row = read("a-1,a-2,a-say\n,2,\n").onlyRow();
			assertThat(row.answers()).containsExactly(entry("a-2", "2"));
			assertThat(row.written()).isEmpty();
			AnswerRow blank = read("a-1,a-2,a-say\n  ,2,   \n").onlyRow();
			assertThat(blank.answers()).containsExactly(entry("a-2", "2"));
			assertThat(blank.written()).isEmpty();
		}

		@Test
		void notSureIsAnAnswer() {
			AnswerRow row = read("a-1,a-2\nnot-sure,1\n").onlyRow();
			assertThat(row.answers()).containsExactly(entry("a-1", "not-sure"), entry("a-2", "1"));
		}

		@Test
		void aHeaderWithoutRowsIsAFileWithNoAnswers() {
			Read read = read("a-1,a-2,a-say\n");
			assertThat(read.result().ok()).isTrue();
			assertThat(read.result().rows()).isZero();
			assertThat(read.rows()).isEmpty();
		}

		@Test
		void aHeaderLongerThanTheOldMarkLimitIsStillRead() {
			// Past 64K characters the header used to fail with "Mark invalid".
			AnswerRow row = read("a-1" + " ".repeat(100_000) + ",a-2\n1,2\n").onlyRow();
			assertThat(row.answers()).containsExactly(entry("a-1", "1"), entry("a-2", "2"));
		}

		@Test
		void blankLinesBeforeTheHeaderAreSkippedButStillCountAsRows() {
			AnswerRow row = read("\n  \r\na-1,a-2\n1,2\n").onlyRow();
			assertThat(row.row()).isEqualTo(4);
			assertThat(row.answers()).containsExactly(entry("a-1", "1"), entry("a-2", "2"));
			AnswersProblem header = read("\n\na-1,xx\n1,2\n").onlyProblem();
			assertThat(header.row()).isEqualTo(3);
			assertThat(header.column()).isEqualTo("B (xx)");
			assertThat(read("\n\na-1,a-2\n1,2\n3,9\n").onlyProblem().row()).isEqualTo(5);
		}

		@Test
		void aBlankLineIsSkippedInAOneColumnFileToo() {
			Read read = read("a-1\n1\n\n2\n   \n\n");
			assertThat(read.result().ok()).isTrue();
			assertThat(read.result().rows()).isEqualTo(2);
			assertThat(read.rows()).extracting(AnswerRow::row).containsExactly(2L, 4L);
			assertThat(read("a-say\nhello\r\n\r\nthere\r\n").rows()).extracting(AnswerRow::row).containsExactly(2L, 4L);
		}

		@Test
		void aLineHoldingOnlyAQuotedEmptyCellIsAPersonWhoSkippedTheItem() {
			Read read = read("a-1\n1\n\"\"\n");
			assertThat(read.result().ok()).isTrue();
			assertThat(read.result().rows()).isEqualTo(2);
			assertThat(read.rows().get(1).answers()).isEmpty();
			assertThat(read.rows().get(1).row()).isEqualTo(3);
		}

		@Test
		void theTemplateHeaderListsCodeItemsThenPerspective() {
			assertThat(AnswersCsv.header(QUESTIONNAIRE, false)).containsExactly("a-1", "a-2", "a-say", "perspective");
			assertThat(AnswersCsv.header(QUESTIONNAIRE, true)).containsExactly("code", "a-1", "a-2", "a-say",
					"perspective");
		}

	}

	@Nested
	class Problems {

		@Test
		void anUnknownColumnIsNamedByRowOneAndItsLetterAndName() {
			Read read = read("a-1,a-2,xx\n1,2,3\n");
			AnswersProblem problem = read.onlyProblem();
			assertThat(problem.row()).isEqualTo(1);
			assertThat(problem.column()).isEqualTo("C (xx)");
			assertThat(problem.message()).contains("unknown column 'xx'", "small version 3");
			assertThat(problem.toString()).startsWith(FILE + ": row 1, column C (xx): unknown column 'xx'");
			assertThat(read.rows()).isEmpty();
		}

		@Test
		void aColumnGivenTwiceIsNamed() {
			AnswersProblem problem = read("a-1,a-1\n1,2\n").onlyProblem();
			assertThat(problem.row()).isEqualTo(1);
			assertThat(problem.column()).isEqualTo("B (a-1)");
			assertThat(problem.message()).contains("appears twice");
		}

		@Test
		void aPerspectiveColumnIsRefusedWhenTheQuestionnaireAsksNoPerspective() {
			Questionnaire without = questionnaire(SMALL.replaceAll("(?s)perspective:.*?(?=principles:)", ""));
			assertThat(without.perspective()).isNull();
			Read read = read(without, false, StandardCharsets.UTF_8,
					"a-1,perspective\n1,member\n".getBytes(StandardCharsets.UTF_8));
			AnswersProblem problem = read.onlyProblem();
			assertThat(problem.column()).isEqualTo("B (perspective)");
			assertThat(problem.row()).isEqualTo(1);
			assertThat(problem.message())
				.isEqualTo("this questionnaire asks no perspective; remove the 'perspective' column");
		}

		@Test
		void blankLinesAreSkippedButStillCountAsSpreadsheetRows() {
			Read read = read("a-1,a-2\n1,2\n\n3,9\n");
			AnswersProblem problem = read.onlyProblem();
			assertThat(problem.row()).isEqualTo(4);
			assertThat(read("a-1,a-2\n1,2\n\n\n3,3\n").result().rows()).isEqualTo(2);
		}

		@Test
		void anUnknownScaleValueIsNamedByItsRowAndColumn() {
			Read read = read("a-1,a-2\n1,2\n3,7\n2,2\n");
			AnswersProblem problem = read.onlyProblem();
			assertThat(problem.row()).isEqualTo(3);
			assertThat(problem.column()).isEqualTo("B (a-2)");
			assertThat(problem.message()).contains("'7' is not an answer to a-2", "1, 2, 3, not-sure");
			assertThat(problem.toString()).startsWith(FILE + ": row 3, column B (a-2): ");
		}

		@Test
		void anUnknownPerspectiveIsNamedByItsRowAndColumn() {
			AnswersProblem problem = read("a-1,perspective\n1,member\n2,guest\n").onlyProblem();
			assertThat(problem.row()).isEqualTo(3);
			assertThat(problem.column()).isEqualTo("B (perspective)");
			assertThat(problem.message()).contains("'guest' is not a perspective", "member, staff, prefer-not-to-say");
		}

		@Test
		void aRowWithTooFewOrTooManyCellsIsNamed() {
			AnswersProblem tooFew = read("a-1,a-2\n1,2\n1\n").onlyProblem();
			assertThat(tooFew.row()).isEqualTo(3);
			assertThat(tooFew.message()).contains("1 cells", "header has 2");
			AnswersProblem tooMany = read("a-1,a-2\n1,2,3\n").onlyProblem();
			assertThat(tooMany.row()).isEqualTo(2);
			assertThat(tooMany.message()).contains("3 cells", "header has 2");
		}

		@Test
		void aBrokenQuoteIsNamedByItsRow() {
			AnswersProblem unclosed = read("a-1,a-say\n1,ok\n2,\"never closed\n").onlyProblem();
			assertThat(unclosed.row()).isEqualTo(3);
			assertThat(unclosed.message()).contains("cannot be read as CSV", "quotes");
			AnswersProblem stray = read("a-1,a-say\n1,\"quoted\"then more\n").onlyProblem();
			assertThat(stray.row()).isEqualTo(2);
			assertThat(stray.message()).contains("cannot be read as CSV", "quotes");
			// The parser's own words, without the name of its exception class.
			assertThat(stray.message()).startsWith("the row cannot be read as CSV (Invalid character")
				.doesNotContain("Exception", "org.apache");
			assertThat(unclosed.message()).doesNotContain("Exception", "org.apache");
		}

		@Test
		void anyProblemMakesTheWholeFileNotOkAndStopsTheRows() {
			Read read = read("a-1,a-2\n1,1\n2,2\n9,3\n3,3\n1,x\n2,1\n");
			assertThat(read.result().ok()).isFalse();
			assertThat(read.result().problems()).extracting(AnswersProblem::row).containsExactly(4L, 6L);
			// Rows before the first problem may have gone out; none after it did.
			assertThat(read.rows()).extracting(AnswerRow::row).containsExactly(2L, 3L);
		}

		@Test
		void manyProblemsAreSummedUpAfterFifty() {
			StringBuilder csv = new StringBuilder("a-1\n");
			for (int i = 0; i < 80; i++) {
				csv.append("9\n");
			}
			AnswersCsv.Result result = read(csv.toString()).result();
			assertThat(result.ok()).isFalse();
			assertThat(result.problems()).hasSize(AnswersCsv.MAX_LISTED + 1);
			// The caller says that nothing was used.
			assertThat(result.problems().get(AnswersCsv.MAX_LISTED).message())
				.isEqualTo("and more problems after these");
		}

		@Test
		void aLongCellIsCutInTheMessageSoAWrittenAnswerIsNotPrinted() {
			AnswersProblem answer = read("a-1,a-say\nWe felt really listened to this year,fine\n").onlyProblem();
			assertThat(answer.message()).startsWith("'We felt really list…' is not an answer to a-1")
				.doesNotContain("listened", "this year");
			AnswersProblem perspective = read("a-1,perspective\n1,\"a member, and\nalso a friend of the staff\"\n")
				.onlyProblem();
			assertThat(perspective.message()).startsWith("'a member, and also …' is not a perspective")
				.doesNotContain("friend", "\n");
			// Twenty characters are shown whole.
			assertThat(read("a-1\n12345678901234567890\n").onlyProblem().message())
				.startsWith("'12345678901234567890' is not an answer");
			assertThat(RowReader.echo("x".repeat(21))).hasSize(RowReader.MAX_ECHOED).endsWith("…");
		}

		@Test
		void aFirstRowLongerThanTheLimitIsNamedClearly() {
			Read read = read("a-1," + "x".repeat(AnswersCsv.MAX_FIRST_ROW) + "\n1,2\n");
			AnswersProblem problem = read.onlyProblem();
			assertThat(problem.row()).isEqualTo(1);
			assertThat(problem.message())
				.contains("longer than " + AnswersCsv.MAX_FIRST_ROW + " characters",
						"the first row should only name the columns (a-1,a-2,a-say,perspective)")
				.doesNotContain("Mark", "cannot be read as CSV");
			assertThat(read.rows()).isEmpty();
		}

		@Test
		void anEmptyFileIsAProblem() {
			for (String empty : List.of("", "\n", "\uFEFF", "\n  \r\n\n")) {
				Read read = read(empty);
				AnswersProblem problem = read.onlyProblem();
				assertThat(problem.row()).isEqualTo(1);
				assertThat(problem.message()).contains("the file is empty", "a-1,a-2,a-say,perspective");
				assertThat(read.rows()).isEmpty();
			}
		}

	}

	@Nested
	class Encodings {

		private static final String CSV = "a-1,a-say\n1,Ñandú y café\n";

		@Test
		void windows1252IsRefusedAsUtf8WithAHintToNameIt() {
			Read read = read(QUESTIONNAIRE, false, StandardCharsets.UTF_8, CSV.getBytes(WINDOWS_1252));
			AnswersProblem problem = read.onlyProblem();
			// The remedy is the caller's: the command line names its flag, a page the
			// "Saved as" choice.
			assertThat(problem.message()).contains("not UTF-8", "windows-1252").doesNotContain("--");
			assertThat(problem.kind()).isEqualTo(AnswersProblem.Kind.NOT_ENCODED);
			assertThat(problem.values()).containsExactly("UTF-8");
			// The decoder reads ahead, so no row is named rather than a wrong one.
			assertThat(problem.row()).isZero();
			assertThat(problem.toString()).startsWith(FILE + ": the file is not UTF-8 text");
			assertThat(read.rows()).isEmpty();
		}

		@Test
		void aBadByteFarIntoTheFileIsStillReportedAsAnEncodingProblem() {
			StringBuilder csv = new StringBuilder("a-1,a-say\n");
			for (int i = 0; i < 2000; i++) {
				csv.append("2,plain words here\n");
			}
			csv.append("3,café\n");
			Read read = read(QUESTIONNAIRE, false, StandardCharsets.UTF_8, csv.toString().getBytes(WINDOWS_1252));
			AnswersProblem problem = read.onlyProblem();
			assertThat(problem.message()).contains("not UTF-8").doesNotContain("--");
			assertThat(problem.row()).isZero();
			assertThat(read.rows()).hasSizeLessThan(2000);
		}

		@Test
		void aNamedEncodingThatDoesNotFitIsRefusedToo() {
			// 0x81 is not a character in windows-1252.
			byte[] bytes = "a-1,a-say\n1,x\n".getBytes(StandardCharsets.US_ASCII);
			bytes[bytes.length - 2] = (byte) 0x81;
			AnswersProblem problem = read(QUESTIONNAIRE, false, WINDOWS_1252, bytes).onlyProblem();
			assertThat(problem.message()).contains("not windows-1252 text").doesNotContain("--");
			assertThat(problem.values()).containsExactly("windows-1252");
		}

		@Test
		void utf16IsNamedAsSuchWithAHintToSaveItAsCsvUtf8() {
			byte[] littleEndian = utf16("a-1,a-say\n1,café\n", StandardCharsets.UTF_16LE, 0xFF, 0xFE);
			byte[] bigEndian = utf16("a-1,a-say\n1,café\n", StandardCharsets.UTF_16BE, 0xFE, 0xFF);
			for (byte[] bytes : List.of(littleEndian, bigEndian)) {
				for (Charset encoding : List.of(StandardCharsets.UTF_8, WINDOWS_1252)) {
					Read read = read(QUESTIONNAIRE, false, encoding, bytes);
					AnswersProblem problem = read.onlyProblem();
					assertThat(problem.row()).isZero();
					assertThat(problem.message()).contains("UTF-16", "\"CSV UTF-8\"")
						.doesNotContain("windows-1252")
						.doesNotContain("--");
					assertThat(problem.kind()).isEqualTo(AnswersProblem.Kind.UTF16);
					assertThat(read.rows()).isEmpty();
				}
			}
		}

		@Test
		void utf16IsReadWhenNamed() {
			byte[] bytes = utf16(CSV, StandardCharsets.UTF_16LE, 0xFF, 0xFE);
			assertThat(read(QUESTIONNAIRE, false, StandardCharsets.UTF_16, bytes).onlyRow().written())
				.containsExactly(entry("a-say", "Ñandú y café"));
			assertThat(read(QUESTIONNAIRE, false, StandardCharsets.UTF_16LE, bytes).onlyRow().written())
				.containsExactly(entry("a-say", "Ñandú y café"));
		}

		private static byte[] utf16(String text, Charset encoding, int first, int second) {
			byte[] body = text.getBytes(encoding);
			byte[] bytes = new byte[body.length + 2];
			bytes[0] = (byte) first;
			bytes[1] = (byte) second;
			System.arraycopy(body, 0, bytes, 2, body.length);
			return bytes;
		}

		@Test
		void windows1252IsReadWhenNamed() {
			AnswerRow row = read(QUESTIONNAIRE, false, WINDOWS_1252, CSV.getBytes(WINDOWS_1252)).onlyRow();
			assertThat(row.written()).containsExactly(entry("a-say", "Ñandú y café"));
		}

		@Test
		void utf8TextComesThroughUnchanged() {
			AnswerRow row = read(CSV).onlyRow();
			assertThat(row.written()).containsExactly(entry("a-say", "Ñandú y café"));
		}

	}

	@Nested
	class Codes {

		@Test
		void theCodeColumnIsRefusedWhenTheFileHasNoCodes() {
			AnswersProblem problem = read("code,a-1\nK7P2QX,1\n").onlyProblem();
			assertThat(problem.row()).isEqualTo(1);
			assertThat(problem.column()).isEqualTo("A (code)");
			assertThat(problem.message())
				.isEqualTo("the command line takes no participation codes; remove the 'code' column");
		}

		@Test
		void theCodeColumnIsReadWhenCodesAreExpected() {
			AnswerRow row = readWithCodes("a-1,code\n1,K7P2QX\n").onlyRow();
			assertThat(row.code()).isEqualTo("K7P2QX");
			assertThat(row.answers()).containsExactly(entry("a-1", "1"));
		}

		@Test
		void anEmptyCodeCellIsNamed() {
			AnswersProblem problem = readWithCodes("a-1,code\n1,K7P2QX\n2,\n").onlyProblem();
			assertThat(problem.row()).isEqualTo(3);
			assertThat(problem.column()).isEqualTo("B (code)");
			assertThat(problem.message()).contains("participation code is missing");
		}

		@Test
		void theCodeColumnIsRequiredWhenCodesAreExpected() {
			Read read = readWithCodes("a-1,a-2\n1,2\n");
			AnswersProblem problem = read.onlyProblem();
			assertThat(problem.row()).isEqualTo(1);
			assertThat(problem.message()).contains("a column 'code' is needed");
			assertThat(read.rows()).isEmpty();
		}

	}

	/**
	 * A steward typing paper forms may type what the box says instead of its number: the
	 * option's words or "not sure", in any case, and the value is what is kept.
	 */
	@Nested
	class Words {

		private static final Questionnaire TWO_LANGUAGES = questionnaire(SMALL
			.replace("languages: [en]", "languages: [en, es]")
			.replace("{en: \"Low\"}", "{en: \"Low\", es: \"Bajo\"}")
			.replace("{en: \"Middle\"}", "{en: \"Middle\", es: \"Medio\"}")
			.replace("{en: \"High\"}", "{en: \"High\", es: \"Alto\"}")
			.replace("{en: \"Not sure\"}", "{en: \"Not sure\", es: \"No lo sé\"}")
			.replace("{en: \"Small\"}", "{en: \"Small\", es: \"Pequeño\"}")
			.replace("{en: \"I take part mostly as\"}", "{en: \"I take part mostly as\", es: \"Participo como\"}")
			.replace("{en: \"Member\"}", "{en: \"Member\", es: \"Miembro\"}")
			.replace("{en: \"Staff\"}", "{en: \"Staff\", es: \"Personal\"}")
			.replace("{en: \"Prefer not to say\"}", "{en: \"Prefer not to say\", es: \"Prefiero no decirlo\"}")
			.replace("{en: \"A\"}", "{en: \"A\", es: \"A\"}")
			.replace("{en: \"First\"}", "{en: \"First\", es: \"Primera\"}")
			.replace("{en: \"Second\"}", "{en: \"Second\", es: \"Segunda\"}")
			.replace("{en: \"Say more\"}", "{en: \"Say more\", es: \"Algo más\"}"));

		@Test
		void anOptionsWordsInAnyCaseReadAsItsValue() {
			AnswerRow row = read("a-1,a-2\n Middle ,HIGH\n").onlyRow();
			assertThat(row.answers()).containsExactly(entry("a-1", "2"), entry("a-2", "3"));
		}

		@Test
		void notSureInWordsOrAsTheValueReadsAsNotSure() {
			Read read = read("a-1,a-2\nnot sure,Not-Sure\nNOT SURE,not-sure\n");
			assertThat(read.result().ok()).isTrue();
			assertThat(read.rows()).flatExtracting(row -> row.answers().values())
				.containsExactly("not-sure", "not-sure", "not-sure", "not-sure");
		}

		@Test
		void theRoundsLanguageIsReadAndAccentsMayBeLeftOut() {
			List<AnswerRow> rows = new ArrayList<>();
			AnswersCsv.Result result = new AnswersCsv(TWO_LANGUAGES, false, StandardCharsets.UTF_8, "es").read(FILE,
					new ByteArrayInputStream("a-1,a-2,perspective\nalto,No lo se,\n,,miembro\nBajo,no lo sé,Personal\n"
						.getBytes(StandardCharsets.UTF_8)),
					rows::add);
			assertThat(result.problems()).isEmpty();
			assertThat(rows).extracting(AnswerRow::answers)
				.containsExactly(java.util.Map.of("a-1", "3", "a-2", "not-sure"), java.util.Map.of(),
						java.util.Map.of("a-1", "1", "a-2", "not-sure"));
			assertThat(rows).extracting(AnswerRow::perspective).containsExactly(null, "member", "staff");
		}

		@Test
		void wordsThatAreNoAnswerAreStillRefused() {
			AnswersProblem problem = read("a-1\nMostly\n").onlyProblem();
			assertThat(problem.kind()).isEqualTo(AnswersProblem.Kind.NOT_AN_ANSWER);
			assertThat(problem.column()).isEqualTo("A (a-1)");
		}

	}

	private static java.util.Map.Entry<String, String> entry(String key, String value) {
		return java.util.Map.entry(key, value);
	}

}
