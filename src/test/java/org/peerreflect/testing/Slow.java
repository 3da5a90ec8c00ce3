package org.peerreflect.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that needs a real browser or a real PostgreSQL server, or walks through many
 * rounds: it runs in the second lane, with {@code mvn verify}, not in the fast lane of
 * {@code mvn test} that one runs before each commit. {@code LanesTest} checks that every
 * test using Chromium or PostgreSQL carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {

	/** The JUnit tag the build's two lanes are chosen by. */
	String TAG = "slow";

}
