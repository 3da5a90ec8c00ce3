package org.peerreflect.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

/**
 * The packaged application started as a process of its own, for the tests and benchmarks
 * that need one.
 */
public final class Processes {

	private Processes() {
	}

	/** A port nothing listens on now. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Waits until the application answers its start page on {@code port}, while
	 * {@code process} runs.
	 */
	public static void awaitStarted(int port, Process process, Duration patience) throws InterruptedException {
		Instant deadline = Instant.now().plus(patience);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("the application stopped before it answered");
			}
			try {
				if (new HttpBrowser(port).get("/join").statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// Not listening yet.
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the application did not answer within " + patience.toSeconds() + " s");
	}

	/** How many times {@code word} stands in {@code bytes}, read as single-byte text. */
	public static int count(byte[] bytes, String word) {
		String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
		int found = 0;
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			found++;
		}
		return found;
	}

}
