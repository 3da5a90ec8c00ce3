package org.peerreflect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's two files: written side by side, and both or neither. */
class OutputsTest {

	@TempDir
	Path folder;

	@Test
	void bothFilesAreWrittenSideBySide() throws Exception {
		// Each writer waits for the other to have started: written one after the other,
		// the first would wait in vain.
		CyclicBarrier bothStarted = new CyclicBarrier(2);
		Path pdf = folder.resolve("report.pdf");
		Path xlsx = folder.resolve("report.xlsx");
		Outputs.writeBoth(pdf, out -> {
			meet(bothStarted);
			out.write("the pdf".getBytes(StandardCharsets.UTF_8));
		}, xlsx, out -> {
			meet(bothStarted);
			out.write("the workbook".getBytes(StandardCharsets.UTF_8));
		});
		assertThat(pdf).hasContent("the pdf");
		assertThat(xlsx).hasContent("the workbook");
		assertThat(names()).containsExactlyInAnyOrder("report.pdf", "report.xlsx");
	}

	@Test
	void aFailureInTheSecondLeavesNeitherAndIsTold() throws Exception {
		Path pdf = folder.resolve("report.pdf");
		Path xlsx = folder.resolve("report.xlsx");
		assertThatThrownBy(() -> Outputs.writeBoth(pdf, out -> out.write(1), xlsx, out -> {
			out.write(2);
			throw new IOException("disk full");
		})).isInstanceOf(BadInput.class).hasMessageContaining("report.xlsx").hasMessageContaining("disk full");
		assertThat(names()).isEmpty();
	}

	@Test
	void aFailureInTheFirstLeavesNeitherEvenWhenTheSecondFinishesLater() throws Exception {
		Path pdf = folder.resolve("report.pdf");
		Path xlsx = folder.resolve("report.xlsx");
		assertThatThrownBy(() -> Outputs.writeBoth(pdf, out -> {
			throw new IllegalStateException("the chart could not be drawn");
		}, xlsx, out -> {
			pause();
			out.write(2);
		})).isInstanceOf(IllegalStateException.class).hasMessage("the chart could not be drawn");
		// Long enough for a second file left running to have written its part.
		Thread.sleep(500);
		assertThat(names()).isEmpty();
	}

	@Test
	void aFailureLeavesEarlierFilesAsTheyWere() throws Exception {
		Path pdf = folder.resolve("report.pdf");
		Path xlsx = folder.resolve("report.xlsx");
		Files.writeString(pdf, "last week's pdf");
		Files.writeString(xlsx, "last week's workbook");
		assertThatThrownBy(() -> Outputs.writeBoth(pdf, out -> {
			pause();
			out.write(1);
		}, xlsx, out -> {
			throw new IOException("disk full");
		})).isInstanceOf(BadInput.class);
		assertThat(pdf).hasContent("last week's pdf");
		assertThat(xlsx).hasContent("last week's workbook");
		assertThat(names()).containsExactlyInAnyOrder("report.pdf", "report.xlsx");
	}

	private Stream<String> names() throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString()).toList().stream();
		}
	}

	private static void meet(CyclicBarrier barrier) throws IOException {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IOException("the other file was not being written at the same time", e);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
