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
record Arguments(List<String> positional, Map<String, String> options, Map<String, List<String>> repeated) {

	/** The words could not be understood; the command line answers with exit status 2. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

	static Arguments parse(List<String> words, Set<String> valued, Set<String> flags) {
		return parse(words, valued, flags, Set.of());
	}

	/**
	 * As {@link #parse(List, Set, Set)}, where each option named in {@code repeatable}
	 * may be given more than once, its values kept in the order given.
	 */
	static Arguments parse(List<String> words, Set<String> valued, Set<String> flags, Set<String> repeatable) {
		List<String> positional = new ArrayList<>();
		Map<String, String> options = new HashMap<>();
		Map<String, List<String>> repeated = new HashMap<>();
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
				if (repeatable.contains(name)) {
					repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
					options.putIfAbsent(name, value);
				}
				else if (options.putIfAbsent(name, value) != null) {
					throw new UsageException("--" + name + " is given twice");
				}
			}
			else {
				throw new UsageException("unknown option --" + name);
			}
		}
		Map<String, List<String>> kept = new HashMap<>();
		repeated.forEach((name, values) -> kept.put(name, List.copyOf(values)));
		return new Arguments(List.copyOf(positional), Map.copyOf(options), Map.copyOf(kept));
	}

	/**
	 * Every value of an option that may be repeated, in the order given; none when
	 * absent.
	 */
	List<String> all(String name) {
		return repeated.getOrDefault(name, List.of());
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
