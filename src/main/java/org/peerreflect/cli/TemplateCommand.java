package org.peerreflect.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.peerreflect.answers.AnswersCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code template QUESTIONNAIRE}: the header line of an answers file. */
@Command(name = "template",
		description = "Print the header of an answers file to fill in: one column for each question, "
				+ "then perspective.")
final class TemplateCommand implements Callable<Integer> {

	@Mixin
	HelpOption help;

	@Parameters(paramLabel = "QUESTIONNAIRE", description = "A questionnaire file, or the name of a bundled one.")
	String questionnaire;

	private final PrintStream out;

	TemplateCommand(PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() throws BadInput {
		out.println(String.join(",", AnswersCsv.header(Inputs.questionnaire(questionnaire), false)));
		return CommandLine.DONE;
	}

}
