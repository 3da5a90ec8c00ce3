package org.peerreflect.participation;

/**
 * A span of a written answer, from {@code start} up to {@code end}, that may tell who
 * wrote it, with what it may be ({@link Flags}).
 */
record Flag(int start, int end, Kind kind) {

	/** What a flagged span may be; each has its reason in the messages. */
	enum Kind {

		ADDRESS, PHONE, OWN, AGE, WHEN, NAME, PLACE;

		/**
		 * The key of the short reason a screen reader reads after the span; public for
		 * the page's template.
		 */
		public String reason() {
			return "review.flag." + name();
		}

	}

	int length() {
		return end - start;
	}

}
