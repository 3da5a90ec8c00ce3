package org.peerreflect.participation;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On the embedded H2 as it runs by default: in a file, each commit written before thanks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentionOnH2Test extends ContentionContract {

	@DynamicPropertySource
	static void inAFile(DynamicPropertyRegistry registry) throws IOException {
		String folder = Files.createTempDirectory("peer-reflect-contention").toString();
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + folder
				+ "/peer-reflect;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000");
	}

}
