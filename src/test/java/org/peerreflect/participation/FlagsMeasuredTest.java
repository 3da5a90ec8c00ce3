package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.peerreflect.participation.Flag.Kind;

/**
 * The flags measured on written answers marked by hand ({@code flags-measured/}, format
 * at the top of each file). The frozen half was written and committed before any rule was
 * tuned, with names and places on no list the flags use; rules are tuned against the
 * tuning half only, and the frozen half's figures are the ones that count.
 *
 * <p>
 * How spans are matched: a marked span is found when some flag of the same kind overlaps
 * it by at least one character; a flag is right when it overlaps a marked span of its own
 * kind. So a flag that covers a name and the word after it still finds the name, and a
 * name flagged as a place is both a miss and a wrong flag. Recall and precision are
 * printed by half, language and kind, so they show in the build's log.
 */
class FlagsMeasuredTest {

	/** The frozen half's SHA-256: it must never be edited to suit the rules. */
	private static final String FROZEN_SHA_256 = "735994267fee2805d09682061d8cbb9af2b1d4cef7a85008fa5a7da4a96a2c55";

	private static final Pattern MARK = Pattern.compile("\\[\\[(\\w+):(.*?)\\]\\]");

	private static final List<Kind> MEASURED = List.of(Kind.NAME, Kind.PLACE, Kind.WHEN, Kind.AGE, Kind.PHONE,
			Kind.ADDRESS);

	/** A span marked by hand. */
	record Span(int start, int end, Kind kind) {

		boolean overlaps(Flag flag) {
			return flag.kind() == kind && flag.start() < end && start < flag.end();
		}

	}

	/**
	 * One written answer: its language, its words without marks, and its marked spans.
	 */
	record Answer(String language, String text, List<Span> spans) {

		static Answer parse(String line) {
			int bar = line.indexOf('|');
			String marked = line.substring(bar + 1);
			StringBuilder text = new StringBuilder();
			List<Span> spans = new ArrayList<>();
			Matcher mark = MARK.matcher(marked);
			int at = 0;
			while (mark.find()) {
				text.append(marked, at, mark.start());
				int start = text.length();
				text.append(mark.group(2));
				spans.add(new Span(start, text.length(), Kind.valueOf(mark.group(1))));
				at = mark.end();
			}
			text.append(marked.substring(at));
			return new Answer(line.substring(0, bar), text.toString(), List.copyOf(spans));
		}

	}

	/** Counts for one language and kind. */
	static final class Tally {

		int spans;

		int found;

		int flags;

		int right;

		double recall() {
			return spans == 0 ? 1 : (double) found / spans;
		}

		double precision() {
			return flags == 0 ? 1 : (double) right / flags;
		}

	}

	static List<Answer> read(String resource) throws IOException {
		List<Answer> answers = new ArrayList<>();
		for (String line : new String(bytes(resource), StandardCharsets.UTF_8).split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				answers.add(Answer.parse(line));
			}
		}
		return answers;
	}

	private static byte[] bytes(String resource) throws IOException {
		try (InputStream in = FlagsMeasuredTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
	}

	/** Tallies keyed "language kind". */
	static Map<String, Tally> measure(List<Answer> answers) {
		Map<String, Tally> tallies = new TreeMap<>();
		for (Answer answer : answers) {
			List<Flag> flags = Flags.find(answer.text(), List.of(), List.of());
			for (Span span : answer.spans()) {
				Tally tally = tallies.computeIfAbsent(answer.language() + " " + span.kind(), key -> new Tally());
				tally.spans++;
				if (flags.stream().anyMatch(span::overlaps)) {
					tally.found++;
				}
			}
			for (Flag flag : flags) {
				Tally tally = tallies.computeIfAbsent(answer.language() + " " + flag.kind(), key -> new Tally());
				tally.flags++;
				if (answer.spans().stream().anyMatch(span -> span.overlaps(flag))) {
					tally.right++;
				}
			}
		}
		return tallies;
	}

	private static void print(String half, List<Answer> answers, Map<String, Tally> tallies) {
		System.out.printf("Flags measured on the %s half (%d answers):%n", half, answers.size());
		System.out.printf("  %-10s %6s %6s %7s %6s %6s %9s%n", "", "spans", "found", "recall", "flags", "right",
				"precision");
		tallies.forEach((key, tally) -> System.out.printf("  %-10s %6d %6d %7.3f %6d %6d %9.3f%n", key, tally.spans,
				tally.found, tally.recall(), tally.flags, tally.right, tally.precision()));
	}

	@Test
	void theFrozenHalfIsAsItWasWrittenBeforeAnyTuning() throws Exception {
		assertThat(sha256(bytes("flags-measured/frozen.txt"))).isEqualTo(FROZEN_SHA_256);
	}

	/** At least 20 spans of each kind and language in each half, 50 across the two. */
	@Test
	void eachKindIsMarkedOftenEnoughInBothLanguages() throws IOException {
		Map<String, Tally> frozen = measure(read("flags-measured/frozen.txt"));
		Map<String, Tally> tuning = measure(read("flags-measured/tuning.txt"));
		SoftAssertions softly = new SoftAssertions();
		for (String language : List.of("en", "es")) {
			for (Kind kind : MEASURED) {
				String key = language + " " + kind;
				int inFrozen = frozen.containsKey(key) ? frozen.get(key).spans : 0;
				int inTuning = tuning.containsKey(key) ? tuning.get(key).spans : 0;
				softly.assertThat(inFrozen).as("frozen " + key).isGreaterThanOrEqualTo(20);
				softly.assertThat(inTuning).as("tuning " + key).isGreaterThanOrEqualTo(20);
				softly.assertThat(inFrozen + inTuning).as("both halves " + key).isGreaterThanOrEqualTo(50);
			}
		}
		softly.assertAll();
	}

	/**
	 * The least recall on the frozen half, as the issue asks: 0.95 for names and 0.90 for
	 * every other kind. (Ages first reached 0.846 in English and 0.88 in Spanish here;
	 * the age rules were then widened against new answers added to the tuning half only,
	 * never against this half's misses, which no test prints.)
	 */
	private static double least(Kind kind) {
		return kind == Kind.NAME ? 0.95 : 0.90;
	}

	@Test
	void onTheFrozenHalfTheFlagsFindNamesAndEveryKindAndAreRightOftenEnough() throws IOException {
		List<Answer> tuning = read("flags-measured/tuning.txt");
		print("tuning", tuning, measure(tuning));
		List<Answer> frozen = read("flags-measured/frozen.txt");
		Map<String, Tally> tallies = measure(frozen);
		print("frozen", frozen, tallies);
		SoftAssertions softly = new SoftAssertions();
		for (String language : List.of("en", "es")) {
			for (Kind kind : MEASURED) {
				Tally tally = tallies.get(language + " " + kind);
				String which = "frozen half, " + language + ", " + kind;
				softly.assertThat(tally.recall()).as("recall, " + which).isGreaterThanOrEqualTo(least(kind));
				softly.assertThat(tally.precision()).as("precision, " + which).isGreaterThanOrEqualTo(0.60);
			}
		}
		softly.assertAll();
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
