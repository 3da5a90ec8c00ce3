package org.peerreflect.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Invariants 6 and 13: a closed round's exact counts, in all and per channel, are said
 * only when at least k took part and those who did not answer on paper are none or at
 * least k.
 */
class GroupSummaryTest {

	@Test
	void invariant13_channelsAreShownWhenTheAnswersNotOnPaperAreNoneOrAtLeastK() {
		assertThat(GroupSummary.channelsMayBeShown(3, 2, 0, 5)).as("5 online and on the kiosk").isTrue();
		assertThat(GroupSummary.channelsMayBeShown(0, 0, 5, 5)).as("all 5 on paper").isTrue();
		assertThat(GroupSummary.channelsMayBeShown(2, 3, 9, 5)).as("5 not on paper, beside 9").isTrue();
		assertThat(GroupSummary.channelsMayBeShown(2, 0, 10, 5)).as("2 online beside 10 on paper").isFalse();
		assertThat(GroupSummary.channelsMayBeShown(0, 4, 10, 5)).as("4 on the kiosk beside 10 on paper").isFalse();
	}

	@Test
	void invariant6_channelsOfARoundOfFewerThanKPeopleAreNotShown() {
		assertThat(GroupSummary.channelsMayBeShown(2, 1, 1, 5)).isFalse();
		assertThat(GroupSummary.channelsMayBeShown(0, 0, 4, 5)).isFalse();
		assertThat(GroupSummary.channelsMayBeShown(0, 0, 5, 5)).isTrue();
	}

}
