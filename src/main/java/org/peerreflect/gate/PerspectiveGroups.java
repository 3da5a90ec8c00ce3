package org.peerreflect.gate;

import java.util.List;

import org.peerreflect.questionnaire.Perspective;

/**
 * The rule for perspective groups (invariant 8), the same for a round and for each of its
 * items: groups under k are withheld; then, while the people outside the shown groups are
 * some but fewer than k once the largest under-k group is left out of them, the smallest
 * shown group is withheld too.
 */
final class PerspectiveGroups {

	private PerspectiveGroups() {
	}

	/**
	 * Which perspective options may be shown, given the people in each slot (options in
	 * order, the last slot for people who gave none) and of them those who did not answer
	 * on paper. Options with {@code group: false}, and options not {@code allowed}, are
	 * never shown; an option not allowed is not "withheld for being under k". Every rule
	 * holds for everyone and again for the answers that did not come on paper, where none
	 * is also safe (invariant 13).
	 */
	static boolean[] shownGroups(long[] sizes, long[] online, List<Perspective.Option> perspectives, int k,
			boolean[] allowed) {
		boolean[] shown = new boolean[perspectives.size()];
		long outside = Slots.sum(sizes);
		long outsideOnline = Slots.sum(online);
		long largestUnderK = 0;
		long largestOnlineUnderK = 0;
		for (int p = 0; p < perspectives.size(); p++) {
			if (!perspectives.get(p).group()) {
				continue;
			}
			boolean onlineSafe = online[p] == 0 || online[p] >= k;
			if (sizes[p] < k) {
				largestUnderK = Math.max(largestUnderK, sizes[p]);
			}
			if (online[p] < k && (sizes[p] < k || !onlineSafe || !allowed[p])) {
				largestOnlineUnderK = Math.max(largestOnlineUnderK, online[p]);
			}
			if (sizes[p] >= k && onlineSafe && allowed[p]) {
				shown[p] = true;
				outside -= sizes[p];
				outsideOnline -= online[p];
			}
		}
		while (outside > 0 && outside - largestUnderK < k
				|| outsideOnline > 0 && outsideOnline - largestOnlineUnderK < k) {
			int smallest = smallestShown(shown, sizes);
			if (smallest < 0) {
				break;
			}
			shown[smallest] = false;
			outside += sizes[smallest];
			outsideOnline += online[smallest];
		}
		return shown;
	}

	/** The smallest shown group, the last listed of equal ones; -1 when none is shown. */
	private static int smallestShown(boolean[] shown, long[] sizes) {
		int smallest = -1;
		for (int p = 0; p < shown.length; p++) {
			if (shown[p] && (smallest < 0 || sizes[p] <= sizes[smallest])) {
				smallest = p;
			}
		}
		return smallest;
	}

}
