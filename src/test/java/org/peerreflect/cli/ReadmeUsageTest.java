package org.peerreflect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The README's usage of the commands is what {@code --help} prints, so the two cannot
 * drift apart. After an option changes, run this test with {@code -Dreadme.usage=write}
 * to write the block again.
 */
class ReadmeUsageTest {

	static final Path README = Path.of("README.md");

	static final String START = "<!-- The usage below is what --help prints; ReadmeUsageTest keeps it so. -->";

	static final String END = "<!-- End of the usage. -->";

	/** The jar's help and each command's, one after another, as the README shows them. */
	static String usage() {
		StringBuilder block = new StringBuilder(START).append("\n\n```\n");
		List<List<String>> helps = List.of(List.of("--help"), List.of("validate", "--help"),
				List.of("template", "--help"), List.of("paper", "--help"), List.of("report", "--help"));
		for (List<String> words : helps) {
			CommandLineTest.Run run = CommandLineTest.run(words.toArray(String[]::new));
			assertThat(run.status()).isEqualTo(CommandLine.DONE);
			if (block.charAt(block.length() - 2) != '`') {
				block.append('\n');
			}
			block.append(run.out().replace("\r\n", "\n"));
		}
		return block.append("```\n\n").append(END).toString();
	}

	@Test
	void theReadmesUsageIsWhatHelpPrints() throws Exception {
		String readme = Files.readString(README, StandardCharsets.UTF_8).replace("\r\n", "\n");
		int start = readme.indexOf(START);
		int end = readme.indexOf(END);
		assertThat(start).as("the README's command-line section marks where the usage goes").isNotNegative();
		assertThat(end).isGreaterThan(start);
		String usage = usage();
		if ("write".equals(System.getProperty("readme.usage"))) {
			readme = readme.substring(0, start) + usage + readme.substring(end + END.length());
			Files.writeString(README, readme, StandardCharsets.UTF_8);
			end = start + usage.length() - END.length();
		}
		assertThat(readme.substring(start, end + END.length()))
			.as("README.md's usage is out of date; run ReadmeUsageTest with -Dreadme.usage=write")
			.isEqualTo(usage);
	}

}
