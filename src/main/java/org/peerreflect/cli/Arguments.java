package org.peerreflect.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's words: positional arguments, {@code --name value} options and
 * {@code --flag}s.
 */
record Arguments(List<String> positional, Map<String, String> options) {

	/** The words could not be understood; the command line answers with exit status 2. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

	static Arguments parse(List<String> words, Set<String> valued, Set<String> flags) {
		List<String> positional = new ArrayList<>();
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (!word.startsWith("--")) {
				positional.add(word);
				continue;
			}
			String name = word.substring(2);
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (flags.contains(name) && value == null) {
				options.put(name, "true");
			}
			else if (valued.contains(name)) {
				if (value == null) {
					if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
						throw new UsageException("--" + name + " needs a value");
					}
					value = words.get(++i);
				}
				if (options.putIfAbsent(name, value) != null) {
					throw new UsageException("--" + name + " is given twice");
				}
			}
			else {
				throw new UsageException("unknown option --" + name);
			}
		}
		return new Arguments(List.copyOf(positional), Map.copyOf(options));
	}

	String option(String name) {
		return options.get(name);
	}

	String required(String name) {
		String value = options.get(name);
		if (value == null) {
			throw new UsageException("--" + name + " is needed");
		}
		return value;
	}

	boolean flag(String name) {
		return options.containsKey(name);
	}

}
