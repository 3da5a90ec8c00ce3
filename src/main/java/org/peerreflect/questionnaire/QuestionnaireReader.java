package org.peerreflect.questionnaire;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a questionnaire file and says precisely what is wrong with it, as
 * {@code file:line: what is wrong}. Walks the YAML node tree by hand rather than binding
 * it, so every finding carries the line it is about.
 */
public final class QuestionnaireReader {

	public static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_DEPTH = 12;

	/**
	 * The most options a scale may have: reports colour them light to dark in 7 steps.
	 */
	static final int MAX_SCALE_OPTIONS = 7;

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9]+([-_][A-Za-z0-9]+)*");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	/** Column names an answers file gives a meaning of its own. */
	private static final Set<String> RESERVED_IDS = Set.of("perspective", "code");

	private final String file;

	private final List<Finding> errors = new ArrayList<>();

	private final List<LanguageCheck.Text> texts = new ArrayList<>();

	private List<String> languages = List.of();

	private QuestionnaireReader(String file) {
		this.file = file;
	}

	public static QuestionnaireCheck read(Path path) {
		String name = path.toString();
		try {
			if (Files.size(path) > MAX_BYTES) {
				return failed(name, 0, "the file is larger than 1 MB; a questionnaire is much smaller than that");
			}
			return read(name, Files.readAllBytes(path));
		}
		catch (IOException e) {
			return failed(name, 0, "cannot read the file (" + e.getClass().getSimpleName() + ")");
		}
	}

	public static QuestionnaireCheck read(String file, byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			return failed(file, 0, "the file is larger than 1 MB; a questionnaire is much smaller than that");
		}
		String text;
		try {
			text = strictUtf8(bytes);
		}
		catch (CharacterCodingException e) {
			return failed(file, lineOfFirstBadByte(bytes),
					"the file is not UTF-8 text (it may be windows-1252 or latin-1); save it as UTF-8 and try again");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return new QuestionnaireReader(file).parse(text);
	}

	private static QuestionnaireCheck failed(String file, int line, String message) {
		return new QuestionnaireCheck(file, null, List.of(new Finding(file, line, message)), List.of());
	}

	private QuestionnaireCheck parse(String text) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true); // found and named below, with both lines
		options.setMaxAliasesForCollections(0);
		options.setNestingDepthLimit(MAX_DEPTH + 5);
		options.setCodePointLimit(MAX_BYTES + 1);
		Yaml yaml = new Yaml(new SafeConstructor(options));
		Node root;
		try {
			if (!refuseAnchorsAndDepth(yaml.parse(new StringReader(text)))) {
				return result(null);
			}
			root = yaml.compose(new StringReader(text));
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
			errors.add(new Finding(file, mark == null ? 0 : mark.getLine() + 1, "this is not valid YAML: " + problem));
			return result(null);
		}
		catch (ReaderException e) {
			// Thrown before any mark exists: the line is found here, and the character
			// named, as it cannot be seen.
			errors.add(new Finding(file, lineOf(text, e.getCodePoint()),
					"this is not valid YAML: it holds a character YAML " + "does not allow ("
							+ String.format("U+%04X", e.getCodePoint()) + ", a control or non-character); remove it"));
			return result(null);
		}
		catch (YAMLException e) {
			errors.add(new Finding(file, 0, "this is not valid YAML: " + e.getMessage()));
			return result(null);
		}
		if (root == null) {
			errors.add(new Finding(file, 1, "the file is empty"));
			return result(null);
		}
		Questionnaire questionnaire = questionnaire(root);
		return result(errors.isEmpty() ? questionnaire : null);
	}

	private QuestionnaireCheck result(Questionnaire questionnaire) {
		List<Finding> notes = errors.isEmpty() ? LanguageCheck.standard().check(file, texts) : List.of();
		List<Finding> sorted = new ArrayList<>(errors);
		sorted.sort(Comparator.comparingInt(Finding::line));
		return new QuestionnaireCheck(file, questionnaire, sorted, notes);
	}

	/**
	 * Anchors and aliases are refused outright: they are how "billion laughs" files are
	 * built.
	 */
	private boolean refuseAnchorsAndDepth(Iterable<Event> events) {
		int depth = 0;
		for (Event event : events) {
			if (event instanceof AliasEvent alias) {
				error(event.getStartMark(),
						"YAML aliases (*" + alias.getAnchor() + ") are not allowed; write the text out in full");
				return false;
			}
			if (event instanceof NodeEvent node && node.getAnchor() != null) {
				error(event.getStartMark(),
						"YAML anchors (&" + node.getAnchor() + ") are not allowed; write the text out in full");
				return false;
			}
			if (event instanceof CollectionStartEvent) {
				depth++;
				if (depth > MAX_DEPTH) {
					error(event.getStartMark(), "the file is nested more deeply than a questionnaire ever is");
					return false;
				}
			}
			else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
				depth--;
			}
		}
		return true;
	}

	private Questionnaire questionnaire(Node root) {
		Fields top = fields(root, "the questionnaire",
				Set.of("id", "version", "languages", "title", "scales", "perspective", "principles"),
				Set.of("id", "version", "languages", "title", "principles"));
		if (top == null) {
			return null;
		}
		String id = id(top.get("id"), "the questionnaire");
		int version = version(top.get("version"));
		languages = languages(top.get("languages"));
		LocalizedText title = text(top.get("title"), "the questionnaire's title");
		Map<String, Scale> scales = scales(top.get("scales"));
		Perspective perspective = top.has("perspective") ? perspective(top.get("perspective")) : null;
		List<Principle> principles = principles(top.get("principles"), scales);
		if (!errors.isEmpty()) {
			return null;
		}
		return new Questionnaire(id, version, languages, title, scales, perspective, principles);
	}

	private int version(Node node) {
		String value = scalar(node, "version");
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
		error(node, "version: '" + value + "' should be a whole number from 1 up");
		return 0;
	}

	private List<String> languages(Node node) {
		if (node == null) {
			return List.of(); // a missing field, already said
		}
		if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			error(node, "languages: give a list of language codes, such as [en, es]");
			return List.of();
		}
		List<String> list = new ArrayList<>();
		for (Node child : sequence.getValue()) {
			String code = scalar(child, "languages");
			if (code == null) {
				continue;
			}
			if (!LANGUAGE.matcher(code).matches()) {
				error(child, "languages: '" + code + "' is not a language code such as en or es");
			}
			else if (list.contains(code)) {
				error(child, "languages: '" + code + "' is listed twice");
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
			error(node, "scales: expected scale ids, each with its options");
			return scales;
		}
		Map<String, Integer> seen = new HashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String id = scalar(tuple.getKeyNode(), "scales");
			if (id == null) {
				continue;
			}
			String owner = "scale '" + id + "'";
			if (!ID.matcher(id).matches()) {
				error(tuple.getKeyNode(), owner + ": the id should use only lowercase letters, digits and dashes");
			}
			Integer earlier = seen.putIfAbsent(id, line(tuple.getKeyNode()));
			if (earlier != null) {
				error(tuple.getKeyNode(), owner + ": duplicate id, already used at line " + earlier);
				continue;
			}
			Fields fields = fields(tuple.getValueNode(), owner, Set.of("options", "not-sure"),
					Set.of("options", "not-sure"));
			if (fields == null) {
				continue;
			}
			List<Scale.Option> options = new ArrayList<>();
			Node optionsNode = fields.get("options");
			List<Node> items = sequence(optionsNode, owner + ": options");
			Map<String, Integer> values = new HashMap<>();
			for (Node optionNode : items) {
				Fields option = fields(optionNode, owner + " option", Set.of("value", "label"),
						Set.of("value", "label"));
				if (option == null) {
					continue;
				}
				String value = value(option.get("value"), owner);
				if (value != null) {
					Integer first = values.putIfAbsent(value, line(option.get("value")));
					if (first != null) {
						error(option.get("value"),
								owner + ": duplicate option value '" + value + "', already used at line " + first);
					}
					else if (Scale.NOT_SURE.equals(value)) {
						error(option.get("value"), owner + ": '" + Scale.NOT_SURE
								+ "' is kept for the \"not sure\" answer; give this option another value");
					}
				}
				LocalizedText label = text(option.get("label"), owner + " option '" + value + "' label");
				options.add(new Scale.Option(value, label));
			}
			if (optionsNode instanceof SequenceNode && items.size() < 2) {
				error(optionsNode, owner + ": a scale needs at least two options");
			}
			if (optionsNode instanceof SequenceNode && items.size() > MAX_SCALE_OPTIONS) {
				// Reports colour a scale's answers light to dark in this many steps.
				error(optionsNode, owner + ": a scale has at most " + MAX_SCALE_OPTIONS + " options");
			}
			LocalizedText notSure = text(fields.get("not-sure"), owner + " not-sure");
			scales.put(id, new Scale(id, options, notSure));
		}
		return scales;
	}

	private Perspective perspective(Node node) {
		Fields fields = fields(node, "perspective", Set.of("id", "text", "options"), Set.of("id", "text", "options"));
		if (fields == null) {
			return null;
		}
		String id = id(fields.get("id"), "perspective");
		LocalizedText text = text(fields.get("text"), "perspective text");
		List<Perspective.Option> options = new ArrayList<>();
		Map<String, Integer> values = new HashMap<>();
		List<Node> nodes = sequence(fields.get("options"), "perspective: options");
		for (Node optionNode : nodes) {
			Fields option = fields(optionNode, "perspective option", Set.of("value", "label", "group"),
					Set.of("value", "label"));
			if (option == null) {
				continue;
			}
			String value = value(option.get("value"), "perspective");
			if (value != null) {
				Integer first = values.putIfAbsent(value, line(option.get("value")));
				if (first != null) {
					error(option.get("value"),
							"perspective: duplicate option value '" + value + "', already used at line " + first);
				}
			}
			// group: false leaves the option out of the groups; group: {en: "Members",
			// ...} names the
			// group in reports, where the answer's own words ("A member") would read
			// oddly.
			boolean group = true;
			LocalizedText name = null;
			Node groupNode = option.get("group");
			if (groupNode instanceof MappingNode) {
				name = text(groupNode, "perspective option '" + value + "' group name");
			}
			else if (groupNode != null) {
				String flag = scalar(groupNode, "perspective option group");
				flag = flag == null ? null : flag.toLowerCase(Locale.ROOT);
				if ("false".equals(flag) || "true".equals(flag)) {
					group = Boolean.parseBoolean(flag);
				}
				else if (flag != null) {
					error(groupNode, "perspective option '" + value + "': group should be false, true or a name per "
							+ "language, such as {en: \"Members\", es: \"Miembros\"}");
				}
			}
			options.add(new Perspective.Option(value, group,
					text(option.get("label"), "perspective option '" + value + "' label"), name));
		}
		if (fields.get("options") instanceof SequenceNode && nodes.size() < 2) {
			error(fields.get("options"), "perspective: needs at least two options");
		}
		return new Perspective(id, text, options);
	}

	private List<Principle> principles(Node node, Map<String, Scale> scales) {
		List<Principle> principles = new ArrayList<>();
		List<Node> nodes = sequence(node, "principles");
		if (node instanceof SequenceNode && nodes.isEmpty()) {
			error(node, "principles: the questionnaire needs at least one principle");
		}
		Map<String, Integer> principleIds = new HashMap<>();
		Map<String, Integer> itemIds = new HashMap<>();
		for (Node principleNode : nodes) {
			Fields fields = fields(principleNode, "principle", Set.of("id", "title", "about", "items"),
					Set.of("id", "title", "items"));
			if (fields == null) {
				continue;
			}
			String id = id(fields.get("id"), "principle");
			String owner = "principle '" + id + "'";
			if (id != null) {
				Integer first = principleIds.putIfAbsent(id, line(fields.get("id")));
				if (first != null) {
					error(fields.get("id"), owner + ": duplicate id, already used at line " + first);
				}
			}
			LocalizedText title = text(fields.get("title"), owner + " title");
			LocalizedText about = fields.has("about") ? text(fields.get("about"), owner + " about")
					: new LocalizedText(Map.of());
			List<Item> items = new ArrayList<>();
			List<Node> itemNodes = sequence(fields.get("items"), owner + ": items");
			if (fields.get("items") instanceof SequenceNode && itemNodes.isEmpty()) {
				error(fields.get("items"), owner + ": needs at least one item");
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
		Fields fields = fields(node, "item", Set.of("id", "type", "scale", "text", "prompt"),
				Set.of("id", "type", "text"));
		if (fields == null) {
			return null;
		}
		String id = id(fields.get("id"), "item");
		String owner = "item " + id;
		if (id != null) {
			Integer first = itemIds.putIfAbsent(id, line(fields.get("id")));
			if (first != null) {
				error(fields.get("id"), owner + ": duplicate id, already used at line " + first);
			}
			if (RESERVED_IDS.contains(id)) {
				error(fields.get("id"),
						owner + ": '" + id + "' is the name of a column of its own in answer files; choose another id");
			}
		}
		String type = scalar(fields.get("type"), owner + ": type");
		LocalizedText text = text(fields.get("text"), owner + " text");
		// A question for the meeting about this statement, used when the report asks it
		// over.
		LocalizedText prompt = fields.has("prompt") ? text(fields.get("prompt"), owner + " prompt") : null;
		if ("scale".equals(type)) {
			if (!fields.has("scale")) {
				error(node, owner + ": a scale item needs 'scale', the id of one of the scales");
				return null;
			}
			String scaleId = scalar(fields.get("scale"), owner + ": scale");
			Scale scale = scales.get(scaleId);
			if (scale == null && scaleId != null) {
				error(fields.get("scale"), owner + ": unknown scale '" + scaleId + "'" + (scales.isEmpty()
						? " (the file has no scales)" : " (known: " + String.join(", ", scales.keySet()) + ")"));
			}
			return new Item(id, Item.Type.SCALE, scale, text, prompt);
		}
		if ("text".equals(type)) {
			if (fields.has("scale")) {
				error(fields.get("scale"), owner + ": a text item has no scale");
			}
			if (fields.has("prompt")) {
				error(fields.get("prompt"), owner + ": a text item has no prompt; its text is already the question");
			}
			return new Item(id, Item.Type.TEXT, null, text, null);
		}
		if (type != null) {
			error(fields.get("type"), owner + ": unknown type '" + type + "' (use scale or text)");
		}
		return null;
	}

	// --- small readers, each reporting what it finds wrong ---

	/** A mapping's fields, after checking for unknown, repeated and missing ones. */
	private Fields fields(Node node, String owner, Set<String> allowed, Set<String> required) {
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

	private record Fields(Map<String, Node> values) {
		Node get(String key) {
			return values.get(key);
		}

		boolean has(String key) {
			return values.containsKey(key);
		}
	}

	private List<Node> sequence(Node node, String owner) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			error(node, owner + ": expected a list (lines starting with '- ')");
			return List.of();
		}
		return sequence.getValue();
	}

	private String scalar(Node node, String owner) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(node.getTag())) {
			error(node, owner + ": expected a single value here");
			return null;
		}
		return scalar.getValue();
	}

	private String id(Node node, String owner) {
		String id = scalar(node, owner + " id");
		if (id != null && !ID.matcher(id).matches()) {
			error(node, owner + " id '" + id + "' should use only lowercase letters, digits and dashes");
		}
		return id;
	}

	private String value(Node node, String owner) {
		String value = scalar(node, owner + " option value");
		if (value != null && !VALUE.matcher(value).matches()) {
			error(node, owner + ": option value '" + value + "' should use only letters, digits and dashes");
		}
		return value;
	}

	/** A text in every language of the questionnaire, none of them empty. */
	private LocalizedText text(Node node, String owner) {
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

	private void error(Node node, String message) {
		errors.add(new Finding(file, node == null ? 0 : line(node), message));
	}

	private void error(Mark mark, String message) {
		errors.add(new Finding(file, mark == null ? 0 : mark.getLine() + 1, message));
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		return decoder.decode(ByteBuffer.wrap(bytes)).toString();
	}

	/**
	 * The 1-based line, as YAML counts lines, of the first place the code point appears
	 * (1 when it does not).
	 */
	static int lineOf(String text, int codePoint) {
		int line = 1;
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			int c = text.codePointAt(i);
			if (c == codePoint) {
				return line;
			}
			boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
			if (!crlf && (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029)) {
				line++;
			}
		}
		return 1;
	}

	/** The 1-based line of the first byte that breaks UTF-8, for the error message. */
	static int lineOfFirstBadByte(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int line = 1;
		int start = 0;
		for (int i = 0; i <= bytes.length; i++) {
			if (i == bytes.length || bytes[i] == '\n') {
				try {
					decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
				}
				catch (CharacterCodingException e) {
					return line;
				}
				line++;
				start = i + 1;
			}
		}
		return 0;
	}

}
