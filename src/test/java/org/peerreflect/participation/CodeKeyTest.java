package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 2: where the key for participation codes comes from, and where it never does.
 */
class CodeKeyTest {

	private static final String KEY = "a-key-of-at-least-thirty-two-characters";

	@TempDir
	Path folder;

	@Test
	void invariant2_theKeyComesFromTheEnvironmentFirst() {
		byte[] key = CodeKey.load(KEY, folder.resolve("ignored").toString(), folder, "jdbc:postgresql://db/x");
		assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo(KEY);
	}

	@Test
	void invariant2_thenFromTheNamedFile() throws Exception {
		Path file = folder.resolve("key.txt");
		Files.writeString(file, KEY + "\n");
		assertThat(
				new String(CodeKey.load("", file.toString(), folder, "jdbc:postgresql://db/x"), StandardCharsets.UTF_8))
			.isEqualTo(KEY);
	}

	@Test
	void invariant2_onEmbeddedH2AKeyIsMadeOnceInAFileOnlyItsOwnerCanRead() throws Exception {
		Path home = folder.resolve(".peer-reflect");
		byte[] first = CodeKey.load("", "", home, "jdbc:h2:file:./data/peer-reflect");
		Path file = home.resolve("code.key");
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(CodeKey.load("", "", home, "jdbc:h2:file:./data/peer-reflect")).isEqualTo(first);
		assertThat(first.length).isGreaterThanOrEqualTo(32);
	}

	@Test
	void invariant2_anyOtherDatabaseRefusesToStartWithoutAnExplicitKey() {
		assertThatThrownBy(() -> CodeKey.load("", "", folder, "jdbc:postgresql://localhost/peer_reflect"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PEER_REFLECT_CODE_KEY");
		assertThat(folder.resolve("code.key")).doesNotExist();
	}

	@Test
	void invariant2_aShortKeyIsRefused() {
		assertThatThrownBy(() -> CodeKey.load("short", "", folder, "jdbc:h2:mem:x"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("at least 32 characters");
	}

	@Test
	void theSameCodeAlwaysGivesTheSameHashAndAnotherKeyAnother() {
		CodeKey one = new CodeKey(KEY, "", folder.toString(), "jdbc:h2:mem:x");
		CodeKey other = new CodeKey(KEY + "!", "", folder.toString(), "jdbc:h2:mem:x");
		assertThat(one.hash("ACDEF34679")).isEqualTo(one.hash("ACDEF34679"))
			.hasSize(64)
			.isNotEqualTo(other.hash("ACDEF34679"));
	}

	@Test
	void typedCodesAreReadWithoutCaseSpacesOrDashes() {
		assertThat(ParticipationCodes.normalize(" acdef-34679 ")).isEqualTo("ACDEF34679");
		assertThat(ParticipationCodes.printed("ACDEF34679")).isEqualTo("ACDEF-34679");
		assertThat(ParticipationCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B");
	}

}
