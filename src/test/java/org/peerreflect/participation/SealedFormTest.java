package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.peerreflect.questionnaire.QuestionnaireReader;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.round.Channel;

/**
 * What a round keeps sealed while it is open (invariant 3): every submission the same
 * length whatever was answered, written or how it came, and back whole once opened.
 */
class SealedFormTest {

	private final Questionnaire questionnaire = bundled();

	private static Questionnaire bundled() {
		try {
			return QuestionnaireReader
				.read("peer-support-principles.yaml",
						Files.readAllBytes(Path.of("questionnaires/peer-support-principles.yaml")))
				.questionnaire();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void everySubmissionOfARoundIsOneLengthWhateverItHolds() {
		Set<Integer> lengths = new HashSet<>();
		SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
		UUID round = UUID.randomUUID();
		for (Channel channel : Channel.values()) {
			for (Submission submission : new Submission[] { new Submission(null, Map.of(), Map.of()),
					new Submission("member", Map.of("np-1", "5", "np-2", "not-sure"), Map.of("np-say", "a")),
					new Submission("staff", Map.of("np-1", "1"),
							Map.of("np-say", "é".repeat(PageQuestion.LONGEST_WRITTEN), "na-say",
									"\uD83C\uDF31".repeat(PageQuestion.LONGEST_WRITTEN / 2))) }) {
				byte[] plain = SealedForm.submission(questionnaire, channel, submission);
				lengths.add(plain.length);
				lengths.add(RoundKeys.seal(key, round, plain).length - 28);
				SealedForm.Opened opened = SealedForm.openSubmission(questionnaire,
						RoundKeys.open(key, round, RoundKeys.seal(key, round, plain)));
				assertThat(opened.channel()).isEqualTo(channel);
				assertThat(opened.submission()).isEqualTo(submission);
			}
		}
		assertThat(lengths).containsExactly(SealedForm.submissionLength(questionnaire));
	}

	@Test
	void everyWrittenAnswerIsOneLengthAndComesBackWhole() {
		for (String words : new String[] { "", "[removed]", "Ñandú y 🌱 at the kitchen table",
				"x".repeat(PageQuestion.LONGEST_WRITTEN) }) {
			byte[] plain = SealedForm.written(words);
			assertThat(plain).hasSize(SealedForm.writtenLength());
			assertThat(SealedForm.openWritten(plain)).isEqualTo(words);
		}
		assertThatThrownBy(() -> SealedForm.written("x".repeat(PageQuestion.LONGEST_WRITTEN + 1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aSealedValueOpensOnlyWithItsRoundsKeyAndForItsRound() {
		SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
		byte[] other = new byte[32];
		other[0] = 1;
		UUID round = UUID.randomUUID();
		byte[] sealed = RoundKeys.seal(key, round, SealedForm.written("kept"));
		assertThat(SealedForm.openWritten(RoundKeys.open(key, round, sealed))).isEqualTo("kept");
		assertThatThrownBy(() -> RoundKeys.open(new SecretKeySpec(other, "AES"), round, sealed))
			.isInstanceOf(IllegalStateException.class);
		// Moved to another round's rows, it does not open either.
		assertThatThrownBy(() -> RoundKeys.open(key, UUID.randomUUID(), sealed))
			.isInstanceOf(IllegalStateException.class);
		// Two seals of the same words share nothing a reader could match.
		assertThat(RoundKeys.seal(key, round, SealedForm.written("kept"))).isNotEqualTo(sealed);
	}

}
