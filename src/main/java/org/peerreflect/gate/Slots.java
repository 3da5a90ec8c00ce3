package org.peerreflect.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.peerreflect.gate.GroupSummary.Distribution;

/**
 * Sums over a count table's slots, as {@code CountTable} lays them out: a row per
 * perspective slot, a column per answer slot.
 */
final class Slots {

	private Slots() {
	}

	/**
	 * Answers with one more slot at the end: those of {@code people} who gave none.
	 */
	static long[] withSkipped(long[] answers, long people) {
		long[] slots = Arrays.copyOf(answers, answers.length + 1);
		slots[answers.length] = people - sum(answers);
		return slots;
	}

	/** Per option slot, summed over perspective slots. */
	static long[] columns(long[][] bySlot) {
		long[] sums = new long[bySlot[0].length];
		for (long[] slot : bySlot) {
			for (int o = 0; o < sums.length; o++) {
				sums[o] += slot[o];
			}
		}
		return sums;
	}

	/** Per perspective slot, summed over option slots. */
	static long[] rows(long[][] bySlot) {
		long[] sums = new long[bySlot.length];
		for (int p = 0; p < bySlot.length; p++) {
			sums[p] = sum(bySlot[p]);
		}
		return sums;
	}

	static long[] minus(long[] a, long[] b) {
		long[] difference = new long[a.length];
		for (int i = 0; i < a.length; i++) {
			difference[i] = a[i] - b[i];
		}
		return difference;
	}

	static long[][] minus(long[][] a, long[][] b) {
		long[][] difference = new long[a.length][];
		for (int i = 0; i < a.length; i++) {
			difference[i] = minus(a[i], b[i]);
		}
		return difference;
	}

	static Distribution distribution(long[] slots) {
		int optionCount = slots.length - 1;
		List<Integer> counts = new ArrayList<>(optionCount);
		for (int o = 0; o < optionCount; o++) {
			counts.add(Math.toIntExact(slots[o]));
		}
		return new Distribution(Math.toIntExact(sum(slots)), counts, Math.toIntExact(slots[optionCount]));
	}

	static long sum(long[] values) {
		long sum = 0;
		for (long v : values) {
			sum += v;
		}
		return sum;
	}

}
