package org.peerreflect.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * The text of a PDF as a reader would find it, for tests that read back what was made.
 */
public final class Pdfs {

	private Pdfs() {
	}

	/** Every page's text, with each run of spaces and line breaks made one space. */
	public static String text(byte[] pdf) {
		try {
			PdfReader reader = new PdfReader(pdf);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
			}
			return text.toString().replaceAll("\\s+", " ");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
