package org.peerreflect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every "DESIGN section" and "invariant" the code cites is in {@code docs/design.md}, and
 * every test that file names exists, so that a reference never points at nothing. Plain
 * file reading: no Spring, no class path scan.
 */
class DesignReferencesTest {

	private static final Path DESIGN = Path.of("docs", "design.md");

	/** Where references are looked for: the code, its tests, and the migrations. */
	private static final List<Path> SOURCES = List.of(Path.of("src", "main"), Path.of("src", "test"));

	private static final Set<String> SOURCE_ENDINGS = Set.of(".java", ".sql", ".properties");

	/**
	 * A line break with the comment marks that begin the next line, so that a reference
	 * wrapped over two lines of a comment reads as one.
	 */
	private static final Pattern LINE_BREAK = Pattern.compile("[ \\t]*\\R[ \\t]*(?:\\*(?!/)|//|--|#)?[ \\t]*");

	/** One number, or several: "7, 8 and 9", "3 and 12", "7 to 9". */
	private static final String NUMBERS = "(\\d+(?:\\s*(?:,|and|or|to)\\s*\\d+)*)";

	private static final Pattern SECTION = Pattern.compile("DESIGN,?\\s+(?:sections?|§)\\s*" + NUMBERS);

	private static final Pattern INVARIANT = Pattern.compile("\\b[Ii]nvariants?\\s+" + NUMBERS);

	/**
	 * A test named after an invariant: {@code invariantN_...} or {@code InvariantN_...}.
	 */
	private static final Pattern TEST_NAME = Pattern.compile("\\b[Ii]nvariant(\\d+)_\\w*");

	/** Where such a test is declared: a method, or a nested class. */
	private static final Pattern TEST_DECLARED = Pattern.compile("\\b[Ii]nvariant(\\d+)_\\w*\\s*[({]");

	private static final Pattern DESIGN_SECTION = Pattern.compile("(?m)^## (\\d+)\\. ");

	private static final Pattern DESIGN_INVARIANT = Pattern.compile("(?m)^### Invariant (\\d+)\\b");

	/** A test class in backquotes, perhaps with a method or a nested class after it. */
	private static final Pattern NAMED_TEST = Pattern
		.compile("`([A-Z]\\w*(?:Test|Contract|IT))(?:[#.]([A-Za-z]\\w*))?`");

	@Test
	void everySectionTheCodeCitesIsInTheDesign() {
		Map<Integer, Set<String>> cited = cited(SECTION, SOURCES);
		assertThat(cited).as("references to DESIGN sections found in the code").hasSizeGreaterThan(3);
		Set<Integer> sections = design().sections();
		cited.forEach((section, where) -> assertThat(sections)
			.as("docs/design.md has a section %d, which %s cite", section, where)
			.contains(section));
	}

	@Test
	void everyInvariantTheCodeCitesIsInTheDesign() {
		Map<Integer, Set<String>> cited = cited(INVARIANT, SOURCES);
		cited(TEST_NAME, SOURCES)
			.forEach((n, where) -> cited.computeIfAbsent(n, none -> new TreeSet<>()).addAll(where));
		assertThat(cited).as("references to invariants found in the code").hasSizeGreaterThan(10);
		Set<Integer> invariants = design().invariants().keySet();
		cited.forEach((invariant, where) -> assertThat(invariants)
			.as("docs/design.md, section 4, has an invariant %d, which %s cite", invariant, where)
			.contains(invariant));
	}

	@Test
	void sectionsAndInvariantsAreNumberedInOrderFromOne() {
		Design design = design();
		assertThat(design.sectionOrder()).as("the sections of docs/design.md, in order")
			.isEqualTo(IntStream.rangeClosed(1, 8).boxed().toList());
		assertThat(design.invariantOrder()).as("the invariants of section 4, in order")
			.isEqualTo(IntStream.rangeClosed(1, design.invariantOrder().size()).boxed().toList());
		assertThat(design.invariantOrder()).as("invariants in section 4").hasSizeGreaterThanOrEqualTo(14);
	}

	/**
	 * Each class that holds a test named after invariant N is named in that invariant's
	 * paragraph, so the design says where each rule is held.
	 */
	@Test
	void eachInvariantNamesTheClassesOfTheTestsNamedAfterIt() {
		Map<Integer, String> paragraphs = design().invariants();
		Map<Integer, Set<String>> holders = cited(TEST_DECLARED, List.of(Path.of("src", "test", "java")));
		holders.forEach((invariant, files) -> {
			String paragraph = paragraphs.getOrDefault(invariant, "");
			for (String file : files) {
				String holder = file.replace(".java", "");
				assertThat(paragraph)
					.as("docs/design.md, invariant %d, names %s, which has tests named after it", invariant, holder)
					.contains("`" + holder);
			}
		});
	}

