package org.peerreflect.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.peerreflect.questionnaire.NodeChecks.Fields;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The parts of a questionnaire, each read from its YAML node: its id and version, its
 * languages, scales, perspective, principles and items. What each part may hold is said
 * here; how a finding names its line is {@link NodeChecks}'s.
 */
final class QuestionnaireParts {

	/**
	 * The most options a scale may have: reports colour them light to dark in 7 steps.
	 */
	static final int MAX_SCALE_OPTIONS = 7;

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	/** Column names an answers file gives a meaning of its own. */
	private static final Set<String> RESERVED_IDS = Set.of("perspective", "code");

	private final NodeChecks checks;

	QuestionnaireParts(NodeChecks checks) {
		this.checks = checks;
	}

	Questionnaire questionnaire(Node root) {
		Fields top = checks.fields(root, "the questionnaire",
				Set.of("id", "version", "languages", "title", "scales", "perspective", "principles"),
				Set.of("id", "version", "languages", "title", "principles"));
		if (top == null) {
			return null;
		}
		String id = checks.id(top.get("id"), "the questionnaire");
		int version = version(top.get("version"));
		List<String> languages = languages(top.get("languages"));
		checks.languages(languages);
		LocalizedText title = checks.text(top.get("title"), "the questionnaire's title");
		Map<String, Scale> scales = scales(top.get("scales"));
		Perspective perspective = top.has("perspective") ? perspective(top.get("perspective")) : null;
		List<Principle> principles = principles(top.get("principles"), scales);
		if (!checks.errors().isEmpty()) {
			return null;
		}
		return new Questionnaire(id, version, languages, title, scales, perspective, principles);
	}

	private int version(Node node) {
		String value = checks.scalar(node, "version");
		if (value == null) {
			return 0;
		}
		try {
			int version = Integer.parseInt(value);
			if (version >= 1) {
				return version;
			}
		}
		catch (NumberFormatException e) {
			// falls through to the message below
		}
		checks.error(node, "version: '" + value + "' should be a whole number from 1 up");
		return 0;
	}

