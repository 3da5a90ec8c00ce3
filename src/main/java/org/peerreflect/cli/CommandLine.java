package org.peerreflect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.peerreflect.insight.CountTable;
import org.peerreflect.insight.Gate;
import org.peerreflect.insight.GroupSummary;
import org.peerreflect.insight.WrittenAnswers;
import org.peerreflect.answers.AnswersCsv;
import org.peerreflect.answers.AnswersProblem;
import org.peerreflect.questionnaire.Finding;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCheck;
import org.peerreflect.questionnaire.QuestionnaireFiles;
import org.peerreflect.printed.PaperForm;
import org.peerreflect.questionnaire.QuestionnaireReader;
import org.peerreflect.report.ReportFiles;
import org.peerreflect.report.ReportInput;
import org.peerreflect.system.Languages;

/**
 * The commands of the jar (DESIGN section 5): {@code validate}, {@code template},
 * {@code paper} and {@code report}. Exit status 0 when done, 1 for bad input (one clear
 * line per problem, no stack trace), 2 for words it cannot understand.
 */
public final class CommandLine {

	public static final int DONE = 0;

	public static final int BAD_INPUT = 1;

	public static final int USAGE = 2;

	private static final Set<String> COMMANDS = Set.of("validate", "template", "paper", "report", "help", "--help",
			"-h");

	static final String USAGE_TEXT = """
			Usage:
			  java -jar peer-reflect.jar                          start the web application
			  java -jar peer-reflect.jar validate FILE...         check questionnaire files
			  java -jar peer-reflect.jar template QUESTIONNAIRE   print the CSV header to fill in
			  java -jar peer-reflect.jar paper QUESTIONNAIRE [--lang en|es] --out FILE.pdf
			  java -jar peer-reflect.jar report --questionnaire FILE --responses CSV --out DIR
			      [--previous CSV|FOLDER ... [--previous-questionnaire FILE]] [--agreements FILE]
			      [--organization NAME] [--title TEXT]
			      [--period TEXT] [--min-group-size N] [--lang en|es] [--include-written]
			      [--encoding NAME]
			QUESTIONNAIRE is a file, or the name of a bundled one such as peer-support-principles.""";

	private final PrintStream out;

	private final PrintStream err;

	private CommandLine(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Whether the words ask for a command rather than the web application. The
	 * application starts with no words or with Spring's own {@code --name=value}
	 * settings; any other first word is a command, and one that is not known gets the
	 * usage and exit status 2, never a web server.
	 */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && (COMMANDS.contains(args[0]) || !args[0].startsWith("--"));
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		CommandLine commandLine = new CommandLine(out, err);
		List<String> rest = Arrays.asList(args).subList(1, args.length);
		try {
			return switch (args[0]) {
				case "validate" -> commandLine.validate(rest);
				case "template" -> commandLine.template(rest);
				case "paper" -> commandLine.paper(rest);
				case "report" -> commandLine.report(rest);
				case "help", "--help", "-h" -> {
					out.println(USAGE_TEXT);
					yield DONE;
				}
				default -> throw new Arguments.UsageException("unknown command '" + args[0] + "'");
			};
		}
		catch (Arguments.UsageException e) {
			err.println("peer-reflect " + args[0] + ": " + e.getMessage());
			err.println(USAGE_TEXT);
			return USAGE;
		}
		catch (BadInput e) {
			e.lines().forEach(err::println);
			return BAD_INPUT;
		}
		catch (RuntimeException e) {
			// A fault of Peer Reflect itself. Never a stack trace: one line that says so.
			err.println("peer-reflect " + args[0] + ": could not finish because of a fault in Peer Reflect ("
					+ e.getClass().getSimpleName() + "); please report it");
			return BAD_INPUT;
		}
	}

