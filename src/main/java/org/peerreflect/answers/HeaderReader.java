package org.peerreflect.answers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.peerreflect.answers.AnswersProblem.Kind;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * Reads the header row of an answers file against the questionnaire: which column holds
 * which item, the perspective or the participation code, and which names do not belong.
 */
final class HeaderReader {

	/** The column of a person's perspective, beside the items' columns. */
	static final String PERSPECTIVE = "perspective";

	/** The column of the participation code a row uses up, in the application. */
	static final String CODE = "code";

	/** Which column is which; a column's index in the row, or -1 when it has none. */
	record Columns(String[] names, Item[] items, int perspective, int code) {
	}

	private final Questionnaire questionnaire;

	private final boolean codeColumn;

	HeaderReader(Questionnaire questionnaire, boolean codeColumn) {
		this.questionnaire = questionnaire;
		this.codeColumn = codeColumn;
	}

	/** The header's columns, or null when it has problems (added to {@code problems}). */
	Columns columns(String file, CSVRecord header, List<AnswersProblem> problems) {
		long row = header.getRecordNumber();
		int size = header.size();
		String[] names = new String[size];
		Item[] items = new Item[size];
		int perspective = -1;
		int code = -1;
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < size; i++) {
			String name = cell(header, i).strip();
			names[i] = name;
			String column = columnName(i, name);
			Integer first = seen.putIfAbsent(name, i);
			if (first != null) {
				problems.add(new AnswersProblem(file, row, column, Kind.COLUMN_TWICE,
						"the column '" + name + "' appears twice", name));
				continue;
			}
			if (name.equals(PERSPECTIVE) && questionnaire.perspective() != null) {
				perspective = i;
			}
			else if (name.equals(PERSPECTIVE)) {
				problems.add(new AnswersProblem(file, row, column, Kind.NO_PERSPECTIVE_ASKED,
						"this questionnaire asks no perspective; remove the 'perspective' column"));
			}
			else if (name.equals(CODE) && codeColumn) {
				code = i;
			}
			else if (name.equals(CODE)) {
				problems.add(new AnswersProblem(file, row, column, Kind.NO_CODES_TAKEN,
						"the command line takes no participation codes; remove the 'code' column"));
			}
			else {
				Item item = questionnaire.item(name).orElse(null);
				if (item == null) {
					problems.add(new AnswersProblem(file, row, column, Kind.UNKNOWN_COLUMN,
							"unknown column '" + name + "': not an item of " + questionnaire.id() + " version "
									+ questionnaire.version(),
							name, questionnaire.id(), String.valueOf(questionnaire.version())));
				}
				items[i] = item;
			}
		}
		if (codeColumn && code < 0) {
			problems.add(new AnswersProblem(file, row, null, Kind.CODE_COLUMN_NEEDED,
					"a column 'code' is needed: each row uses up one participation code"));
		}
		return problems.isEmpty() ? new Columns(names, items, perspective, code) : null;
	}

	/**
	 * A column as a spreadsheet shows it: its letter and its name, e.g. {@code C (fr-2)}.
	 */
	static String columnName(int index, String name) {
		StringBuilder letters = new StringBuilder();
		int n = index + 1;
		while (n > 0) {
			int rem = (n - 1) % 26;
			letters.insert(0, (char) ('A' + rem));
			n = (n - 1) / 26;
		}
		return name.isEmpty() ? letters.toString() : letters + " (" + name + ")";
	}

	/**
	 * A cell as read: the CSV format gives an unquoted empty cell as null, and it reads
	 * here as empty.
	 */
	static String cell(CSVRecord record, int index) {
		String value = record.get(index);
		return value == null ? "" : value;
	}

}
