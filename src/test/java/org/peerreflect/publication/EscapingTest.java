package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.Pdfs;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * A participant's words are shown, never obeyed: markup in a written answer stays text on
 * every page and in the kept PDF, and an answer that looks like a spreadsheet formula
 * stays text in the kept workbook, where opening it would otherwise run it. The answers
 * travel the real way, from submission through closing and publishing to the downloads.
 * <p>
 * There is no CSV to check: the CSVs the application reads are input (paper answers, the
 * example rounds, the command line), and the only one it writes, the command line's blank
 * template, is a header of item ids that never holds an answer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscapingTest {

	/** Answers that would become markup on a page. */
	static final List<String> MARKUP = List.of("<script>alert('x')</script>", "<img src=x onerror=alert(1)>",
			"\"><b>bold</b>", "Fish &amp; chips & tea");

	/** Answers that a spreadsheet would take for a formula. */
	static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://example.org\",\"click\")", "+1+1", "-2+3",
			"@SUM(A1)");

	static final List<String> ANSWERS = concat(MARKUP, FORMULAS);

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	String review;

	String report;

	byte[] pdf;

	byte[] workbook;

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	private static RequestPostProcessor as(People.Person person) {
		return user(person.principal());
	}

	@BeforeAll
	void publishARoundOfAwkwardAnswers() throws Exception {
		People.Organization ours = new People(accounts, signIn, jdbc).organization("Escaping");
		UUID round = rounds.create(ours.id(), "Awkward words", "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, ours.id());
		List<String> codes = participation.issueCodes(round, ours.id(), ANSWERS.size(),
				"More of us came than we thought");
		for (int n = 0; n < ANSWERS.size(); n++) {
			assertThat(participation.submit(codes.get(n), Channel.ONLINE,
					new Submission("member", Map.of("np-1", "4"), Map.of("np-say", ANSWERS.get(n)))))
				.isEqualTo(ParticipationService.Outcome.ACCEPTED);
		}
		rounds.close(round, ours.id());
		// The steward reads the answers before publishing; the review is gone afterwards.
		review = body(ours.steward(), "/rounds/" + round + "/review/np-say");

		mvc.perform(post("/rounds/" + round + "/publish").param("reviewed", "yes")
			.param("marked", "yes")
			.with(as(ours.steward()))
			.with(csrf())).andExpect(redirectedUrl("/reports/" + round));
		report = body(ours.board(), "/reports/" + round);
		pdf = download(ours.board(), "/reports/" + round + "/report.pdf");
		workbook = download(ours.board(), "/reports/" + round + "/report.xlsx");
	}

	private String body(People.Person who, String path) throws Exception {
		return mvc.perform(get(path).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private byte[] download(People.Person who, String path) throws Exception {
		return mvc.perform(get(path).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	// --- the web report ---

	@Test
	void theReportPageHasNoScriptTagFromAnAnswer() {
		assertThat(report).doesNotContain("<script>alert");
	}

	@Test
	void theReportPageHasNoImageTagFromAnAnswer() {
		assertThat(report).doesNotContain("<img src=x");
	}

	@Test
	void theReportPageHasNoBoldTagFromAnAnswer() {
		assertThat(report).doesNotContain("<b>bold</b>");
	}

	@Test
	void theReportPageShowsTheMarkupEscaped() {
		assertThat(report).contains("&lt;script&gt;alert(", "&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
				"&lt;b&gt;bold&lt;/b&gt;", "&amp;amp; chips &amp; tea");
	}

	@Test
	void theReportPageReadsEveryAnswerVerbatim() {
		String text = HtmlUtils.htmlUnescape(report);
		for (String answer : ANSWERS) {
			assertThat(text).as(answer).contains(answer);
		}
	}

	// --- the steward's review, the other page that shows the answers ---

	@Test
	void theReviewPageHasNoTagFromAnAnswer() {
		assertThat(review).doesNotContain("<script>alert", "<img src=x", "<b>bold</b>");
	}

	@Test
	void theReviewPageReadsEveryAnswerVerbatim() {
		String text = HtmlUtils.htmlUnescape(review);
		for (String answer : ANSWERS) {
			assertThat(text).as(answer).contains(answer);
		}
	}

	// --- the kept PDF ---

	@Test
	void thePdfShowsEveryAnswerAsPlainText() {
		String text = Pdfs.text(pdf);
		for (String answer : ANSWERS) {
			assertThat(text).as(answer).contains(answer);
		}
	}

	// --- the kept workbook ---

	/** Every cell of the sheet whose text is one of the answers. */
	private static List<Cell> answerCells(Sheet sheet) {
		List<Cell> found = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.FORMULA || ANSWERS.contains(cell.toString())) {
					found.add(cell);
				}
			}
		}
		return found;
	}

	private XSSFWorkbook book() throws Exception {
		return new XSSFWorkbook(new ByteArrayInputStream(workbook));
	}

	@Test
	void theWrittenAnswersSheetHoldsEveryAnswerAsText() throws Exception {
		try (XSSFWorkbook book = book()) {
			List<Cell> cells = answerCells(book.getSheet("Written answers"));
			assertThat(cells).extracting(Cell::getCellType).containsOnly(CellType.STRING);
			assertThat(cells).extracting(Cell::getStringCellValue).containsExactlyInAnyOrderElementsOf(ANSWERS);
		}
	}

	@Test
	void answersThatStartLikeAFormulaAreQuotePrefixed() throws Exception {
		try (XSSFWorkbook book = book()) {
			List<Cell> formulaLike = answerCells(book.getSheet("Written answers")).stream()
				.filter(cell -> FORMULAS.contains(cell.getStringCellValue()))
				.toList();
			assertThat(formulaLike).hasSameSizeAs(FORMULAS)
				.allSatisfy(cell -> assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue())
					.isTrue());
		}
	}

	@Test
	void theWorkbookHasNoFormulaAnywhere() throws Exception {
		try (XSSFWorkbook book = book()) {
			List<String> formulas = new ArrayList<>();
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.FORMULA) {
							formulas.add(sheet.getSheetName() + "!" + cell.getAddress());
						}
					}
				}
			}
			assertThat(formulas).isEmpty();
		}
	}

}