	private int validate(List<String> words) {
		Arguments arguments = Arguments.parse(words, Set.of(), Set.of());
		if (arguments.positional().isEmpty()) {
			throw new Arguments.UsageException("name at least one questionnaire file");
		}
		boolean allValid = true;
		for (String file : arguments.positional()) {
			Path path = Path.of(file);
			if (!Files.isRegularFile(path)) {
				err.println(file + ": no such file");
				allValid = false;
				continue;
			}
			QuestionnaireCheck check = QuestionnaireReader.read(path);
			check.errors().forEach(e -> err.println(e));
			check.notes().forEach(n -> out.println(n));
			if (check.valid()) {
				Questionnaire q = check.questionnaire();
				out.println(file + ": valid (" + q.id() + " version " + q.version() + ", "
						+ count(q.items().size(), "item") + ", " + count(check.notes().size(), "language note") + ")");
			}
			else {
				err.println(file + ": not valid (" + count(check.errors().size(), "problem") + ")");
				allValid = false;
			}
		}
		return allValid ? DONE : BAD_INPUT;
	}

	private int template(List<String> words) throws BadInput {
		Arguments arguments = Arguments.parse(words, Set.of(), Set.of());
		Questionnaire questionnaire = questionnaire(single(arguments, "template"));
		out.println(String.join(",", AnswersCsv.header(questionnaire, false)));
		return DONE;
	}

	private int paper(List<String> words) throws BadInput {
		Arguments arguments = Arguments.parse(words, Set.of("lang", "out"), Set.of());
		String name = single(arguments, "paper");
		Path target = Path.of(arguments.required("out"));
		String language = language(arguments);
		Questionnaire questionnaire = questionnaire(name);
		requireLanguage(questionnaire, language);
		writeAtomically(target, stream -> PaperForm.write(questionnaire, language, stream));
		out.println("Wrote " + target);
		return DONE;
	}

	private int report(List<String> words) throws BadInput {
		Arguments arguments = Arguments.parse(words,
				Set.of("questionnaire", "responses", "previous", "previous-questionnaire", "agreements", "organization",
						"title", "period", "min-group-size", "lang", "encoding", "out"),
				Set.of("include-written"), Set.of("previous"));
		if (!arguments.positional().isEmpty()) {
			throw new Arguments.UsageException("unexpected '" + arguments.positional().get(0) + "'");
		}
		String questionnaireName = arguments.required("questionnaire");
		Path responses = Path.of(arguments.required("responses"));
		Path outDir = Path.of(arguments.required("out"));
		String language = language(arguments);
		int k = minGroupSize(arguments);
		Charset encoding = encoding(arguments);
		boolean includeWritten = arguments.flag("include-written");

		Questionnaire questionnaire = questionnaire(questionnaireName);
		requireLanguage(questionnaire, language);
		Gate gate = new Gate(k);
		GroupSummary current = summarize(questionnaire, responses, encoding, includeWritten, gate);
		// Earlier rounds, oldest first, each gated on its own through the same gate, with
		// the questionnaire they were answered with; their written answers are never
		// shown, so they are not read. The last is "since last time"; up to four make
		// the series with this one.
		List<Path> earlierFiles = previousFiles(arguments.all("previous"));
		List<ReportInput.Earlier> earlier = new ArrayList<>();
		if (!earlierFiles.isEmpty()) {
			Questionnaire before = arguments.option("previous-questionnaire") == null ? questionnaire
					: questionnaire(arguments.option("previous-questionnaire"));
			for (Path file : earlierFiles) {
				earlier.add(ReportInput.Earlier.of(roundName(file), summarize(before, file, encoding, false, gate),
						List.of()));
			}
		}
		else if (arguments.option("previous-questionnaire") != null) {
			throw new Arguments.UsageException("--previous-questionnaire goes with --previous");
		}
		GroupSummary previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).summary();
		List<ReportInput.Agreement> agreements = arguments.option("agreements") == null ? List.of()
				: agreements(Path.of(arguments.option("agreements")), questionnaire);

