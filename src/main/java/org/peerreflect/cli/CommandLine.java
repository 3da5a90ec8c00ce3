package org.peerreflect.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Help;
import picocli.CommandLine.HelpCommand;

/**
 * The commands of the jar (DESIGN section 5): {@code validate}, {@code template},
 * {@code paper} and {@code report}, each a picocli command with its own {@code --help}.
 * Exit status 0 when done, 1 for bad input (one clear line per problem, no stack trace),
 * 2 for words it cannot understand.
 */
public final class CommandLine {

	public static final int DONE = 0;

	public static final int BAD_INPUT = 1;

	public static final int USAGE = 2;

	private static final Set<String> COMMANDS = Set.of("validate", "template", "paper", "report", "help", "--help",
			"-h");

	private CommandLine() {
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
		picocli.CommandLine commands = commands(out, err);
		commands.setParameterExceptionHandler((refused, words) -> {
			picocli.CommandLine where = refused.getCommandLine();
			err.println(prefix(where) + Refusal.of(refused, words));
			err.print(where.getUsageMessage());
			return USAGE;
		});
		commands.setExecutionExceptionHandler((failed, where, parsed) -> {
			if (failed instanceof BadInput bad) {
				bad.lines().forEach(err::println);
			}
			else {
				// A fault of Peer Reflect itself. Never a stack trace: one line that says
				// so.
				err.println(prefix(where) + "could not finish because of a fault in Peer Reflect ("
						+ failed.getClass().getSimpleName() + "); please report it");
			}
			return BAD_INPUT;
		});
		try {
			return commands.execute(args);
		}
		finally {
			commands.getOut().flush();
			commands.getErr().flush();
		}
	}

	/**
	 * Every command, printing to the streams given; help in plain text at a fixed width,
	 * the same on every terminal and in the README.
	 */
	static picocli.CommandLine commands(PrintStream out, PrintStream err) {
		picocli.CommandLine commands = new picocli.CommandLine(new Commands())
			.addSubcommand(new ValidateCommand(out, err))
			.addSubcommand(new TemplateCommand(out))
			.addSubcommand(new PaperCommand(out))
			.addSubcommand(new ReportCommand(out))
			.addSubcommand(new HelpCommand());
		// picocli's help command speaks in its own words; these match the others'.
		commands.getSubcommands()
			.get("help")
			.getCommandSpec()
			.usageMessage()
			.header("Show the help of a command, as 'help report'.")
			.description("With no COMMAND, the help of the jar; with one, the help of that command.");
		List<picocli.CommandLine> all = new ArrayList<>(commands.getSubcommands().values());
		all.add(commands);
		for (picocli.CommandLine command : all) {
			// A blank line between the parts of each help makes each easier to find.
			command.getCommandSpec()
				.usageMessage()
				.descriptionHeading("%n")
				.optionListHeading("%nOptions:%n")
				.parameterListHeading("%n")
				.commandListHeading("%nCommands:%n");
		}
		commands.getCommandSpec().usageMessage().footerHeading("%n");
		// Set after the commands are added: picocli passes these down to those present.
		commands.setOut(new PrintWriter(out, true));
		commands.setErr(new PrintWriter(err, true));
		commands.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
		commands.setUsageHelpWidth(80);
		// "--title --out x" lacks a title; it does not make "--out" the title.
		commands.setUnmatchedOptionsAllowedAsOptionParameters(false);
		return commands;
	}

	private static String prefix(picocli.CommandLine where) {
		return where.getParent() == null ? "peer-reflect: " : "peer-reflect " + where.getCommandName() + ": ";
	}

}
