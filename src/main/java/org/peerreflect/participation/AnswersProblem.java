package org.peerreflect.participation;

/** Something wrong in an answers file, at a row and (when it is about one cell) a column. */
public record AnswersProblem(String file, long row, String column, String message) {

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