		ReportInput input = new ReportInput(current, previous, agreements, language, arguments.option("organization"),
				arguments.option("title"), arguments.option("period"), null, includeWritten)
			.withEarlier(earlier);
		String base = fileBase(arguments);
		try {
			Files.createDirectories(outDir);
		}
		catch (IOException e) {
			throw new BadInput(outDir + ": cannot create this folder (" + reason(e) + ")");
		}
		Path pdf = outDir.resolve(base + ".pdf");
		Path xlsx = outDir.resolve(base + ".xlsx");
		writeBoth(pdf, stream -> ReportFiles.pdf(input, stream), xlsx, stream -> ReportFiles.workbook(input, stream));
		out.println(describe(current));
		out.println("Wrote " + pdf);
		out.println("Wrote " + xlsx);
		return DONE;
	}

	/**
	 * The earlier rounds' answers files, oldest first: each {@code --previous} in the
	 * order given, a folder standing for every CSV file in it in the order of their
	 * names.
	 */
	private static List<Path> previousFiles(List<String> given) throws BadInput {
		List<Path> files = new ArrayList<>();
		for (String name : given) {
			Path path = Path.of(name);
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
				throw new BadInput(path + ": cannot read this folder (" + reason(e) + ")");
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
		return count(summary.people(), "person", "people") + " took part; nothing about fewer than "
				+ summary.minGroupSize() + " people is shown"
				+ (withheld > 0 ? " (" + count(withheld, "statement") + " not shown)" : "") + ".";
	}

	static String count(long n, String one) {
		return count(n, one, one + "s");
	}

	static String count(long n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

	private GroupSummary summarize(Questionnaire questionnaire, Path csv, Charset encoding, boolean includeWritten,
			Gate gate) throws BadInput {
		CountTable table = new CountTable(questionnaire);
		WrittenAnswers written = WrittenAnswers.none();
		AnswersCsv reader = new AnswersCsv(questionnaire, false, encoding);
		AnswersCsv.Result result;
		try (InputStream in = Files.newInputStream(csv)) {
			result = reader.read(csv.toString(), in, row -> {
				table.addPeople(row.perspective(), 1);
				row.answers().forEach((item, answer) -> table.addAnswers(item, row.perspective(), answer, 1));
				if (includeWritten) {
					row.written().forEach(written::add);
				}
			});
		}
		catch (IOException e) {
			throw new BadInput(csv + ": cannot read this file (" + reason(e) + ")");
		}
		if (!result.ok()) {
			List<String> lines = new ArrayList<>(result.problems().stream().map(CommandLine::problem).toList());
			lines.add(csv + ": nothing was used; mend the file and run the command again");
			throw new BadInput(lines);
		}
		return gate.summarize(table, written);
	}

	/**
	 * An answers file's problem as the command line prints it, with the flag that mends
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

	/**
	 * One agreement a line, as written, after the ids of the statements it was about in
	 * square brackets when there are any: "[fr-3 fr-5] Take turns leading the circle". A
	 * byte order mark and repeated lines are dropped; an id the questionnaire does not
	 * ask is named with its line.
	 */
	private static List<ReportInput.Agreement> agreements(Path file, Questionnaire questionnaire) throws BadInput {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException | UncheckedIOException e) {
			throw new BadInput(file + ": cannot read the agreements (" + reason(e)
					+ "); it should be UTF-8 text, one agreement a line");
		}
		List<String> asked = questionnaire.statementIds();
		List<ReportInput.Agreement> agreements = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (int n = 0; n < lines.size(); n++) {
			String line = lines.get(n).replace("\uFEFF", "").strip();
			if (line.isEmpty()) {
				continue;
			}
			ReportInput.Agreement agreement = ReportInput.Agreement.ofLine(line);
			for (String id : agreement.statements()) {
				if (!asked.contains(id)) {
					problems.add(file + ":" + (n + 1) + ": '" + id
							+ "' is not a statement of the questionnaire (its statements: " + String.join(", ", asked)
							+ ")");
				}
			}
			if (agreement.text().isEmpty()) {
				problems.add(file + ":" + (n + 1) + ": the statements are named but the agreement itself is missing");
			}
			// A repeated agreement is listed once, about every statement either line
			// named.
			int same = agreements.stream().map(ReportInput.Agreement::text).toList().indexOf(agreement.text());
			if (same < 0) {
				agreements.add(agreement);
			}
			else {
				List<String> about = new ArrayList<>(agreements.get(same).statements());
				agreement.statements().stream().filter(id -> !about.contains(id)).forEach(about::add);
				agreements.set(same, new ReportInput.Agreement(agreement.text(), about));
			}
		}
		if (!problems.isEmpty()) {
			throw new BadInput(problems);
		}
		return agreements;
	}

	private Questionnaire questionnaire(String name) throws BadInput {
		QuestionnaireCheck check = QuestionnaireFiles.resolve(name)
			.orElseThrow(() -> new BadInput(name + ": no such file, and no bundled questionnaire of that name"));
		if (!check.valid()) {
			List<String> lines = new ArrayList<>(check.errors().stream().map(Finding::toString).toList());
			lines.add(check.file() + ": not a valid questionnaire; run 'validate' on it for details");
			throw new BadInput(lines);
		}
		return check.questionnaire();
	}

	private static void requireLanguage(Questionnaire questionnaire, String language) throws BadInput {
		if (!questionnaire.speaks(language)) {
			throw new BadInput(questionnaire.id() + ": has no '" + language + "' texts (it has "
					+ String.join(", ", questionnaire.languages()) + ")");
		}
	}

	private static String single(Arguments arguments, String command) {
		if (arguments.positional().size() != 1) {
			throw new Arguments.UsageException(command + " takes one questionnaire");
		}
		return arguments.positional().get(0);
	}

	private static String language(Arguments arguments) {
		String language = arguments.option("lang");
		if (language == null) {
			return "en";
		}
		if (!Languages.ALL.contains(language)) {
			throw new Arguments.UsageException("--lang should be one of " + String.join(", ", Languages.ALL));
		}
		return language;
	}

	private static int minGroupSize(Arguments arguments) {
		String value = arguments.option("min-group-size");
		if (value == null) {
			return Gate.DEFAULT_MIN_GROUP_SIZE;
		}
		int k;
		try {
			k = Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new Arguments.UsageException("--min-group-size should be a whole number");
		}
		if (k < Gate.LOWEST_MIN_GROUP_SIZE) {
			throw new Arguments.UsageException("--min-group-size is never below " + Gate.LOWEST_MIN_GROUP_SIZE
					+ ": smaller groups would let people be recognised");
		}
		return k;
	}

	private static Charset encoding(Arguments arguments) {
		String name = arguments.option("encoding");
		if (name == null) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			throw new Arguments.UsageException("unknown encoding '" + name + "' (for example utf-8 or windows-1252)");
		}
	}

	static String fileBase(Arguments arguments) {
		List<String> parts = new ArrayList<>();
		for (String option : List.of("organization", "title", "period")) {
			if (arguments.option(option) != null) {
				parts.add(arguments.option(option));
			}
		}
		String slug = slug(String.join(" ", parts));
		return slug.isEmpty() ? "peer-reflect-report" : slug;
	}

	static String slug(String text) {
		return ReportFiles.slug(text, 80);
	}

	@FunctionalInterface
	private interface Writer {

		void write(OutputStream out) throws IOException;

	}

	/**
	 * Writes beside the target and moves into place, so a failure leaves no half-written
	 * file.
	 */
	private static void writeAtomically(Path target, Writer writer) throws BadInput {
		writeBoth(target, writer, null, null);
	}

	/**
	 * Writes both files beside their targets first and moves them in only when both are
	 * made.
	 */
	private static void writeBoth(Path first, Writer firstWriter, Path second, Writer secondWriter) throws BadInput {
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
			throw new BadInput(target + ": cannot write here (" + reason(e) + ")");
		}
	}

	private static void move(Path part, Path target) throws BadInput {
		try {
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new BadInput(target + ": cannot write here (" + reason(e) + ")");
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

	private static String reason(Exception e) {
		if (e instanceof NoSuchFileException) {
			return "no such file or folder";
		}
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

}
