package org.peerreflect;

import org.peerreflect.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two ways in: with a command name as first argument it runs that command and
 * exits (no web server, no database); without one it starts the web application.
 */
@SpringBootApplication
public class PeerReflectApplication {

	public static void main(String[] args) {
		if (CommandLine.isCommand(args)) {
			System.exit(CommandLine.run(args, System.out, System.err));
		}
		SpringApplication.run(PeerReflectApplication.class, args);
	}

}
