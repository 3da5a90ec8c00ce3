package org.peerreflect.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The committed examples are exactly what the seeded generator writes. To write them
 * anew: {@code mvn -B -ntp test -Dtest=ExampleRoundsTest -Dexamples.write=true}.
 */
class ExampleRoundsTest {

	@Test
	void committedExamplesAreWhatTheGeneratorWrites() throws Exception {
		Map<String, String> files = ExampleRounds.files();
		if (Boolean.getBoolean("examples.write")) {
			ExampleRounds.main(new String[] { "examples" });
		}
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path committed = Path.of("examples", file.getKey());
			assertThat(committed).exists();
			assertThat(Files.readString(committed, StandardCharsets.UTF_8))
				.as("examples/%s is out of date; regenerate it (see examples/README.md)", file.getKey())
				.isEqualTo(file.getValue());
		}
	}

}
