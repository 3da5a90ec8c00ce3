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
import java.util.List;

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
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a questionnaire file and says precisely what is wrong with it, as
 * {@code file:line: what is wrong}. Here the bytes become text and the text a YAML node
 * tree, refusing what no questionnaire needs; {@link QuestionnaireParts} then walks that
 * tree by hand rather than binding it, so every finding carries the line it is about.
 */
public final class QuestionnaireReader {

	public static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_DEPTH = 12;

	private final String file;

	/** Every finding of the file so far: the YAML's own, then those of its parts. */
	private final NodeChecks checks;

	private QuestionnaireReader(String file) {
		this.file = file;
		this.checks = new NodeChecks(file);
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
			checks.error(mark, "this is not valid YAML: " + problem);
			return result(null);
		}
		catch (ReaderException e) {
			// Thrown before any mark exists: the line is found here, and the character
			// named, as it cannot be seen.
			checks.error(lineOf(text, e.getCodePoint()),
					"this is not valid YAML: it holds a character YAML " + "does not allow ("
							+ String.format("U+%04X", e.getCodePoint()) + ", a control or non-character); remove it");
			return result(null);
		}
		catch (YAMLException e) {
			checks.error(0, "this is not valid YAML: " + e.getMessage());
			return result(null);
		}
		if (root == null) {
			checks.error(1, "the file is empty");
			return result(null);
		}
		Questionnaire questionnaire = new QuestionnaireParts(checks).questionnaire(root);
		return result(checks.errors().isEmpty() ? questionnaire : null);
	}

	private QuestionnaireCheck result(Questionnaire questionnaire) {
		List<Finding> notes = checks.errors().isEmpty() ? LanguageCheck.standard().check(file, checks.texts())
				: List.of();
		List<Finding> sorted = new ArrayList<>(checks.errors());
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
				checks.error(event.getStartMark(),
						"YAML aliases (*" + alias.getAnchor() + ") are not allowed; write the text out in full");
				return false;
			}
			if (event instanceof NodeEvent node && node.getAnchor() != null) {
				checks.error(event.getStartMark(),
						"YAML anchors (&" + node.getAnchor() + ") are not allowed; write the text out in full");
				return false;
			}
			if (event instanceof CollectionStartEvent) {
				depth++;
				if (depth > MAX_DEPTH) {
					checks.error(event.getStartMark(), "the file is nested more deeply than a questionnaire ever is");
					return false;
				}
			}
			else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
				depth--;
			}
		}
		return true;
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
