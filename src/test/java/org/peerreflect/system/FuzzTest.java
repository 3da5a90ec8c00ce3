package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peerreflect.answers.AnswersCsv;
import org.peerreflect.answers.AnswersProblem;
import org.peerreflect.organization.AccountService;
import org.peerreflect.participation.ParticipationCodes;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.publication.Publication;
import org.peerreflect.questionnaire.Finding;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCheck;
import org.peerreflect.questionnaire.QuestionnaireReader;
import org.peerreflect.questionnaire.Scale;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.People;
import org.peerreflect.testing.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Malformed input by the thousand: questionnaire files, paper answers files and form
 * posts, made by seeded random mutation of good ones. Hand-picked examples only cover the
 * mistakes someone thought of; each of these must still get a clear message, and never a
 * server error, a stack trace or half an import. A fixed seed gives the same bulk of
 * cases every run; a fresh seed, printed, adds new ones (replay it with
 * {@code -Dfuzz.seed=...}). Every assertion names its seed and case.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The cases spend the shared wrong-code allowance and leave rounds and uploads behind.
@DirtiesContext
@Slow
class FuzzTest {

	private static final long FIXED_SEED = 0x5EED_2026L;

	private static final long FRESH_SEED = Long.getLong("fuzz.seed", System.nanoTime());

	private static final int FIXED_YAML = 420;

	private static final int FIXED_CSV = 420;

	private static final int FIXED_FORMS = 400;

	private static final int FRESH_YAML = 60;

	private static final int FRESH_CSV = 60;

	private static final int FRESH_FORMS = 40;

	/** Every this many questionnaire files also goes through the upload page. */
	private static final int UPLOAD_EVERY = 10;

	/** Every this many answers files also goes through the paper import page. */
	private static final int IMPORT_EVERY = 4;

	/** A small valid questionnaire (the reader tests' one, with an id of its own). */
	private static final String TINY = org.peerreflect.testing.Questionnaires.TINY.replace("id: tiny\n",
			"id: fuzz-tiny\n");

	/** Signs of an exception reaching a page: its class name or a stack frame. */
	private static final Pattern STACK_TRACE = Pattern
		.compile("Exception|Throwable|\\tat |\\bat (org|java|jakarta|sun|jdk)\\.[\\w$.]+\\(");

	/** A few problems are about the whole answers file, with no row to name. */
	private static final Pattern WHOLE_FILE = Pattern
		.compile("is not (UTF-8|windows-1252) text|is UTF-16 text|^and more problems after these$");

	private static final String CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

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
	Publication publication;

	private People.Organization ours;

	private People.Organization theirs;

	private String bundled;

	private Questionnaire questionnaire;

	/**
	 * Rounds of ours: one open for paper answers, one open for the join pages, and more
	 * below.
	 */
	private UUID paperRound;

	private UUID joinRound;

	/** Closed, with written answers for the review. */
	private UUID reviewRound;

	private List<UUID> reviewAnswers;

	/** Published, for agreements. */
	private UUID publishedRound;

	/** Rounds only the form posts change: opened, closed, published, erased at random. */
	private final List<UUID> scratchRounds = new ArrayList<>();

	private UUID theirRound;

	private final Deque<String> paperCodes = new ArrayDeque<>();

	private final Deque<String> joinCodes = new ArrayDeque<>();

	private List<String> theirCodes;

	/** A recent signed time from a real join page: {@code t} and {@code sig}. */
	private Map<String, String> signedTime;

	/** The cookie of a journey begun with a working code, sent with most page posts. */
	private Cookie journey;

	private int yamlCases;

	private int yamlStillValid;

	private int yamlUploads;

	private int csvCases;

	private int csvStillGood;

	private int csvImports;

	private int formCases;

	private long started;

	@BeforeAll
	void fixtures() throws Exception {
		System.out.println("FuzzTest: fixed seed " + FIXED_SEED + ", fresh seed " + FRESH_SEED
				+ " (replay the fresh cases with -Dfuzz.seed=" + FRESH_SEED + ")");
		started = System.nanoTime();
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("questionnaires/peer-support-principles.yaml")) {
			bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		People people = new People(accounts, signIn, jdbc);
		ours = people.organization("Fuzz");
		theirs = people.organization("Fuzz others");
		UUID org = ours.id();

		paperRound = rounds.create(org, "Paper fuzz", "peer-support-principles", 1, "en", 5).id();
		rounds.open(paperRound, org);
		questionnaire = rounds.questionnaire(paperRound, org);

		joinRound = rounds.create(org, "Join fuzz", "peer-support-principles", 1, "en", 5).id();
		joinCodes.addAll(participation.issueCodes(joinRound, org, 300, "More of us came than we thought"));
		rounds.open(joinRound, org);

		reviewRound = rounds.create(org, "Review fuzz", "peer-support-principles", 1, "en", 3).id();
		List<String> reviewCodes = participation.issueCodes(reviewRound, org, 12, "More of us came than we thought");
		rounds.open(reviewRound, org);
		for (int i = 0; i < reviewCodes.size(); i++) {
			participation.submit(reviewCodes.get(i), Channel.ONLINE, new Submission("member", Map.of("np-1", "4"),
					Map.of("np-say", "We talk about gardens, number " + i + ", and the bus to Elm Street")));
		}
		rounds.close(reviewRound, org);
		reviewAnswers = jdbc.queryForList("select id from written_answer where round_id = ?", UUID.class, reviewRound);

		publishedRound = rounds.create(org, "Published fuzz", "peer-support-principles", 1, "en", 3).id();
		rounds.open(publishedRound, org);
		rounds.close(publishedRound, org);
		publication.publish(publishedRound, org, ours.name());

		scratchRounds.add(rounds.create(org, "Scratch draft", "peer-support-principles", 1, "en", 5).id());
		UUID open = rounds.create(org, "Scratch open", "peer-support-principles", 1, "es", 5).id();
		rounds.open(open, org);
		scratchRounds.add(open);
		UUID closed = rounds.create(org, "Scratch closed", "peer-support-principles", 1, "en", 5).id();
		rounds.open(closed, org);
		rounds.close(closed, org);
		scratchRounds.add(closed);

		theirRound = rounds.create(theirs.id(), "Not yours", "peer-support-principles", 1, "en", 5).id();
		theirCodes = participation.issueCodes(theirRound, theirs.id(), 20, "More of us came than we thought");
		rounds.open(theirRound, theirs.id());

		org.springframework.mock.web.MockHttpServletResponse started = mvc
			.perform(post("/join/start").with(csrf()).param("code", joinCodes.pop()).param("lang", "en"))
			.andReturn()
			.getResponse();
		journey = started.getCookie("pr_journey");
		String start = mvc.perform(get(started.getRedirectedUrl()).cookie(journey))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		signedTime = Html.hiddenFields(start);
		assertThat(signedTime).containsKeys("t", "sig", "j");
	}

	@AfterAll
	void counts() {
		System.out.printf(
				"FuzzTest: %d questionnaire files (%d still valid, %d also uploaded), %d answers files (%d still "
						+ "good, %d also imported), %d form posts: %d cases in %.1f s; fresh seed %d%n",
				yamlCases, yamlStillValid, yamlUploads, csvCases, csvStillGood, csvImports, formCases,
				yamlCases + csvCases + formCases, (System.nanoTime() - started) / 1e9, FRESH_SEED);
	}

	/**
	 * One generated case: its own random numbers, and its seed and number for every
	 * message.
	 */
	private record Case(long seed, int number, Random random) {

		String where(String kind, Object how) {
			return "seed " + seed + ", " + kind + " case " + number + " (" + how + ")";
		}

	}

	private interface Body {

		void run(Case c) throws Exception;

	}

	private static void cases(long seed, int count, Body body) throws Exception {
		for (int n = 0; n < count; n++) {
			// Each case has a generator of its own: its input depends on its seed and
			// number only.
			body.run(new Case(seed, n, new Random(seed * 0x9E3779B97F4A7C15L + n)));
		}
	}

