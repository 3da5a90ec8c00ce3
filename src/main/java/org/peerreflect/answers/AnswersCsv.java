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
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.peerreflect.answers.AnswersProblem.Kind;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;

/**
 * Reads an answers file (DESIGN section 5) in one pass: UTF-8 (or a named encoding), RFC
 * 4180, {@code ,} or {@code ;} as read from the header line. Rows go to a consumer while
 * the file is good; the caller keeps nothing unless {@link Result#ok()}, so a file with
 * one bad cell imports nothing at all.
 */
public final class AnswersCsv {

	public static final String PERSPECTIVE = "perspective";

	public static final String CODE = "code";

	/** More problems than this are summed up in one line rather than listed. */
	static final int MAX_LISTED = 50;

	/**
	 * The most characters read to find the header row (blank lines before it included):
	 * far more than any header of item ids needs.
	 */
	static final int MAX_FIRST_ROW = 1 << 20;

	/**
	 * A cell echoed in a message is cut to this many characters, so a written answer in
	 * the wrong column is not printed.
	 */
	static final int MAX_ECHOED = 20;

	public record Result(long rows, List<AnswersProblem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	private final Questionnaire questionnaire;

	private final boolean codeColumn;

	private final Charset encoding;

	/**
	 * The answers' words the cells may hold beside the values: for each scale, each
	 * option's label and "not sure" (in the language given first, then the
	 * questionnaire's others where no word is taken yet), as {@link #words(String)} reads
	 * them.
	 */
	private final Map<String, Map<String, String>> scaleWords = new HashMap<>();

	private final Map<String, String> perspectiveWords = new HashMap<>();

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
				// quoted one as "",
				// which tells a blank line from a line holding "".
				.setQuoteMode(QuoteMode.ALL_NON_NULL)
				.get();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				Columns columns = null;
				for (CSVRecord record : parser) {
					lastRow = record.getRecordNumber();
					if (blank(record)) {
						continue;
					}
					if (columns == null) {
						columns = columns(file, record, problems);
						if (columns == null) {
							break; // the header's problems, summed up below when there
									// are many
						}
						continue;
					}
					AnswerRow row = row(file, record, columns, problems);
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
				problems.add(notEncoded(file)); // thrown by the decoder, wrapped by the
												// CSV parser
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

	/** A cell as read: an unquoted empty cell comes back as null (see the format). */
	private static String cell(CSVRecord record, int index) {
		String value = record.get(index);
		return value == null ? "" : value;
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

	private record Columns(String[] names, Item[] items, int perspective, int code) {
	}

	private Columns columns(String file, CSVRecord header, List<AnswersProblem> problems) {
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

	private AnswerRow row(String file, CSVRecord record, Columns columns, List<AnswersProblem> problems) {
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
			String raw = cell(record, i);
			String cell = raw.strip();
			String column = columnName(i, columns.names()[i]);
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

}
