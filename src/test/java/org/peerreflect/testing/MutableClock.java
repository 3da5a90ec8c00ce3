package org.peerreflect.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests can move forward, to see links expire without waiting. */
public final class MutableClock extends Clock {

	private Instant now = Instant.now();

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public synchronized Instant instant() {
		return now;
	}

	public synchronized void advance(Duration duration) {
		now = now.plus(duration);
	}

	/** Import this to put the mutable clock in place of the system clock. */
	@TestConfiguration
	public static class Configuration {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
