package org.peerreflect.round;

/**
 * What may be said of how many answered while a round is open (invariant 6): "fewer than
 * k" until k people have answered, then "at least m", m the count rounded down to a
 * multiple of 5, or k if that is larger.
 */
public record AnswerCount(boolean fewerThanMinimum, int minimum, int atLeast) {

	public static AnswerCount of(int answers, int minGroupSize) {
		if (answers < minGroupSize) {
			return new AnswerCount(true, minGroupSize, 0);
		}
		return new AnswerCount(false, minGroupSize, Math.max(answers - answers % 5, minGroupSize));
	}

}
