package org.peerreflect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each command's {@code --help}, and the one line that names what could not be understood
 * before the command's usage.
 */
class HelpAndRefusalsTest {

	/** Every option and argument of each command, as the guides name them. */
	static Stream<Arguments> commands() {
		return Stream.of(Arguments.of("validate", List.of("-h", "--help", "FILE")),
				Arguments.of("template", List.of("-h", "--help", "QUESTIONNAIRE")),
				Arguments.of("paper", List.of("-h", "--help", "--out", "--lang", "QUESTIONNAIRE")),
				Arguments.of("report",
						List.of("-h", "--help", "--questionnaire", "--responses", "--out", "--previous",
								"--previous-questionnaire", "--agreements", "--organization", "--title", "--period",
								"--min-group-size", "--lang", "--include-written", "--encoding")));
	}

	/**
	 * The names a help lists at the start of its lines: its options and arguments (the
	 * synopsis and the descriptions run on further in).
	 */
	private static List<String> listed(String help) {
		Matcher names = Pattern.compile("(?m)^ {2,6}(-h, --help|--[a-z-]+|[A-Z]+)(?=[=. ]|$)").matcher(help);
		return names.results().flatMap(name -> Stream.of(name.group(1).split(", "))).toList();
	}

	@ParameterizedTest
	@MethodSource("commands")
	void eachCommandsHelpExitsZeroAndListsEveryOption(String command, List<String> options) {
		CommandLineTest.Run run = CommandLineTest.run(command, "--help");
		assertThat(run.status()).isEqualTo(CommandLine.DONE);
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).startsWith("Usage: java -jar peer-reflect.jar " + command + " ");
		assertThat(listed(run.out())).containsExactlyInAnyOrderElementsOf(options);
		assertThat(CommandLineTest.run(command, "-h").out()).isEqualTo(run.out());
		assertThat(CommandLineTest.run("help", command).out()).isEqualTo(run.out());
	}

	@ParameterizedTest
	@ValueSource(strings = { "--help", "-h", "help" })
	void theJarsHelpNamesEveryCommand(String word) {
		CommandLineTest.Run run = CommandLineTest.run(word);
		assertThat(run.status()).isEqualTo(CommandLine.DONE);
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).startsWith("Usage: java -jar peer-reflect.jar [-h] COMMAND");
		for (String command : List.of("validate", "template", "paper", "report", "help")) {
			assertThat(run.out()).containsPattern("(?m)^  " + command + " ");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "validate", "template", "paper", "report" })
	void anUnknownOptionExitsTwoAndIsNamed(String command) {
		CommandLineTest.Run run = CommandLineTest.run(command, "peer-support-principles", "--colour=red");
		assertThat(run.status()).isEqualTo(CommandLine.USAGE);
		assertThat(run.err().lines().findFirst()).hasValue("peer-reflect " + command + ": unknown option --colour");
		assertThat(run.err()).contains("Usage: java -jar peer-reflect.jar " + command).doesNotContain("Exception");
		assertThat(run.out()).isEmpty();
	}

	static Stream<Arguments> refusals() {
		String[] given = { "report", "--questionnaire", "peer-support-principles", "--responses",
				"examples/round-spring.csv", "--out", "out" };
		return Stream.of(Arguments.of(List.of("reprot", "--out", "x"), "peer-reflect: unknown command 'reprot'"),
				Arguments.of(List.of("report", "--out"), "peer-reflect report: --out needs a value"),
				Arguments.of(List.of("report", "--out", "--title", "Spring"),
						"peer-reflect report: --out needs a value"),
				Arguments.of(List.of("report"),
						"peer-reflect report: --questionnaire, --responses and --out are needed"),
				Arguments.of(List.of("paper", "peer-support-principles"), "peer-reflect paper: --out is needed"),
				// A misspelt option is named rather than the one it was meant to be.
				Arguments.of(List.of("report", "--questionnaire", "q", "--responses", "r", "--output", "o"),
						"peer-reflect report: unknown option --output"),
				Arguments.of(List.of("template"), "peer-reflect template: QUESTIONNAIRE is needed"),
				Arguments.of(List.of("template", "a", "b"), "peer-reflect template: unexpected 'b'"),
				Arguments.of(with(given, "--out", "again"), "peer-reflect report: --out is given twice"),
				Arguments.of(with(given, "--lang", "fr"), "peer-reflect report: --lang should be one of en, es"),
				Arguments.of(with(given, "--min-group-size", "five"),
						"peer-reflect report: --min-group-size should be a whole number"),
				Arguments.of(with(given, "--encoding", "nope"),
						"peer-reflect report: --encoding should name an encoding, for example utf-8 or "
								+ "windows-1252 ('nope' is not one)"),
				Arguments.of(with(given, "--previous-questionnaire", "peer-support-principles"),
						"peer-reflect report: --previous-questionnaire goes with --previous"));
	}

	private static List<String> with(String[] given, String... more) {
		return Stream.concat(Stream.of(given), Stream.of(more)).toList();
	}

	@ParameterizedTest
	@MethodSource("refusals")
	void wordsThatCannotBeUnderstoodAreNamedOnOneLine(List<String> words, String line) {
		CommandLineTest.Run run = CommandLineTest.run(words.toArray(String[]::new));
		assertThat(run.status()).isEqualTo(CommandLine.USAGE);
		assertThat(run.err().lines().findFirst()).hasValue(line);
		assertThat(run.err().lines().skip(1).findFirst()).hasValueSatisfying(usage -> assertThat(usage)
			.startsWith("Usage: java -jar peer-reflect.jar " + (words.get(0).equals("reprot") ? "" : words.get(0))));
		assertThat(run.out()).isEmpty();
	}

	@Test
	void noHelpCarriesTerminalColours() {
		assertThat(CommandLineTest.run("report", "--help").out()).doesNotContain("\u001b[");
	}

}
