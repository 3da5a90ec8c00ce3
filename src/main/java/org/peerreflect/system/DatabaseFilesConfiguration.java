package org.peerreflect.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which way the database's own files are rewritten, chosen by where the database lives. */
@Configuration(proxyBeanMethods = false)
class DatabaseFilesConfiguration {

	static boolean inH2File(String url) {
		return url != null && url.startsWith("jdbc:h2:file:");
	}

	/** On an H2 file, every connection goes through a gate that the file's rewrite can close. */
	@Bean
	static BeanPostProcessor pausableEmbeddedDatabase() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof HikariDataSource pool && inH2File(pool.getJdbcUrl())) {
					// Rewriting suspends the pool so that it opens nothing while the file is replaced.
					pool.setAllowPoolSuspension(true);
					return new PausableDataSource(pool);
				}
				return bean;
			}
		};
	}

	@Bean
	DatabaseFiles databaseFiles(DataSource dataSource, JdbcTemplate jdbc) throws java.sql.SQLException {
		if (dataSource instanceof PausableDataSource gate) {
			return new DatabaseFiles.H2File(gate, gate.unwrap(HikariDataSource.class));
		}
		HikariDataSource pool = dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class)
				: null;
		if (pool != null && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			return DatabaseFiles.postgres(jdbc);
		}
		return DatabaseFiles.none();
	}

}
