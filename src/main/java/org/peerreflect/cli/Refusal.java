package org.peerreflect.cli;

import java.util.Arrays;
import java.util.List;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Words that could not be understood, said in the words of the person at the terminal and
 * naming the option or word concerned: "unknown option --colour", "--out needs a value",
 * "--lang should be one of en, es".
 */
final class Refusal {

	private Refusal() {
	}

	static String of(ParameterException refused, String[] words) {
		// A word nobody asked for is named first: it is often why a needed option seems
		// missing (a misspelt --out), and picocli checks what is needed before it. In a
		// command an unknown option comes before a stray word; before any command, the
		// first word is the command that is not known.
		ParseResult parsed = refused.getCommandLine().getParseResult();
		if (parsed != null && !parsed.unmatched().isEmpty()) {
			List<String> unmatched = parsed.unmatched();
			boolean beforeCommand = refused.getCommandLine().getParent() == null;
			String word = beforeCommand ? unmatched.get(0)
					: unmatched.stream().filter(Refusal::option).findFirst().orElse(unmatched.get(0));
			return unexpected(word, beforeCommand);
		}
		if (refused instanceof OverwrittenOptionException twice) {
			return name(twice.getOverwritten()) + " is given twice";
		}
		if (refused instanceof MissingParameterException missing) {
			return missing(missing.getMissing(), words);
		}
		if (refused.getArgSpec() != null && refused.getCause() instanceof TypeConversionException conversion) {
			return name(refused.getArgSpec()) + " " + conversion.getMessage();
		}
		if (refused.getArgSpec() != null && refused.getCause() != null) {
			return name(refused.getArgSpec()) + " cannot use '" + refused.getValue() + "'";
		}
		return refused.getMessage();
	}

	private static boolean option(String word) {
		return word.startsWith("-") && word.length() > 1;
	}

	private static String unexpected(String word, boolean firstWord) {
		if (option(word)) {
			int equals = word.indexOf('=');
			return "unknown option " + (equals < 0 ? word : word.substring(0, equals));
		}
		return firstWord ? "unknown command '" + word + "'" : "unexpected '" + word + "'";
	}

	/**
	 * An option written without its value, or what is needed and was not given at all,
	 * every one of them.
	 */
	private static String missing(List<ArgSpec> missing, String[] words) {
		for (ArgSpec spec : missing) {
			if (spec instanceof OptionSpec option && written(option, words)) {
				return option.longestName() + " needs a value";
			}
		}
		List<String> names = missing.stream().map(Refusal::name).toList();
		if (names.size() == 1) {
			return names.get(0) + " is needed";
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
				+ " are needed";
	}

	private static boolean written(OptionSpec option, String[] words) {
		return Arrays.stream(words)
			.anyMatch(word -> Arrays.stream(option.names())
				.anyMatch(name -> word.equals(name) || word.startsWith(name + "=")));
	}

	private static String name(ArgSpec spec) {
		return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
	}

}
