package org.peerreflect.answers;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.peerreflect.answers.AnswersProblem.Kind;
import org.peerreflect.questionnaire.Questionnaire;

/**
 * Reads an answers file (DESIGN section 5) in one pass: UTF-8 (or a named encoding), RFC
 * 4180, {@code ,} or {@code ;} as read from the header line. Rows go to a consumer while
 * the file is good; the caller keeps nothing unless {@link Result#ok()}, so a file with
 * one bad cell imports nothing at all. Here the bytes become CSV records;
 * {@link HeaderReader} reads the header row and {@link RowReader} each row under it.
 */
public final class AnswersCsv {

	public static final String PERSPECTIVE = HeaderReader.PERSPECTIVE;

	public static final String CODE = HeaderReader.CODE;

	/** More problems than this are summed up in one line rather than listed. */
	static final int MAX_LISTED = 50;

	/**
	 * The most characters read to find the header row (blank lines before it included):
	 * far more than any header of item ids needs.
	 */
	static final int MAX_FIRST_ROW = 1 << 20;

	public record Result(long rows, List<AnswersProblem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	private final Questionnaire questionnaire;

	private final boolean codeColumn;

	private final Charset encoding;

	private final HeaderReader headerReader;

	private final RowReader rowReader;

	/**
	 * @param codeColumn whether rows carry a participation code (the application's paper
	 * entry); the command line has no codes and refuses such a column
	 */
	public AnswersCsv(Questionnaire questionnaire, boolean codeColumn, Charset encoding) {
		this(questionnaire, codeColumn, encoding,
				questionnaire.languages().isEmpty() ? "en" : questionnaire.languages().get(0));
	}

	/**
	 * @param language the language whose answer words come first (the round's), where two
	 * languages use one word for different answers
	 */
	public AnswersCsv(Questionnaire questionnaire, boolean codeColumn, Charset encoding, String language) {
		this.questionnaire = questionnaire;
		this.codeColumn = codeColumn;
		this.encoding = encoding;
		this.headerReader = new HeaderReader(questionnaire, codeColumn);
		this.rowReader = new RowReader(questionnaire, language);
	}

	/**
	 * The header a person fills in: every item in questionnaire order, then the
	 * perspective.
	 */
	public static List<String> header(Questionnaire questionnaire, boolean codeColumn) {
		List<String> header = new ArrayList<>();
		if (codeColumn) {
			header.add(CODE);
		}
		questionnaire.items().forEach(item -> header.add(item.id()));
		if (questionnaire.perspective() != null) {
			header.add(PERSPECTIVE);
		}
		return header;
	}

	/**
	 * Blank lines (empty, or only spaces) are skipped wherever they are, before the
	 * header too, but still count as rows, so row numbers are the spreadsheet's. A line
	 * holding only {@code ""} is not blank: in a one-column file it is a person who
	 * skipped the item.
	 */
	public Result read(String file, InputStream in, Consumer<AnswerRow> rows) {
		List<AnswersProblem> problems = new ArrayList<>();
		CharsetDecoder decoder = encoding.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		long count = 0;
		long lastRow = 1;
		BufferedInputStream bytes = new BufferedInputStream(in);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, decoder))) {
			if (utf16ByteOrderMark(bytes) && !readsUtf16()) {
				problems.add(new AnswersProblem(file, 0, null, Kind.UTF16,
						"the file is UTF-16 text (Excel's \"Unicode text\"); "
								+ "save it as \"CSV UTF-8\" and try again"));
				return new Result(0, problems);
			}
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			FirstRow first = firstRow(reader);
			if (first.tooLong()) {
				problems.add(new AnswersProblem(file, first.row(), null, Kind.FIRST_ROW_TOO_LONG,
						"this row is longer than " + MAX_FIRST_ROW
								+ " characters; the first row should only name the columns (" + columns() + ")",
						columns()));
				return new Result(0, problems);
			}
			if (first.line() == null) {
				problems.add(new AnswersProblem(file, 1, null, Kind.EMPTY,
						"the file is empty; the first row should name the columns (" + columns() + ")", columns()));
				return new Result(0, problems);
			}
			char delimiter = delimiter(first.line());
			CSVFormat format = CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				// Blank lines are read (and skipped below) so that row numbers match the
				// spreadsheet's.
				.setIgnoreEmptyLines(false)
				// Only for reading: an unquoted empty value comes back as null and a
				// quoted
				// one as "", which tells a blank line from a line holding "".
				.setQuoteMode(QuoteMode.ALL_NON_NULL)
				.get();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				HeaderReader.Columns columns = null;
				for (CSVRecord record : parser) {
					lastRow = record.getRecordNumber();
					if (blank(record)) {
						continue;
					}
					if (columns == null) {
						columns = headerReader.columns(file, record, problems);
						if (columns == null) {
							// the header's problems, summed up below when there are many
							break;
						}
						continue;
					}
					AnswerRow row = rowReader.row(file, record, columns, problems);
					if (row != null) {
						count++;
						if (problems.isEmpty()) {
							rows.accept(row);
						}
					}
					if (problems.size() > MAX_LISTED) {
						break;
					}
				}
			}
		}
		catch (CharacterCodingException e) {
			problems.add(notEncoded(file));
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				// thrown by the decoder, wrapped by the CSV parser
				problems.add(notEncoded(file));
			}
			else {
				// The CSV parser's IOException comes wrapped: show its own message, not
				// the wrapper's.
				Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
				String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
				problems.add(new AnswersProblem(file, lastRow + 1, null, Kind.UNREADABLE_ROW,
						"the row cannot be read as CSV (" + detail + "); check its quotes"));
			}
		}
		if (problems.size() > MAX_LISTED) {
			problems.subList(MAX_LISTED, problems.size()).clear();
			problems.add(new AnswersProblem(file, 0, null, Kind.MORE, "and more problems after these"));
		}
		return new Result(count, List.copyOf(problems));
	}

	/** The columns' names as the first row should give them. */
	private String columns() {
		return String.join(",", header(questionnaire, codeColumn));
	}

	/**
	 * Whether the bytes start with a UTF-16 byte order mark (FF FE or FE FF); reads
	 * nothing.
	 */
	private static boolean utf16ByteOrderMark(BufferedInputStream bytes) throws IOException {
		bytes.mark(2);
		int first = bytes.read();
		int second = bytes.read();
		bytes.reset();
		return (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF);
	}

	private boolean readsUtf16() {
		String name = encoding.name().toUpperCase(Locale.ROOT);
		return name.contains("UTF-16") || name.contains("UTF-32");
	}

	/**
	 * The first row that is not blank ({@code line} null when there is none) and its row
	 * number, or {@code tooLong} when it does not end within {@link #MAX_FIRST_ROW}
	 * characters. The reader is left where it was, so the CSV parser reads (and counts)
	 * the blank lines again.
	 */
	private record FirstRow(String line, long row, boolean tooLong) {
	}

	private static FirstRow firstRow(BufferedReader reader) throws IOException {
		reader.mark(MAX_FIRST_ROW);
		StringBuilder line = new StringBuilder();
		boolean blank = true; // as String.isBlank: only white space so far
		long row = 1;
		int read = 0;
		int previous = -1;
		while (true) {
			int c = reader.read();
			if (c == -1) {
				reader.reset();
				return new FirstRow(blank ? null : line.toString(), row, false);
			}
			if (++read >= MAX_FIRST_ROW) {
				return new FirstRow(null, row, true);
			}
			if (c == '\n' || c == '\r') {
				if (!blank) {
					reader.reset();
					return new FirstRow(line.toString(), row, false);
				}
				if (!(c == '\n' && previous == '\r')) {
					row++;
				}
				line.setLength(0);
			}
			else {
				line.append((char) c);
				blank = blank && Character.isWhitespace(c);
			}
			previous = c;
		}
	}

	/**
	 * A line with nothing on it but spaces: one value, unquoted (null, see the format) or
	 * only spaces.
	 */
	private static boolean blank(CSVRecord record) {
		if (record.size() != 1) {
			return false;
		}
		String value = record.get(0);
		return value == null || (!value.isEmpty() && value.isBlank());
	}

	/**
	 * The decoder reads ahead, so the row holding the first bad byte is not known: the
	 * problem names the file only.
	 */
	private AnswersProblem notEncoded(String file) {
		return new AnswersProblem(file, 0, null, Kind.NOT_ENCODED, "the file is not " + encoding.name() + " text"
				+ (encoding.equals(StandardCharsets.UTF_8) ? "; it is probably windows-1252 (saved by Excel)" : ""),
				encoding.name());
	}

	/**
	 * The header decides: whichever of {@code ;} and {@code ,} it holds more of, outside
	 * quotes.
	 */
	static char delimiter(String headerLine) {
		int commas = 0;
		int semicolons = 0;
		boolean quoted = false;
		for (char c : headerLine.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
		}
		return semicolons > commas ? ';' : ',';
	}

}
