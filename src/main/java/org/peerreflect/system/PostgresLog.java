package org.peerreflect.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's write-ahead log ({@code pg_wal}) holds every change until its segment is
 * retired, whatever the tables say now (invariant 3). After the answer tables are
 * rewritten, the segments written before are retired: a checkpoint, a switch to a new
 * segment, and a second checkpoint, after which the server deletes every older segment.
 * That holds only where the server deletes them rather than renaming them for reuse with
 * their bytes ({@code wal_recycle = off}) and keeps no copy elsewhere (archiving,
 * replication slots, replicas, {@code wal_keep_size}); whatever keeps one is said plainly
 * to the administrator.
 */
final class PostgresLog {

	private static final Log log = LogFactory.getLog(PostgresLog.class);

	private PostgresLog() {
	}

	/** Retires the segments written so far; never inside a transaction. */
	static Void retire(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("CHECKPOINT");
			statement.execute("SELECT pg_switch_wal()");
			statement.execute("CHECKPOINT");
		}
		catch (SQLException refused) {
			// Missing grants: the rewrite of the tables still stands; the administrator
			// is
			// told at start and on the round's page what to grant.
			log.warn("PostgreSQL's log could not be retired after answers were rewritten: " + refused.getMessage());
		}
		return null;
	}

	/**
	 * Each setting or missing grant that keeps the log's old segments, as message keys;
	 * read with the application's own connection, so the grants are its own.
	 */
	static List<String> problems(JdbcTemplate jdbc) {
		List<String> problems = new ArrayList<>();
		if (!"off".equals(setting(jdbc, "wal_recycle"))) {
			problems.add("database.log.recycle");
		}
		if (!"off".equals(setting(jdbc, "archive_mode"))) {
			problems.add("database.log.archive");
		}
		if (!"0".equals(setting(jdbc, "wal_keep_size"))) {
			problems.add("database.log.keep");
		}
		Integer copies = jdbc.queryForObject(
				"select (select count(*) from pg_replication_slots) + (select count(*) from pg_stat_replication)",
				Integer.class);
		if (copies != null && copies > 0) {
			problems.add("database.log.replicas");
		}
		Boolean granted = jdbc.queryForObject("select (pg_has_role('pg_checkpoint', 'member') "
				+ "or (select rolsuper from pg_roles where rolname = current_user)) "
				+ "and has_function_privilege('pg_switch_wal()', 'execute')", Boolean.class);
		if (!Boolean.TRUE.equals(granted)) {
			problems.add("database.log.grants");
		}
		return problems;
	}

	private static String setting(JdbcTemplate jdbc, String name) {
		return jdbc.queryForObject("select current_setting(?)", String.class, name);
	}

}