	@Test
	void everyTestTheDesignNamesExists() {
		Map<String, Path> tests = new TreeMap<>();
		sourceFiles(List.of(Path.of("src", "test", "java")))
			.forEach(file -> tests.put(file.getFileName().toString().replace(".java", ""), file));
		Matcher named = NAMED_TEST.matcher(read(DESIGN));
		int count = 0;
		while (named.find()) {
			count++;
			Path file = tests.get(named.group(1));
			assertThat(file).as("docs/design.md names `%s`, a test class", named.group(1)).isNotNull();
			if (named.group(2) != null) {
				assertThat(read(file)).as("%s has %s", named.group(1), named.group(2)).contains(named.group(2));
			}
		}
		assertThat(count).as("tests named in docs/design.md").isGreaterThan(14);
	}

	/** The reading itself: wrapped references, lists and ranges, and what it leaves. */
	@Test
	void referencesAreReadAcrossLineBreaksListsAndRanges() {
		String text = "/* Types in paper answers (DESIGN\n\t * section 5): see invariants 7, 8\n\t * and 9, invariants "
				+ "3 and 12, invariants 10 to 11 and invariant" + " 2. Not invariant-free, not the invariants. */";
		assertThat(numbers(SECTION, text)).containsExactly(5);
		assertThat(numbers(INVARIANT, text)).containsExactly(2, 3, 7, 8, 9, 10, 11, 12);
		String tests = "void invariant" + "13_paper() {} class Invariant" + "8_Groups {} see invariant" + "3_... above";
		assertThat(numbers(TEST_NAME, tests)).containsExactly(3, 8, 13);
		assertThat(numbers(TEST_DECLARED, tests)).containsExactly(8, 13);
		int beyond = design().invariants().size() + 1;
		assertThat(design().invariants()).as("a reference to an invariant the design lacks would be caught")
			.doesNotContainKey(numbers(INVARIANT, "(invariant " + beyond + ")").first());
	}

	/** Each number cited, with the files that cite it. */
	private static Map<Integer, Set<String>> cited(Pattern pattern, List<Path> roots) {
		Map<Integer, Set<String>> cited = new TreeMap<>();
		for (Path file : sourceFiles(roots)) {
			for (int n : numbers(pattern, read(file))) {
				cited.computeIfAbsent(n, none -> new TreeSet<>()).add(file.getFileName().toString());
			}
		}
		return cited;
	}

	private static TreeSet<Integer> numbers(Pattern pattern, String text) {
		TreeSet<Integer> numbers = new TreeSet<>();
		Matcher matcher = pattern.matcher(LINE_BREAK.matcher(text).replaceAll(" "));
		while (matcher.find()) {
			String[] ranges = matcher.group(1).split("\\s*(?:,|and|or)\\s*");
			for (String range : ranges) {
				String[] ends = range.split("\\s*to\\s*");
				int from = Integer.parseInt(ends[0].strip());
				int to = Integer.parseInt(ends[ends.length - 1].strip());
				IntStream.rangeClosed(from, to).forEach(numbers::add);
			}
		}
		return numbers;
	}

	private static List<Path> sourceFiles(List<Path> roots) {
		List<Path> files = new ArrayList<>();
		for (Path root : roots) {
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter(Files::isRegularFile)
					.filter(file -> SOURCE_ENDINGS.stream().anyMatch(file.getFileName().toString()::endsWith))
					.forEach(files::add);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return files;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The design's sections in order, section 4's invariants in order, and the text of
	 * each invariant.
	 */
	private record Design(List<Integer> sectionOrder, List<Integer> invariantOrder, Map<Integer, String> invariants) {

		Set<Integer> sections() {
			return new TreeSet<>(sectionOrder);
		}

	}

	private static Design design() {
		String text = read(DESIGN);
		List<Integer> sections = new ArrayList<>();
		Matcher section = DESIGN_SECTION.matcher(text);
		int fourStarts = -1;
		int fourEnds = text.length();
		while (section.find()) {
			int n = Integer.parseInt(section.group(1));
			sections.add(n);
			if (n == 4) {
				fourStarts = section.end();
			}
			else if (fourStarts >= 0 && fourEnds == text.length()) {
				fourEnds = section.start();
			}
		}
		List<Integer> order = new ArrayList<>();
		Map<Integer, String> invariants = new TreeMap<>();
		if (fourStarts >= 0) {
			String four = text.substring(fourStarts, fourEnds);
			Matcher invariant = DESIGN_INVARIANT.matcher(four);
			List<int[]> starts = new ArrayList<>();
			while (invariant.find()) {
				starts.add(new int[] { Integer.parseInt(invariant.group(1)), invariant.start() });
			}
			for (int i = 0; i < starts.size(); i++) {
				int end = i + 1 < starts.size() ? starts.get(i + 1)[1] : four.indexOf("\n### ", starts.get(i)[1] + 1);
				order.add(starts.get(i)[0]);
				invariants.put(starts.get(i)[0], four.substring(starts.get(i)[1], end < 0 ? four.length() : end));
			}
		}
		return new Design(sections, order, invariants);
	}

}
