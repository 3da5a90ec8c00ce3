package org.peerreflect.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.h2.mvstore.DataUtils;
import org.postgresql.util.PSQLWarning;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVStoreTool;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leaves no earlier copy of deleted or rewritten rows in the database's own files
 * (invariant 3). Deleting a row does not remove its bytes: H2 writes every commit as a
 * new chunk beside the old ones, and PostgreSQL keeps dead row versions in the table's
 * pages. This rewrites the files so that only the rows as they are now remain.
 */
public interface DatabaseFiles {

	/**
	 * Rewrites the files that hold {@code tables}, after the transaction that changed
	 * them has committed; never inside a transaction.
	 * @return false when the rewrite had to be put off (it is asked for again later)
	 */
	boolean rewrite(List<String> tables);

	/**
	 * Whether rows sit where, and carry what, they were written with, whatever their
	 * keys: true on PostgreSQL (a row's place in the table, and the transaction that
	 * wrote it); false on H2, which keeps a table's rows in the order of its key.
	 */
	default boolean rowsKeepWritingOrder() {
		return false;
	}

	/**
	 * What in the database server's settings keeps copies of the log that the application
	 * cannot retire, each as a message key for the administrator and the round's page;
	 * empty when nothing does.
	 */
	default List<String> logProblems() {
		return List.of();
	}

	/**
	 * For a database that keeps nothing on disk (in memory, for the demo and the tests).
	 */
	static DatabaseFiles none() {
		return tables -> true;
	}

	/**
	 * PostgreSQL: {@code VACUUM FULL} writes each table anew into a new file and drops
	 * the old one with its dead row versions. It cannot run inside a transaction, so it
	 * runs on a connection of its own in autocommit. What PostgreSQL keeps elsewhere
	 * (WAL, backups) is for the operator.
	 */
	static DatabaseFiles postgres(JdbcTemplate jdbc) {
		return new DatabaseFiles() {
			@Override
			public boolean rewrite(List<String> tables) {
				for (String table : tables) {
					if (!table.matches("[a-z_]+")) {
						throw new IllegalArgumentException("not a table name: " + table);
					}
				}
				Boolean clean = jdbc.execute((ConnectionCallback<Boolean>) connection -> vacuum(connection, tables));
				if (Boolean.TRUE.equals(clean)) {
					jdbc.execute((ConnectionCallback<Void>) PostgresLog::retire);
				}
				return Boolean.TRUE.equals(clean);
			}

			@Override
			public boolean rowsKeepWritingOrder() {
				return true;
			}

			@Override
			public List<String> logProblems() {
				return PostgresLog.problems(jdbc);
			}
		};
	}

	/**
	 * What VACUUM VERBOSE says of row versions that a transaction still running may see.
	 */
	Pattern STILL_SEEN = Pattern.compile("(\\d+) dead row versions cannot be removed yet");

