package org.peerreflect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.peerreflect.answers.AnswersCsv;
import org.peerreflect.answers.AnswersProblem;
import org.peerreflect.gate.CountTable;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.report.Report;
import org.peerreflect.report.ReportFiles;
import org.peerreflect.report.ReportInput;
import org.peerreflect.system.Languages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report}: this round's answers, and earlier rounds' when given, through the same
 * gate as the application, into a PDF and a workbook about the group.
 */
@Command(name = "report", sortOptions = false, sortSynopsis = false,
		description = { "Read this round's answers and write a PDF and an Excel workbook about the group into --out.",
				"When an input is wrong, each problem is named on a line of its own and nothing is written." })
final class ReportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HelpOption help;

	@Option(names = "--questionnaire", required = true, paramLabel = "FILE",
			description = "The questionnaire the answers belong to: a file, or the name of a bundled one.")
	String questionnaire;

	@Option(names = "--responses", required = true, paramLabel = "CSV", description = "This round's answers.")
	Path responses;

	@Option(names = "--out", required = true, paramLabel = "DIR",
			description = "Where the PDF and the workbook go; made when missing.")
	Path outDir;

	@Option(names = "--previous", paramLabel = "CSV|FOLDER",
			description = "An earlier round's answers. Give it once for each round, oldest first, or name a folder: "
					+ "its .csv files are read in the order of their names. The last is \"since last time\"; "
					+ "up to four make \"every round in view\" with this one, each named by its file.")
	List<Path> previous = new ArrayList<>();

	@Option(names = "--previous-questionnaire", paramLabel = "FILE",
			description = "The questionnaire the earlier rounds used, when it was another version "
					+ "(default: the one of --questionnaire).")
	String previousQuestionnaire;

	@Option(names = "--agreements", paramLabel = "FILE",
			description = "What the group agreed to try last time: UTF-8 text, one agreement a line; "
					+ "[fr-3 fr-5] before an agreement sets it beside those statements.")
	Path agreements;

	@Option(names = "--organization", paramLabel = "NAME",
			description = "Words for the cover; they also name the files.")
	String organization;

	@Option(names = "--title", paramLabel = "TEXT", description = "Words for the cover; they also name the files.")
	String title;

	@Option(names = "--period", paramLabel = "TEXT", description = "Words for the cover; they also name the files.")
	String period;

	@Option(names = "--min-group-size", paramLabel = "N", defaultValue = "" + Gate.DEFAULT_MIN_GROUP_SIZE,
			converter = Converters.MinGroupSize.class,
			description = "The smallest group a figure may describe (default ${DEFAULT-VALUE}, never below "
					+ Gate.LOWEST_MIN_GROUP_SIZE + ").")
	int minGroupSize;

	@Option(names = "--lang", paramLabel = Languages.PATTERN, defaultValue = "en",
			converter = Converters.Language.class, description = "The report's language (default ${DEFAULT-VALUE}).")
	String language;

	@Option(names = "--include-written",
			description = "Include the written answers. Give this only after reading them and replacing anything "
					+ "that could tell who a person is with [removed].")
	boolean includeWritten;

	@Option(names = "--encoding", paramLabel = "NAME", defaultValue = "UTF-8", converter = Converters.Encoding.class,
			description = "The answers files' encoding when it is not UTF-8, for example windows-1252.")
	Charset encoding;

	private final PrintStream out;

	ReportCommand(PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() throws BadInput {
		if (previousQuestionnaire != null && previous.isEmpty()) {
			throw new ParameterException(spec.commandLine(), "--previous-questionnaire goes with --previous");
		}
		Questionnaire asked = Inputs.questionnaire(questionnaire);
		Inputs.requireLanguage(asked, language);
		Gate gate = new Gate(minGroupSize);
		GroupSummary current = summarize(asked, responses, includeWritten, gate);
		// Earlier rounds, oldest first, each gated on its own through the same gate, with
		// the questionnaire they were answered with; their written answers are never
		// shown, so they are not read. The last is "since last time"; up to four make
		// the series with this one.
		List<ReportInput.Earlier> earlier = new ArrayList<>();
		List<Path> earlierFiles = previousFiles(previous);
		if (!earlierFiles.isEmpty()) {
			Questionnaire before = previousQuestionnaire == null ? asked : Inputs.questionnaire(previousQuestionnaire);
			for (Path file : earlierFiles) {
				earlier.add(ReportInput.Earlier.of(roundName(file), summarize(before, file, false, gate), List.of()));
			}
		}
		GroupSummary last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).summary();
		List<ReportInput.Agreement> agreed = agreements == null ? List.of() : Agreements.read(agreements, asked);

		ReportInput input = new ReportInput(current, last, agreed, language, organization, title, period, null,
				includeWritten)
			.withEarlier(earlier);
		try {
			Files.createDirectories(outDir);
		}
		catch (IOException e) {
			throw new BadInput(outDir + ": cannot create this folder (" + Inputs.reason(e) + ")");
		}
		String base = fileBase();
		Path pdf = outDir.resolve(base + ".pdf");
		Path xlsx = outDir.resolve(base + ".xlsx");
		// The model is made once for both files.
		Report report = Report.of(input);
		Outputs.writeBoth(pdf, stream -> ReportFiles.pdf(report, stream), xlsx,
				stream -> ReportFiles.workbook(report, stream));
		out.println(describe(current));
		out.println("Wrote " + pdf);
		out.println("Wrote " + xlsx);
		return CommandLine.DONE;
	}

	/**
	 * The earlier rounds' answers files, oldest first: each {@code --previous} in the
	 * order given, a folder standing for every CSV file in it in the order of their
	 * names.
	 */
	private static List<Path> previousFiles(List<Path> given) throws BadInput {
		List<Path> files = new ArrayList<>();
		for (Path path : given) {
			if (!Files.isDirectory(path)) {
				files.add(path);
				continue;
			}
			try (var listed = Files.list(path)) {
				List<Path> csv = listed.filter(file -> file.getFileName().toString().toLowerCase().endsWith(".csv"))
					.filter(Files::isRegularFile)
					.sorted()
					.toList();
				if (csv.isEmpty()) {
					throw new BadInput(path + ": this folder holds no answers file (.csv) of an earlier round");
				}
				files.addAll(csv);
			}
			catch (IOException e) {
				throw new BadInput(path + ": cannot read this folder (" + Inputs.reason(e) + ")");
			}
		}
		return files;
	}

	/** An earlier round as the series names it: its file's name without ".csv". */
	private static String roundName(Path file) {
		String name = file.getFileName().toString();
		return name.toLowerCase().endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
	}

	private static String describe(GroupSummary summary) {
		if (!summary.resultsShown()) {
			return "Fewer than " + summary.minGroupSize() + " people took part, so the report shows no results.";
		}
		long withheld = summary.items().stream().filter(i -> !i.shown()).count();
		return Inputs.count(summary.people(), "person", "people") + " took part; nothing about fewer than "
				+ summary.minGroupSize() + " people is shown"
				+ (withheld > 0 ? " (" + Inputs.count(withheld, "statement") + " not shown)" : "") + ".";
	}

	private GroupSummary summarize(Questionnaire questionnaire, Path csv, boolean withWritten, Gate gate)
			throws BadInput {
		CountTable table = new CountTable(questionnaire);
		WrittenAnswers written = WrittenAnswers.none();
		AnswersCsv reader = new AnswersCsv(questionnaire, false, encoding);
		AnswersCsv.Result result;
		try (InputStream in = Files.newInputStream(csv)) {
			result = reader.read(csv.toString(), in, row -> {
				table.addPeople(row.perspective(), 1);
				row.answers().forEach((item, answer) -> table.addAnswers(item, row.perspective(), answer, 1));
				if (withWritten) {
					row.written().forEach(written::add);
				}
			});
		}
		catch (IOException e) {
			throw new BadInput(csv + ": cannot read this file (" + Inputs.reason(e) + ")");
		}
		if (!result.ok()) {
			List<String> lines = new ArrayList<>(result.problems().stream().map(ReportCommand::problem).toList());
			lines.add(csv + ": nothing was used; mend the file and run the command again");
			throw new BadInput(lines);
		}
		return gate.summarize(table, written);
	}

	/**
	 * An answers file's problem as the command line prints it, with the option that mends
	 * it where one does.
	 */
	private static String problem(AnswersProblem problem) {
		return problem + switch (problem.kind()) {
			case UTF16 -> " (a UTF-16 file separated by , or ; can be read with --encoding UTF-16)";
			case NOT_ENCODED ->
				"UTF-8".equals(problem.values().get(0)) ? ": read it with --encoding windows-1252, or save it as UTF-8"
						: "; name its encoding with --encoding";
			default -> "";
		};
	}

	/** The files' name: the cover's words, or a plain name when there are none. */
	String fileBase() {
		List<String> parts = new ArrayList<>();
		for (String words : new String[] { organization, title, period }) {
			if (words != null) {
				parts.add(words);
			}
		}
		String slug = slug(String.join(" ", parts));
		return slug.isEmpty() ? "peer-reflect-report" : slug;
	}

	static String slug(String text) {
		return ReportFiles.slug(text, 80);
	}

}
