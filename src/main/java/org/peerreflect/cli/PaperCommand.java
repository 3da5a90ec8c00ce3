package org.peerreflect.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.peerreflect.printed.PaperForm;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.system.Languages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paper QUESTIONNAIRE --out FILE.pdf}: a form to fill in by hand. */
@Command(name = "paper", sortOptions = false, sortSynopsis = false,
		description = "Write a printable form: large type, tick boxes, room to write, "
				+ "and a line for the participation code.")
final class PaperCommand implements Callable<Integer> {

	@Mixin
	HelpOption help;

	@Parameters(paramLabel = "QUESTIONNAIRE", description = "A questionnaire file, or the name of a bundled one.")
	String questionnaire;

	@Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The PDF file to write.")
	Path target;

	@Option(names = "--lang", paramLabel = Languages.PATTERN, defaultValue = "en",
			converter = Converters.Language.class, description = "The form's language (default ${DEFAULT-VALUE}).")
	String language;

	private final PrintStream out;

	PaperCommand(PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() throws BadInput {
		Questionnaire form = Inputs.questionnaire(questionnaire);
		Inputs.requireLanguage(form, language);
		Outputs.writeAtomically(target, stream -> PaperForm.write(form, language, stream));
		out.println("Wrote " + target);
		return CommandLine.DONE;
	}

}
