package org.peerreflect.participation;

import org.junit.jupiter.api.BeforeAll;
import org.peerreflect.testing.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same invariants on a real PostgreSQL server, with the {@code postgres} profile. */
@SpringBootTest
@ActiveProfiles("postgres")
class AnswerStorageOnPostgresTest extends AnswerStorageContract {

	private static final String SCHEMA = PostgresTestDatabase.freshSchema();

	@BeforeAll
	static void server() {
		PostgresTestDatabase.requireOrSkip();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, SCHEMA);
	}

	@Override
	String storageOrder() {
		return "ctid";
	}

}
