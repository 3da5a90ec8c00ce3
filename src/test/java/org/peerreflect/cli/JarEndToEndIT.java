package org.peerreflect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's commands on the examples, as a steward would run them, from a folder
 * that is not the repository (the bundled questionnaire must still be found).
 */
class JarEndToEndIT {

	static Path jar;

	static Path repository;

	@TempDir
	Path work;

	record Result(int status, String out, String err) {
	}

	@BeforeAll
	static void findJar() {
		jar = Path.of(System.getProperty("peerreflect.jar", "target/peer-reflect.jar")).toAbsolutePath();
		repository = Path.of("").toAbsolutePath();
		assertThat(jar).exists();
	}

	private Result java(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
						"-jar", jar.toString()));
		command.addAll(List.of(args));
		Path out = work.resolve("stdout.txt");
		Path err = work.resolve("stderr.txt");
		Process process = new ProcessBuilder(command).directory(work.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private String example(String name) {
		return repository.resolve("examples").resolve(name).toString();
	}

	@Test
	void aStewardsPaperRoundFromFormToReport() throws Exception {
		Result validate = java("validate",
				repository.resolve("questionnaires/peer-support-principles.yaml").toString());
		assertThat(validate.status()).isZero();
		assertThat(validate.out()).contains("valid");

		Result paper = java("paper", "questionnaires/peer-support-principles.yaml", "--lang", "en", "--out",
				"form.pdf");
		assertThat(paper.status()).as(paper.err()).isZero();
		assertThat(work.resolve("form.pdf")).isNotEmptyFile();

		Result template = java("template", "peer-support-principles");
		assertThat(template.status()).isZero();
		assertThat(Files.readAllLines(Path.of(example("round-spring.csv"))).get(0)).isEqualTo(template.out().strip());

		Result report = java("report", "--questionnaire", "questionnaires/peer-support-principles.yaml", "--responses",
				example("round-spring.csv"), "--previous", example("round-autumn.csv"), "--agreements",
				example("agreements-autumn.txt"), "--organization", "Harbour Peer Centre", "--lang", "es",
				"--include-written", "--out", "reports" + File.separator + "out");
		assertThat(report.status()).as(report.err()).isZero();
		assertThat(report.err()).isEmpty();
		Path pdf = work.resolve("reports/out/harbour-peer-centre.pdf");
		Path xlsx = work.resolve("reports/out/harbour-peer-centre.xlsx");
		assertThat(CommandLineTest.pdfText(pdf)).contains("Harbour Peer Centre").contains("Desde la última vez");
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
			// With a round before it, every round in view has a sheet of its own.
			assertThat(workbook.getNumberOfSheets()).isEqualTo(9);
			assertThat(workbook.getSheetIndex("Series")).isPositive();
			assertThat(workbook.getSheetName(0)).isEqualTo("De un vistazo");
			assertThat(workbook.getSheetName(2)).isEqualTo("Por dónde empezar a conversar");
		}
	}

	@Test
	void badInputAndUsageErrorsExitWithOneLineEachAndNoStackTrace() throws Exception {
		Result missing = java("report", "--questionnaire", "peer-support-principles", "--responses", "nope.csv",
				"--out", "out");
		assertThat(missing.status()).isEqualTo(1);
		assertThat(missing.err().strip().lines()).hasSize(1);
		assertThat(missing.err()).doesNotContain("Exception");

		Result unknown = java("report", "--frobnicate");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("unknown option --frobnicate").doesNotContain("Exception");
	}

	@Test
	void thePackagedJarAnswersHelp() throws Exception {
		Result help = java("report", "--help");
		assertThat(help.status()).isZero();
		assertThat(help.out()).startsWith("Usage: java -jar peer-reflect.jar report").contains("--previous=CSV|FOLDER");
		assertThat(help.err()).isEmpty();
	}

}
