package org.peerreflect.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed sign-ins to one account, in memory: after a few failures
 * each further try must wait, twice as long each time, up to a quarter of an hour. Keyed
 * by the email typed, never by where the request came from.
 */
@Component
public class SignInThrottle {

	static final int FREE_FAILURES = 5;

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	/** Forget an account's failures after this long without one. */
	static final Duration MEMORY = Duration.ofHours(1);

	private record Failures(int count, Instant last) {
	}

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	SignInThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * How long the next try for this email must still wait; zero when it may go ahead.
	 */
	public Duration waitFor(String email) {
		Failures seen = failures.get(key(email));
		if (seen == null || seen.count() < FREE_FAILURES) {
			return Duration.ZERO;
		}
		Duration delay = Duration.ofSeconds(1L << Math.min(seen.count() - FREE_FAILURES, 10));
		if (delay.compareTo(LONGEST_WAIT) > 0) {
			delay = LONGEST_WAIT;
		}
		Duration left = Duration.between(clock.instant(), seen.last().plus(delay));
		return left.isNegative() ? Duration.ZERO : left;
	}

	public void failed(String email) {
		Instant now = clock.instant();
		failures.compute(key(email), (k, seen) -> seen == null || seen.last().plus(MEMORY).isBefore(now)
				? new Failures(1, now) : new Failures(seen.count() + 1, now));
		if (failures.size() > 10_000) {
			failures.values().removeIf(f -> f.last().plus(MEMORY).isBefore(now));
		}
	}

	public void succeeded(String email) {
		failures.remove(key(email));
	}

	private static String key(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

}
