package org.peerreflect.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCheck;
import org.peerreflect.questionnaire.QuestionnaireReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code validate FILE...}: each problem on a line of its own, with file and line. */
@Command(name = "validate",
		description = {
				"Check questionnaire files. Each problem is one line, file:line: what is wrong. "
						+ "Wording that can read as clinical or judging gets a gentle note with a suggestion.",
				"Ends with 0 when every file is valid (notes allowed), 1 when one is not." })
final class ValidateCommand implements Callable<Integer> {

	@Mixin
	HelpOption help;

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "A questionnaire file (.yaml).")
	List<String> files;

	private final PrintStream out;

	private final PrintStream err;

	ValidateCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		boolean allValid = true;
		for (String file : files) {
			Path path = Path.of(file);
			if (!Files.isRegularFile(path)) {
				err.println(file + ": no such file");
				allValid = false;
				continue;
			}
			QuestionnaireCheck check = QuestionnaireReader.read(path);
			check.errors().forEach(err::println);
			check.notes().forEach(out::println);
			if (check.valid()) {
				Questionnaire q = check.questionnaire();
				out.println(file + ": valid (" + q.id() + " version " + q.version() + ", "
						+ Inputs.count(q.items().size(), "item") + ", "
						+ Inputs.count(check.notes().size(), "language note") + ")");
			}
			else {
				err.println(file + ": not valid (" + Inputs.count(check.errors().size(), "problem") + ")");
				allValid = false;
			}
		}
		return allValid ? CommandLine.DONE : CommandLine.BAD_INPUT;
	}

}
