package org.peerreflect.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The embedded database's connections, which can be paused while nobody holds one:
 * rewriting the H2 file closes the database, so it waits until every connection is back
 * and lets new ones wait (not fail) until the file is open again. A thread that already
 * holds a connection is never made to wait for a second one, so nothing can deadlock on
 * the pause.
 */
final class PausableDataSource extends DelegatingDataSource {

	private final Object monitor = new Object();

	/** Connections handed out and not yet closed, per thread that took them. */
	private final Map<Thread, Integer> held = new HashMap<>();

	private int borrowed;

	private boolean paused;

	PausableDataSource(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Thread taker = enter();
		try {
			return tracked(super.getConnection(), taker);
		}
		catch (SQLException | RuntimeException e) {
			leave(taker);
			throw e;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		Thread taker = enter();
		try {
			return tracked(super.getConnection(username, password), taker);
		}
		catch (SQLException | RuntimeException e) {
			leave(taker);
			throw e;
		}
	}

	/**
	 * Something done while no connection is out; false when they were not all back in
	 * time.
	 */
	interface Exclusive {

		void run() throws SQLException;

	}

	boolean whileNoneBorrowed(Duration patience, Exclusive action) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		synchronized (this.monitor) {
			while (this.paused) {
				this.monitor.wait(100);
			}
			this.paused = true;
			while (this.borrowed > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					this.paused = false;
					this.monitor.notifyAll();
					return false;
				}
				this.monitor.wait(Math.max(1, left / 1_000_000));
			}
		}
		try {
			action.run();
			return true;
		}
		finally {
			synchronized (this.monitor) {
				this.paused = false;
				this.monitor.notifyAll();
			}
		}
	}

	/** Longest a request waits for the file: far longer than a rewrite takes. */
	private static final long PATIENCE_MILLIS = 60_000;

	private Thread enter() throws SQLException {
		Thread taker = Thread.currentThread();
		long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
		synchronized (this.monitor) {
			while (this.paused && !this.held.containsKey(taker)) {
				long left = deadline - System.currentTimeMillis();
				if (left <= 0) {
					throw new SQLException("the database file is still being rewritten");
				}
				try {
					this.monitor.wait(left);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new SQLException("interrupted while the database file was being rewritten", e);
				}
			}
			this.borrowed++;
			this.held.merge(taker, 1, Integer::sum);
		}
		return taker;
	}

	private void leave(Thread taker) {
		synchronized (this.monitor) {
			this.borrowed--;
			this.held.computeIfPresent(taker, (thread, count) -> count == 1 ? null : count - 1);
			this.monitor.notifyAll();
		}
	}

	/** The connection as handed out, giving its place back once when it is closed. */
	private Connection tracked(Connection connection, Thread taker) {
		InvocationHandler handler = new InvocationHandler() {

			private boolean closed;

			@Override
			public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
				if (method.getName().equals("close") && method.getParameterCount() == 0) {
					try {
						connection.close();
					}
					finally {
						synchronized (this) {
							if (!this.closed) {
								this.closed = true;
								leave(taker);
							}
						}
					}
					return null;
				}
				try {
					return method.invoke(connection, args);
				}
				catch (InvocationTargetException e) {
					throw e.getCause();
				}
			}

		};
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

}
