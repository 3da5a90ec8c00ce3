package org.peerreflect.participation;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.peerreflect.system.DatabaseFiles;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rewrite of the database's own files after close, publication and erasing (invariant
 * 3). Deleting or rewriting rows leaves their old bytes in the files (H2 writes each
 * commit beside the last, PostgreSQL keeps dead row versions and its log), so this is the
 * one place the whole path starts from:
 * <ol>
 * <li>closing a round publishes {@link org.peerreflect.round.RoundClosing} inside the
 * closing transaction, with the round's row locked;</li>
 * <li>{@link AnswersAtClose} opens the round's sealed rows once, writes the answers anew
 * under fresh random keys in a shuffled order, deletes the codes, and calls
 * {@link #rewriteAfterCommit}, all in that same transaction ({@link WrittenReview} does
 * the same at publication and erasing);</li>
 * <li>{@link #rewriteAfterCommit} lists the round in {@code answers_rewrite_pending} and,
 * once the transaction has committed, hands the work to this class's own thread;</li>
 * <li>that thread deletes the opened sealed rows a few at a time, then has
 * {@link org.peerreflect.system.DatabaseFiles#rewrite} write the files of
 * {@link AnswerTables#REWRITTEN} anew (H2: a fresh file; PostgreSQL: {@code VACUUM FULL}
 * and the log retired);</li>
 * <li>a rewrite put off (an older transaction still sees old rows) or cut short is tried
 * again later, and at the next start for whatever a stop left in the list.</li>
 * </ol>
 * Nobody has to remember to do it.
 */
@Component
public class FilesRewriteAfterClose implements DisposableBean {

	private static final Log log = LogFactory.getLog(FilesRewriteAfterClose.class);

	private final JdbcTemplate jdbc;

	private final DatabaseFiles files;

	/**
	 * One thread: rewrites never overlap, and a retry waits its time without holding the
	 * thread.
	 */
	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "files-rewrite");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Whether a retry is already waiting: one is enough, since each rewrite takes every
	 * round pending.
	 */
	private final AtomicBoolean retryWaiting = new AtomicBoolean();

	FilesRewriteAfterClose(JdbcTemplate jdbc, DatabaseFiles files) {
		this.jdbc = jdbc;
		this.files = files;
	}

	/** Inside the transaction that rewrote or erased a round's answers. */
	void rewriteAfterCommit(UUID roundId) {
		this.jdbc.update("delete from answers_rewrite_pending where round_id = ?", roundId);
		this.jdbc.update("insert into answers_rewrite_pending (round_id, request) values (?, ?)", roundId,
				UUID.randomUUID());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				// New work: the next retry need not wait long.
				retryMillis = 5_000;
				submit(FilesRewriteAfterClose.this::rewritePending);
			}
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		submit(this::rewritePending);
	}

	/**
	 * Work for the thread, unless the application is stopping: then the next start does
	 * it.
	 */
	private void submit(Runnable work) {
		try {
			this.worker.execute(work);
		}
		catch (RejectedExecutionException stopping) {
			log.info("The database files are rewritten at the next start");
		}
	}

	/**
	 * Whether the database keeps rows in the order they were written, whatever their
	 * keys.
	 */
	boolean rowsKeepWritingOrder() {
		return this.files.rowsKeepWritingOrder();
	}

	/** Whether every round's files are rewritten; for tests and the operator's check. */
	public boolean settled() {
		return this.jdbc.queryForObject("select count(*) from answers_rewrite_pending", Integer.class) == 0;
	}

	/**
	 * How long to wait before asking again; doubled after each attempt put off, up to
	 * five minutes.
	 */
	private volatile long retryMillis = 5_000;

	private void rewritePending() {
		boolean done;
		try {
			List<Request> pending = this.jdbc.query("select round_id, request from answers_rewrite_pending",
					(row, n) -> new Request(row.getObject(1, UUID.class), row.getObject(2, UUID.class)));
			if (pending.isEmpty()) {
				return;
			}
			long started = System.nanoTime();
			deleteOpenedSealedRows();
			done = this.files.rewrite(AnswerTables.REWRITTEN);
			if (done) {
				// Only the requests seen before the rewrite: one made meanwhile (answers
				// erased just after publishing) may have changed rows after the files
				// were
				// written, and is done next.
				for (Request request : pending) {
					this.jdbc.update(
							"delete from answers_rewrite_pending where round_id = ? and request is not distinct from ?",
							request.round(), request.token());
				}
				log.debug("The database files were rewritten after close in "
						+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
			}
			else {
				log.warn("The database files could not be rewritten yet after close: a transaction that began before "
						+ "it can still see the old rows (another instance, a backup, a session left open). It is tried "
						+ "again in " + this.retryMillis / 1000 + " s");
			}
		}
		catch (RuntimeException e) {
			log.error("The database files could not be rewritten after close; it is tried again in "
					+ this.retryMillis / 1000 + " s", e);
			done = false;
		}
		if (!done && !Thread.currentThread().isInterrupted() && this.retryWaiting.compareAndSet(false, true)) {
			long wait = this.retryMillis;
			this.retryMillis = Math.min(this.retryMillis * 2, 300_000);
			try {
				this.worker.schedule(() -> {
					this.retryWaiting.set(false);
					rewritePending();
				}, wait, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException stopping) {
				log.info("The database files are rewritten at the next start");
			}
		}
	}

	/**
	 * Sealed rows deleted in one transaction: a few megabytes, however long the answers.
	 */
	private static final int SEALED_AT_ONCE = 100;

	/**
	 * Deletes the sealed rows of every round no longer open, which its close opened and
	 * wrote anew, a few in each transaction, before the files are rewritten.
	 */
	private void deleteOpenedSealedRows() {
		while (this.jdbc.update("delete from sealed_response where storage_key in (select s.storage_key from "
				+ "sealed_response s join round r on r.id = s.round_id where r.state <> 'OPEN' fetch first "
				+ SEALED_AT_ONCE + " rows only)") > 0) {
			// Again, until none is left.
		}
	}

	/**
	 * One request to rewrite the files for a round; the token tells it from a later one.
	 */
	private record Request(UUID round, UUID token) {
	}

	@Override
	public void destroy() {
		// A retry waiting its turn is dropped; a rewrite not done is done at the next
		// start.
		this.worker.shutdownNow();
		try {
			this.worker.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
