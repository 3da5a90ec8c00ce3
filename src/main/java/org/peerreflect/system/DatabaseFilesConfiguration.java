package org.peerreflect.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLException;
import java.util.Locale;

import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;

/**
 * Which way the database's own files are rewritten, chosen by where the database lives.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseFilesConfiguration {

	/**
	 * H2 embedded in this process, in a file: named with {@code file:} or without any
	 * kind.
	 */
	static boolean inH2File(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return false;
		}
		String rest = url.substring("jdbc:h2:".length());
		return rest.startsWith("file:") || !rest.matches("^[a-z]+:.*");
	}

	/**
	 * On an H2 file, every connection goes through a gate that the file's rewrite can
	 * close.
	 */
	@Bean
	static BeanPostProcessor pausableEmbeddedDatabase() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof HikariDataSource pool && inH2File(pool.getJdbcUrl())) {
					// Rewriting suspends the pool so that it opens nothing while the file
					// is replaced.
					pool.setAllowPoolSuspension(true);
					return new PausableDataSource(pool);
				}
				return bean;
			}
		};
	}

	/**
	 * Says at start, to whoever runs the server, what in the database's settings keeps
	 * copies of its log that the application cannot retire (invariant 3).
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> logProblemsAtStart(DatabaseFiles files, MessageSource messages) {
		return ready -> {
			for (String problem : files.logProblems()) {
				LogFactory.getLog(DatabaseFiles.class)
					.warn(messages.getMessage(problem, null, Locale.ENGLISH) + " "
							+ messages.getMessage("database.log.more", null, Locale.ENGLISH));
			}
		};
	}

	/**
	 * Refuses to start on a database whose files it could not rewrite after close
	 * (invariant 3): Peer Reflect runs on H2 in memory, H2 in a file of its own, or
	 * PostgreSQL.
	 */
	@Bean
	DatabaseFiles databaseFiles(DataSource dataSource, JdbcTemplate jdbc,
			@Value("${spring.datasource.url:}") String url) throws SQLException {
		if (dataSource instanceof PausableDataSource gate) {
			return new DatabaseFiles.H2File(gate, gate.unwrap(HikariDataSource.class));
		}
		if (url.startsWith("jdbc:h2:mem:")) {
			return DatabaseFiles.none();
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return DatabaseFiles.postgres(jdbc);
		}
		throw new IllegalStateException("Peer Reflect keeps its answers in H2 in memory, in H2 in a file of its own "
				+ "with its own connection pool, or in PostgreSQL, because it must rewrite the database's files after a "
				+ "round closes; it cannot do that for " + url.replaceAll(";.*", ""));
	}

}