	/**
	 * Writes each table anew. A row version that some transaction still running could see
	 * (another instance's, a backup's) is copied too, so the rewrite counts as done only
	 * when PostgreSQL says none was; otherwise it is asked for again later. It fails
	 * closed: a table that did not get a new file, or any warning, counts as not done. It
	 * waits for its lock a few seconds at most, so that a long transaction never holds
	 * every answer in a queue behind it.
	 */
	private static boolean vacuum(Connection connection, List<String> tables) throws SQLException {
		connection.setAutoCommit(true);
		boolean clean = true;
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET lock_timeout = '5s'");
			try {
				for (String table : tables) {
					long before = fileOf(statement, table);
					statement.execute("VACUUM (FULL, VERBOSE) " + table);
					for (SQLWarning said = statement.getWarnings(); said != null; said = said.getNextWarning()) {
						if (!"00000".equals(said.getSQLState())) {
							// Not a report but a warning, such as a table this user may
							// not vacuum.
							throw new SQLException("the table " + table + " was not rewritten: " + said.getMessage());
						}
						String detail = said instanceof PSQLWarning server && server.getServerErrorMessage() != null
								? server.getServerErrorMessage().getDetail() : said.getMessage();
						Matcher kept = STILL_SEEN.matcher(String.valueOf(detail));
						while (kept.find()) {
							clean &= Long.parseLong(kept.group(1)) == 0;
						}
					}
					statement.clearWarnings();
					if (fileOf(statement, table) == before) {
						throw new SQLException("the table " + table + " was not written into a new file");
					}
				}
			}
			finally {
				statement.execute("RESET lock_timeout");
			}
		}
		return clean;
	}

	private static long fileOf(Statement statement, String table) throws SQLException {
		try (var result = statement.executeQuery("select pg_relation_filenode('" + table + "')")) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * H2 in a file: with the database shut, H2's own tool copies what is live into a new
	 * file and replaces the old one, which is the only way H2 offers to drop old chunks'
	 * bytes (deleting rows and compacting in place leave them). The pages are copied as
	 * they are, uncompressed, like the rest of the file. It waits until no connection is
	 * out; requests meanwhile wait for the new file, they do not fail.
	 */
	final class H2File implements DatabaseFiles {

		private static final Log log = LogFactory.getLog(DatabaseFiles.class);

		/**
		 * How long to wait for every connection to come back before putting the rewrite
		 * off.
		 */
		private static final Duration PATIENCE = Duration.ofSeconds(30);

		private final PausableDataSource gate;

		private final HikariDataSource pool;

		H2File(PausableDataSource gate, HikariDataSource pool) {
			this.gate = gate;
			this.pool = pool;
		}

		@Override
		public boolean rewrite(List<String> tables) {
			try {
				boolean done = this.gate.whileNoneBorrowed(PATIENCE, this::compact);
				if (!done) {
					log.warn(
							"The database file could not be rewritten now: connections stayed in use; it is tried again later");
				}
				return done;
			}
			catch (SQLException e) {
				throw new IllegalStateException("the database file could not be rewritten", e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		private void compact() throws SQLException {
			var pool = this.pool.getHikariPoolMXBean();
			String file = storeFile(this.pool.getJdbcUrl());
			pool.suspendPool();
			try {
				for (int attempt = 1;; attempt++) {
					pool.softEvictConnections();
					shutDown();
					try {
						MVStoreTool.compact(file, false);
						break;
					}
					catch (MVStoreException opened) {
						// A connection the pool had begun to make before it was suspended
						// opened the
						// database again: shut it once more. Any other fault is a fault.
						if (opened.getErrorCode() != DataUtils.ERROR_FILE_LOCKED || attempt == 50) {
							throw new SQLException("the database file could not be rewritten", opened);
						}
						log.debug(
								"The database opened again while its file was to be rewritten; shutting it once more");
						pause();
					}
				}
				// Such a connection may also have opened the old file just before the new
				// one took its
				// place: shut that too, and drop whatever the pool opened meanwhile.
				shutDown();
				pool.softEvictConnections();
			}
			finally {
				pool.resumePool();
			}
		}

		private void shutDown() throws SQLException {
			try (Connection own = DriverManager.getConnection(this.pool.getJdbcUrl(), this.pool.getUsername(),
					this.pool.getPassword()); Statement statement = own.createStatement()) {
				statement.execute("SHUTDOWN");
			}
		}

		private static void pause() {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		/**
		 * The store file an H2 URL names: {@code jdbc:h2:file:./data/x;...}, or
		 * {@code jdbc:h2:./data/x}, is {@code ./data/x.mv.db}.
		 */
		static String storeFile(String url) {
			String path = url.substring("jdbc:h2:".length());
			path = path.startsWith("file:") ? path.substring("file:".length()) : path;
			int settings = path.indexOf(';');
			path = settings < 0 ? path : path.substring(0, settings);
			if (path.startsWith("~")) {
				path = System.getProperty("user.home") + path.substring(1);
			}
			return path + ".mv.db";
		}

	}

}
