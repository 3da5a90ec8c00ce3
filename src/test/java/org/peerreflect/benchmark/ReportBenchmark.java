package org.peerreflect.benchmark;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.peerreflect.cli.CommandLine;

/**
 * Not a test: generates 100,000 responses to a 30-item questionnaire and times the
 * {@code report} command on them, printing seconds and peak heap. Run it with
 * {@code benchmarks/report-100k.sh}, which gives this JVM the heap limit under test.
 */
public final class ReportBenchmark {

	static final int PEOPLE = 100_000;

	static final int PRINCIPLES = 6;

	static final int SCALE_ITEMS = 4;

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args.length > 0 ? args[0] : "target/benchmark");
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Files.createDirectories(folder);
		Path questionnaire = folder.resolve("thirty-items.yaml");
		Path answers = folder.resolve("responses-100k.csv");
		List<String> items = writeQuestionnaire(questionnaire);
		writeAnswers(answers, items, new Random(100_000));
		System.out.printf("data: %d responses, %d items, %.1f MB of CSV%n", PEOPLE, items.size(),
				Files.size(answers) / 1e6);

		for (boolean written : new boolean[] { false, true }) {
			for (int run = 1; run <= runs; run++) {
				System.gc();
				resetPeaks();
				List<String> args2 = new ArrayList<>(List.of("report", "--questionnaire", questionnaire.toString(),
						"--responses", answers.toString(), "--organization", "Benchmark", "--out",
						folder.resolve("out").toString()));
				if (written) {
					args2.add("--include-written");
				}
				long start = System.nanoTime();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				int status = CommandLine.run(args2.toArray(String[]::new),
						new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
				double seconds = (System.nanoTime() - start) / 1e9;
				if (status != 0) {
					throw new IllegalStateException("report failed with status " + status);
				}
				System.out.printf(
						"%s, run %d: %.2f s, peak heap %.0f MB (max heap %.0f MB); pdf %.0f KB, xlsx %.0f KB%n",
						written ? "with --include-written" : "scale items only", run, seconds, peakHeap() / 1e6,
						Runtime.getRuntime().maxMemory() / 1e6, Files.size(folder.resolve("out/benchmark.pdf")) / 1e3,
						Files.size(folder.resolve("out/benchmark.xlsx")) / 1e3);
			}
		}
	}

	private static List<String> writeQuestionnaire(Path file) throws IOException {
		List<String> items = new ArrayList<>();
		StringBuilder yaml = new StringBuilder("""
				id: thirty-items
				version: 1
				languages: [en]
				title: {en: "Thirty items"}
				scales:
				  five:
				    options:
				      - {value: 1, label: {en: "Not at all"}}
				      - {value: 2, label: {en: "A little"}}
				      - {value: 3, label: {en: "Partly"}}
				      - {value: 4, label: {en: "Mostly"}}
				      - {value: 5, label: {en: "Very much"}}
				    not-sure: {en: "Not sure"}
				perspective:
				  id: role
				  text: {en: "I take part mostly as"}
				  options:
				    - {value: member, label: {en: "Member"}}
				    - {value: staff, label: {en: "Staff"}}
				    - {value: volunteer, label: {en: "Volunteer"}}
				    - {value: board, label: {en: "Board"}}
				    - {value: prefer-not-to-say, group: false, label: {en: "Prefer not to say"}}
				principles:
				""");
		for (int p = 1; p <= PRINCIPLES; p++) {
			yaml.append("  - id: p")
				.append(p)
				.append("\n    title: {en: \"Principle ")
				.append(p)
				.append("\"}\n    items:\n");
			for (int i = 1; i <= SCALE_ITEMS; i++) {
				String id = "p" + p + "-" + i;
				items.add(id);
				yaml.append("      - {id: ")
					.append(id)
					.append(", type: scale, scale: five, text: {en: \"Statement ")
					.append(p)
					.append('.')
					.append(i)
					.append(" about how we are together\"}}\n");
			}
			String say = "p" + p + "-say";
			items.add(say);
			yaml.append("      - {id: ").append(say).append(", type: text, text: {en: \"Anything to add?\"}}\n");
		}
		Files.writeString(file, yaml, StandardCharsets.UTF_8);
		return items;
	}

	private static void writeAnswers(Path file, List<String> items, Random random) throws IOException {
		String[] perspectives = { "member", "member", "member", "staff", "volunteer", "board", "prefer-not-to-say",
				"" };
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", items) + ",perspective\n");
			StringBuilder row = new StringBuilder();
			for (int person = 0; person < PEOPLE; person++) {
				row.setLength(0);
				for (String item : items) {
					if (item.endsWith("-say")) {
						if (random.nextInt(10) == 0) {
							row.append("\"We talked, and it helped, number ").append(random.nextInt(1000)).append('"');
						}
					}
					else {
						int roll = random.nextInt(20);
						if (roll == 0) {
							row.append("not-sure");
						}
						else if (roll > 1) {
							row.append(1 + random.nextInt(5));
						}
					}
					row.append(',');
				}
				row.append(perspectives[random.nextInt(perspectives.length)]).append('\n');
				out.write(row.toString());
			}
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
