package org.peerreflect.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.peerreflect.report.ReportInput;
import org.peerreflect.testing.Pdfs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code demo} profile as someone trying it finds it: the accounts printed in the
 * README sign in through the real form, and the two example rounds are published with the
 * agreements between them, on screen and in the kept PDF.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoProfileTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Signs in through the real form and returns the session cookie the browser would
	 * keep.
	 */
	private Cookie signIn(String email) throws Exception {
		MvcResult result = mvc
			.perform(formLogin("/sign-in").userParameter("email").user(email).password(DemoData.PASSWORD))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(email))
			.andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("the session cookie after signing in as %s", email).isNotNull();
		return session;
	}

	private String page(Cookie session, String path) throws Exception {
		return mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private UUID round(String name) {
		return jdbc.queryForObject("select r.id from round r join organization o on o.id = r.organization_id "
				+ "where o.name = ? and r.name = ?", UUID.class, DemoData.ORGANIZATION, name);
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static List<String> agreements() throws IOException {
		return resource("examples/agreements-autumn.txt").lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.map(line -> ReportInput.Agreement.ofLine(line).text())
			.toList();
	}

	/**
	 * Answers in an example file: its records, as a written answer may run over several
	 * lines.
	 */
	private static int people(String file) throws IOException {
		try (Reader in = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8);
				CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
			return (int) csv.stream().filter(record -> !(record.size() == 1 && record.get(0).isBlank())).count();
		}
	}

	/** The number on the report's cover, "45 people". */
	private static int peopleOnCover(String html) {
		Matcher facts = Pattern.compile("<dl class=\"facts\">(.*?)</dl>", Pattern.DOTALL).matcher(html);
		assertThat(facts.find()).as("the cover's facts").isTrue();
		Matcher people = Pattern.compile("<span>(\\d+) people</span>").matcher(facts.group(1));
		assertThat(people.find()).as("\"<n> people\" on the cover").isTrue();
		return Integer.parseInt(people.group(1));
	}

	private static String section(String html, String id) {
		Matcher section = Pattern.compile("<section id=\"" + id + "\"(.*?)</section>", Pattern.DOTALL).matcher(html);
		assertThat(section.find()).as("the section with id %s", id).isTrue();
		return section.group(1);
	}

	private static String words(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	@Test
	void theDemoDatabaseLivesInMemorySoItsPasswordsNeverReachTheDataFolder() throws IOException {
		Properties demo = new Properties();
		try (InputStream in = new ClassPathResource("application-demo.properties").getInputStream()) {
			demo.load(in);
		}
		assertThat(demo.getProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:");
	}

	@Test
	void theStewardAndTheBoardReaderSignInWithTheDemoPasswordAndNobodyWithAWrongOne() throws Exception {
		mvc.perform(formLogin("/sign-in").userParameter("email").user(DemoData.STEWARD).password("reflect-together"))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(DemoData.STEWARD).withRoles("STEWARD"));
		mvc.perform(formLogin("/sign-in").userParameter("email").user(DemoData.BOARD).password("reflect-together"))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(DemoData.BOARD).withRoles("BOARD"));
		mvc.perform(formLogin("/sign-in").userParameter("email").user(DemoData.BOARD).password("reflect-together!"))
			.andExpect(redirectedUrl("/sign-in?failed"))
			.andExpect(unauthenticated());
		mvc.perform(formLogin("/sign-in").userParameter("email").user(DemoData.STEWARD).password("wrong password"))
			.andExpect(redirectedUrl("/sign-in?failed"))
			.andExpect(unauthenticated());
	}

	/**
	 * The spring round's results are shared, so a newcomer opens them without signing in:
	 * the meeting's page and the figures, no cookie.
	 */
	@Test
	void theSpringRoundsResultsAreSharedWithEveryoneWithoutSigningIn() throws Exception {
		String token = jdbc.queryForObject("select l.token from results_link l join round r on r.id = l.round_id "
				+ "where r.name = 'Spring round' and l.state = 'SHARED'", String.class);
		var result = mvc.perform(get("/results/" + token)).andReturn().getResponse();
		assertThat(result.getStatus()).isEqualTo(200);
		assertThat(result.getHeader("Set-Cookie")).isNull();
		assertThat(result.getContentAsString()).contains("For our meeting").containsPattern("\\d+%");
	}

	@Test
	void theDemoOrganizationHasThreePublishedRounds() {
		List<String> states = jdbc.queryForList(
				"select r.state from round r join organization o on o.id = r.organization_id " + "where o.name = ?",
				String.class, DemoData.ORGANIZATION);
		assertThat(states).containsExactly("PUBLISHED", "PUBLISHED", "PUBLISHED");
		Integer reports = jdbc.queryForObject(
				"select count(*) from published_report p join round r on r.id = p.round_id "
						+ "join organization o on o.id = r.organization_id where o.name = ?",
				Integer.class, DemoData.ORGANIZATION);
		assertThat(reports).isEqualTo(3);
	}

	@Test
	void theBoardReaderFindsBothReportsAndTheSpringOneSaysWhatWasAgreedInAutumn() throws Exception {
		Cookie board = signIn(DemoData.BOARD);
		String list = page(board, "/reports");
		assertThat(list).contains("Spring round", "Autumn round");
		UUID autumn = round("Autumn round");
		UUID spring = round("Spring round");
		assertThat(list).contains("/reports/" + autumn, "/reports/" + spring);

		String report = page(board, "/reports/" + spring);
		assertThat(report).contains("id=\"since\"");
		String since = HtmlUtils.htmlUnescape(section(report, "since"));
		List<String> agreed = agreements();
		assertThat(agreed).hasSize(3);
		for (String agreement : agreed) {
			assertThat(since).contains(agreement);
		}
		// Three rounds in view on the spring report, and the autumn one looks back on the
		// spring before; the first has nothing to look back on.
		String series = HtmlUtils.htmlUnescape(section(report, "series"));
		// Published on one day here, the rounds are told apart by their place in the
		// series.
		assertThat(series).contains("(round 1)", "(round 2)", "(round 3)").doesNotContain("(round 4)");
		assertThat(page(board, "/reports/" + autumn)).contains("id=\"since\"");
		assertThat(page(board, "/reports/" + round("Spring round a year before"))).doesNotContain("id=\"since\"")
			.doesNotContain("id=\"series\"");
	}

	@Test
	void theSpringPdfIsTheKeptOneAndNamesTheOrganizationAndTheAgreements() throws Exception {
		Cookie board = signIn(DemoData.BOARD);
		UUID spring = round("Spring round");
		MvcResult result = mvc.perform(get("/reports/" + spring + "/report.pdf").cookie(board))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		byte[] pdf = result.getResponse().getContentAsByteArray();
		byte[] kept = jdbc.queryForObject("select pdf from published_report where round_id = ?", byte[].class, spring);
		assertThat(pdf).isEqualTo(kept);

		String all = words(Pdfs.text(pdf));
		assertThat(all).contains(DemoData.ORGANIZATION);
		for (String agreement : agreements()) {
			assertThat(all).contains(words(agreement).substring(0, 30));
		}
	}

	@Test
	void eachReportCountsThePeopleOfItsExampleFile() throws Exception {
		Cookie steward = signIn(DemoData.STEWARD);
		int spring = people("examples/round-spring.csv");
		int autumn = people("examples/round-autumn.csv");
		assertThat(spring).isPositive();
		assertThat(autumn).isPositive().isNotEqualTo(spring);
		assertThat(peopleOnCover(page(steward, "/reports/" + round("Spring round")))).isEqualTo(spring);
		assertThat(peopleOnCover(page(steward, "/reports/" + round("Autumn round")))).isEqualTo(autumn);
	}

}
