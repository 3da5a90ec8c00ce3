package org.peerreflect.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Files written beside their targets and moved into place, so a failure leaves no
 * half-written file.
 */
final class Outputs {

	private Outputs() {
	}

	@FunctionalInterface
	interface Writer {

		void write(OutputStream out) throws IOException;

	}

	static void writeAtomically(Path target, Writer writer) throws BadInput {
		writeBoth(target, writer, null, null);
	}

	/**
	 * Both files are made beside their targets first, side by side on two threads, and
	 * moved in only when both are: a failure in either leaves neither.
	 */
	static void writeBoth(Path first, Writer firstWriter, Path second, Writer secondWriter) throws BadInput {
		Path firstPart = part(first);
		Path secondPart = second == null ? null : part(second);
		try {
			// The second file is written on a thread of its own while this one writes the
			// first: on two cores a cold JVM spends most of a report loading and warming
			// up each library, and the two libraries share nothing.
			FutureTask<Void> other = second == null ? null : new FutureTask<>(() -> {
				write(secondPart, second, secondWriter);
				return null;
			});
			if (other != null) {
				Thread thread = new Thread(other, "second report file");
				thread.setDaemon(true);
				thread.start();
			}
			try {
				write(firstPart, first, firstWriter);
			}
			catch (BadInput | RuntimeException | Error e) {
				// The second is waited for even so, so that its part is not written after
				// the parts are deleted below; the first's failure is the one told.
				if (other != null) {
					try {
						finished(other);
					}
					catch (BadInput | RuntimeException | Error alsoFailed) {
						e.addSuppressed(alsoFailed);
					}
				}
				throw e;
			}
			if (other != null) {
				finished(other);
			}
			move(firstPart, first);
			if (second != null) {
				move(secondPart, second);
			}
		}
		finally {
			deleteQuietly(firstPart);
			if (secondPart != null) {
				deleteQuietly(secondPart);
			}
		}
	}

	/** Waits for a file written on another thread and throws what stopped it. */
	private static void finished(FutureTask<Void> task) throws BadInput {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					task.get();
					return;
				}
				catch (InterruptedException e) {
					// The file is still being written; leaving now could leave its part.
					interrupted = true;
				}
				catch (ExecutionException e) {
					Throwable cause = e.getCause();
					if (cause instanceof BadInput bad) {
						throw bad;
					}
					if (cause instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (cause instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(cause);
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Path part(Path target) {
		return target.toAbsolutePath().getParent().resolve("." + target.getFileName() + ".part");
	}

	private static void write(Path part, Path target, Writer writer) throws BadInput {
		try (OutputStream stream = Files.newOutputStream(part)) {
			writer.write(stream);
		}
		catch (IOException e) {
			throw new BadInput(target + ": cannot write here (" + Inputs.reason(e) + ")");
		}
	}

	private static void move(Path part, Path target) throws BadInput {
		try {
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new BadInput(target + ": cannot write here (" + Inputs.reason(e) + ")");
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// nothing more can be done; the targets were not touched
		}
	}

}
