package org.peerreflect.answers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.peerreflect.answers.AnswersProblem.Kind;
import org.peerreflect.answers.HeaderReader.Columns;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;

/**
 * Reads the rows under the header, one person each: every cell checked against its
 * column's item, and an answer's words (a label, "not sure") taken for its value.
 */
final class RowReader {

	/**
	 * A cell echoed in a message is cut to this many characters, so a written answer in
	 * the wrong column is not printed.
	 */
	static final int MAX_ECHOED = 20;

	private final Questionnaire questionnaire;

	/**
	 * The answers' words the cells may hold beside the values: for each scale, each
	 * option's label and "not sure" (in the language given first, then the
	 * questionnaire's others where no word is taken yet), as {@link #words(String)} reads
	 * them.
	 */
	private final Map<String, Map<String, String>> scaleWords = new HashMap<>();

	private final Map<String, String> perspectiveWords = new HashMap<>();

	/**
	 * @param language the language whose answer words come first, where two languages use
	 * one word for different answers
	 */
	RowReader(Questionnaire questionnaire, String language) {
		this.questionnaire = questionnaire;
		List<String> languages = new ArrayList<>();
		languages.add(language);
		questionnaire.languages().stream().filter(other -> !other.equals(language)).forEach(languages::add);
		for (Item item : questionnaire.items()) {
			if (item.isScale() && !scaleWords.containsKey(item.scale().id())) {
				Scale scale = item.scale();
				Map<String, String> words = new HashMap<>();
				words.put(words(Scale.NOT_SURE), Scale.NOT_SURE);
				for (String each : languages) {
					for (Scale.Option option : scale.options()) {
						words.putIfAbsent(words(option.label().in(each)), option.value());
					}
					words.putIfAbsent(words(scale.notSure().in(each)), Scale.NOT_SURE);
				}
				scaleWords.put(scale.id(), words);
			}
		}
		if (questionnaire.perspective() != null) {
			for (String each : languages) {
				for (Perspective.Option option : questionnaire.perspective().options()) {
					perspectiveWords.putIfAbsent(words(option.label().in(each)), option.value());
				}
			}
		}
	}

	/**
	 * A cell's words as compared with an answer's: small letters, accents, dashes and
	 * repeated spaces set aside, so "Not sure", "not-sure" and "NOT SURE" read alike, and
	 * "No lo se" as "No lo sé".
	 */
	static String words(String cell) {
		String plain = Normalizer.normalize(cell, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_]+", " ").strip();
	}

	/** The option value a scale cell stands for: its value, or its words; else null. */
	private String scaleValue(Scale scale, String cell) {
		if (Scale.NOT_SURE.equals(cell) || scale.indexOf(cell) >= 0) {
			return cell;
		}
		return scaleWords.getOrDefault(scale.id(), Map.of()).get(words(cell));
	}

	private String perspectiveValue(String cell) {
		if (questionnaire.perspective().indexOf(cell) >= 0) {
			return cell;
		}
		return perspectiveWords.get(words(cell));
	}

	AnswerRow row(String file, CSVRecord record, Columns columns, List<AnswersProblem> problems) {
		long rowNumber = record.getRecordNumber();
		if (record.size() != columns.names().length) {
			problems.add(new AnswersProblem(file, rowNumber, null, Kind.CELL_COUNT,
					"this row has " + record.size() + " cells but the header has " + columns.names().length,
					String.valueOf(record.size()), String.valueOf(columns.names().length)));
			return null;
		}
		int before = problems.size();
		Map<String, String> answers = new LinkedHashMap<>();
		Map<String, String> written = new LinkedHashMap<>();
		String perspective = null;
		String code = null;
		for (int i = 0; i < record.size(); i++) {
			String raw = HeaderReader.cell(record, i);
			String cell = raw.strip();
			String column = HeaderReader.columnName(i, columns.names()[i]);
			if (i == columns.perspective()) {
				if (!cell.isEmpty()) {
					Perspective question = questionnaire.perspective();
					String value = perspectiveValue(cell);
					if (value == null) {
						String options = String.join(", ",
								question.options().stream().map(Perspective.Option::value).toList());
						problems.add(new AnswersProblem(
								file, rowNumber, column, Kind.NOT_A_PERSPECTIVE, "'" + echo(cell)
										+ "' is not a perspective; use one of " + options + ", or leave it empty",
								echo(cell), options));
					}
					perspective = value;
				}
				continue;
			}
			if (i == columns.code()) {
				if (cell.isEmpty()) {
					problems.add(new AnswersProblem(file, rowNumber, column, Kind.CODE_MISSING,
							"the participation code is missing"));
				}
				code = cell;
				continue;
			}
			Item item = columns.items()[i];
			if (cell.isEmpty()) {
				continue;
			}
			if (item.isScale()) {
				Scale scale = item.scale();
				String value = scaleValue(scale, cell);
				if (value == null) {
					String options = String.join(", ", scale.options().stream().map(Scale.Option::value).toList());
					problems.add(new AnswersProblem(file, rowNumber, column, Kind.NOT_AN_ANSWER,
							"'" + echo(cell) + "' is not an answer to " + item.id() + "; use one of " + options + ", "
									+ Scale.NOT_SURE + ", or leave it empty",
							echo(cell), item.id(), options + ", " + Scale.NOT_SURE));
				}
				answers.put(item.id(), value);
			}
			else {
				written.put(item.id(), raw);
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new AnswerRow(rowNumber, perspective, answers, written, code);
	}

	/**
	 * A cell as a message shows it: cut to {@link #MAX_ECHOED} characters (with "…" when
	 * longer) and on one line, so that a written answer in a shifted column is not
	 * printed to a terminal or log.
	 */
	static String echo(String cell) {
		String oneLine = cell.replaceAll("\\p{Cc}", " ");
		if (oneLine.length() <= MAX_ECHOED) {
			return oneLine;
		}
		int end = MAX_ECHOED - 1;
		if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
			end--;
		}
		return oneLine.substring(0, end) + "…";
	}

}
