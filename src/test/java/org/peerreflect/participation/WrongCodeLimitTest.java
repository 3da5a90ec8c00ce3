package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.peerreflect.testing.MutableClock;

/**
 * Guessing codes is slowed down, while a meeting that mistypes now and then never
 * notices.
 */
class WrongCodeLimitTest {

	private final MutableClock clock = new MutableClock();

	private final WrongCodeLimit limit = new WrongCodeLimit(clock);

	@Test
	void sixtyWrongCodesInAMomentAreAllowedThenTheNextMustWait() {
		for (int i = 0; i < WrongCodeLimit.CAPACITY; i++) {
			assertThat(limit.allowed()).as("try %d", i + 1).isTrue();
			limit.wrong();
		}
		assertThat(limit.allowed()).isFalse();
		clock.advance(Duration.ofMillis(1100));
		assertThat(limit.allowed()).isTrue();
		limit.wrong();
		assertThat(limit.allowed()).isFalse();
	}

	@Test
	void aMeetingMistypingOnceEveryFewSecondsIsNeverSlowedDown() {
		for (int i = 0; i < 500; i++) {
			assertThat(limit.allowed()).isTrue();
			limit.wrong();
			clock.advance(Duration.ofSeconds(2));
		}
	}

}