	private List<String> languages(Node node) {
		if (node == null) {
			return List.of(); // a missing field, already said
		}
		if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			checks.error(node, "languages: give a list of language codes, such as [en, es]");
			return List.of();
		}
		List<String> list = new ArrayList<>();
		for (Node child : sequence.getValue()) {
			String code = checks.scalar(child, "languages");
			if (code == null) {
				continue;
			}
			if (!LANGUAGE.matcher(code).matches()) {
				checks.error(child, "languages: '" + code + "' is not a language code such as en or es");
			}
			else if (list.contains(code)) {
				checks.error(child, "languages: '" + code + "' is listed twice");
			}
			else {
				list.add(code);
			}
		}
		return List.copyOf(list);
	}

	private Map<String, Scale> scales(Node node) {
		Map<String, Scale> scales = new LinkedHashMap<>();
		if (node == null) {
			return scales;
		}
		if (!(node instanceof MappingNode mapping)) {
			checks.error(node, "scales: expected scale ids, each with its options");
			return scales;
		}
		Map<String, Integer> seen = new HashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String id = checks.scalar(tuple.getKeyNode(), "scales");
			if (id == null) {
				continue;
			}
			String owner = "scale '" + id + "'";
			if (!NodeChecks.isId(id)) {
				checks.error(tuple.getKeyNode(),
						owner + ": the id should use only lowercase letters, digits and dashes");
			}
			Integer earlier = seen.putIfAbsent(id, NodeChecks.line(tuple.getKeyNode()));
			if (earlier != null) {
				checks.error(tuple.getKeyNode(), owner + ": duplicate id, already used at line " + earlier);
				continue;
			}
			Fields fields = checks.fields(tuple.getValueNode(), owner, Set.of("options", "not-sure"),
					Set.of("options", "not-sure"));
			if (fields == null) {
				continue;
			}
			List<Scale.Option> options = new ArrayList<>();
			Node optionsNode = fields.get("options");
			List<Node> items = checks.sequence(optionsNode, owner + ": options");
			Map<String, Integer> values = new HashMap<>();
			for (Node optionNode : items) {
				Fields option = checks.fields(optionNode, owner + " option", Set.of("value", "label"),
						Set.of("value", "label"));
				if (option == null) {
					continue;
				}
				String value = checks.value(option.get("value"), owner);
				if (value != null) {
					Integer first = values.putIfAbsent(value, NodeChecks.line(option.get("value")));
					if (first != null) {
						checks.error(option.get("value"),
								owner + ": duplicate option value '" + value + "', already used at line " + first);
					}
					else if (Scale.NOT_SURE.equals(value)) {
						checks.error(option.get("value"), owner + ": '" + Scale.NOT_SURE
								+ "' is kept for the \"not sure\" answer; give this option another value");
					}
				}
				LocalizedText label = checks.text(option.get("label"), owner + " option '" + value + "' label");
				options.add(new Scale.Option(value, label));
			}
			if (optionsNode instanceof SequenceNode && items.size() < 2) {
				checks.error(optionsNode, owner + ": a scale needs at least two options");
			}
			if (optionsNode instanceof SequenceNode && items.size() > MAX_SCALE_OPTIONS) {
				// Reports colour a scale's answers light to dark in this many steps.
				checks.error(optionsNode, owner + ": a scale has at most " + MAX_SCALE_OPTIONS + " options");
			}
			LocalizedText notSure = checks.text(fields.get("not-sure"), owner + " not-sure");
			scales.put(id, new Scale(id, options, notSure));
		}
		return scales;
	}

	private Perspective perspective(Node node) {
		Fields fields = checks.fields(node, "perspective", Set.of("id", "text", "options"),
				Set.of("id", "text", "options"));
		if (fields == null) {
			return null;
		}
		String id = checks.id(fields.get("id"), "perspective");
		LocalizedText text = checks.text(fields.get("text"), "perspective text");
		List<Perspective.Option> options = new ArrayList<>();
		Map<String, Integer> values = new HashMap<>();
		List<Node> nodes = checks.sequence(fields.get("options"), "perspective: options");
		for (Node optionNode : nodes) {
			Fields option = checks.fields(optionNode, "perspective option", Set.of("value", "label", "group"),
					Set.of("value", "label"));
			if (option == null) {
				continue;
			}
			String value = checks.value(option.get("value"), "perspective");
			if (value != null) {
				Integer first = values.putIfAbsent(value, NodeChecks.line(option.get("value")));
				if (first != null) {
					checks.error(option.get("value"),
							"perspective: duplicate option value '" + value + "', already used at line " + first);
				}
			}
			// group: false leaves the option out of the groups; group: {en: "Members",
			// ...}
			// names the group in reports, where the answer's own words ("A member") would
			// read oddly.
			boolean group = true;
			LocalizedText name = null;
			Node groupNode = option.get("group");
			if (groupNode instanceof MappingNode) {
				name = checks.text(groupNode, "perspective option '" + value + "' group name");
			}
			else if (groupNode != null) {
				String flag = checks.scalar(groupNode, "perspective option group");
				flag = flag == null ? null : flag.toLowerCase(Locale.ROOT);
				if ("false".equals(flag) || "true".equals(flag)) {
					group = Boolean.parseBoolean(flag);
				}
				else if (flag != null) {
					checks.error(groupNode,
							"perspective option '" + value + "': group should be false, true or a name per "
									+ "language, such as {en: \"Members\", es: \"Miembros\"}");
				}
			}
			options.add(new Perspective.Option(value, group,
					checks.text(option.get("label"), "perspective option '" + value + "' label"), name));
		}
		if (fields.get("options") instanceof SequenceNode && nodes.size() < 2) {
			checks.error(fields.get("options"), "perspective: needs at least two options");
		}
		return new Perspective(id, text, options);
	}

	private List<Principle> principles(Node node, Map<String, Scale> scales) {
		List<Principle> principles = new ArrayList<>();
		List<Node> nodes = checks.sequence(node, "principles");
		if (node instanceof SequenceNode && nodes.isEmpty()) {
			checks.error(node, "principles: the questionnaire needs at least one principle");
		}
		Map<String, Integer> principleIds = new HashMap<>();
		Map<String, Integer> itemIds = new HashMap<>();
		for (Node principleNode : nodes) {
			Fields fields = checks.fields(principleNode, "principle", Set.of("id", "title", "about", "items"),
					Set.of("id", "title", "items"));
			if (fields == null) {
				continue;
			}
			String id = checks.id(fields.get("id"), "principle");
			String owner = "principle '" + id + "'";
			if (id != null) {
				Integer first = principleIds.putIfAbsent(id, NodeChecks.line(fields.get("id")));
				if (first != null) {
					checks.error(fields.get("id"), owner + ": duplicate id, already used at line " + first);
				}
			}
			LocalizedText title = checks.text(fields.get("title"), owner + " title");
			LocalizedText about = fields.has("about") ? checks.text(fields.get("about"), owner + " about")
					: new LocalizedText(Map.of());
			List<Item> items = new ArrayList<>();
			List<Node> itemNodes = checks.sequence(fields.get("items"), owner + ": items");
			if (fields.get("items") instanceof SequenceNode && itemNodes.isEmpty()) {
				checks.error(fields.get("items"), owner + ": needs at least one item");
			}
			for (Node itemNode : itemNodes) {
				Item item = item(itemNode, scales, itemIds);
				if (item != null) {
					items.add(item);
				}
			}
			principles.add(new Principle(id, title, about, items));
		}
		return principles;
	}

	private Item item(Node node, Map<String, Scale> scales, Map<String, Integer> itemIds) {
		Fields fields = checks.fields(node, "item", Set.of("id", "type", "scale", "text", "prompt"),
				Set.of("id", "type", "text"));
		if (fields == null) {
			return null;
		}
		String id = checks.id(fields.get("id"), "item");
		String owner = "item " + id;
		if (id != null) {
			Integer first = itemIds.putIfAbsent(id, NodeChecks.line(fields.get("id")));
			if (first != null) {
				checks.error(fields.get("id"), owner + ": duplicate id, already used at line " + first);
			}
			if (RESERVED_IDS.contains(id)) {
				checks.error(fields.get("id"),
						owner + ": '" + id + "' is the name of a column of its own in answer files; choose another id");
			}
		}
		String type = checks.scalar(fields.get("type"), owner + ": type");
		LocalizedText text = checks.text(fields.get("text"), owner + " text");
		// A question for the meeting about this statement, used when the report asks it
		// over.
		LocalizedText prompt = fields.has("prompt") ? checks.text(fields.get("prompt"), owner + " prompt") : null;
		if ("scale".equals(type)) {
			if (!fields.has("scale")) {
				checks.error(node, owner + ": a scale item needs 'scale', the id of one of the scales");
				return null;
			}
			String scaleId = checks.scalar(fields.get("scale"), owner + ": scale");
			Scale scale = scales.get(scaleId);
			if (scale == null && scaleId != null) {
				checks.error(fields.get("scale"), owner + ": unknown scale '" + scaleId + "'" + (scales.isEmpty()
						? " (the file has no scales)" : " (known: " + String.join(", ", scales.keySet()) + ")"));
			}
			return new Item(id, Item.Type.SCALE, scale, text, prompt);
		}
		if ("text".equals(type)) {
			if (fields.has("scale")) {
				checks.error(fields.get("scale"), owner + ": a text item has no scale");
			}
			if (fields.has("prompt")) {
				checks.error(fields.get("prompt"),
						owner + ": a text item has no prompt; its text is already the question");
			}
			return new Item(id, Item.Type.TEXT, null, text, null);
		}
		if (type != null) {
			checks.error(fields.get("type"), owner + ": unknown type '" + type + "' (use scale or text)");
		}
		return null;
	}

}