	/** java.util.Random with the few ways of choosing the cases use. */
	private static final class Random extends java.util.Random {

		Random(long seed) {
			super(seed);
		}

		<T> T pick(List<T> list) {
			return list.get(nextInt(list.size()));
		}

		@SafeVarargs
		final <T> T pick(T... values) {
			return values[nextInt(values.length)];
		}

		boolean chance(int percent) {
			return nextInt(100) < percent;
		}

	}

	// ------------------------------------------------------------------------------------------
	// Questionnaire files
	// ------------------------------------------------------------------------------------------

	@Test
	void questionnaireFiles() throws Exception {
		cases(FIXED_SEED, FIXED_YAML, this::questionnaireFile);
		cases(FRESH_SEED, FRESH_YAML, this::questionnaireFile);
		assertThat(yamlCases).isEqualTo(FIXED_YAML + FRESH_YAML);
	}

	private void questionnaireFile(Case c) throws Exception {
		Random r = c.random();
		boolean small = r.chance(35);
		String name = r.chance(85) ? "fuzz-" + c.number() + (r.nextBoolean() ? ".yaml" : ".yml")
				: r.pick("q.yaml", "Über ñ.yaml", "a b.yaml", ".yaml", "x.YAML", "notes.txt", "questionnaire");
		List<Mutation> chosen = new ArrayList<>();
		int count = r.chance(60) ? 1 : r.chance(75) ? 2 : 3;
		for (int i = 0; i < count; i++) {
			chosen.add(r.pick(YAML_MUTATIONS));
		}
		// Text mutations first: decoding after a byte mutation would mend what it broke.
		chosen.sort((a, b) -> Boolean.compare(a.bytes(), b.bytes()));
		byte[] bytes = (small ? TINY : bundled).getBytes(StandardCharsets.UTF_8);
		for (Mutation mutation : chosen) {
			bytes = mutation.apply().apply(r, bytes);
		}
		String where = c.where("questionnaire file", (small ? "tiny" : "bundled") + " "
				+ chosen.stream().map(Mutation::name).toList() + ", " + bytes.length + " bytes");
		yamlCases++;

		QuestionnaireCheck check = null;
		try {
			check = QuestionnaireReader.read(name, bytes);
		}
		catch (Throwable e) {
			fail(where + ": the reader threw " + e, e);
		}
		assertThat(check).as(where).isNotNull();
		if (check.valid()) {
			yamlStillValid++;
			assertThat(check.errors()).as(where).isEmpty();
		}
		else {
			assertThat(check.questionnaire()).as(where + ": no questionnaire beside errors").isNull();
			assertThat(check.errors()).as(where + ": an invalid file says why").isNotEmpty();
			for (Finding error : check.errors()) {
				assertClearFinding(where, name, error);
			}
		}

		if (c.number() % UPLOAD_EVERY == 0) {
			yamlUploads++;
			upload(where, name, bytes, check);
		}
	}

	private static void assertClearFinding(String where, String name, Finding error) {
		String text = error.toString();
		assertThat(error.file()).as(where).isEqualTo(name);
		assertThat(error.message()).as(where + ": " + text).isNotBlank().doesNotContainPattern(STACK_TRACE);
		if (error.line() == 0) {
			// Only the size of the whole file has no line to name.
			assertThat(error.message()).as(where + ": a finding without a line: " + text)
				.startsWith("the file is larger than 1 MB");
			assertThat(text).as(where).isEqualTo(name + ": " + error.message());
		}
		else {
			assertThat(error.line()).as(where + ": " + text).isPositive();
			assertThat(text).as(where).matches(Pattern.quote(name) + ":\\d+: (?s).+");
		}
	}

