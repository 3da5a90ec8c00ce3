package org.peerreflect.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The jar's commands as a whole: what {@code --help} shows first. */
@Command(name = "java -jar peer-reflect.jar", synopsisSubcommandLabel = "COMMAND",
		description = {
				"Check questionnaires, print an answers template or a paper form, and make a report "
						+ "from answers files, with no database and no web server.",
				"With no command at all, the jar starts the web application." },
		footer = { "QUESTIONNAIRE is a file, or the name of a bundled one such as peer-support-principles.",
				"Each command ends with 0 when it is done, 1 when an input is wrong (one line for each problem, "
						+ "nothing written), 2 when it cannot make sense of its words.",
				"'COMMAND --help' shows the options of a command." })
final class Commands implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HelpOption help;

	@Override
	public Integer call() {
		throw new ParameterException(spec.commandLine(), "name a command");
	}

}
