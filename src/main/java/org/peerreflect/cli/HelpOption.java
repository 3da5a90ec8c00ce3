package org.peerreflect.cli;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} that every command and the jar itself answer. */
final class HelpOption {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and stop.")
	boolean asked;

}
