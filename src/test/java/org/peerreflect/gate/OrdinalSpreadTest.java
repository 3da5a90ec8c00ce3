package org.peerreflect.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OrdinalSpreadTest {

	@Test
	void everyoneChoosingTheSameOptionIsZero() {
		assertThat(OrdinalSpread.leik(new long[] { 0, 0, 9, 0, 0 })).isEqualTo(0.0);
	}

	@Test
	void anEvenSplitBetweenTheEndsIsOne() {
		assertThat(OrdinalSpread.leik(new long[] { 5, 0, 0, 0, 5 })).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void anEvenSpreadOverFiveOptionsIsPointSix() {
		// F = .2, .4, .6, .8: min(F, 1-F) sums to 1.2; 2 * 1.2 / 4 = 0.6.
		assertThat(OrdinalSpread.leik(new long[] { 1, 1, 1, 1, 1 })).isCloseTo(0.6, within(1e-9));
	}

	@Test
	void nobodyOnTheScaleHasNoSpread() {
		assertThat(OrdinalSpread.leik(new long[] { 0, 0, 0 })).isNull();
	}

	@Test
	void aScaleOfTwoOptionsHasASpreadToo() {
		assertThat(OrdinalSpread.leik(new long[] { 3, 3 })).isCloseTo(1.0, within(1e-9));
		assertThat(OrdinalSpread.leik(new long[] { 6, 0 })).isEqualTo(0.0);
	}

}
