package org.peerreflect.gate;

/**
 * How much views differ on an ordered scale: Leik's measure of ordinal dispersion.
 *
 * <p>
 * Leik, R. K. (1966). A measure of ordinal consensus. <i>Pacific Sociological Review</i>,
 * 9(2), 85-90. With F the cumulative shares of the m options in order, D = 2/(m-1) times
 * the sum over the first m-1 options of min(F, 1-F). D is 0 when everyone chose the same
 * option and 1 when people split evenly between the two ends. "Not sure" answers are not
 * on the scale and do not count.
 */
public final class OrdinalSpread {

	private OrdinalSpread() {
	}

	/** Leik's D for the option counts, or null when nobody chose an option. */
	public static Double leik(long[] counts) {
		long total = 0;
		for (long c : counts) {
			total += c;
		}
		if (total == 0 || counts.length < 2) {
			return null;
		}
		double sum = 0;
		long cumulative = 0;
		for (int i = 0; i < counts.length - 1; i++) {
			cumulative += counts[i];
			double f = (double) cumulative / total;
			sum += Math.min(f, 1 - f);
		}
		return 2 * sum / (counts.length - 1);
	}

}