	private void upload(String where, String name, byte[] bytes, QuestionnaireCheck check) throws Exception {
		int before = uploads();
		MvcResult result = perform(where + ", uploaded",
				multipart("/questionnaires").file(new MockMultipartFile("file", name, "application/x-yaml", bytes))
					.with(csrf())
					.with(user(ours.steward().principal())));
		assertThat(result.getResponse().getStatus()).as(where + ", uploaded").isEqualTo(200);
		int after = uploads();
		String page = Html.text(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		boolean yamlName = name.endsWith(".yaml") || name.endsWith(".yml");
		if (bytes.length > 0 && yamlName && !check.valid()) {
			assertThat(after).as(where + ": nothing kept of an invalid file").isEqualTo(before);
			assertThat(page).as(where + ": the page shows the first finding")
				.contains(check.errors().get(0).toString());
		}
		else if (bytes.length > 0 && yamlName) {
			assertThat(after - before).as(where + ": a valid file is kept at most once").isBetween(0, 1);
		}
		else {
			assertThat(after).as(where + ": an empty or misnamed file is not kept").isEqualTo(before);
		}
	}

	private int uploads() {
		return jdbc.queryForObject("select count(*) from uploaded_questionnaire where organization_id = ?",
				Integer.class, ours.id());
	}

	private record Mutation(String name, boolean bytes, BiFunction<Random, byte[], byte[]> apply) {
	}

	private static Mutation text(String name, BiFunction<Random, String, String> change) {
		return new Mutation(name, false, (r, bytes) -> change.apply(r, new String(bytes, StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8));
	}

	private static Mutation bytes(String name, BiFunction<Random, byte[], byte[]> change) {
		return new Mutation(name, true, change);
	}

	private static List<String> lines(String text) {
		return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
	}

	private static int anyLine(Random r, List<String> lines) {
		// The last "line" after the final newline is empty; any of the others.
		return r.nextInt(Math.max(1, lines.size() - 1));
	}

	/** A place between two characters, never inside a surrogate pair. */
	private static int place(Random r, String text) {
		int at = r.nextInt(text.length() + 1);
		return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
	}

	private static String insert(Random r, String text, String what) {
		int at = place(r, text);
		return text.substring(0, at) + what + text.substring(at);
	}

	private static byte[] insert(Random r, byte[] bytes, byte[] what) {
		int at = r.nextInt(bytes.length + 1);
		byte[] out = new byte[bytes.length + what.length];
		System.arraycopy(bytes, 0, out, 0, at);
		System.arraycopy(what, 0, out, at, what.length);
		System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
		return out;
	}

	/**
	 * Replaces one match of the pattern (chosen at random) by what {@code with} makes of
	 * it.
	 */
	private static String replaceOne(Random r, String text, String regex,
			java.util.function.Function<Matcher, String> with) {
		Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
		List<int[]> found = new ArrayList<>();
		List<String> replacements = new ArrayList<>();
		while (m.find()) {
			found.add(new int[] { m.start(), m.end() });
			replacements.add(with.apply(m));
		}
		if (found.isEmpty()) {
			return insert(r, text, "x");
		}
		int i = r.nextInt(found.size());
		return text.substring(0, found.get(i)[0]) + replacements.get(i) + text.substring(found.get(i)[1]);
	}

	private static final String[] CONTROL = { "\u0000", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u001B", "\u007F",
			"\u0085", "\u009F", "\uFFFE", "\uFFFF", "\u200B", "\u202E", "\uFEFF", "\u2028", "\r", "\t" };

	private static final byte[][] BAD_UTF8 = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0x80 },
			{ (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE2, (byte) 0x82 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
			{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE9 },
			{ (byte) 0xFE, (byte) 0xFF } };

	private static final String[] WRONG_SCALARS = { "[1, 2]", "{a: b}", "~", "null", "", "''", "\"\"", "true", "3.5",
			"-1", "0", "2147483648", "99999999999999999999", "0x1F", "1e3", "!!binary aGVsbG8=", "!!int 7", "!!str 1",
			"|", ">-", "!!null ''", "\"\\u0000\"", "'a''b'", "@x", "`x`", "%x", "? x", "- x", "*", "&", "!", "NaN",
			".inf" };

	private static final String[] WRONG_TEXTS = { "\"just a string\"", "[a, b]", "~", "{}", "{en: \"\"}", "{en: \"x\"}",
			"{en: \"x\", es: \"y\", fr: \"z\"}", "{EN: \"x\", es: \"y\"}", "{en: [1], es: \"y\"}", "{en: ~, es: \"y\"}",
			"{en: \"x\", en: \"y\", es: \"z\"}", "{en: {a: b}, es: \"y\"}", "{en: \"   \", es: \"y\"}",
			"{? [en]: x, es: y}" };

	private static final String BILLION_LAUGHS = """
			a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
			b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
			c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
			d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
			e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
			f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
			g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
			h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
			i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
			""";

	private static final List<Mutation> YAML_MUTATIONS = List.of(text("delete a line", (r, t) -> {
		List<String> l = lines(t);
		l.remove(anyLine(r, l));
		return String.join("\n", l);
	}), text("duplicate a line", (r, t) -> {
		List<String> l = lines(t);
		int i = anyLine(r, l);
		l.add(i, l.get(i));
		return String.join("\n", l);
	}), text("swap two lines", (r, t) -> {
		List<String> l = lines(t);
		Collections.swap(l, anyLine(r, l), anyLine(r, l));
		return String.join("\n", l);
	}), bytes("cut at a byte", (r, b) -> Arrays.copyOf(b, r.nextInt(b.length + 1))),
			bytes("insert random bytes", (r, b) -> {
				byte[] noise = new byte[1 + r.nextInt(8)];
				r.nextBytes(noise);
				return insert(r, b, noise);
			}), text("insert a control character", (r, t) -> insert(r, t, r.pick(CONTROL))),
			bytes("insert invalid UTF-8", (r, b) -> insert(r, b, r.pick(BAD_UTF8))),
			text("change indentation", (r, t) -> {
				List<String> l = lines(t);
				int i = anyLine(r, l);
				String line = l.get(i);
				l.set(i, switch (r.nextInt(4)) {
					case 0 -> " ".repeat(1 + r.nextInt(3)) + line;
					case 1 -> line.replaceFirst("^ {1,2}", "");
					case 2 -> line.replaceFirst("^ +", "\t");
					default -> line.strip();
				});
				return String.join("\n", l);
			}), text("anchor and alias", (r, t) -> {
				Matcher m = Pattern.compile("\\{en: \"[^\"]*\", es: \"[^\"]*\"\\}").matcher(t);
				List<int[]> maps = new ArrayList<>();
				while (m.find()) {
					maps.add(new int[] { m.start(), m.end() });
				}
				if (maps.size() < 2) {
					return "base: &a {x: 1}\nother: *a\n" + t;
				}
				int first = r.nextInt(maps.size() - 1);
				int second = first + 1 + r.nextInt(maps.size() - first - 1);
				String alias = r.pick("*a", "{<<: *a}", "*b");
				return t.substring(0, maps.get(first)[0]) + "&a " + t.substring(maps.get(first)[0], maps.get(second)[0])
						+ alias + t.substring(maps.get(second)[1]);
			}), text("alias bomb", (r, t) -> r.nextBoolean() ? BILLION_LAUGHS : BILLION_LAUGHS + t),
			text("deep nesting", (r, t) -> {
				int depth = r.pick(13, 20, 200, 1000, 5000, 50_000);
				String nest = switch (r.nextInt(4)) {
					case 0 -> "[".repeat(depth) + "]".repeat(depth);
					case 1 -> "{a: ".repeat(depth) + "b" + "}".repeat(depth);
					case 2 -> "[".repeat(depth);
					default -> {
						StringBuilder block = new StringBuilder("\n");
						for (int i = 0; i < Math.min(depth, 2000); i++) {
							block.append("  ".repeat(i)).append("- \n");
						}
						yield block.toString();
					}
				};
				return r.nextBoolean() ? nest
						: t.replaceFirst("version: 1", "version: " + Matcher.quoteReplacement(nest));
			}),
			text("a value of the wrong type",
					(r, t) -> replaceOne(r, t, "\\b(id|type|scale|value|version|group|languages): ([^,}\\n]+)",
							m -> m.group(1) + ": " + r.pick(WRONG_SCALARS))),
			text("a text of the wrong shape", (r, t) -> replaceOne(r, t,
					"\\b(text|label|title|not-sure): (\\{[^{}\\n]*\\})", m -> m.group(1) + ": " + r.pick(WRONG_TEXTS))),
			text("a huge scalar", (r, t) -> {
				if (r.chance(25)) {
					return t + "\n# " + "x".repeat(QuestionnaireReader.MAX_BYTES) + "\n";
				}
				String huge = "w".repeat(r.pick(1000, 20_000, 100_000));
				return replaceOne(r, t, "\"[^\"\\n]{3,}\"", m -> "\"" + huge + "\"");
			}), text("an unknown key", (r, t) -> {
				if (r.nextBoolean()) {
					return replaceOne(r, t, "\\}",
							m -> ", " + r.pick("colour", "ID", "typo", "en", "items", "?") + ": blue}");
				}
				List<String> l = lines(t);
				int i = anyLine(r, l);
				String indent = l.get(i).replaceFirst("^(\\s*)(- )?.*$", "$1$2").replace("- ", "  ");
				l.add(i + 1,
						indent + r.pick("colour", "Id", "principle", "languages", "scales", "not_sure") + ": blue");
				return String.join("\n", l);
			}), text("a duplicate id", (r, t) -> {
				Matcher m = Pattern.compile("\\b(id|value): ([a-z0-9-]+)").matcher(t);
				List<String> ids = new ArrayList<>();
				while (m.find()) {
					ids.add(m.group(2));
				}
				String taken = ids.isEmpty() ? "x" : r.pick(ids);
				return replaceOne(r, t, "\\b(id|value): ([a-z0-9-]+)", n -> n.group(1) + ": " + taken);
			}),
			bytes("an empty file",
					(r, b) -> r
						.pick("", " ", "\n\n", "# nothing\n", "---\n", "...\n", "---\n...\n", "~\n", "[]", "{}", "\"\"",
								"- \n", "null")
						.getBytes(StandardCharsets.UTF_8)),
			bytes("only a BOM",
					(r, b) -> r.pick(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
							new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n', ' ' },
							new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
							new byte[] { (byte) 0xFF, (byte) 0xFE }, new byte[] { (byte) 0xFE, (byte) 0xFF, 0, 'a' })),
			text("a YAML sign out of place",
					(r, t) -> insert(r, t,
							r.pick(": ", "- ", "? ", "|", ">", "#", "'", "\"", "%YAML 1.1\n", "---\n", "...\n", "!!",
									"!", "&", "*", "@", "`", "{", "}", "[", "]", ",", "\t", "\\", "%", "<<: "))),
			text("a second document", (r, t) -> t + "\n---\n" + (r.nextBoolean() ? t : "id: again\n")),
			text("other line endings", (r, t) -> t.replace("\n", r.pick("\r\n", "\r", "\u2028", "\u0085", "\n\n"))),
			text("an odd version", (r, t) -> t.replaceFirst("version: 1",
					"version: " + Matcher.quoteReplacement(r.pick("0", "-1", "1.0", "2147483648", "1_000", "0o7", "01",
							"+1", "one", "[1]", "", "~", "1 # one", "0x10")))),
			text("odd languages",
					(r, t) -> t.replaceFirst("languages: \\[en, es\\]",
							"languages: " + Matcher
								.quoteReplacement(r.pick("[]", "[en]", "[en, en]", "[EN, es]", "[en, es, fr]", "en",
										"[e, es]", "[english, es]", "[en, ~]", "[[en], es]", "{en: es}", "")))),
			text("a tag",
					(r, t) -> replaceOne(r, t, ": ",
							m -> ": " + r.pick("!!python/object/apply:os.system ", "!!java.net.URL ",
									"!<tag:yaml.org,2002:str> ", "!custom ", "!!map ", "!!seq ", "!!set ", "!!omap "))),
			text("random characters", (r, t) -> insert(r, t, randomText(r, 1 + r.nextInt(20)))),
			text("a reserved item id",
					(r, t) -> replaceOne(r, t, "\\{id: ([a-z0-9-]+), type",
							m -> "{id: " + r.pick("code", "perspective") + ", type")),
			text("too many options",
					(r, t) -> replaceOne(r, t, "^(\\s+)- \\{value: ([^,]+), (label: \\{[^{}]*\\})\\}$",
							m -> m.group(0) + "\n" + buildOptions(m.group(1), m.group(3), 2 + r.nextInt(10)))),
			text("a missing field", (r, t) -> replaceOne(r, t,
					"\\b(id|type|scale|text|label|value|title|items|options): ", m -> "x" + m.group(1) + ": ")));

	private static String buildOptions(String indent, String label, int count) {
		StringBuilder options = new StringBuilder();
		for (int i = 0; i < count; i++) {
			options.append(indent).append("- {value: extra-").append(i).append(", ").append(label).append("}\n");
		}
		return options.toString().stripTrailing();
	}

	// ------------------------------------------------------------------------------------------
	// Answers files
	// ------------------------------------------------------------------------------------------

	@Test
	void answersFiles() throws Exception {
		cases(FIXED_SEED, FIXED_CSV, this::answersFile);
		cases(FRESH_SEED, FRESH_CSV, this::answersFile);
		assertThat(csvCases).isEqualTo(FIXED_CSV + FRESH_CSV);
	}

	private void answersFile(Case c) throws Exception {
		Random r = c.random();
		boolean imported = c.number() % IMPORT_EVERY == 0;
		// Real unused codes where the file goes to the page, so the only faults are the
		// ones made here.
		Supplier<String> codes = imported ? this::paperCode : () -> fakeCode(r);
		List<String> header = header(r);
		List<List<String>> rows = new ArrayList<>();
		int count = 1 + r.nextInt(4);
		for (int i = 0; i < count; i++) {
			List<String> row = new ArrayList<>();
			for (String column : header) {
				row.add(cell(r, column, codes));
			}
			rows.add(row);
		}
		List<String> how = new ArrayList<>();
		int tableChanges = r.chance(70) ? 1 : r.nextInt(3);
		for (int i = 0; i < tableChanges; i++) {
			how.add(changeTable(r, header, rows, codes));
		}
		char delimiter = r.chance(75) ? ',' : ';';
		String eol = r.pick("\n", "\r\n", "\r\n", "\r");
		boolean quoteAll = r.chance(20);
		StringBuilder text = new StringBuilder(line(header, delimiter, quoteAll)).append(eol);
		for (List<String> row : rows) {
			text.append(line(row, delimiter, quoteAll)).append(eol);
		}
		boolean windows1252 = r.chance(10);
		Charset charset = windows1252 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
		String textChanged = text.toString();
		if (r.chance(35)) {
			CsvChange change = r.pick(CSV_TEXT_CHANGES);
			how.add(change.name());
			textChanged = change.apply().apply(r, textChanged, delimiter);
		}
		byte[] bytes = textChanged.getBytes(charset);
		if (r.chance(30) || how.isEmpty()) {
			Mutation change = r.pick(CSV_BYTE_CHANGES);
			how.add(change.name());
			bytes = change.apply().apply(r, bytes);
		}
		String sentName = r.chance(90) ? "paper-" + c.number() + ".csv"
				: r.pick("C:\\Users\\Ana\\paper.csv", "folder/paper.csv", "paper", "papier ñ.csv", "..\\..\\x.csv");
		String name = sentName.replace('\\', '/').replaceAll(".*/", "");
		String where = c.where("answers file", how + ", " + (windows1252 ? "windows-1252" : "UTF-8") + ", "
				+ rows.size() + " rows, " + bytes.length + " bytes");
		csvCases++;

		AnswersCsv.Result read = null;
		List<Object> consumed = new ArrayList<>();
		try {
			read = new AnswersCsv(questionnaire, true, charset).read(name, new ByteArrayInputStream(bytes),
					consumed::add);
		}
		catch (Throwable e) {
			fail(where + ": reading threw " + e, e);
		}
		assertThat(read).as(where).isNotNull();
		if (read.ok()) {
			csvStillGood++;
			assertThat(consumed).as(where + ": every counted row reached the consumer").hasSize((int) read.rows());
		}
		else {
			assertThat(read.problems()).as(where + ": problems are listed up to a limit").hasSizeLessThanOrEqualTo(51);
			for (AnswersProblem problem : read.problems()) {
				assertClearProblem(where, name, problem);
			}
		}

		if (imported) {
			csvImports++;
			importPaper(where, sentName, bytes, windows1252, read);
		}
	}

	private static void assertClearProblem(String where, String name, AnswersProblem problem) {
		String text = problem.toString();
		assertThat(problem.file()).as(where).isEqualTo(name);
		assertThat(text).as(where).startsWith(name + ": ");
		assertThat(problem.message()).as(where + ": " + text).isNotBlank().doesNotContainPattern(STACK_TRACE);
		if (problem.row() <= 0 && problem.column() == null) {
			assertThat(problem.message()).as(where + ": a problem naming no row or column: " + text)
				.containsPattern(WHOLE_FILE);
		}
		if (problem.row() > 0) {
			assertThat(text).as(where).contains(": row " + problem.row());
		}
		if (problem.column() != null) {
			assertThat(text).as(where).contains("column " + problem.column());
		}
	}

	private void importPaper(String where, String sentName, byte[] bytes, boolean windows1252, AnswersCsv.Result read)
			throws Exception {
		where = where + ", imported";
		int responsesBefore = count("select count(*) from sealed_response where round_id = ?", paperRound);
		int codesBefore = count("select count(*) from participation_code where round_id = ?", paperRound);
		int paperBefore = rounds.round(paperRound, ours.id()).usedPaper();
		MockMultipartHttpServletRequestBuilder request = multipart("/rounds/{id}/paper", paperRound);
		request.file(new MockMultipartFile("file", sentName, "text/csv", bytes));
		if (windows1252) {
			request.param("encoding", "windows-1252");
		}
		MvcResult result = perform(where, request.with(csrf()).with(user(ours.steward().principal())));
		// A file that was read leads to its result, drawn at the top of the round's page.
		assertThat(result.getResponse().getRedirectedUrl()).as(where)
			.isIn("/rounds/" + paperRound, "/rounds/" + paperRound + "#paper-result");
		String page = Html
			.text(follow(where, result, ours.steward()).getResponse().getContentAsString(StandardCharsets.UTF_8));
		int stored = count("select count(*) from sealed_response where round_id = ?", paperRound) - responsesBefore;
		if (bytes.length > org.peerreflect.participation.ParticipationService.LARGEST_PAPER_FILE
				&& sentName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(csv|txt)")) {
			// Larger than any stack of paper forms: refused before it is read, and the
			// page says so.
			assertThat(result.getFlashMap().get("problem")).as(where + ": refused as too large")
				.isEqualTo("paper.tooLarge");
			assertThat(page).as(where).contains("That file is larger than 1 MB");
			assertThat(stored).as(where + ": a refused file stores nothing").isZero();
			return;
		}
		if (!sentName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(csv|txt)")) {
			// Not named as a CSV file: refused before it is read, and the page says so.
			assertThat(result.getFlashMap().get("problem")).as(where + ": refused as not a CSV")
				.isEqualTo("paper.notCsv");
			assertThat(page).as(where).contains("That is not a CSV file.");
			assertThat(stored).as(where + ": a refused file stores nothing").isZero();
			return;
		}
		int used = codesBefore - count("select count(*) from participation_code where round_id = ?", paperRound);
		Object accepted = result.getFlashMap().get("paperStored");
		@SuppressWarnings("unchecked")
		List<String> problems = (List<String>) result.getFlashMap().get("paperProblems");
		if (accepted != null) {
			assertThat(read.ok()).as(where + ": accepted only a file the reader takes").isTrue();
			assertThat(accepted).as(where + ": every row stored").isEqualTo((int) read.rows());
			assertThat(stored).as(where + ": all rows or none").isEqualTo((int) read.rows());
			assertThat(used).as(where + ": one code per row").isEqualTo(stored);
			// The ways are counted at close, from the sealed answers: nothing in the
			// clear
			// counts paper apart while the round is open.
			assertThat(rounds.round(paperRound, ours.id()).usedPaper()).as(where).isEqualTo(paperBefore);
		}
		else {
			assertThat(problems).as(where + ": a refusal says why").isNotEmpty();
			assertThat(page).as(where + ": the round page shows the first problem").contains(problems.get(0));
			assertThat(stored).as(where + ": a refused file stores nothing").isZero();
			assertThat(used).as(where + ": a refused file uses no code").isZero();
			assertThat(rounds.round(paperRound, ours.id()).usedPaper()).as(where).isEqualTo(paperBefore);
			if (read.ok()) {
				// Only the codes, which the reader does not know, and a written answer
				// longer than a sealed answer holds can refuse a file it takes.
				assertThat(problems).as(where)
					.singleElement()
					.asString()
					.containsPattern("^Row \\d+(: this code does not work|, column [^:]+: this written answer has \\d+ "
							+ "characters, more than the " + org.peerreflect.participation.PageQuestion.LONGEST_WRITTEN
							+ " that one answer can hold)");
			}
			else {
				// The page says what the reader says, where it says it, in the steward's
				// words.
				assertThat(problems).as(where + ": the page says what the reader says").hasSameSizeAs(read.problems());
				for (int i = 0; i < problems.size(); i++) {
					org.peerreflect.answers.AnswersProblem said = read.problems().get(i);
					String expected = said.kind() == org.peerreflect.answers.AnswersProblem.Kind.MORE ? "There are more"
							: said.row() <= 0 ? "In " + said.file() + ": " : "Row " + said.row()
									+ (said.column() == null ? ": " : ", column " + said.column() + ": ");
					assertThat(problems.get(i)).as(where).startsWith(expected).doesNotContain("--");
				}
			}
		}
	}

	private String paperCode() {
		if (paperCodes.isEmpty()) {
			paperCodes.addAll(participation.issueCodes(paperRound, ours.id(), 200, "More of us came than we thought"));
		}
		return paperCodes.pop();
	}

	private static String fakeCode(Random r) {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			code.append(CODE_ALPHABET.charAt(r.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** A good header: the code, some items in any order, and the perspective or not. */
	private List<String> header(Random r) {
		List<String> items = new ArrayList<>(questionnaire.items().stream().map(Item::id).toList());
		Collections.shuffle(items, r);
		List<String> header = new ArrayList<>(items.subList(0, 1 + r.nextInt(r.chance(50) ? 4 : items.size())));
		header.add("code");
		if (r.nextBoolean()) {
			header.add(AnswersCsv.PERSPECTIVE);
		}
		Collections.shuffle(header, r);
		return header;
	}

	/** A good cell for the column. */
	private String cell(Random r, String column, Supplier<String> codes) {
		if (column.equals(AnswersCsv.CODE)) {
			String code = codes.get();
			return r.chance(25) ? ParticipationCodes.printed(code).toLowerCase() : code;
		}
		if (column.equals(AnswersCsv.PERSPECTIVE)) {
			return r.chance(30) ? "" : r.pick(questionnaire.perspective().options()).value();
		}
		Item item = questionnaire.item(column).orElseThrow();
		if (r.chance(20)) {
			return "";
		}
		if (item.isScale()) {
			return r.chance(15) ? Scale.NOT_SURE : r.pick(item.scale().options()).value();
		}
		return r.pick("We share tea", "Gardens, buses; \"quotes\"", "Two\nlines", "ñandú, café", "=1+1 is fine here",
				"  spaced  ", "😀 emoji", "a;b,c", "line\r\nbreak");
	}

	/** One change to the table; returns its name. */
	private String changeTable(Random r, List<String> header, List<List<String>> rows, Supplier<String> codes) {
		if (rows.isEmpty()) {
			rows.add(new ArrayList<>(Collections.nCopies(header.size(), "")));
		}
		int column = r.nextInt(header.size());
		List<String> row = r.pick(rows);
		int code = header.indexOf(AnswersCsv.CODE);
		List<String> scaleColumns = header.stream()
			.filter(h -> questionnaire.item(h).filter(Item::isScale).isPresent())
			.toList();
		switch (r.nextInt(22)) {
			case 0 -> {
				header.set(column, r.pick("np-99", "NP-1", "np_1", "np-1 ", "perspectives", "Code", "", "id", "=A1",
						"np\u20111", "ñ", "\"np-1\"", "np-1\u0000"));
				return "an unknown column";
			}
			case 1 -> {
				header.add(header.get(column));
				rows.forEach(cells -> cells.add(column < cells.size() ? cells.get(column) : ""));
				return "a duplicated column";
			}
			case 2 -> {
				if (scaleColumns.isEmpty()) {
					header.add("np-1");
					rows.forEach(cells -> cells.add("4"));
					return "an added column";
				}
				set(row, header.indexOf(r.pick(scaleColumns)),
						r.pick("6", "0", "-1", "4.5", "yes", "\u0661", "\uFF14", "=4", "+4", "4 4", "not sure",
								"NOT-SURE", "'4", "4\u0000", "x".repeat(5000), "@SUM(A1)", "1e0", "0x4"));
				return "a bad option value";
			}
			case 3 -> {
				if (!header.contains(AnswersCsv.PERSPECTIVE)) {
					header.add(AnswersCsv.PERSPECTIVE);
					rows.forEach(cells -> cells.add(""));
				}
				set(row, header.indexOf(AnswersCsv.PERSPECTIVE), r.pick("Member", "members", "student", "group", "-",
						"prefer not to say", "=member", "member\u0000"));
				return "a bad perspective";
			}
			case 4 -> {
				row.add(r.pick("", "extra", "4"));
				return "a row with too many cells";
			}
			case 5 -> {
				if (!row.isEmpty()) {
					row.remove(r.nextInt(row.size()));
				}
				return "a row with too few cells";
			}
			case 6 -> {
				rows.clear();
				return "the header only";
			}
			case 7 -> {
				set(row, r.nextInt(header.size()), r.pick("h", "é", "😀", ",").repeat(r.pick(300, 70_000, 250_000)));
				return "a huge cell";
			}
			case 8 -> {
				set(row, r.nextInt(header.size()), r.pick("=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+1", "-1",
						"=cmd|' /C calc'!A0", "\t=1", "\r=1"));
				return "a formula-looking cell";
			}
			case 9 -> {
				if (code >= 0) {
					header.remove(code);
					rows.forEach(cells -> {
						if (code < cells.size()) {
							cells.remove(code);
						}
					});
				}
				return "no code column";
			}
			case 10 -> {
				set(row, code, r.pick("", " ", "\t", "-"));
				return "an empty code";
			}
			case 11 -> {
				set(row, code, r.pick(fakeCode(r), "ACDEF", "ACDEF-GHJKM-NPQRT", "0000000000", "ñandú",
						"'; drop table response; --", "x".repeat(300)));
				return "an unknown code";
			}
			case 12 -> {
				if (rows.size() < 2) {
					rows.add(new ArrayList<>(row));
				}
				if (code >= 0 && code < rows.get(0).size()) {
					set(rows.get(rows.size() - 1), code, rows.get(0).get(code));
				}
				return "a code twice";
			}
			case 13 -> {
				set(row, code, r.pick(theirCodes));
				return "another round's code";
			}
			case 14 -> {
				header.set(column, header.get(column).toUpperCase());
				return "capital column names";
			}
			case 15 -> {
				int extra = r.pick(30, 500, 3000);
				for (int i = 0; i < extra; i++) {
					header.add("c" + i);
				}
				rows.forEach(cells -> cells.addAll(Collections.nCopies(extra, "")));
				return "many unknown columns";
			}
			case 16 -> {
				List<String> bad = new ArrayList<>(Collections.nCopies(header.size(), "9"));
				int many = r.pick(60, 200);
				for (int i = 0; i < many; i++) {
					List<String> copy = new ArrayList<>(bad);
					set(copy, code, codes.get());
					rows.add(copy);
				}
				return "many bad rows";
			}
			case 17 -> {
				if (!scaleColumns.isEmpty()) {
					set(row, header.indexOf(r.pick(scaleColumns)), r.pick(" 4 ", "\t5", "not-sure ", ""));
				}
				return "spaces around a good value";
			}
			case 18 -> {
				rows.add(new ArrayList<>(Collections.nCopies(header.size(), "")));
				return "an empty row";
			}
			case 19 -> {
				rows.add(0, new ArrayList<>(header));
				return "the header again as a row";
			}
			case 20 -> {
				rows.forEach(cells -> set(cells, code, ParticipationCodes.printed(codes.get())));
				return "printed codes";
			}
			default -> {
				Collections.reverse(header);
				return "columns reversed, cells not";
			}
		}
	}

	/** Sets a cell when the row has it. */
	private static void set(List<String> row, int index, String value) {
		if (index >= 0 && index < row.size()) {
			row.set(index, value);
		}
	}

	/** One row as a spreadsheet saves it: quoted where a cell needs it (or always). */
	private static String line(List<String> cells, char delimiter, boolean quoteAll) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(delimiter);
			}
			String cell = cells.get(i);
			boolean quote = quoteAll || cell.indexOf(delimiter) >= 0 || cell.contains("\"") || cell.contains("\n")
					|| cell.contains("\r");
			line.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
		}
		return line.toString();
	}

	private interface TextChange {

		String apply(Random r, String text, char delimiter);

	}

	private record CsvChange(String name, TextChange apply) {
	}

	private static final List<CsvChange> CSV_TEXT_CHANGES = List.of(new CsvChange("separators mixed", (r, t, d) -> {
		List<String> l = lines(t);
		int i = r.nextInt(l.size());
		l.set(i, d == ',' ? l.get(i).replace(',', ';') : l.get(i).replace(';', ','));
		return String.join("\n", l);
	}), new CsvChange("tab separated", (r, t, d) -> t.replace(d, '\t')),
			new CsvChange("an unbalanced quote", (r, t, d) -> insert(r, t, "\"")),
			new CsvChange("a stray quote",
					(r, t, d) -> replaceOne(r, t, "[A-Za-z0-9]{2,}",
							m -> m.group().charAt(0) + "\"" + m.group().substring(1))),
			new CsvChange("a quote at the end", (r, t, d) -> t + "\""),
			new CsvChange("a NUL", (r, t, d) -> insert(r, t, "\u0000")),
			new CsvChange("control characters", (r, t, d) -> insert(r, t, r.pick(CONTROL))),
			new CsvChange("blank lines", (r, t, d) -> insert(r, "\n \n\t\n" + t, "\n\n")),
			new CsvChange("a lone CR", (r, t, d) -> insert(r, t, "\r")),
			new CsvChange("quoted empties", (r, t, d) -> t + "\"\"\n\"\"" + d + "\"\"\n"),
			new CsvChange("only quotes", (r, t, d) -> r.pick("\"", "\"\"", "\"\"\"", "\"\"\"\"\n\"", "\"a\"b\"c\"")),
			new CsvChange("an escaped-looking quote", (r, t, d) -> insert(r, t, "\\\"")),
			new CsvChange("random characters", (r, t, d) -> insert(r, t, randomText(r, 1 + r.nextInt(30)))),
			new CsvChange("a header longer than the limit", (r, t, d) -> "np-1" + ",".repeat(1 << 20) + "\n"),
			new CsvChange("spaces only", (r, t, d) -> r.pick("", " ", "\n", "\r\n\r\n", " \n \n", "\t")));

	private static final List<Mutation> CSV_BYTE_CHANGES = List.of(
			bytes("invalid UTF-8", (r, b) -> insert(r, b, r.pick(BAD_UTF8))),
			bytes("cut at a byte", (r, b) -> Arrays.copyOf(b, r.nextInt(b.length + 1))),
			bytes("a flipped byte", (r, b) -> {
				if (b.length == 0) {
					return b;
				}
				byte[] copy = b.clone();
				copy[r.nextInt(copy.length)] ^= (byte) (1 << r.nextInt(8));
				return copy;
			}), bytes("random bytes", (r, b) -> {
				byte[] noise = new byte[r.pick(1, 16, 4096)];
				r.nextBytes(noise);
				return r.nextBoolean() ? noise : insert(r, b, noise);
			}), bytes("UTF-16", (r, b) -> {
				String text = new String(b, StandardCharsets.UTF_8);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				boolean little = r.nextBoolean();
				out.writeBytes(
						little ? new byte[] { (byte) 0xFF, (byte) 0xFE } : new byte[] { (byte) 0xFE, (byte) 0xFF });
				out.writeBytes(text.getBytes(little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
				return out.toByteArray();
			}),
			bytes("UTF-16 without a BOM",
					(r, b) -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE)),
			bytes("a UTF-8 BOM", (r, b) -> insert(r, b, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF })),
			bytes("an empty file", (r, b) -> new byte[0]));

	// ------------------------------------------------------------------------------------------
	// Form posts
	// ------------------------------------------------------------------------------------------

	@Test
	void formPosts() throws Exception {
		cases(FIXED_SEED, FIXED_FORMS, this::formPost);
		cases(FRESH_SEED, FRESH_FORMS, this::formPost);
		assertThat(formCases).isEqualTo(FIXED_FORMS + FRESH_FORMS);
	}

	private void formPost(Case c) throws Exception {
		Random r = c.random();
		AbstractMockHttpServletRequestBuilder<?> request;
		String what;
		List<String> how = List.of();
		boolean steward = true;
		switch (r.nextInt(15)) {
			case 0, 1, 14 -> {
				what = "create a round";
				request = post("/rounds");
				how = fill(r, request, new Field("name", () -> "Fuzz " + c.number(),
						() -> r.pick("", "   ", "x".repeat(200), "x".repeat(201), " ".repeat(150) + "y", nasty(r))),
						new Field("questionnaire", () -> "peer-support-principles@1",
								() -> r.chance(30)
										? "peer-support-principles@"
												+ r.pick("2147483648", "4294967297", "99999999999", "9".repeat(40))
										: r.pick("peer-support-principles@2", "peer-support-principles@0",
												"fuzz-tiny@1", "PEER@1", "a@", "@1", "x@-1", "peer-support-principles",
												"peer-support-principles@1@1", "peer-support-principles@01", nasty(r))),
						new Field("language", () -> r.pick("en", "es"), () -> r.pick("fr", "EN", "", "en ", nasty(r))),
						new Field("minGroupSize", () -> r.pick("3", "5", "100"), () -> number(r)));
			}
			case 2 -> {
				what = "set the smallest group";
				request = post("/rounds/{id}/min-group-size", roundId(r, false));
				how = fill(r, request, new Field("minGroupSize", () -> r.pick("3", "5", "100"), () -> number(r)));
			}
			case 3 -> {
				what = "print cards";
				request = post("/rounds/{id}/cards", r.chance(30) ? paperRound.toString() : roundId(r, false));
				how = fill(r, request, new Field("count", () -> r.pick("1", "2", "5"), () -> r.chance(5) ? "1000"
						: r.pick("0", "-1", "1001", "2147483648", "abc", "", "1e2", "3.0", " 2", nasty(r))));
			}
			case 4 -> {
				what = "record an agreement";
				request = post("/rounds/{id}/agreements", r.chance(60) ? publishedRound.toString() : roundId(r, true));
				how = fill(r, request, new Field("text", () -> "Tea first, case " + c.number(), () -> r
					.pick("x".repeat(1000), "x".repeat(1001), "   ", "\r\n", "a\r\nb", " y ".repeat(400), nasty(r))));
			}
			case 5 -> {
				what = "remove an agreement";
				List<UUID> kept = jdbc.queryForList("select id from agreement where round_id = ?", UUID.class,
						publishedRound);
				request = post("/rounds/{id}/agreements/{agreement}/remove",
						r.chance(60) ? publishedRound.toString() : roundId(r, true), !kept.isEmpty() && r.chance(30)
								? r.pick(kept).toString() : r.pick(UUID.randomUUID().toString(), "x", nasty(r)));
			}
			case 6, 7 -> {
				what = "review a written answer";
				String item = r.chance(70) ? "np-say" : r.pick("np-1", "gt-say", "nope", "NP-SAY", nasty(r));
				UUID real = r.pick(reviewAnswers);
				String answer = r.chance(75) ? real.toString() : r.pick(UUID.randomUUID().toString(), "x", nasty(r));
				String original = org.peerreflect.participation.SealedRows.words(context, real);
				request = post("/rounds/{id}/review/{item}/{answer}",
						r.chance(75) ? reviewRound.toString() : roundId(r, true), item, answer);
				how = fill(r, request,
						new Field("text", () -> original.replaceFirst("gardens|bus|Elm", "[removed]"),
								() -> r.pick("[removed]", "[removed][removed]", original + " and more",
										original.replace("gardens", "[removed] x"), "", "\r\n" + original + "\r",
										nasty(r))));
				if (r.chance(5)) {
					request.param("all", r.pick("", "yes", nasty(r)));
				}
			}
			case 8 -> {
				what = "change a round's state";
				String action = r.pick("open", "close", "publish", "erase", "kiosk");
				request = post("/rounds/{id}/" + action, roundId(r, false));
				if (action.equals("erase") && r.nextBoolean()) {
					request.param("understood", r.pick("", "on", nasty(r)));
				}
			}
			case 9 -> {
				what = "start with a code";
				steward = false;
				request = post("/join/start");
				how = fill(r, request,
						new Field("code", this::joinCode,
								() -> r.pick(fakeCode(r), ParticipationCodes.printed(fakeCode(r)).toLowerCase(),
										r.pick(theirCodes), nasty(r))),
						new Field("lang", () -> r.pick("en", "es"), () -> r.pick("fr", "", nasty(r))));
				if (r.chance(20)) {
					request.param("kiosk", r.pick(UUID.randomUUID() + "/" + "ab".repeat(32), "/", "x/y", nasty(r)));
				}
			}
			case 10, 11 -> {
				what = "answer a page";
				steward = false;
				request = post("/join/page");
				how = joinPage(r, request);
			}
			case 12 -> {
				what = "send a file wrongly";
				request = brokenUpload(r);
			}
			default -> {
				what = "open an odd address";
				request = oddAddress(r);
			}
		}
		formCases++;
		String where = c.where("form post", what + (how.isEmpty() ? "" : " " + how));
		People.Person as = null;
		if (steward) {
			int who = r.nextInt(100);
			as = who < 4 ? ours.board() : who < 7 ? theirs.steward() : who < 9 ? null : ours.steward();
		}
		if (as != null) {
			request.with(user(as.principal()));
		}
		if (r.chance(95)) {
			request.with(csrf());
		}
		if (r.chance(10)) {
			request.param("lang", r.pick("es", "xx", "", nasty(r)));
		}
		if (r.chance(10)) {
			request.cookie(new Cookie("peer-reflect-language",
					r.pick("es", "xx", "e s", "en_US_POSIX", "!!", "😀", "-", "_")));
		}
		MvcResult result = perform(where, request);
		follow(where, result, as);
	}

	/** A form field: what a good page sends, and what a bad one might. */
	private record Field(String name, Supplier<String> good, Supplier<String> bad) {
	}

	/**
	 * Fills a form as its page would, but for one or two fields (now and then all of
	 * them): each of those is left out, sent twice, or sent with a bad value. Says which,
	 * for the case's name.
	 */
	private static List<String> fill(Random r, AbstractMockHttpServletRequestBuilder<?> request, Field... fields) {
		List<Field> broken = new ArrayList<>(Arrays.asList(fields));
		Collections.shuffle(broken, r);
		broken = broken.subList(0, r.chance(5) ? fields.length : Math.min(fields.length, r.chance(80) ? 1 : 2));
		List<String> how = new ArrayList<>();
		for (Field field : fields) {
			if (!broken.contains(field)) {
				request.param(field.name(), field.good().get());
				continue;
			}
			int roll = r.nextInt(100);
			if (roll < 15) {
				how.add("no " + field.name());
			}
			else if (roll < 25) {
				request.param(field.name(), field.good().get(), field.bad().get());
				how.add(field.name() + " twice");
			}
			else {
				String bad = field.bad().get();
				request.param(field.name(), bad);
				how.add(field.name() + "=" + shortly(bad));
			}
		}
		return how;
	}

	/** A value as a case's name shows it: short, and without control characters. */
	private static String shortly(String value) {
		String cut = value.length() > 40 ? value.substring(0, 40) + "... (" + value.length() + " chars)" : value;
		return "'" + cut.replaceAll("\\p{Cc}", "?") + "'";
	}

	/** An unused code of the join round, while there are any. */
	private String joinCode() {
		return joinCodes.isEmpty() ? "ACDEFGHJKM" : joinCodes.pop();
	}

	/**
	 * A participant's page post: the fields its page carries, one or two of them broken.
	 */
	private List<String> joinPage(Random r, AbstractMockHttpServletRequestBuilder<?> request) {
		List<Field> fields = new ArrayList<>(
				List.of(new Field("code", this::joinCode, () -> r.pick(fakeCode(r), r.pick(theirCodes), "", nasty(r))),
						new Field("t", () -> signedTime.get("t"),
								() -> r.pick("0", "-1", String.valueOf(Long.MIN_VALUE), String.valueOf(Long.MAX_VALUE),
										"9".repeat(40), "abc", "", nasty(r))),
						new Field("sig", () -> signedTime.get("sig"),
								() -> r.pick(signedTime.get("sig").toUpperCase(), "", "00", nasty(r))),
						new Field("j", () -> signedTime.get("j"), () -> r.pick("", "x", "a".repeat(22), nasty(r))),
						new Field("page", () -> String.valueOf(r.nextInt(9)), () -> number(r)),
						new Field("go", () -> r.pick("next", "back", "review", "submit", "page-" + r.nextInt(8)),
								() -> r.pick("page-99999999999", "page-x", "page--1", "page-", "PAGE-1",
										"page-2147483647", nasty(r))),
						new Field("lang", () -> r.pick("en", "es"), () -> r.pick("de", "", nasty(r)))));
		int answers = r.nextInt(6);
		for (int i = 0; i < answers; i++) {
			Item item = r.pick(questionnaire.items());
			String name = (item.isScale() ? "a." : "w.") + item.id();
			fields.add(new Field(name, () -> item.isScale() ? r.pick(item.scale().options()).value() : "We share tea",
					() -> r.pick("not-sure", "9", "", "x".repeat(100_000), nasty(r))));
		}
		Perspective perspective = questionnaire.perspective();
		fields.add(new Field("perspective", () -> r.pick(perspective.options()).value(), () -> nasty(r)));
		List<String> how = fill(r, request, fields.toArray(Field[]::new));
		if (r.chance(80)) {
			request.cookie(r.chance(90) ? journey
					: new Cookie("pr_journey", r.pick("", ".", "x.y", journey.getValue() + "x", nasty(r))));
			how.add("with the journey's cookie");
		}
		if (r.chance(10)) {
			request.param("kiosk", r.pick(UUID.randomUUID() + "/x", joinRound + "/" + "0".repeat(64), nasty(r)));
			how.add("a kiosk");
		}
		if (r.chance(10)) {
			request.param(r.pick("a.", "w.", "b.", "") + nasty(r), nasty(r));
			how.add("an unknown field");
		}
		return how;
	}

	/**
	 * A file sent without the form's multipart body, under another name, or not at all.
	 */
	private AbstractMockHttpServletRequestBuilder<?> brokenUpload(Random r) {
		// The round's id goes in as a template value, so that a nasty one ("${7*7}") is
		// encoded, not expanded.
		boolean questionnaires = r.nextBoolean();
		String path = questionnaires ? "/questionnaires" : "/rounds/{id}/paper";
		Object[] id = questionnaires ? new Object[0]
				: new Object[] { r.pick(paperRound.toString(), roundId(r, false)) };
		return switch (r.nextInt(5)) {
			case 0 -> post(path, id).param("file", r.pick("id: x", "", nasty(r)));
			case 1 -> multipart(path, id).file(new MockMultipartFile(r.pick("files", "File", "upload"), "x.yaml",
					"text/plain", "id: x".getBytes(StandardCharsets.UTF_8)));
			case 2 -> multipart(path, id);
			case 3 -> multipart(path, id)
				.file(new MockMultipartFile("file",
						r.pick("", "x", "x.yaml", "x.csv", "../../x.yaml", "a\u0000b.yaml", nasty(r)),
						r.pick("text/plain", "", "application/octet-stream"), new byte[0]))
				.param("encoding", r.pick("UTF-16", "windows-1252", "", nasty(r)));
			default -> post(path, id)
				.contentType(r.pick("text/plain", "application/json", "multipart/form-data",
						"multipart/form-data; boundary=x", "application/x-www-form-urlencoded"))
				.content(r.pick("", "--x\r\n", "file=a",
						"--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"));
		};
	}

	/** Round pages and reports at ids that are not UUIDs, not ours, or not there. */
	private AbstractMockHttpServletRequestBuilder<?> oddAddress(Random r) {
		String id = roundId(r, true);
		return switch (r.nextInt(6)) {
			case 0 -> get("/rounds/{id}", id);
			case 1 -> get("/rounds/{id}/review/{item}", r.chance(60) ? reviewRound.toString() : id,
					r.pick("np-say", "np-1", "x", nasty(r)));
			case 2 -> get("/rounds/{id}/agreements", id);
			case 3 -> get("/reports/{id}/charts/{index}.png", r.chance(60) ? publishedRound.toString() : id,
					r.pick("0", "-1", "999", "2147483648", "x", nasty(r)));
			case 4 -> get("/reports/{id}", r.chance(40) ? publishedRound.toString() : id);
			default -> get("/join/kiosk/{round}/{signature}", r.pick(joinRound.toString(), id),
					r.pick("x", "0".repeat(64), nasty(r)));
		};
	}

	/**
	 * A round id to post to: a round of ours, another organization's, or no round at all.
	 * {@code fixtures} allows the rounds the other cases rely on, for posts that cannot
	 * change them.
	 */
	private String roundId(Random r, boolean fixtures) {
		int pick = r.nextInt(fixtures ? 14 : 10);
		return switch (pick) {
			case 0, 1, 2 -> r.pick(scratchRounds).toString();
			case 3 -> theirRound.toString();
			case 4 -> UUID.randomUUID().toString();
			case 5 -> r.pick("00000000-0000-0000-0000-000000000000", "not-a-uuid", "12345", "1-1-1-1-1", "%00", "..",
					"null", "-1");
			case 6 -> UUID.randomUUID().toString().toUpperCase();
			case 7 -> UUID.randomUUID().toString().replace("-", "");
			case 8 -> UUID.randomUUID() + "x";
			case 9 -> nasty(r);
			default -> r.pick(paperRound, joinRound, reviewRound, publishedRound).toString();
		};
	}

	private static String number(Random r) {
		return r.pick("5", "3", "2", "0", "-5", "100", "101", "2147483647", "2147483648", "-2147483649",
				"99999999999999999999", "abc", "5.5", " 5", "", "５", "1e1", "0x10", "NaN", "+7", "07", nasty(r));
	}

	/** A value nobody means to send. */
	private static String nasty(Random r) {
		return switch (r.nextInt(20)) {
			case 0 -> "";
			case 1 -> " \t ";
			case 2 -> "<script>alert(1)</script>";
			case 3 -> "' OR 1=1 --";
			case 4 -> "${7*7}";
			case 5 -> "__${T(java.lang.Runtime).getRuntime()}__::.x";
			case 6 -> "[[${7*7}]]";
			case 7 -> "\u0000";
			case 8 -> "\uFFFF\uFFFE";
			case 9 -> "\uD800";
			case 10 -> "😀".repeat(150);
			case 11 -> "x".repeat(r.pick(201, 5000, 100_000));
			case 12 -> "%00%2F..%2F";
			case 13 -> "../../etc/passwd";
			case 14 -> "{id}";
			case 15 -> "\r\nSet-Cookie: x=y";
			case 16 -> "-1";
			case 17 -> "ñandú\u202Eevil";
			default -> randomText(r, 1 + r.nextInt(60));
		};
	}

	/**
	 * Characters from everywhere: ASCII, controls, accents, CJK, emoji, odd code points.
	 */
	private static String randomText(Random r, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int kind = r.nextInt(10);
			int codePoint = switch (kind) {
				case 0 -> r.nextInt(0x20);
				case 1 -> 0x80 + r.nextInt(0x80);
				case 2 -> 0xC0 + r.nextInt(0x180);
				case 3 -> 0x4E00 + r.nextInt(0x100);
				case 4 -> 0x1F600 + r.nextInt(0x40);
				case 5 -> r.pick(0x200B, 0x202E, 0xFEFF, 0xFFFD, 0x2028, 0x0085, 0x10FFFF, 0xE000);
				default -> 0x20 + r.nextInt(0x5F);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	// ------------------------------------------------------------------------------------------
	// Requests
	// ------------------------------------------------------------------------------------------

	/**
	 * Performs the request; anything but an answer below 500 without a stack trace fails
	 * the case.
	 */
	private MvcResult perform(String where, AbstractMockHttpServletRequestBuilder<?> request) {
		MvcResult result = null;
		try {
			result = mvc.perform(request).andReturn();
		}
		catch (Throwable e) {
			fail(where + ": the request ended in " + e, e);
		}
		int status = result.getResponse().getStatus();
		String type = result.getResponse().getContentType();
		String body;
		try {
			body = type == null || type.startsWith("text/") || type.contains("json")
					? result.getResponse().getContentAsString(StandardCharsets.UTF_8) : "";
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		assertThat(status).as(where + ": status").isLessThan(500);
		assertThat(result.getResolvedException()).as(where + ": no exception left over after the answer is sent")
			.satisfiesAnyOf(e -> assertThat(e).isNull(), e -> assertThat(status).isBetween(400, 499));
		assertThat(body).as(where + ": no stack trace on the page")
			.doesNotContainPattern(STACK_TRACE)
			.doesNotContain("<script>alert(1)</script>");
		return result;
	}

	/**
	 * Follows a redirect to a page of this site, with its flash attributes, as a browser
	 * would.
	 */
	private MvcResult follow(String where, MvcResult result, People.Person as) {
		String location = result.getResponse().getRedirectedUrl();
		if (location == null || !location.startsWith("/") || location.startsWith("//")) {
			return null;
		}
		URI uri = null;
		try {
			uri = URI.create(location);
		}
		catch (IllegalArgumentException e) {
			fail(where + ": redirected to an address that is not one: " + location);
		}
		// The flash attributes wait in the session the redirect's cookie names, as for a
		// browser.
		AbstractMockHttpServletRequestBuilder<?> next = get(uri);
		if (result.getResponse().getCookies().length > 0) {
			next.cookie(result.getResponse().getCookies());
		}
		if (as != null) {
			next.with(user(as.principal()));
		}
		return perform(where + ", then " + location, next);
	}

	private int count(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Integer.class, arguments);
	}

}
