package org.peerreflect.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerreflect.organization.AccountService;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.HttpBrowser;
import org.peerreflect.testing.MutableClock;
import org.peerreflect.testing.People;
import org.peerreflect.testing.People.Organization;
import org.peerreflect.testing.People.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A steward uploads a questionnaire file of their own: what the page says back, and what
 * is kept. Texts are compared with the messages files, in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionnaireUploadTest {

	/**
	 * The reader tests' small valid questionnaire, with its id left open: line 21 is the
	 * first item, the tests below change it.
	 */
	private static final String TINY = QuestionnaireReaderTest.TINY.replaceFirst("id: tiny", "id: %s");

	private static final Pattern FINDINGS = Pattern.compile("<ul class=\"findings\">(.*?)</ul>", Pattern.DOTALL);

	private static final Pattern ITEM = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	Organization ours;

	Organization theirs;

	Person admin;

	@BeforeAll
	void organizations() {
		People people = new People(accounts, signIn, jdbc);
		ours = people.organization("Ours");
		theirs = people.organization("Theirs");
		admin = people.administrator();
	}

	private static String tiny(String id) {
		return TINY.formatted(id);
	}

	/** The tiny questionnaire with line {@code number} (1-based) replaced. */
	private static String tinyWithLine(String id, int number, String replacement) {
		List<String> lines = new ArrayList<>(Arrays.asList(tiny(id).split("\n", -1)));
		lines.set(number - 1, replacement);
		return String.join("\n", lines);
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.ENGLISH);
	}

	private String upload(Person steward, String fileName, byte[] content) throws Exception {
		return Html.text(mvc
			.perform(multipart("/questionnaires")
				.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
				.with(csrf())
				.with(user(steward.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private String upload(Person steward, String fileName, String content) throws Exception {
		return upload(steward, fileName, content.getBytes(StandardCharsets.UTF_8));
	}

	private String list(Person steward) throws Exception {
		return Html.text(mvc.perform(get("/questionnaires").with(user(steward.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	/** The lines of every findings list on the page (errors, then notes). */
	private static List<String> findings(String page) {
		List<String> found = new ArrayList<>();
		Matcher list = FINDINGS.matcher(page);
		while (list.find()) {
			Matcher item = ITEM.matcher(list.group(1));
			while (item.find()) {
				found.add(item.group(1).strip());
			}
		}
		return found;
	}

	private int kept(Organization organization, String questionnaireId) {
		return jdbc.queryForObject(
				"select count(*) from uploaded_questionnaire where organization_id = ? and questionnaire_id = ?",
				Integer.class, organization.id(), questionnaireId);
	}

	private String listed(String id, int items) {
		return text("questionnaires.item", "Tiny", id, 1, items);
	}

	@Test
	void aValidQuestionnaireIsAddedAndListed() throws Exception {
		String id = People.unique("valid");
		String page = upload(ours.steward(), "tiny.yaml", tiny(id));
		assertThat(page).contains(text("questionnaires.added", id, 1), listed(id, 3));
		assertThat(page).doesNotContain(text("questionnaires.invalid", "tiny.yaml"));
		assertThat(findings(page)).isEmpty();
		assertThat(kept(ours, id)).isOne();
		assertThat(list(ours.steward())).contains(listed(id, 3));
	}

	@Test
	void anInvalidQuestionnaireShowsWhereItIsWrongAndIsNotAdded() throws Exception {
		String id = People.unique("invalid");
		String page = upload(ours.steward(), "bad.yaml", tinyWithLine(id, 21,
				"      - {id: fi-1, type: scale, scale: agree5, text: {en: \"One\", es: \"Uno\"}}"));
		assertThat(page).contains(text("questionnaires.invalid", "bad.yaml"));
		assertThat(findings(page)).containsExactly("bad.yaml:21: item fi-1: unknown scale 'agree5' (known: agree)");
		assertThat(page).doesNotContain(text("questionnaires.added", id, 1), id + ", version");
		assertThat(kept(ours, id)).isZero();
		assertThat(list(ours.steward())).doesNotContain(id);
	}

	@Test
	void languageNotesAreShownWithTheirSuggestionAndDoNotStopTheUpload() throws Exception {
		String id = People.unique("notes");
		String page = upload(ours.steward(), "notes.yaml", tinyWithLine(id, 21,
				"      - {id: fi-1, type: scale, scale: agree, text: {en: \"Do the patients here feel welcome?\", es: \"Uno\"}}"));
		assertThat(page).contains(text("questionnaires.notes"), text("questionnaires.added", id, 1));
		assertThat(findings(page)).containsExactly(
				"notes.yaml:21: note: item fi-1 text (en): \"patients\" can read as clinical or judging; perhaps: people, members, us");
		assertThat(kept(ours, id)).isOne();
	}

	@Test
	void aFileOverOneMegabyteGetsAClearMessageAndIsNotAdded() throws Exception {
		byte[] big = new byte[QuestionnaireReader.MAX_BYTES + 1];
		Arrays.fill(big, (byte) '#');
		String page = upload(ours.steward(), "big.yaml", big);
		assertThat(page).contains(text("questionnaires.invalid", "big.yaml"));
		assertThat(findings(page))
			.containsExactly("big.yaml: the file is larger than 1 MB; a questionnaire is much smaller than that");
	}

	@Test
	void overRealHttpAFileJustOverOneMegabyteGetsTheSameClearMessage() {
		byte[] big = new byte[QuestionnaireReader.MAX_BYTES + 1];
		Arrays.fill(big, (byte) '#');
		HttpBrowser browser = new HttpBrowser(port).signIn(ours.steward().email(), People.PASSWORD);
		HttpResponse<String> answer = browser.upload("/questionnaires", browser.get("/questionnaires").body(), "file",
				"big.yaml", big);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(Html.text(answer.body())).contains(text("questionnaires.invalid", "big.yaml"),
				"big.yaml: the file is larger than 1 MB; a questionnaire is much smaller than that");
	}

	/**
	 * Over the multipart limits: a part over max-file-size (5 MB), a request over
	 * max-request-size (6 MB).
	 */
	@ParameterizedTest(name = "{0} bytes")
	@ValueSource(ints = { 5 * 1024 * 1024 + 512 * 1024, 8 * 1024 * 1024 })
	void overRealHttpAFileFarOverTheLimitGetsAClearMessageAndNoErrorPage(int size) {
		byte[] huge = new byte[size];
		Arrays.fill(huge, (byte) '#');
		HttpBrowser browser = new HttpBrowser(port).signIn(ours.steward().email(), People.PASSWORD);
		HttpResponse<String> sent = browser.upload("/questionnaires", browser.get("/questionnaires").body(), "file",
				"huge.yaml", huge);
		// Sent back to the page, which says why; nothing of the file was read.
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(sent.headers().firstValue("Location")).hasValue("/questionnaires?tooLarge");
		HttpResponse<String> answer = browser.get("/questionnaires?tooLarge");
		String page = Html.text(answer.body());
		assertThat(page).as("status %d", answer.statusCode())
			.contains(text("questionnaires.tooLarge"))
			.doesNotContain(text("error.5xx.title"), text("error.403.title"), "Exception", "Whitelabel");
		assertThat(answer.statusCode()).isEqualTo(200);
	}

	@Test
	void aFileThatIsNotYamlIsRefused() throws Exception {
		String id = People.unique("text");
		for (String name : List.of("questions.txt", "questions.yaml.exe", "questions")) {
			String page = upload(ours.steward(), name, tiny(id));
			assertThat(page).as(name)
				.contains(text("questionnaires.notYaml"))
				.doesNotContain(text("questionnaires.added", id, 1));
		}
		assertThat(kept(ours, id)).isZero();
	}

	@Test
	void anEmptyFileIsRefused() throws Exception {
		String page = upload(ours.steward(), "empty.yaml", new byte[0]);
		assertThat(page).contains(text("questionnaires.emptyFile"));
	}

	@Test
	void theSameIdAndVersionTwiceIsRefusedTheSecondTime() throws Exception {
		String id = People.unique("twice");
		upload(ours.steward(), "first.yaml", tiny(id));
		String page = upload(ours.steward(), "second.yaml",
				tiny(id).replace("title: {en: \"Tiny\"", "title: {en: \"Tiny again\""));
		assertThat(page).contains(text("questionnaires.invalid", "second.yaml"));
		assertThat(findings(page)).containsExactly("second.yaml: version 1 of '" + id
				+ "' is already offered; a used version never changes, so give the file a new version number");
		assertThat(kept(ours, id)).isOne();
		assertThat(list(ours.steward())).contains(listed(id, 3)).doesNotContain("Tiny again");
		// A new version is a new questionnaire.
		String next = upload(ours.steward(), "third.yaml", tiny(id).replace("version: 1", "version: 2"));
		assertThat(next).contains(text("questionnaires.added", id, 2));
		assertThat(kept(ours, id)).isEqualTo(2);
	}

	@Test
	void anotherOrganizationMayUseTheSameIdAndVersionForItsOwnFile() throws Exception {
		String id = People.unique("both");
		upload(ours.steward(), "ours.yaml", tiny(id));
		String page = upload(theirs.steward(), "theirs.yaml", tiny(id));
		assertThat(page).contains(text("questionnaires.added", id, 1));
		assertThat(kept(ours, id)).isOne();
		assertThat(kept(theirs, id)).isOne();
	}

	@Test
	void theBundledQuestionnaireCannotBeUploadedAgainUnderItsVersion() throws Exception {
		String bundled = new String(
				getClass().getResourceAsStream("/questionnaires/peer-support-principles.yaml").readAllBytes(),
				StandardCharsets.UTF_8);
		String page = upload(ours.steward(), "copy.yaml", bundled);
		assertThat(findings(page))
			.containsExactly("copy.yaml: version 1 of 'peer-support-principles' is already offered; "
					+ "a used version never changes, so give the file a new version number");
		assertThat(kept(ours, "peer-support-principles")).isZero();
	}

	@Test
	void theAdministratorSeesTheBundledQuestionnaireOfferedToEveryoneAndNoOrganizationsOwn() throws Exception {
		String id = People.unique("private");
		upload(ours.steward(), "private.yaml", tiny(id));
		Questionnaire standard = QuestionnaireFiles.resolve("peer-support-principles").orElseThrow().questionnaire();
		String page = Html.text(mvc.perform(get("/admin/questionnaires").with(user(admin.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page).contains(
				text("questionnaires.admin.offered"), text("questionnaires.item", standard.title().in("en"),
						"peer-support-principles", 1, standard.items().size()),
				text("questionnaires.admin.noneInvalid"));
		assertThat(standard.items()).hasSize(33);
		assertThat(page).doesNotContain(id);
	}

	@Autowired
	QuestionnaireCatalog catalog;

	/**
	 * Two stewards uploading the same new version at the same moment: one is kept, and
	 * the other is told it is already offered, never a server error.
	 */
	@Test
	void theSameVersionUploadedTwiceAtOnceIsKeptOnce() throws Exception {
		for (int n = 0; n < 10; n++) {
			String id = People.unique("twin");
			byte[] file = tiny(id).getBytes(StandardCharsets.UTF_8);
			CyclicBarrier start = new CyclicBarrier(2);
			Callable<QuestionnaireCheck> upload = () -> {
				start.await();
				return catalog.upload(ours.id(), "twin.yaml", file);
			};
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<QuestionnaireCheck> checks = new ArrayList<>();
			try {
				for (Future<QuestionnaireCheck> check : pool.invokeAll(List.of(upload, upload))) {
					checks.add(check.get());
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(checks).filteredOn(QuestionnaireCheck::valid).hasSize(1);
			assertThat(checks).filteredOn(check -> !check.valid())
				.singleElement()
				.satisfies(check -> assertThat(check.errors().get(0).message()).contains("is already offered"));
			assertThat(kept(ours, id)).isOne();
		}
	}

}
