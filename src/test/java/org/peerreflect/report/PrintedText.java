package org.peerreflect.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.CMapAwareDocumentFont;
import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;

/**
 * Every piece of text a PDF shows, with the size it prints at: the font size times the
 * scale of the text and the drawing it sits in, followed into the forms the page places
 * (the charts), so that a chart shrunk to fit shows as smaller text.
 */
final class PrintedText {

	/** One string shown: its page, its words, its printed size, whether in a chart. */
	record Run(int page, String text, float size, boolean inForm) {
	}

	private final List<Run> runs = new ArrayList<>();

	private final Map<Integer, CMapAwareDocumentFont> fonts = new HashMap<>();

	private int page;

	private PrintedText() {
	}

	static List<Run> of(byte[] pdf) {
		PrintedText text = new PrintedText();
		try (PdfReader reader = new PdfReader(pdf)) {
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.page = page;
				PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
				text.walk(reader.getPageContent(page), resources, new State(IDENTITY, null, 0), false);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return text.runs;
	}

	private static final float[] IDENTITY = { 1, 0, 0, 1, 0, 0 };

	private record State(float[] ctm, CMapAwareDocumentFont font, float size) {
	}

	private void walk(byte[] content, PdfDictionary resources, State start, boolean inForm) throws IOException {
		Deque<State> saved = new ArrayDeque<>();
		State state = start;
		float[] lineMatrix = IDENTITY;
		float[] textMatrix = IDENTITY;
		float leading = 0;
		PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
		List<PdfObject> operands = new ArrayList<>();
		while (!parser.parse(operands).isEmpty()) {
			String operator = operands.get(operands.size() - 1).toString();
			switch (operator) {
				case "q" -> saved.push(state);
				case "Q" -> state = saved.isEmpty() ? state : saved.pop();
				case "cm" -> state = new State(times(matrix(operands, 0), state.ctm()), state.font(), state.size());
				case "BT" -> {
					lineMatrix = IDENTITY;
					textMatrix = IDENTITY;
				}
				case "Tf" -> {
					PdfDictionary fontDictionary = resources.getAsDict(PdfName.FONT);
					PdfObject reference = fontDictionary.get((PdfName) operands.get(0));
					state = new State(state.ctm(), font((PRIndirectReference) reference),
							((PdfNumber) operands.get(1)).floatValue());
				}
				case "TL" -> leading = number(operands, 0);
				case "Tm" -> {
					lineMatrix = matrix(operands, 0);
					textMatrix = lineMatrix;
				}
				case "Td", "TD" -> {
					lineMatrix = times(new float[] { 1, 0, 0, 1, number(operands, 0), number(operands, 1) },
							lineMatrix);
					textMatrix = lineMatrix;
				}
				case "T*" -> {
					lineMatrix = times(new float[] { 1, 0, 0, 1, 0, -leading }, lineMatrix);
					textMatrix = lineMatrix;
				}
				case "Tj", "'", "\"" -> show((PdfString) operands.get(operands.size() - 2), state, textMatrix, inForm);
				case "TJ" -> {
					StringBuilder all = new StringBuilder();
					for (PdfObject part : ((PdfArray) operands.get(0)).getElements()) {
						if (part instanceof PdfString string) {
							all.append(decode(string, state));
						}
					}
					record(all.toString(), state, textMatrix, inForm);
				}
				case "Do" -> {
					PdfDictionary objects = resources.getAsDict(PdfName.XOBJECT);
					PdfObject object = PdfReader.getPdfObject(objects.get((PdfName) operands.get(0)));
					if (object instanceof PRStream form && PdfName.FORM.equals(form.getAsName(PdfName.SUBTYPE))) {
						PdfArray placed = form.getAsArray(PdfName.MATRIX);
						float[] formMatrix = placed == null ? IDENTITY : numbers(placed);
						PdfDictionary own = form.getAsDict(PdfName.RESOURCES);
						walk(PdfReader.getStreamBytes(form), own == null ? resources : own,
								new State(times(formMatrix, state.ctm()), state.font(), state.size()), true);
					}
				}
				default -> {
				}
			}
		}
	}

	private void show(PdfString string, State state, float[] textMatrix, boolean inForm) {
		record(decode(string, state), state, textMatrix, inForm);
	}

	private void record(String text, State state, float[] textMatrix, boolean inForm) {
		float[] all = times(textMatrix, state.ctm());
		// The height of a letter as printed: the font size times the vertical scale.
		float scale = (float) Math.hypot(all[2], all[3]);
		runs.add(new Run(page, text, state.size() * scale, inForm));
	}

	private static String decode(PdfString string, State state) {
		byte[] bytes = string.getOriginalBytes();
		return state.font() == null ? new String(bytes) : state.font().decode(bytes, 0, bytes.length);
	}

	private CMapAwareDocumentFont font(PRIndirectReference reference) {
		return fonts.computeIfAbsent(reference.getNumber(), n -> new CMapAwareDocumentFont(reference));
	}

	/** {@code first} then {@code second}, as PDF matrices [a b c d e f] compose. */
	private static float[] times(float[] first, float[] second) {
		return new float[] { first[0] * second[0] + first[1] * second[2], first[0] * second[1] + first[1] * second[3],
				first[2] * second[0] + first[3] * second[2], first[2] * second[1] + first[3] * second[3],
				first[4] * second[0] + first[5] * second[2] + second[4],
				first[4] * second[1] + first[5] * second[3] + second[5] };
	}

	private static float[] matrix(List<PdfObject> operands, int from) {
		float[] values = new float[6];
		for (int i = 0; i < 6; i++) {
			values[i] = number(operands, from + i);
		}
		return values;
	}

	private static float[] numbers(PdfArray array) {
		float[] values = new float[6];
		for (int i = 0; i < 6; i++) {
			values[i] = array.getAsNumber(i).floatValue();
		}
		return values;
	}

	private static float number(List<PdfObject> operands, int index) {
		return ((PdfNumber) operands.get(index)).floatValue();
	}

}
