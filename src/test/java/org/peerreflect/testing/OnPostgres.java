package org.peerreflect.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring Boot test on the real PostgreSQL server of {@link PostgresTestDatabase}, with
 * the {@code postgres} profile and a schema of its own; skipped outside CI when no server
 * answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnPostgres.RequireServer.class)
@Slow
@SpringBootTest
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = OnPostgres.FreshSchema.class)
public @interface OnPostgres {

	/** {@code RANDOM_PORT} for a test that speaks HTTP to a real server. */
	@org.springframework.core.annotation.AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
	SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

	/** Checks for the server before any application context is made. */
	class RequireServer implements BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			PostgresTestDatabase.requireOrSkip();
		}

	}

	/** Points the application at a new schema of its own. */
	class FreshSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>(
					PostgresTestDatabase.properties(PostgresTestDatabase.freshSchema()));
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test", properties));
		}

	}

}
