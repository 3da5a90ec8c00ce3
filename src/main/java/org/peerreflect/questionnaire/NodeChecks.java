package org.peerreflect.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The small readers of one questionnaire file: each takes one YAML node, and notes what
 * is wrong with it as a finding that names the file and the line. It also keeps every
 * text read, for the language check once the file holds no errors.
 */
final class NodeChecks {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final Pattern VALUE = Pattern.compile("[A-Za-z0-9]+([-_][A-Za-z0-9]+)*");

	final String file;

	final List<Finding> errors = new ArrayList<>();

	final List<LanguageCheck.Text> texts = new ArrayList<>();

	/** The questionnaire's languages, once read: every text is checked against them. */
	List<String> languages = List.of();

	NodeChecks(String file) {
		this.file = file;
	}

	List<Finding> errors() {
		return List.copyOf(errors);
	}

	List<LanguageCheck.Text> texts() {
		return List.copyOf(texts);
	}

	void languages(List<String> languages) {
		this.languages = languages;
	}

	static boolean isId(String id) {
		return ID.matcher(id).matches();
	}

	/** A mapping's fields, after checking for unknown, repeated and missing ones. */
	Fields fields(Node node, String owner, Set<String> allowed, Set<String> required) {
		if (!(node instanceof MappingNode mapping)) {
			error(node, owner + ": expected fields such as " + String.join(", ", new TreeSet<>(required)));
			return null;
		}
		Map<String, Node> values = new LinkedHashMap<>();
		Map<String, Integer> lines = new HashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
			if (key == null) {
				error(tuple.getKeyNode(), owner + ": a field name should be plain text");
				continue;
			}
			if (!allowed.contains(key)) {
				error(tuple.getKeyNode(), owner + ": unknown field '" + key + "' (expected: "
						+ String.join(", ", new TreeSet<>(allowed)) + ")");
				continue;
			}
			Integer first = lines.putIfAbsent(key, line(tuple.getKeyNode()));
			if (first != null) {
				error(tuple.getKeyNode(), owner + ": field '" + key + "' is given twice (first at line " + first + ")");
				continue;
			}
			values.put(key, tuple.getValueNode());
		}
		for (String field : new TreeSet<>(required)) {
			if (!values.containsKey(field) && !lines.containsKey(field)) {
				error(node, owner + ": missing field '" + field + "'");
			}
		}
		return new Fields(values);
	}

	record Fields(Map<String, Node> values) {
		Node get(String key) {
			return values.get(key);
		}

		boolean has(String key) {
			return values.containsKey(key);
		}
	}

	List<Node> sequence(Node node, String owner) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			error(node, owner + ": expected a list (lines starting with '- ')");
			return List.of();
		}
		return sequence.getValue();
	}

	String scalar(Node node, String owner) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(node.getTag())) {
			error(node, owner + ": expected a single value here");
			return null;
		}
		return scalar.getValue();
	}

	String id(Node node, String owner) {
		String id = scalar(node, owner + " id");
		if (id != null && !ID.matcher(id).matches()) {
			error(node, owner + " id '" + id + "' should use only lowercase letters, digits and dashes");
		}
		return id;
	}

	String value(Node node, String owner) {
		String value = scalar(node, owner + " option value");
		if (value != null && !VALUE.matcher(value).matches()) {
			error(node, owner + ": option value '" + value + "' should use only letters, digits and dashes");
		}
		return value;
	}

	/** A text in every language of the questionnaire, none of them empty. */
	LocalizedText text(Node node, String owner) {
		if (node == null) {
			return new LocalizedText(Map.of());
		}
		if (!(node instanceof MappingNode mapping)) {
			error(node, owner + ": expected one text per language, such as {en: \"...\", es: \"...\"}");
			return new LocalizedText(Map.of());
		}
		Map<String, String> byLanguage = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String language = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
			if (!languages.contains(language)) {
				error(tuple.getKeyNode(), owner + ": '" + language + "' is not one of the questionnaire's languages ("
						+ String.join(", ", languages) + ")");
				continue;
			}
			if (byLanguage.containsKey(language)) {
				error(tuple.getKeyNode(), owner + ": the '" + language + "' text is given twice");
				continue;
			}
			String value = tuple.getValueNode() instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue()
					: null;
			if (value == null || value.isBlank()) {
				error(tuple.getValueNode(), owner + ": the '" + language + "' text is empty");
				continue;
			}
			byLanguage.put(language, value.strip());
			texts.add(new LanguageCheck.Text(language, value, line(tuple.getValueNode()), owner));
		}
		for (String language : languages) {
			if (!byLanguage.containsKey(language) && mapping.getValue()
				.stream()
				.noneMatch(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(language))) {
				error(node, owner + ": missing the '" + language + "' text (every text needs each of "
						+ String.join(", ", languages) + ")");
			}
		}
		return new LocalizedText(byLanguage);
	}

	void error(Node node, String message) {
		error(node == null ? 0 : line(node), message);
	}

	void error(Mark mark, String message) {
		error(mark == null ? 0 : mark.getLine() + 1, message);
	}

	/** A finding at a line counted from 1; 0 when it is about the whole file. */
	void error(int line, String message) {
		errors.add(new Finding(file, line, message));
	}

	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

}
