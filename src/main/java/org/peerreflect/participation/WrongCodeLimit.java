package org.peerreflect.participation;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing: wrong codes, from anyone, spend tokens that come back one a
 * second, up to 60. A whole meeting mistyping now and then never meets it; a script
 * trying codes quickly does. Counted for everyone together, never by where a request came
 * from.
 */
@Component
class WrongCodeLimit {

	static final int CAPACITY = 60;

	private final Clock clock;

	private double tokens = CAPACITY;

	private long last;

	WrongCodeLimit(Clock clock) {
		this.clock = clock;
		this.last = clock.millis();
	}

	/** Whether a code may be tried now. */
	synchronized boolean allowed() {
		refill();
		return tokens >= 1;
	}

	synchronized void wrong() {
		refill();
		tokens = Math.max(0, tokens - 1);
	}

	private void refill() {
		long now = clock.millis();
		tokens = Math.min(CAPACITY, tokens + (now - last) / 1000.0);
		last = now;
	}

}
