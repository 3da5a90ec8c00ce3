package org.peerreflect.publication;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.peerreflect.report.Report;
import org.springframework.stereotype.Component;

/**
 * The web report's chart images, drawn once per instance and kept for the next reader: a
 * published report never changes, so a picture of it never goes stale. The most recently
 * used are kept.
 */
@Component
class ChartImages {

	/** About 45 KB each: a few dozen reports' charts, a few megabytes. */
	static final int KEPT = 300;

	private record Key(UUID round, int index, boolean narrow) {
	}

	private final Map<Key, byte[]> drawn = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
			return size() > KEPT;
		}

	};

	/**
	 * Chart {@code index} of a round's kept report as a PNG, or null when there is no
	 * such chart.
	 */
	byte[] png(UUID round, Report report, int index, boolean narrow) {
		Key key = new Key(round, index, narrow);
		synchronized (drawn) {
			byte[] kept = drawn.get(key);
			if (kept != null) {
				return kept;
			}
		}
		byte[] png = report.chart(index, narrow);
		if (png != null) {
			synchronized (drawn) {
				drawn.put(key, png);
			}
		}
		return png;
	}

}
