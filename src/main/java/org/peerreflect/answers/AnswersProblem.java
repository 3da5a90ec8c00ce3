package org.peerreflect.answers;

import java.util.List;

/**
 * Something wrong in an answers file, at a row and (when it is about one cell) a column:
 * what kind of problem, the values it names, and a plain English wording of it without a
 * remedy that belongs to one way in. Each caller words the rest for its own reader: the
 * command line adds its flags, a page words the whole from the kind and values.
 */
public record AnswersProblem(String file, long row, String column, Kind kind, List<String> values, String message) {

	/** What is wrong; each names its values in this order. */
	public enum Kind {

		/** Saved as UTF-16 ("Unicode text"). */
		UTF16,
		/** The first row runs on too long to be the columns' names: (the columns). */
		FIRST_ROW_TOO_LONG,
		/** Nothing in the file: (the columns). */
		EMPTY,
		/** A row that is not CSV, such as an unclosed quote. */
		UNREADABLE_ROW,
		/** More problems than are listed. */
		MORE,
		/** Not text in the encoding it was read as: (the encoding). */
		NOT_ENCODED,
		/** A column named twice: (its name). */
		COLUMN_TWICE,
		/** A perspective column where the questionnaire asks none. */
		NO_PERSPECTIVE_ASKED,
		/** A code column where no codes are taken. */
		NO_CODES_TAKEN,
		/**
		 * A column that is no item of the questionnaire: (its name, questionnaire,
		 * version).
		 */
		UNKNOWN_COLUMN,
		/** No code column where each row needs a code. */
		CODE_COLUMN_NEEDED,
		/**
		 * A row with another number of cells than the header: (cells, header's cells).
		 */
		CELL_COUNT,
		/** Not one of the perspective's options: (the value, the options). */
		NOT_A_PERSPECTIVE,
		/** An empty code cell. */
		CODE_MISSING,
		/** Not one of the item's answers: (the value, the item's id, the answers). */
		NOT_AN_ANSWER,
		/** A code that is used, unknown or another round's. */
		CODE_DOES_NOT_WORK,
		/**
		 * A written answer longer than one answer may be: (the item's id, the longest,
		 * its length).
		 */
		WRITTEN_TOO_LONG

	}

	public AnswersProblem(String file, long row, String column, Kind kind, String message, String... values) {
		this(file, row, column, kind, List.of(values), message);
	}

	/** Where in the file, then what is wrong. */
	@Override
	public String toString() {
		StringBuilder where = new StringBuilder(file);
		if (row > 0) {
			where.append(": row ").append(row);
		}
		if (column != null) {
			where.append(", column ").append(column);
		}
		return where + ": " + message;
	}

}
