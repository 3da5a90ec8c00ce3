package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Paper answers typed into a CSV: each row uses up one code of the round, all rows or
 * none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaperImportTest {

	@Autowired
	RoundKeys keys;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	record Open(People.Person steward, UUID organization, UUID round, List<String> codes) {
	}

	private Open openRound() {
		People.Organization organization = new People(accounts, signIn, jdbc).organization("Paper");
		UUID id = organization.steward().principal().organizationId();
		RoundView round = rounds.create(id, "On paper", "peer-support-principles", 1, "en", 5);
		List<String> codes = participation.issueCodes(round.id(), id, 4, "More of us came than we thought");
		rounds.open(round.id(), id);
		return new Open(organization.steward(), id, round.id(), codes);
	}

	private int stored(UUID round) {
		return SealedRows.submissions(jdbc, round);
	}

	private int importing(Open open, String csv) {
		return participation.importPaper(open.round(), open.organization(), "paper.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
	}

	/**
	 * From the round's page: the form to print and the spreadsheet to type it into, whose
	 * columns the upload reads.
	 */
	@Test
	void theRoundPageOffersThePaperFormAndASpreadsheetThatTheUploadTakesBack() throws Exception {
		Open open = openRound();
		String page = mvc.perform(get("/rounds/" + open.round()).with(user(open.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("/rounds/" + open.round() + "/paper-form.pdf")
			.contains("/rounds/" + open.round() + "/paper-answers.csv");
		byte[] pdf = mvc
			.perform(get("/rounds/" + open.round() + "/paper-form.pdf").with(user(open.steward().principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
			.getTextFromPage(1)).contains("Participation code");
		String sheet = mvc
			.perform(get("/rounds/" + open.round() + "/paper-answers.csv").with(user(open.steward().principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(sheet).startsWith("code,np-1,").endsWith(",perspective\r\n");
		int columns = sheet.strip().split(",").length;
		String row = open.codes().get(0) + ",4" + ",".repeat(columns - 2);
		org.springframework.mock.web.MockMultipartFile typed = new org.springframework.mock.web.MockMultipartFile(
				"file", "paper-answers.csv", "text/csv", (sheet + row + "\r\n").getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/rounds/" + open.round() + "/paper").file(typed)
			.with(user(open.steward().principal()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(stored(open.round())).isOne();
	}

	/**
	 * A steward typing forms may type what the box says: the answer's words in any case
	 * and "not sure", beside the numbers; all are kept as the answers they name.
	 */
	@Test
	void answerWordsAndNotSureAreTakenAsWellAsNumbers() throws Exception {
		Open open = openRound();
		assertThat(importing(open,
				"code,np-1,np-2,perspective\n" + open.codes().get(0) + ",Mostly true,not sure,A member\n"
						+ open.codes().get(1) + ",4,NOT-SURE,staff\n" + open.codes().get(2)
						+ ",very TRUE for us,Not Sure,\n"))
			.isEqualTo(3);
		assertThat(stored(open.round())).isEqualTo(3);
	}

	/**
	 * Problems come first on the page, in a summary the address and autofocus take the
	 * reader to, each a link to the file field; not far down beside the form.
	 */
	@Test
	void theUploadsResultIsAtTheTopOfThePageAndTakesTheFocus() throws Exception {
		Open open = openRound();
		MockMultipartFile bad = new MockMultipartFile("file", "paper.csv", "text/csv",
				("code,np-1\n" + open.codes().get(0) + ",Mostly\n").getBytes(StandardCharsets.UTF_8));
		var refused = mvc
			.perform(multipart("/rounds/" + open.round() + "/paper").file(bad)
				.with(user(open.steward().principal()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/rounds/" + open.round() + "#paper-result");
		// The result waits in the session the redirect's cookie names, as for a browser.
		String page = mvc
			.perform(get("/rounds/" + open.round()).cookie(refused.getResponse().getCookies())
				.with(user(open.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String summary = tag(page, "paper-result");
		assertThat(summary).contains("class=\"problem error-summary\"")
			.contains("role=\"alert\"")
			.contains("tabindex=\"-1\"")
			.contains("autofocus");
		assertThat(page).contains("The paper answers were not stored")
			.contains("<a href=\"#paper-file\">Row 2, column B (np-1): &quot;Mostly&quot; is not one of the answers");
		// After the page's title and before everything else: first read, first seen.
		assertThat(page.indexOf("<h1")).isLessThan(page.indexOf("id=\"paper-result\""));
		assertThat(page.indexOf("id=\"paper-result\"")).isLessThan(page.indexOf("class=\"facts\""));
		assertThat(page.split("autofocus", -1)).hasSize(2);

		MockMultipartFile good = new MockMultipartFile("file", "paper.csv", "text/csv",
				("code,np-1\n" + open.codes().get(0) + ",4\n" + open.codes().get(1) + ",Not sure\n")
					.getBytes(StandardCharsets.UTF_8));
		var accepted = mvc
			.perform(multipart("/rounds/" + open.round() + "/paper").file(good)
				.with(user(open.steward().principal()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String stored = mvc
			.perform(get("/rounds/" + open.round()).cookie(accepted.getResponse().getCookies())
				.with(user(open.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tag(stored, "paper-result")).contains("class=\"notice\"")
			.contains("role=\"status\"")
			.contains("autofocus");
		assertThat(stored).contains("2 paper forms were stored.");
		assertThat(stored.indexOf("id=\"paper-result\"")).isLessThan(stored.indexOf("class=\"facts\""));
	}

	/** The opening tag of the element with this id. */
	private static String tag(String page, String id) {
		java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<[a-z]+[^>]*\\sid=\"" + id + "\"[^>]*>")
			.matcher(page);
		assertThat(tag.find()).as("an element with id " + id).isTrue();
		return tag.group();
	}

	/**
	 * What to type is said where the spreadsheet is offered (each value beside the words
	 * the form prints) and on the form itself (each value under its box).
	 */
	@Test
	void theValuesAreOnThePageBesideTheSpreadsheetAndUnderEachBoxOfTheForm() throws Exception {
		Open open = openRound();
		String page = mvc.perform(get("/rounds/" + open.round()).with(user(open.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<div class=\"legend\"");
		String legend = page.substring(page.indexOf("<div class=\"legend\""));
		legend = legend.substring(0, legend.indexOf("<form")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
		assertThat(legend)
			.contains("1 Not at all true for us 2 A little true 3 Partly true 4 Mostly true "
					+ "5 Very true for us not-sure Not sure")
			.contains("member A member staff Staff");
		// Beside the spreadsheet's link, before the upload.
		assertThat(page.indexOf("paper-answers.csv")).isLessThan(page.indexOf("<div class=\"legend\""));
		assertThat(page.indexOf("<div class=\"legend\"")).isLessThan(page.indexOf("id=\"paper-file\""));
		byte[] pdf = mvc
			.perform(get("/rounds/" + open.round() + "/paper-form.pdf").with(user(open.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		for (int number = 1; number <= reader.getNumberOfPages(); number++) {
			text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(number)).append('\n');
		}
		long scaleItems = rounds.questionnaire(open.round(), open.organization())
			.items()
			.stream()
			.filter(org.peerreflect.questionnaire.Item::isScale)
			.count();
		// Under every "not sure" box its value, and under each perspective box its own.
		assertThat(text.toString().split("not-sure", -1)).hasSize((int) scaleItems + 1);
		assertThat(text.toString()).contains("member").contains("prefer-not-to-say");
	}

	/**
	 * A file still being read when the steward closes the round in another tab: the close
	 * waits for the file, whose rows are all kept first; the rows never find the round
	 * closed one by one and blame their codes.
	 */
	@Test
	void aFileBeingReadWhenTheRoundClosesIsKeptWholeBeforeTheClose() throws Exception {
		Open open = openRound();
		byte[] csv = ("code,np-1\n" + open.codes().get(0) + ",4\n" + open.codes().get(1) + ",3\n")
			.getBytes(StandardCharsets.UTF_8);
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		InputStream slow = new FilterInputStream(new ByteArrayInputStream(csv)) {
			@Override
			public int read() throws IOException {
				pause();
				return super.read();
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				pause();
				return super.read(bytes, offset, length);
			}

			private void pause() {
				if (reading.getCount() > 0) {
					reading.countDown();
					try {
						release.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> imported = pool.submit(() -> participation.importPaper(open.round(), open.organization(),
					"slow.csv", slow, StandardCharsets.UTF_8));
			assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
			Future<RoundView> closing = pool.submit(() -> rounds.close(open.round(), open.organization()));
			Thread.sleep(300);
			release.countDown();
			assertThat(imported.get(30, TimeUnit.SECONDS)).isEqualTo(2);
			assertThat(closing.get(30, TimeUnit.SECONDS).state()).isEqualTo(RoundState.CLOSED);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, open.round()))
			.isEqualTo(2);
	}

	@Test
	void eachRowUsesUpOneCodeOfTheRound() {
		Open open = openRound();
		String csv = "code,np-1,np-say,perspective\n" + open.codes().get(0) + ",4,\"On paper, with care\",member\n"
				+ ParticipationCodes.printed(open.codes().get(1)) + ",not-sure,,\n" + open.codes().get(2) + ",,,\n";
		assertThat(importing(open, csv)).isEqualTo(3);
		assertThat(stored(open.round())).isEqualTo(3);
		// Counted at close, from the sealed answers: nothing in the clear says how they
		// came.
		assertThat(rounds.round(open.round(), open.organization()).usedPaper()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class,
				open.round()))
			.isOne();
	}

	@Test
	void aBadCellRefusesTheWholeFileAndNamesRowAndColumn() {
		Open open = openRound();
		String csv = "code,np-1\n" + open.codes().get(0) + ",4\n" + open.codes().get(1) + ",9\n";
		assertThatThrownBy(() -> importing(open, csv)).isInstanceOfSatisfying(ParticipationService.PaperRefused.class,
				refused -> assertThat(refused.problems()).singleElement()
					.satisfies(p -> assertThat(p.toString()).contains("row 3, column B (np-1)")));
		assertThat(stored(open.round())).isZero();
	}

	@Test
	void aUsedOrForeignCodeRefusesTheWholeFileAndNamesItsRow() {
		Open open = openRound();
		Open other = openRound();
		String twice = "code,np-1\n" + open.codes().get(0) + ",4\n" + open.codes().get(0) + ",3\n";
		assertThatThrownBy(() -> importing(open, twice)).isInstanceOfSatisfying(ParticipationService.PaperRefused.class,
				refused -> assertThat(refused.problems().get(0).row()).isEqualTo(3));
		String foreign = "code,np-1\n" + open.codes().get(1) + ",4\n" + other.codes().get(0) + ",3\n";
		assertThatThrownBy(() -> importing(open, foreign)).isInstanceOf(ParticipationService.PaperRefused.class);
		assertThat(stored(open.round())).isZero();
		assertThat(stored(other.round())).isZero();
		// The codes of the refused rows are all still there to use.
		assertThat(jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class,
				open.round()))
			.isEqualTo(4);
	}

	@Test
	void onlyWhileTheRoundIsOpen() {
		Open open = openRound();
		rounds.close(open.round(), open.organization());
		assertThatThrownBy(() -> importing(open, "code,np-1\n" + open.codes().get(0) + ",4\n"))
			.isInstanceOf(ParticipationProblem.class)
			.hasMessage("paper.roundNotOpen");
	}

	@Test
	void theRoundPageShowsTheRefusalWithItsRow() throws Exception {
		Open open = openRound();
		MockMultipartFile file = new MockMultipartFile("file", "paper.csv", "text/csv",
				("code,np-1\n" + open.codes().get(0) + ",4\n" + open.codes().get(1) + ",7\n")
					.getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/rounds/" + open.round() + "/paper").file(file)
			.with(user(open.steward().principal()))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getFlashMap().get("paperProblems")).asString()
				.contains(
						"Row 3, column B (np-1): \"7\" is not one of the answers (use one of 1, 2, 3, 4, 5, not-sure, or "
								+ "leave the cell empty). The statement is: When we meet, we talk about all parts of our lives, not "
								+ "only the hard times."));
		assertThat(stored(open.round())).isZero();
		MockMultipartFile good = new MockMultipartFile("file", "paper.csv", "text/csv",
				("code,np-1\n" + open.codes().get(0) + ",4\n").getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/rounds/" + open.round() + "/paper").file(good)
			.with(user(open.steward().principal()))
			.with(csrf())).andExpect(result -> assertThat(result.getFlashMap().get("paperStored")).isEqualTo(1));
		String page = mvc.perform(get("/rounds/" + open.round()).with(user(open.steward().principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Answers given on paper").contains("4 printed");
	}

	/**
	 * On the page, problems are worded for the steward in their language: the choice on
	 * the page to make, never the command line's flags; a code that does not work names
	 * its row.
	 */
	@Test
	void theRefusalIsWordedForThePageInTheStewardsLanguage() throws Exception {
		Open open = openRound();
		byte[] excel = ("code,np-say\n" + open.codes().get(0) + ",Caf\u00e9 y m\u00e1s\n")
			.getBytes(java.nio.charset.Charset.forName("windows-1252"));
		List<String> english = refusal(open, excel, "en");
		assertThat(english).singleElement()
			.asString()
			.startsWith("In paper.csv: its letters cannot be read as UTF-8.")
			.contains("choose \"Windows (Excel, windows-1252)\" under \"Saved as\"")
			.doesNotContain("--");
		List<String> spanish = refusal(open, excel, "es");
		assertThat(spanish).singleElement()
			.asString()
			.startsWith("En paper.csv: sus letras no se pueden leer como UTF-8.")
			.contains("\"Guardado como\"")
			.doesNotContain("--");

		byte[] used = ("code,np-1\n" + open.codes().get(1) + ",4\nNOPE0-NOPE0,4\n").getBytes(StandardCharsets.UTF_8);
		assertThat(refusal(open, used, "en")).containsExactly(
				"Row 3: this code does not work for this round: it was used already, it is mistyped, or it belongs to another round.");
		byte[] wrong = ("code,np-1,perspective,np-9\n" + open.codes().get(1) + ",4,captain,\n")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(refusal(open, wrong, "es")).singleElement()
			.asString()
			.startsWith("Fila 1, columna D (np-9): \"np-9\" no es una pregunta de esta ronda.");
		assertThat(stored(open.round())).isZero();
	}

	@SuppressWarnings("unchecked")
	private List<String> refusal(Open open, byte[] content, String language) throws Exception {
		return (List<String>) mvc
			.perform(multipart("/rounds/" + open.round() + "/paper")
				.file(new MockMultipartFile("file", "paper.csv", "text/csv", content))
				.param("encoding", "UTF-8")
				.locale(java.util.Locale.forLanguageTag(language))
				.header("Accept-Language", language)
				.with(user(open.steward().principal()))
				.with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("paperProblems");
	}

	/**
	 * Only a CSV file of a size paper forms could make is read at all; anything else is
	 * named and refused.
	 */
	@Test
	void aFileThatIsNotACsvOrIsFarTooLargeIsRefusedBeforeItIsRead() throws Exception {
		Open open = openRound();
		byte[] rows = ("code,np-1\n" + open.codes().get(0) + ",4\n").getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/rounds/" + open.round() + "/paper")
			.file(new MockMultipartFile("file", "answers.xlsx", "application/octet-stream", rows))
			.with(user(open.steward().principal()))
			.with(csrf()))
			.andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("paper.notCsv"));
		// Named as something else, it is refused by its name even when it is empty.
		mvc.perform(multipart("/rounds/" + open.round() + "/paper")
			.file(new MockMultipartFile("file", "notes.docx", "application/octet-stream", new byte[0]))
			.with(user(open.steward().principal()))
			.with(csrf()))
			.andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("paper.notCsv"));
		byte[] large = new byte[(int) ParticipationService.LARGEST_PAPER_FILE + 1];
		java.util.Arrays.fill(large, (byte) 'a');
		mvc.perform(multipart("/rounds/" + open.round() + "/paper")
			.file(new MockMultipartFile("file", "paper.csv", "text/csv", large))
			.with(user(open.steward().principal()))
			.with(csrf()))
			.andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("paper.tooLarge"));
		assertThat(stored(open.round())).isZero();
		// Upper case names are CSV files too.
		mvc.perform(multipart("/rounds/" + open.round() + "/paper")
			.file(new MockMultipartFile("file", "PAPER.CSV", "text/csv", rows))
			.with(user(open.steward().principal()))
			.with(csrf())).andExpect(result -> assertThat(result.getFlashMap().get("paperStored")).isEqualTo(1));
	}

	/**
	 * PostgreSQL cannot store a NUL in text: a form carrying one is refused whole, before
	 * anything is stored.
	 */
	@Test
	void aFormCarryingANulCharacterIsRefusedAndNothingIsStored() throws Exception {
		Open open = openRound();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/rounds")
			.param("name", "Nul\0refused circle")
			.param("questionnaire", "peer-support-principles@1")
			.param("language", "en")
			.param("minGroupSize", "5")
			.with(user(open.steward().principal()))
			.with(csrf())).andExpect(status().isBadRequest());
		assertThat(
				jdbc.queryForObject("select count(*) from round where name like 'Nul%refused circle'", Integer.class))
			.isZero();
		// In a file typed in from paper, a NUL in a written answer is left out rather
		// than stored.
		importing(open, "code,np-say\n" + open.codes().get(1) + ",\"Kind\0 words\"\n");
		rounds.close(open.round(), open.organization());
		assertThat(SealedRows.words(jdbc, keys, open.round(), "id")).containsExactly("Kind words");
	}

}
