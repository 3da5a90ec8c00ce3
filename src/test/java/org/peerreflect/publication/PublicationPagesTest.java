package org.peerreflect.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.report.KeptReport;
import org.peerreflect.report.Report;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.participation.SealedRows;
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
 * Reviewing, publishing, reading and agreeing, through the real security configuration:
 * who may do what, that a round is published once, and that what is served is what was
 * kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicationPagesTest {

	@Autowired
	org.springframework.context.ApplicationContext context;

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

	@Autowired
	org.peerreflect.questionnaire.QuestionnaireCatalog catalog;

	private People people;

	private People.Organization ours;

	private People.Organization theirs;

	@BeforeEach
	void organizations() {
		people = new People(accounts, signIn, jdbc);
		ours = people.organization("Publishing");
		theirs = people.organization("Elsewhere");
	}

	private static RequestPostProcessor as(People.Person person) {
		return user(person.principal());
	}

	/**
	 * A closed round answered by {@code count} people: each writes to fr-say "Person n
	 * says hello", and person 1 names "Marisol"; every scale answer is 4, perspectives
	 * member and staff.
	 */
	private UUID closedRound(String name, int count) {
		UUID organization = ours.id();
		UUID round = rounds.create(organization, name, "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, organization);
		List<String> codes = participation.issueCodes(round, organization, count + 2,
				"More of us came than we thought");
		for (int n = 1; n <= count; n++) {
			Map<String, String> written = new LinkedHashMap<>();
			written.put("fr-say", n == 1 ? "Marisol from the Tuesday group says hello" : "Person " + n + " says hello");
			written.put("rs-say", "Answer " + n + " to the last question");
			participation.submit(codes.get(n - 1), n % 3 == 0 ? Channel.KIOSK : Channel.ONLINE, new Submission(
					n % 2 == 0 ? "staff" : "member", Map.of("np-1", "4", "fr-3", n % 2 == 0 ? "2" : "5"), written));
		}
		rounds.close(round, organization);
		return round;
	}

	/**
	 * A published round (k = 3) of version 1 of a questionnaire in which every member
	 * gave the same answers.
	 */
	private UUID publishedAlike(String questionnaire, String name, String language, int people,
			Map<String, String> answers) throws Exception {
		UUID round = rounds.create(ours.id(), name, questionnaire, 1, language, 3).id();
		rounds.open(round, ours.id());
		for (String code : participation.issueCodes(round, ours.id(), people, "More of us came than we thought")) {
			participation.submit(code, Channel.ONLINE, new Submission("member", answers, Map.of()));
		}
		rounds.close(round, ours.id());
		publish(round);
		return round;
	}

	private String page(People.Person who, String path) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/**
	 * Published as a steward does who has read the answers and looked at what is marked.
	 */
	private void publish(UUID round) throws Exception {
		mvc.perform(post("/rounds/" + round + "/publish").param("reviewed", "yes")
			.param("marked", "yes")
			.with(as(ours.steward()))
			.with(csrf())).andExpect(redirectedUrl("/reports/" + round));
	}

	private List<UUID> answerIds(UUID round, String item) {
		return jdbc.queryForList("select id from written_answer where round_id = ? and item_id = ?", UUID.class, round,
				item);
	}

	/**
	 * Publishing takes seconds; a second press of the button (sent while the first was at
	 * work, or after) leads to the report, as the first does, with no refusal; and the
	 * page says the wait before it starts, the script saying it again once it does.
	 */
	@Test
	void aSecondPressOfPublishLeadsToTheReport() throws Exception {
		UUID round = closedRound("Pressed twice", 3);
		String before = page(ours.steward(), "/rounds/" + round);
		assertThat(before).contains("data-busy=\"Publishing… please wait\"")
			.contains("Making the report takes a few seconds.")
			.contains("src=\"/js/busy.js\"");
		publish(round);
		mvc.perform(
				post("/rounds/" + round + "/publish").param("reviewed", "yes").with(as(ours.steward())).with(csrf()))
			.andExpect(redirectedUrl("/reports/" + round))
			.andExpect(flash().attributeCount(0));
		assertThat(
				jdbc.queryForObject("select count(*) from published_report where round_id = ?", Integer.class, round))
			.isOne();
		// Still refused when the round is not published, so the second press is no back
		// door: a round never closed goes back to its page with the reason.
		UUID open = rounds.create(ours.id(), "Not yet", "peer-support-principles", 1, "en", 3).id();
		mvc.perform(post("/rounds/" + open + "/publish").param("reviewed", "yes").with(as(ours.steward())).with(csrf()))
			.andExpect(redirectedUrl("/rounds/" + open));
	}

	@Test
	void invariant9_theStewardReadsOneQuestionAtATimeAndMayOnlyTakeWordsOut() throws Exception {
		UUID round = closedRound("Review circle", 4);
		String list = page(ours.steward(), "/rounds/" + round + "/review");
		assertThat(list).contains("Read the 4 answers").contains("What does give and take look like among us?");

		String item = page(ours.steward(), "/rounds/" + round + "/review/fr-say");
		assertThat(item).contains("Marisol from the Tuesday group says hello")
			.contains("Person 4 says hello")
			// One question's answers only: nothing of the same people's other answers.
			.doesNotContain("to the last question");

		UUID marisol = SealedRows.answerStarting(context, round, "Marisol");
		mvc.perform(post("/rounds/" + round + "/review/fr-say/" + marisol).with(as(ours.steward()))
			.with(csrf())
			.param("text", "Marisol from the Tuesday group says hi"))
			.andExpect(flash().attribute("problem", "review.onlyRemoved"));
		assertThat(SealedRows.words(context, marisol)).isEqualTo("Marisol from the Tuesday group says hello");

		mvc.perform(post("/rounds/" + round + "/review/fr-say/" + marisol).with(as(ours.steward()))
			.with(csrf())
			.param("text", "[removed] from the [removed] group says hello"))
			.andExpect(flash().attribute("saved", true));
		assertThat(SealedRows.words(context, marisol)).isEqualTo("[removed] from the [removed] group says hello");

		// Another organization, a board reader and the administrator cannot read or
		// change them.
		mvc.perform(get("/rounds/" + round + "/review/fr-say").with(as(theirs.steward())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/rounds/" + round + "/review/fr-say/" + marisol).with(as(theirs.steward()))
			.with(csrf())
			.param("all", "1")
			.param("confirmed", "yes")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/rounds/" + round + "/review").with(as(ours.board()))).andExpect(status().isForbidden());
		mvc.perform(get("/rounds/" + round + "/review").with(as(people.administrator())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/rounds/" + round + "/review")).andExpect(status().is3xxRedirection());
		assertThat(SealedRows.words(context, marisol)).isEqualTo("[removed] from the [removed] group says hello");
	}

	@Test
	void invariant9_anAnswerWhollyRemovedStopsCountingTowardTheSmallestGroup() throws Exception {
		UUID round = closedRound("Three voices", 3);
		UUID first = answerIds(round, "fr-say").get(0);
		mvc.perform(post("/rounds/" + round + "/review/fr-say/" + first).with(as(ours.steward()))
			.with(csrf())
			.param("all", "1")
			.param("confirmed", "yes")).andExpect(flash().attribute("saved", true));
		assertThat(page(ours.steward(), "/rounds/" + round + "/review")).contains("Fewer than 3");
		mvc.perform(get("/rounds/" + round + "/review/fr-say").with(as(ours.steward())))
			.andExpect(status().isNotFound());

		publish(round);
		String report = page(ours.board(), "/reports/" + round);
		// Two answers are left: fewer than k, so none of them appears.
		assertThat(report).doesNotContain("says hello").contains("Answer 2 to the last question");
	}

	@Test
	void invariant10_publishingKeepsTheFilesOnceAndServesExactlyThem() throws Exception {
		UUID round = closedRound("Autumn gathering", 6);
		// Only once the steward says the written answers were read.
		mvc.perform(post("/rounds/" + round + "/publish").with(as(ours.steward())).with(csrf()))
			.andExpect(flash().attribute("problem", "publish.notReviewed"));
		assertThat(
				jdbc.queryForObject("select count(*) from published_report where round_id = ?", Integer.class, round))
			.isZero();
		publish(round);
		// Published once: a second press leads to the report, and nothing is made again.
		mvc.perform(
				post("/rounds/" + round + "/publish").param("reviewed", "yes").with(as(ours.steward())).with(csrf()))
			.andExpect(redirectedUrl("/reports/" + round))
			.andExpect(flash().attributeCount(0));
		assertThat(
				jdbc.queryForObject("select count(*) from published_report where round_id = ?", Integer.class, round))
			.isEqualTo(1);
		// k is fixed from the moment the round opened.
		mvc.perform(post("/rounds/" + round + "/min-group-size").with(as(ours.steward()))
			.with(csrf())
			.param("minGroupSize", "6")).andExpect(flash().attribute("problem", "round.minGroupSizeLocked"));

		byte[] keptPdf = jdbc.queryForObject("select pdf from published_report where round_id = ?", byte[].class,
				round);
		byte[] keptWorkbook = jdbc.queryForObject("select workbook from published_report where round_id = ?",
				byte[].class, round);
		for (People.Person reader : List.of(ours.steward(), ours.board())) {
			var pdf = mvc.perform(get("/reports/" + round + "/report.pdf").with(as(reader)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(pdf.getContentType()).isEqualTo("application/pdf");
			assertThat(pdf.getHeader("Content-Disposition")).contains("attachment")
				.contains("peer-reflect-autumn-gathering.pdf");
			assertThat(pdf.getContentAsByteArray()).isEqualTo(keptPdf);
			byte[] workbook = mvc.perform(get("/reports/" + round + "/report.xlsx").with(as(reader)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(workbook).isEqualTo(keptWorkbook);
		}
		String text = Pdfs.text(keptPdf);
		// The cover shows codes printed and used by channel; the participants' words are
		// there, reviewed.
		assertThat(text).contains("Autumn gathering")
			.contains(ours.name())
			.contains("8 printed, 6 used: 4 online, 2 on the kiosk, 0 on paper.")
			.contains("Person 6 says hello");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(keptWorkbook))) {
			assertThat(cells(book.getSheet("Written answers"))).contains("Person 6 says hello");
		}

		// The web page says the same as the kept summaries.
		String page = page(ours.board(), "/reports/" + round);
		assertThat(page).contains("Autumn gathering")
			.contains("6 people")
			.contains("Person 6 says hello")
			.contains("8 printed, 6 used: 4 online, 2 on the kiosk, 0 on paper.");
		Matcher chart = Pattern.compile("src=\"(/reports/[^\"]+/charts/(\\d+)\\.png)\"").matcher(page);
		assertThat(chart.find()).isTrue();
		var png = mvc.perform(get(chart.group(1)).with(as(ours.board())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(png.getContentType()).isEqualTo("image/png");
		assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray())).getWidth())
			.isGreaterThan(900);
		mvc.perform(get("/reports/" + round + "/charts/999.png").with(as(ours.board())))
			.andExpect(status().isNotFound());
	}

	/** A page without its sign-out form's CSRF token, which each request gets anew. */
	/**
	 * The web page lays out the report's model as publication kept it, not one made anew
	 * from the summaries; a report kept before models were kept is made from its kept
	 * summaries.
	 */
	@Test
	void theWebPageShowsTheReportAsItWasKept() throws Exception {
		UUID round = closedRound("Kept model", 6);
		publish(round);
		String model = jdbc.queryForObject("select report_model from published_report where round_id = ?", String.class,
				round);
		assertThat(model).startsWith("{\"format\":" + org.peerreflect.report.KeptReport.FORMAT + ",");
		assertThat(page(ours.board(), "/reports/" + round)).contains("Kept model");
		jdbc.update("update published_report set report_model = ? where round_id = ?",
				model.replace("\"title\":\"Kept model\"", "\"title\":\"Kept as it was\""), round);
		assertThat(page(ours.board(), "/reports/" + round)).contains("Kept as it was");
		jdbc.update("update published_report set report_model = null where round_id = ?", round);
		assertThat(page(ours.board(), "/reports/" + round)).contains("Kept model").doesNotContain("Kept as it was");
	}

	/**
	 * The web page lays out the kept model as the PDF does: every part in the model's
	 * order, every statement with each group's figures or its withheld mark, and each
	 * question to talk over.
	 */
	@Test
	void theWebPageCarriesTheModelsPartsAndFigures() throws Exception {
		UUID round = closedRound("Every figure", 9);
		publish(round);
		Report report = KeptReport.read(jdbc
			.queryForObject("select report_model from published_report where round_id = ?", String.class, round));
		String page = page(ours.board(), "/reports/" + round);
		String text = squeezed(page.substring(page.indexOf("<main")));
		List<String> titles = new ArrayList<>();
		if (report.differ() != null) {
			titles.add(report.differ().title());
		}
		titles.add(report.overview().title());
		report.principles().forEach(principle -> titles.add(principle.title()));
		titles.addAll(List.of(report.words().title(), report.read().title(), report.withheld().title(),
				report.steward().title()));
		int at = -1;
		for (String title : titles) {
			int next = text.indexOf(squeezed(title), at + 1);
			assertThat(next).as("'%s' after what comes before it", title).isGreaterThan(at);
			at = next;
		}
		int rows = 0;
		for (Report.PrincipleBlock principle : report.principles()) {
			for (Report.ItemBlock item : principle.items()) {
				assertThat(text).contains(squeezed(item.text()));
				if (item.table() == null) {
					assertThat(text).contains(squeezed(item.notShown()));
					continue;
				}
				for (Report.Row row : item.table().rows()) {
					assertThat(text).as(item.id() + " " + row.label())
						.contains(
								squeezed(row.label() + (row.shown() ? String.join("", row.cells()) : row.withheld())));
					rows++;
				}
			}
		}
		// np-1 and fr-3 are answered: all of us and four groups each.
		assertThat(rows).isEqualTo(10);
		if (report.differ() != null) {
			report.differ().items().forEach(item -> assertThat(text).contains(squeezed(item.how() + item.prompt())));
		}
		assertStewardGuide(page, report.steward());
		assertMeeting(page, report.meeting());
	}

	/**
	 * Every round in view on the web: after three published rounds the report page links
	 * the series from its contents and shows, per statement, a chart with a text
	 * alternative and its figures in a table beside it, row by row as the kept model has
	 * them, with what we agreed after the first round at that round.
	 */
	@Test
	void theWebPageShowsEveryRoundInViewWithItsFiguresBesideEachChart() throws Exception {
		UUID first = closedRound("Series one", 5);
		publish(first);
		mvc.perform(post("/rounds/" + first + "/agreements").with(as(ours.steward()))
			.with(csrf())
			.param("text", "Take turns leading the circle.")
			.param("statement", "fr-3")).andExpect(redirectedUrl("/rounds/" + first + "/agreements"));
		UUID second = closedRound("Series two", 5);
		publish(second);
		UUID third = closedRound("Series three", 9);
		publish(third);
		Report report = KeptReport.read(jdbc
			.queryForObject("select report_model from published_report where round_id = ?", String.class, third));
		Report.Series series = report.series();
		assertThat(series.periods()).hasSize(3);
		assertThat(series.statements()).extracting(Report.SeriesStatement::id).contains("np-1", "fr-3");
		String page = page(ours.board(), "/reports/" + third);
		assertThat(page).contains("<a href=\"#series\">" + series.title() + "</a>")
			.contains("<h2 id=\"series-title\">" + series.title() + "</h2>");
		String part = page.substring(page.indexOf("id=\"series\""), page.indexOf("id=\"words\""));
		String text = squeezed(part.replaceAll("<[^>]+>", " "));
		int at = 0;
		for (Report.SeriesStatement statement : series.statements()) {
			assertThat(part).contains("aria-label=\"" + statement.alt() + "\"");
			at = text.indexOf(squeezed(statement.text()), at);
			assertThat(at).as(statement.id()).isNotNegative();
			for (Report.SeriesPoint point : statement.points()) {
				String cells = (point.shown() ? point.upper() + "%" + point.notSure() + "%" + point.people()
						: series.notShown().repeat(3));
				for (Integer share : point.groups()) {
					cells += share == null ? series.notShown() : share + "%";
				}
				int row = text.indexOf(squeezed(cells), at + 1);
				assertThat(row).as("%s, %s", statement.id(), point.period()).isGreaterThan(at);
				at = row;
			}
		}
		Report.SeriesStatement agreedAbout = series.statements()
			.stream()
			.filter(statement -> statement.id().equals("fr-3"))
			.findFirst()
			.orElseThrow();
		assertThat(agreedAbout.points().get(0).agreed()).containsExactly("Take turns leading the circle.");
		assertThat(part).containsPattern(java.util.regex.Pattern.quote(series.agreedLabel())
				+ "[\\s\\S]{0,200}Take turns leading the circle\\.");
	}

	/**
	 * The meeting's part first after the cover, linked from the contents: its thanks,
	 * each part's heading and lines, and the steps in a numbered list.
	 */
	private static void assertMeeting(String page, Report.Meeting meeting) {
		assertThat(page).contains("<a href=\"#meeting\">" + meeting.title() + "</a>")
			.contains("<h2 id=\"meeting-title\">" + meeting.title() + "</h2>");
		String section = page.substring(page.indexOf("id=\"meeting\""));
		section = section.substring(0, section.indexOf("</section>"));
		assertThat(page.indexOf("id=\"meeting\"")).isLessThan(page.indexOf("id=\"differ\""));
		String plain = org.springframework.web.util.HtmlUtils.htmlUnescape(section);
		assertThat(plain).contains(meeting.thanks());
		for (Report.MeetingPart part : meeting.parts()) {
			assertThat(plain).contains(part.title());
			part.lines().forEach(line -> assertThat(plain).contains(line.text()));
		}
		Matcher steps = Pattern.compile("(?s)<ol>(.*?)</ol>").matcher(section);
		assertThat(steps.find()).isTrue();
		assertThat(steps.group(1).split("<li>", -1)).hasSize(meeting.steps().size() + 1);
	}

	/**
	 * The steward's guide under its own heading, linked from the contents: the plan as a
	 * numbered list, each step with its time, then each part's heading and its lines.
	 */
	private static void assertStewardGuide(String page, Report.StewardGuide guide) {
		assertThat(page).contains("<a href=\"#steward\">" + guide.title() + "</a>")
			.contains("<h2 id=\"steward-title\">" + guide.title() + "</h2>");
		String section = page.substring(page.indexOf("<section id=\"steward\""));
		section = section.substring(0, section.indexOf("</section>"));
		Matcher plan = Pattern.compile("(?s)<ol class=\"plan\">(.*?)</ol>").matcher(section);
		assertThat(plan.find()).isTrue();
		assertThat(plan.group(1).split("<li>", -1)).hasSize(guide.plan().size() + 1);
		List<String> said = new ArrayList<>(List.of(guide.lead(), guide.planTitle()));
		guide.plan().forEach(step -> said.add(step.time() + step.title() + "." + step.words()));
		for (Report.ListBlock part : guide.parts()) {
			assertThat(section).contains("<h3>" + part.title() + "</h3>");
			said.add(part.title());
			for (String line : part.lines()) {
				assertThat(section).contains("<li>" + line + "</li>");
				said.add(line);
			}
		}
		String text = squeezed(section);
		int at = 0;
		for (String words : said) {
			int found = text.indexOf(squeezed(words), at);
			assertThat(found).as("'%s' in the guide, after what comes before it", words).isNotNegative();
			at = found + squeezed(words).length();
		}
	}

	/**
	 * A report kept before the steward's guide existed is laid out without it: no
	 * heading, no link in the contents, and the rest as it was.
	 */
	@Test
	void aReportKeptBeforeTheGuideShowsNoGuide() throws Exception {
		UUID round = closedRound("Kept before the guide", 6);
		publish(round);
		String model = jdbc.queryForObject("select report_model from published_report where round_id = ?", String.class,
				round);
		String guideTitle = KeptReport.read(model).steward().title();
		assertThat(page(ours.board(), "/reports/" + round)).contains(guideTitle);
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		tools.jackson.databind.node.ObjectNode kept = (tools.jackson.databind.node.ObjectNode) json.readTree(model);
		((tools.jackson.databind.node.ObjectNode) kept.get("report")).remove("steward");
		jdbc.update("update published_report set report_model = ? where round_id = ?", json.writeValueAsString(kept),
				round);
		String page = page(ours.board(), "/reports/" + round);
		assertThat(page).doesNotContain(guideTitle)
			.doesNotContain("id=\"steward\"")
			.contains("Kept before the guide")
			.contains("id=\"withheld\"");
	}

	/** Page text without tags or spaces, so that table cells read as one run. */
	private static String squeezed(String html) {
		return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", "");
	}

	private static String withoutToken(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private static List<String> cells(Sheet sheet) {
		List<String> values = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				values.add(cell.toString());
			}
		}
		return values;
	}

	@Test
	void onlyTheOrganizationsStewardsAndBoardReadersReadItsReports() throws Exception {
		UUID round = closedRound("Winter", 5);
		// Not published yet: nothing to read, for anyone.
		mvc.perform(get("/reports/" + round).with(as(ours.board()))).andExpect(status().isNotFound());
		mvc.perform(get("/reports/" + round + "/report.pdf").with(as(ours.steward()))).andExpect(status().isNotFound());
		// Only a steward publishes.
		mvc.perform(post("/rounds/" + round + "/publish").param("reviewed", "yes").with(as(ours.board())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/rounds/" + round + "/publish").param("reviewed", "yes").with(as(theirs.steward())).with(csrf()))
			.andExpect(redirectedUrl("/rounds/" + round));
		mvc.perform(post("/rounds/" + round + "/publish").param("reviewed", "yes").with(as(ours.steward())))
			.andExpect(status().isForbidden());
		assertThat(
				jdbc.queryForObject("select count(*) from published_report where round_id = ?", Integer.class, round))
			.isZero();
		publish(round);

		for (String path : List.of("/reports/" + round, "/reports/" + round + "/report.pdf",
				"/reports/" + round + "/report.xlsx", "/reports/" + round + "/charts/0.png")) {
			mvc.perform(get(path).with(as(ours.board()))).andExpect(status().isOk());
			mvc.perform(get(path).with(as(ours.steward()))).andExpect(status().isOk());
			mvc.perform(get(path).with(as(theirs.board()))).andExpect(status().isNotFound());
			mvc.perform(get(path).with(as(theirs.steward()))).andExpect(status().isNotFound());
			mvc.perform(get(path).with(as(people.administrator()))).andExpect(status().isForbidden());
			mvc.perform(get(path)).andExpect(status().is3xxRedirection());
		}
		assertThat(page(ours.board(), "/reports")).contains("Winter");
		assertThat(page(theirs.board(), "/reports")).doesNotContain("Winter")
			.contains("No report has been published yet.");
		mvc.perform(get("/reports").with(as(people.administrator()))).andExpect(status().isForbidden());
	}

	/**
	 * An agreement can be corrected, its words and its statements, in its place; it is
	 * removed only after the page that asks, and a remove sent without that answer leads
	 * to the question instead.
	 */
	@Test
	void anAgreementCanBeCorrectedAndIsRemovedOnlyAfterAsking() throws Exception {
		UUID round = closedRound("Corrected", 5);
		publish(round);
		String base = "/rounds/" + round + "/agreements";
		mvc.perform(post(base).with(as(ours.steward()))
			.with(csrf())
			.param("text", "Start on tme")
			.param("statement", "np-1"));
		mvc.perform(post(base).with(as(ours.steward())).with(csrf()).param("text", "Close with a round"));
		UUID first = jdbc.queryForObject("select id from agreement where round_id = ? and position = 1", UUID.class,
				round);
		assertThat(page(ours.steward(), base)).contains(base + "/" + first + "/edit")
			.contains(base + "/" + first + "/remove\"")
			.doesNotContain("action=\"" + base + "/" + first + "/remove\"");

		String form = page(ours.steward(), base + "/" + first + "/edit");
		assertThat(form).contains("Correct an agreement")
			.contains(">Start on tme</textarea>")
			.containsPattern("value=\"np-1\"\\s+checked");
		mvc.perform(post(base + "/" + first).with(as(ours.steward()))
			.with(csrf())
			.param("text", "Start on time")
			.param("statement", "fr-3"))
			.andExpect(redirectedUrl(base + "#agreement-" + first))
			.andExpect(flash().attribute("corrected", true));
		assertThat(jdbc.queryForObject("select text from agreement where id = ?", String.class, first))
			.isEqualTo("Start on time");
		assertThat(jdbc.queryForObject("select position from agreement where id = ?", Integer.class, first)).isOne();
		assertThat(jdbc.queryForList("select item_id from agreement_statement where agreement_id = ?", String.class,
				first))
			.containsExactly("fr-3");
		// Emptied, it is refused, and the words come back to the same form.
		mvc.perform(post(base + "/" + first).with(as(ours.steward())).with(csrf()).param("text", " "))
			.andExpect(redirectedUrl(base + "/" + first + "/edit"))
			.andExpect(flash().attribute("problem", "agreements.empty"));
		assertThat(jdbc.queryForObject("select text from agreement where id = ?", String.class, first))
			.isEqualTo("Start on time");

		// Removing asks first: without the answer, nothing goes.
		mvc.perform(post(base + "/" + first + "/remove").with(as(ours.steward())).with(csrf()))
			.andExpect(redirectedUrl(base + "/" + first + "/remove"));
		assertThat(jdbc.queryForObject("select count(*) from agreement where round_id = ?", Integer.class, round))
			.isEqualTo(2);
		String ask = page(ours.steward(), base + "/" + first + "/remove");
		assertThat(ask).contains("Remove this agreement?")
			.contains("Start on time")
			.contains("name=\"confirmed\" value=\"yes\"");
		mvc.perform(
				post(base + "/" + first + "/remove").param("confirmed", "yes").with(as(ours.steward())).with(csrf()))
			.andExpect(redirectedUrl(base))
			.andExpect(flash().attribute("removedAgreement", true));
		assertThat(jdbc.queryForList("select text from agreement where round_id = ?", String.class, round))
			.containsExactly("Close with a round");
		// Another organization's steward can neither open nor change one.
		UUID second = jdbc.queryForObject("select id from agreement where round_id = ?", UUID.class, round);
		mvc.perform(get(base + "/" + second + "/edit").with(as(theirs.steward()))).andExpect(status().isNotFound());
		mvc.perform(post(base + "/" + second).with(as(theirs.steward())).with(csrf()).param("text", "Theirs"));
		assertThat(jdbc.queryForList("select text from agreement where round_id = ?", String.class, round))
			.containsExactly("Close with a round");
	}

	/**
	 * The web report: its cover words its promise as what it is, links what we agreed
	 * from its top, and marks each quoted answer with the language its words are in.
	 */
	@Test
	void theReportsCoverPromiseAgreementsLinkAndTheLanguageOfEachQuote() throws Exception {
		UUID round = rounds.create(ours.id(), "Two languages", "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, ours.id());
		List<String> said = List.of("We listen to each other and it helps.",
				"Nos ayudamos mucho y siempre hay alguien que escucha.", "The Tuesday group is where I feel at home.");
		List<String> codes = participation.issueCodes(round, ours.id(), 3, "More of us came than we thought");
		for (int n = 0; n < 3; n++) {
			participation.submit(codes.get(n), Channel.ONLINE,
					new Submission("member", Map.of("np-1", "4"), Map.of("fr-say", said.get(n))));
		}
		rounds.close(round, ours.id());
		publish(round);
		mvc.perform(post("/rounds/" + round + "/agreements").with(as(ours.steward()))
			.with(csrf())
			.param("text", "Start on time."));
		String report = page(ours.board(), "/reports/" + round);
		assertThat(report).contains("No group smaller than 3 is shown on its own.")
			.doesNotContain("A figure about fewer than");
		assertThat(report).contains("<blockquote lang=\"es\">Nos ayudamos mucho")
			.contains("<blockquote lang=\"en\">We listen to each other")
			.contains("<blockquote lang=\"en\">The Tuesday group");
		// On a phone the agreements are pages down: the cover links them.
		int link = report.indexOf("<a href=\"#agreed\"");
		assertThat(link).isPositive().isLessThan(report.indexOf("class=\"contents\""));
	}

	/**
	 * When no group is shown, the page says so once, instead of a row of "not shown" for
	 * every group under every statement; where groups are shown, their rows stay.
	 */
	@Test
	void whenNoGroupIsShownThePageSaysSoOnce() throws Exception {
		UUID round = rounds.create(ours.id(), "Small groups", "peer-support-principles", 1, "en", 3).id();
		rounds.open(round, ours.id());
		List<String> codes = participation.issueCodes(round, ours.id(), 4, "More of us came than we thought");
		for (int n = 0; n < 4; n++) {
			participation.submit(codes.get(n), Channel.ONLINE, new Submission(n < 2 ? "member" : "staff",
					Map.of("np-1", n % 2 == 0 ? "4" : "2", "np-2", "3"), Map.of()));
		}
		rounds.close(round, ours.id());
		publish(round);
		String report = page(ours.board(), "/reports/" + round);
		assertThat(report).contains("id=\"no-group-shown\"")
			.contains("To protect small groups, no group is shown on its own in this report.");
		assertThat(report).doesNotContain("class=\"withheld\"");
		assertThat(report.split("id=\"no-group-shown\"", -1)).hasSize(2);

		UUID shown = closedRound("Groups shown", 8);
		publish(shown);
		assertThat(page(ours.board(), "/reports/" + shown)).doesNotContain("id=\"no-group-shown\"");
	}

	@Test
	void invariant10_agreementsAreKeptAndTheNextRoundsReportReadsTheKeptSummaries() throws Exception {
		UUID spring = closedRound("Spring", 5);
		// No agreements before the report is published.
		mvc.perform(post("/rounds/" + spring + "/agreements").with(as(ours.steward()))
			.with(csrf())
			.param("text", "Too early")).andExpect(flash().attribute("problem", "round.notPublished"));
		publish(spring);
		List<String> agreed = List.of("Open each meeting with what is going well.",
				"Take turns leading the Thursday circle,\nstaff and members alike.",
				"Say \"members\", not \"clients\".");
		for (String text : agreed) {
			mvc.perform(
					post("/rounds/" + spring + "/agreements").with(as(ours.steward())).with(csrf()).param("text", text))
				.andExpect(redirectedUrl("/rounds/" + spring + "/agreements"));
		}
		mvc.perform(post("/rounds/" + spring + "/agreements").with(as(ours.steward())).with(csrf()).param("text", "  "))
			.andExpect(flash().attribute("problem", "agreements.empty"));
		mvc.perform(post("/rounds/" + spring + "/agreements").with(as(ours.steward()))
			.with(csrf())
			.param("text", "x".repeat(Publication.LONGEST_AGREEMENT + 1)))
			.andExpect(flash().attribute("problem", "agreements.tooLong"));
		mvc.perform(post("/rounds/" + spring + "/agreements").with(as(ours.board())).with(csrf()).param("text", "Mine"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/rounds/" + spring + "/agreements").with(as(theirs.steward()))
			.with(csrf())
			.param("text", "Theirs")).andExpect(flash().attribute("problem", "round.notFound"));
		assertThat(jdbc.queryForObject("select count(*) from agreement where round_id = ?", Integer.class, spring))
			.isEqualTo(3);

		// Board readers see them beside the report they came from.
		String springPage = page(ours.board(), "/reports/" + spring);
		for (String text : agreed) {
			assertThat(springPage).contains(text);
		}
		assertThat(springPage).doesNotContain("id=\"since\"");

		UUID autumn = closedRound("Autumn", 5);
		publish(autumn);
		String autumnPage = page(ours.board(), "/reports/" + autumn);
		assertThat(autumnPage).contains("id=\"since\"").contains("What we agreed to try last time");
		for (String text : agreed) {
			assertThat(autumnPage).contains(text);
		}
		byte[] pdf = jdbc.queryForObject("select pdf from published_report where round_id = ?", byte[].class, autumn);
		assertThat(Pdfs.text(pdf)).contains("Open each meeting with what is going well.").contains("Since last time");

		// Agreements removed later change nothing already published.
		UUID first = jdbc.queryForObject("select id from agreement where round_id = ? and position = 1", UUID.class,
				spring);
		mvc.perform(post("/rounds/" + spring + "/agreements/" + first + "/remove").param("confirmed", "yes")
			.with(as(ours.steward()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(page(ours.board(), "/reports/" + spring)).doesNotContain("Open each meeting");
		assertThat(page(ours.board(), "/reports/" + autumn)).contains("Open each meeting");
	}

	/**
	 * A steward ticks the statements an agreement was about; the next round's report sets
	 * it beside each of them, on the page and in the kept model, as well as in the list
	 * of what we agreed.
	 */
	@Test
	void anAgreementAboutStatementsStandsBesideThemInTheNextReport() throws Exception {
		UUID spring = closedRound("Linked spring", 5);
		publish(spring);
		String form = page(ours.steward(), "/rounds/" + spring + "/agreements");
		assertThat(form).contains("name=\"statement\"")
			.contains("value=\"fr-3\"")
			.contains("In our community, staff and members truly take on the same roles.")
			// Written questions are not statements to tick.
			.doesNotContain("value=\"fr-say\"");

		String text = "Take turns leading the Thursday circle.";
		mvc.perform(post("/rounds/" + spring + "/agreements").with(as(ours.steward()))
			.with(csrf())
			.param("text", text)
			.param("statement", "fr-3", "np-1", "no-such-statement"))
			.andExpect(flash().attribute("problem", "agreements.unknownStatement"))
			.andExpect(flash().attribute("draft", text))
			.andExpect(flash().attribute("draftStatements", List.of("fr-3", "np-1", "no-such-statement")));
		assertThat(jdbc.queryForObject("select count(*) from agreement where round_id = ?", Integer.class, spring))
			.isZero();

		mvc.perform(post("/rounds/" + spring + "/agreements").with(as(ours.steward()))
			.with(csrf())
			.param("text", text)
			.param("statement", "fr-3", "np-1", "fr-3")).andExpect(redirectedUrl("/rounds/" + spring + "/agreements"));
		mvc.perform(post("/rounds/" + spring + "/agreements").with(as(ours.steward()))
			.with(csrf())
			.param("text", "Bring soup on Fridays.")).andExpect(redirectedUrl("/rounds/" + spring + "/agreements"));
		assertThat(jdbc
			.queryForList("select s.item_id from agreement_statement s join agreement a on a.id = s.agreement_id "
					+ "where a.round_id = ? order by s.item_id", String.class, spring))
			.containsExactly("fr-3", "np-1");
		assertThat(page(ours.steward(), "/rounds/" + spring + "/agreements")).contains("It was about:")
			.contains("When we meet, we talk about all parts of our lives, not only the hard times.");

		UUID autumn = closedRound("Linked autumn", 5);
		publish(autumn);
		Report kept = KeptReport.read(jdbc
			.queryForObject("select report_model from published_report where round_id = ?", String.class, autumn));
		assertThat(kept.since().agreements()).containsExactly(text, "Bring soup on Fridays.");
		assertThat(kept.since().pairs()).filteredOn(pair -> !pair.agreed().isEmpty())
			.extracting(Report.SincePair::id)
			.containsExactlyInAnyOrder("fr-3", "np-1");
		String since = page(ours.board(), "/reports/" + autumn);
		since = since.substring(since.indexOf("id=\"since\""));
		assertThat(since).containsPattern("In our community, staff and members truly take on the same roles\\.</span>"
				+ "[\\s\\S]*?We agreed to try:</strong>\\s*Take turns leading the Thursday circle\\.");

		// A round of another questionnaire after it keeps the words only: there, the same
		// id may name
		// another statement.
		mvc.perform(post("/rounds/" + autumn + "/agreements").with(as(ours.steward()))
			.with(csrf())
			.param("text", text)
			.param("statement", "fr-3")).andExpect(redirectedUrl("/rounds/" + autumn + "/agreements"));
		String other = org.peerreflect.testing.Questionnaires.TINY.replace("id: tiny", "id: other-" + ours.id())
			.replace("fi-1", "fr-3");
		assertThat(catalog.upload(ours.id(), "other.yaml", other.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.valid()).isTrue();
		UUID winter = publishedAlike("other-" + ours.id(), "Other winter", "en", 5, Map.of("fr-3", "2"));
		Report unlinked = KeptReport.read(jdbc
			.queryForObject("select report_model from published_report where round_id = ?", String.class, winter));
		assertThat(unlinked.since().agreements()).containsExactly(text);
		assertThat(unlinked.differ().items()).allSatisfy(item -> assertThat(item.agreed()).isEmpty());

		// Removing the agreement removes its links with it.
		UUID agreement = jdbc.queryForObject("select id from agreement where round_id = ? and position = 1", UUID.class,
				spring);
		mvc.perform(post("/rounds/" + spring + "/agreements/" + agreement + "/remove").param("confirmed", "yes")
			.with(as(ours.steward()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from agreement_statement where agreement_id = ?", Integer.class,
				agreement))
			.isZero();
	}

	@Test
	void invariant12_afterPublishingTheStewardMayEraseTheAnswersAndTheReportStays() throws Exception {
		UUID round = closedRound("Erased", 5);
		mvc.perform(
				post("/rounds/" + round + "/erase").with(as(ours.steward())).with(csrf()).param("understood", "yes"))
			.andExpect(flash().attribute("problem", "round.notPublished"));
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round))
			.isEqualTo(5);
		publish(round);
		byte[] before = mvc.perform(get("/reports/" + round + "/report.pdf").with(as(ours.board())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String pageBefore = page(ours.board(), "/reports/" + round);

		mvc.perform(post("/rounds/" + round + "/erase").with(as(ours.steward())).with(csrf()))
			.andExpect(flash().attribute("problem", "erase.notConfirmed"));
		mvc.perform(post("/rounds/" + round + "/erase").with(as(ours.board())).with(csrf()).param("understood", "yes"))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/rounds/" + round + "/erase").with(as(theirs.steward())).with(csrf()).param("understood", "yes"))
			.andExpect(flash().attribute("problem", "round.notFound"));
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round))
			.isEqualTo(5);

		mvc.perform(
				post("/rounds/" + round + "/erase").with(as(ours.steward())).with(csrf()).param("understood", "yes"))
			.andExpect(flash().attribute("erased", true));
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from written_answer where round_id = ?", Integer.class, round))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from response_answer a join response r on r.id = a.response_id "
				+ "where r.round_id = ?", Integer.class, round))
			.isZero();
		assertThat(page(ours.steward(), "/rounds/" + round)).contains("This round's answers are erased.");
		assertThat(mvc.perform(get("/reports/" + round + "/report.pdf").with(as(ours.board())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray()).isEqualTo(before);
		assertThat(withoutToken(page(ours.board(), "/reports/" + round))).isEqualTo(withoutToken(pageBefore));
	}

	/**
	 * Every new page, for each kind of visitor: 200 for those it is for, and nothing for
	 * anyone else.
	 */
	@Test
	void everyNewPageAnswersEachVisitorAsItShould() throws Exception {
		UUID closed = closedRound("Being read", 5);
		UUID published = closedRound("Read together", 5);
		publish(published);
		People.Person administrator = people.administrator();
		record Visit(String path, int ourSteward, int ourBoard, int theirSteward, int theirBoard, int admin) {
		}
		List<Visit> visits = List.of(new Visit("/rounds/" + closed + "/review", 200, 403, 404, 403, 403),
				new Visit("/rounds/" + closed + "/review/fr-say", 200, 403, 404, 403, 403),
				new Visit("/rounds/" + published + "/agreements", 200, 403, 404, 403, 403),
				new Visit("/reports", 200, 200, 200, 200, 403),
				new Visit("/reports/" + published, 200, 200, 404, 404, 403),
				new Visit("/reports/" + published + "/report.pdf", 200, 200, 404, 404, 403),
				new Visit("/reports/" + published + "/report.xlsx", 200, 200, 404, 404, 403),
				new Visit("/reports/" + published + "/charts/0.png", 200, 200, 404, 404, 403),
				new Visit("/reports/" + published + "/charts/0.png?narrow=true", 200, 200, 404, 404, 403),
				new Visit("/reports/" + closed, 404, 404, 404, 404, 403));
		for (Visit visit : visits) {
			int[] expected = { visit.ourSteward(), visit.ourBoard(), visit.theirSteward(), visit.theirBoard(),
					visit.admin() };
			People.Person[] visitors = { ours.steward(), ours.board(), theirs.steward(), theirs.board(),
					administrator };
			for (int v = 0; v < visitors.length; v++) {
				int status = mvc.perform(get(visit.path()).with(as(visitors[v]))).andReturn().getResponse().getStatus();
				assertThat(status).as("%s for %s", visit.path(), visitors[v].email()).isEqualTo(expected[v]);
			}
			String signInPage = mvc.perform(get(visit.path())).andReturn().getResponse().getRedirectedUrl();
			assertThat(signInPage).as(visit.path() + " without an account").endsWith("/sign-in");
		}
	}

	/** The report speaks the round's language; the page around it speaks the reader's. */
	@Test
	void aSpanishRoundsReportIsInSpanishWhateverTheReadersLanguage() throws Exception {
		UUID round = publishedAlike("peer-support-principles", "Ronda de otoño", "es", 3, Map.of("np-1", "5"));
		String page = page(ours.board(), "/reports/" + round);
		assertThat(page).contains("Cómo leer este informe").contains("Download the PDF").contains("lang=\"es\"");
		// The steward's guide too, in the report's language.
		assertStewardGuide(page,
				KeptReport
					.read(jdbc.queryForObject("select report_model from published_report where round_id = ?",
							String.class, round))
					.steward());
		assertThat(page).contains("Guía para acompañar la reunión").doesNotContain("A steward's guide");
		assertThat(Pdfs
			.text(jdbc.queryForObject("select pdf from published_report where round_id = ?", byte[].class, round)))
			.contains("Cómo leer este informe");
		String list = HtmlUtils.htmlUnescape(mvc.perform(get("/reports").param("lang", "es").with(as(ours.board())))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(list).contains("Ronda de otoño").containsPattern("publicado el \\d{1,2} de [a-z]+ de \\d{4}");
	}

}
