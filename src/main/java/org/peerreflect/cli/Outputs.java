package org.peerreflect.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

	/** Both files are made beside their targets first and moved in only when both are. */
	static void writeBoth(Path first, Writer firstWriter, Path second, Writer secondWriter) throws BadInput {
		Path firstPart = part(first);
		Path secondPart = second == null ? null : part(second);
		try {
			write(firstPart, first, firstWriter);
			if (second != null) {
				write(secondPart, second, secondWriter);
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
