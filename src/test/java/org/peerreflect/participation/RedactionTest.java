package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The steward's one allowed edit of a written answer (invariant 9): stretches replaced by
 * "[removed]", nothing else. Each refusal here is an edit that would put words in
 * someone's mouth.
 */
class RedactionTest {

	// --- accepted ---

	@Test
	void unchangedTextIsAccepted() {
		assertThat(Redaction.isRedactionOf("The kitchen rota works well.", "The kitchen rota works well.")).isTrue();
	}

	@Test
	void aNameReplacedByRemovedIsAccepted() {
		assertThat(Redaction.isRedactionOf("I talked to Maria about it and she helped.",
				"I talked to [removed] about it and she helped."))
			.isTrue();
	}

	/**
	 * In a Spanish round the steward sees and may type the Spanish mark; it is kept as
	 * the one mark, which each report prints in its own language.
	 */
	@Test
	void eachLanguagesMarkMayBeTypedAndIsKeptAsTheOneMark() {
		for (String language : java.util.List.of("en", "es")) {
			String mark = java.util.ResourceBundle
				.getBundle("messages", java.util.Locale.forLanguageTag(language),
						java.util.ResourceBundle.Control
							.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
				.getString("report.removed");
			assertThat(Redaction.asRedaction("Hablé con María y me ayudó.", "Hablé con " + mark + " y me ayudó."))
				.as(language)
				.contains("Hablé con [removed] y me ayudó.");
		}
		assertThat(Redaction.asRedaction("Hablé con María.", "Hablé con [ ELIMINADO ]."))
			.contains("Hablé con [removed].");
		// Only the mark: another bracketed word is an edit that changes the words.
		assertThat(Redaction.asRedaction("Hablé con María.", "Hablé con [borrado].")).isEmpty();
	}

	@Test
	void twoSeparateStretchesReplacedByRemovedAreAccepted() {
		assertThat(Redaction.isRedactionOf("Maria and I went to the office on Elm Street together.",
				"[removed] and I went to the office on [removed] together."))
			.isTrue();
		assertThat(Redaction.isRedactionOf("John said that Anna was late again.",
				"John said that [removed] was late [removed]."))
			.isTrue();
	}

	@Test
	void aStretchAtTheVeryStartOrEndMayBeRemoved() {
		assertThat(Redaction.isRedactionOf("Maria helps everyone.", "[removed] helps everyone.")).isTrue();
		assertThat(Redaction.isRedactionOf("Everyone is helped by Maria", "Everyone is helped by [removed]")).isTrue();
	}

	@Test
	void theWholeAnswerReplacedByRemovedIsAccepted() {
		assertThat(Redaction.isRedactionOf("Something only one person could have written.", "[removed]")).isTrue();
	}

	@Test
	void lineEndingsAndSurroundingWhitespaceDoNotCount() {
		assertThat(Redaction.isRedactionOf("First line.\r\nSecond line.", "First line.\nSecond line.")).isTrue();
		assertThat(Redaction.isRedactionOf("First line.\nSecond line.", "First line.\r\nSecond line.")).isTrue();
		assertThat(Redaction.isRedactionOf("First line.\rSecond line.", "First line.\nSecond line.")).isTrue();
		assertThat(Redaction.isRedactionOf("  Good meetings.\n", "Good meetings.")).isTrue();
		assertThat(Redaction.isRedactionOf("Good meetings.", "\n\tGood meetings.  \r\n")).isTrue();
		assertThat(Redaction.isRedactionOf("Maria said:\r\nthank you.\r\n", "  [removed] said:\nthank you.")).isTrue();
	}

	// --- refused ---

	@Test
	void aChangedWordIsRefused() {
		assertThat(Redaction.isRedactionOf("The staff listen to us.", "The staff ignore us.")).isFalse();
	}

	@Test
	void anAddedWordIsRefused() {
		assertThat(Redaction.isRedactionOf("The staff listen to us.", "The staff never listen to us.")).isFalse();
	}

	@Test
	void aWordDeletedWithoutRemovedIsRefused() {
		assertThat(Redaction.isRedactionOf("The staff do not listen to us.", "The staff do listen to us.")).isFalse();
	}

	@Test
	void removedInsertedWhereNothingWasTakenOutIsRefused() {
		assertThat(Redaction.isRedactionOf("I like it", "I [removed]like it")).isFalse();
		assertThat(Redaction.isRedactionOf("I like it", "[removed]I like it")).isFalse();
		assertThat(Redaction.isRedactionOf("I like it", "I like it[removed]")).isFalse();
	}

	@Test
	void removedTwiceInARowNeedsTwoStretchesTakenOut() {
		// "[removed][removed]" in place of a single character hides that one of them took
		// nothing out.
		assertThat(Redaction.isRedactionOf("I like it", "I [removed][removed]ike it")).isFalse();
		assertThat(Redaction.isRedactionOf("I like it", "I [removed][removed]ke it")).isTrue();
	}

	@Test
	void removedMayNotHideAChangeNextToIt() {
		assertThat(Redaction.isRedactionOf("Maria is kind.", "[removed] is cruel.")).isFalse();
		assertThat(Redaction.isRedactionOf("Maria is kind.", "[removed] is not kind.")).isFalse();
	}

	@Test
	void reorderedWordsAreRefused() {
		assertThat(Redaction.isRedactionOf("We share the work and the meals.", "We share the meals and the work."))
			.isFalse();
	}

	@Test
	void textAppendedAfterTheOriginalIsRefused() {
		assertThat(Redaction.isRedactionOf("We share the work.", "We share the work. Not really.")).isFalse();
		assertThat(Redaction.isRedactionOf("Maria shares the work.", "[removed] shares the work. Not really."))
			.isFalse();
	}

	@Test
	void textPutBeforeTheOriginalIsRefused() {
		assertThat(Redaction.isRedactionOf("Maria shares the work.", "Honestly, [removed] shares the work.")).isFalse();
	}

	@Test
	void keptPartsOutOfOrderAreRefused() {
		String original = "one two three four five";
		assertThat(Redaction.isRedactionOf(original, "[removed] three [removed]")).isTrue();
		assertThat(Redaction.isRedactionOf(original, "one [removed] three [removed] five")).isTrue();
		// "four" and "two" are both in the original, but not in this order.
		assertThat(Redaction.isRedactionOf(original, "[removed] four [removed] two [removed]")).isFalse();
		assertThat(Redaction.isRedactionOf(original, "one [removed] four [removed] two [removed] five")).isFalse();
		assertThat(Redaction.isRedactionOf(original, "one [removed] four three [removed] five")).isFalse();
	}

	@Test
	void removedBetweenTwoKeptPartsThatMeetIsRefused() {
		// The original has one space between "four" and "five": nothing was taken out
		// there.
		assertThat(Redaction.isRedactionOf("one two three four five", "one [removed] four [removed] five")).isFalse();
	}

	@Test
	void keptPartsMayNotOverlap() {
		// "ab" then "ba" both fit in "aba", but only by sharing its "b": nothing lies
		// between them.
		assertThat(Redaction.isRedactionOf("aba", "ab[removed]ba")).isFalse();
		assertThat(Redaction.isRedactionOf("abXba", "ab[removed]ba")).isTrue();
	}

	@Test
	void removedWithOtherCapitalsIsNotRemoved() {
		assertThat(Redaction.isRedactionOf("Maria helps.", "[Removed] helps.")).isFalse();
	}

	@Test
	void anEmptyAnswerCannotBeRedacted() {
		assertThat(Redaction.isRedactionOf("", "[removed]")).isFalse();
		assertThat(Redaction.isRedactionOf("  \n", "[removed]")).isFalse();
	}

	// --- normalize ---

	@Test
	void normalizeTurnsEveryLineEndingIntoLineFeed() {
		assertThat(Redaction.normalize("a\r\nb\rc\nd")).isEqualTo("a\nb\nc\nd");
	}

	@Test
	void normalizeStripsTheWhitespaceAroundTheWholeOnly() {
		assertThat(Redaction.normalize(" \t\r\n  two  words \n\n")).isEqualTo("two  words");
		assertThat(Redaction.normalize("\u2003wide space\u2003")).isEqualTo("wide space");
		assertThat(Redaction.normalize("line\r\n\r\nafter a blank")).isEqualTo("line\n\nafter a blank");
	}

	// --- what an edit is kept as ---

	@Test
	void removedTypedInAnyCaseIsKeptAsRemoved() {
		assertThat(Redaction.asRedaction("I talked to Maria about it.", "I talked to [Removed] about it."))
			.contains("I talked to [removed] about it.");
		assertThat(Redaction.asRedaction("I talked to Maria about it.", "I talked to [ REMOVED ] about it."))
			.contains("I talked to [removed] about it.");
	}

	/**
	 * Words deleted outright are kept with "[removed]" in their place, so that the kept
	 * text never reads as if the person had said something else: a deleted "not" shows.
	 */
	@Test
	void wordsDeletedOutrightAreKeptWithRemovedInTheirPlace() {
		assertThat(Redaction.asRedaction("I saw Maria today.", "I saw today.")).contains("I saw [removed] today.");
		assertThat(Redaction.asRedaction("I saw Maria today.", "I saw  today.")).contains("I saw [removed] today.");
		assertThat(Redaction.asRedaction("The staff do not listen to us.", "The staff do listen to us."))
			.contains("The staff do [removed] listen to us.");
		assertThat(Redaction.asRedaction("Maria and I went to the office on Elm Street together.",
				"and I went to the office on together."))
			.contains("[removed] and I went to the office on [removed] together.");
		assertThat(Redaction.asRedaction("We met Bo and Bob.", "We met and Bob."))
			.contains("We met [removed] and Bob.");
		assertThat(Redaction.asRedaction("Talk to [removed] and Jo.", "Talk to [removed] and ."))
			.contains("Talk to [removed] and [removed].");
		assertThat(Redaction.asRedaction("Something only one could write.", "")).contains("[removed]");
	}

	@Test
	void deletionAndTypedRemovedMayBeMixed() {
		assertThat(Redaction.asRedaction("Ana from Elm Street told Jo at the market.",
				"[removed] from told at the [REMOVED]."))
			.contains("[removed] from [removed] told [removed] at the [removed].");
	}

	@Test
	void onlyPunctuationOrSpacesDeletedIsNoRedactionAndLeavesTheAnswerAsItWas() {
		assertThat(Redaction.asRedaction("Hi, Jo.", "Hi Jo.")).contains("Hi, Jo.");
	}

	@Test
	void partOfAWordDeletedAChangedOrAddedWordIsStillRefused() {
		assertThat(Redaction.asRedaction("Maria helps.", "Mara helps.")).isEmpty();
		assertThat(Redaction.asRedaction("The staff listen to us.", "The staff ignore us.")).isEmpty();
		assertThat(Redaction.asRedaction("The staff listen to us.", "The staff never listen to us.")).isEmpty();
		assertThat(Redaction.asRedaction("I like it", "I [removed]like it")).isEmpty();
		assertThat(Redaction.asRedaction("I like it", "I like it [removed]")).isEmpty();
		assertThat(Redaction.asRedaction("I like it", null)).isEmpty();
	}

	/** Whatever is kept is a redaction by the strict rule, for many random deletions. */
	@Test
	void everyKeptEditIsTheAnswerWithStretchesReplacedByRemoved() {
		long seed = System.nanoTime();
		java.util.Random random = new java.util.Random(seed);
		String[] words = { "we", "met", "Maria", "at", "the", "cafe", "on", "Elm", "Street", "and", "she", "was", "not",
				"late", "again," };
		for (int round = 0; round < 300; round++) {
			List<String> original = new java.util.ArrayList<>();
			for (int w = 0; w < 4 + random.nextInt(12); w++) {
				original.add(words[random.nextInt(words.length)]);
			}
			List<String> edited = new java.util.ArrayList<>();
			for (String word : original) {
				int roll = random.nextInt(6);
				edited.add(roll == 0 ? "" : roll == 1 ? "[Removed]" : word);
			}
			String before = String.join(" ", original);
			String after = String.join(" ", edited);
			java.util.Optional<String> kept = Redaction.asRedaction(before, after);
			assertThat(kept).as("seed " + seed + ": " + before + " -> " + after).isPresent();
			assertThat(Redaction.isRedactionOf(before, kept.get())).as("seed " + seed + ": " + kept.get()).isTrue();
			assertThat(kept.get().replace("[removed]", "").split("\\s+").length).as("seed " + seed + ": words kept")
				.isLessThanOrEqualTo(before.split("\\s+").length);
		}
	}

}
