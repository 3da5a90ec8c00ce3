package org.peerreflect.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;

/**
 * The bundled DejaVu Sans, as PDF fonts and as AWT fonts for the charts, so that every
 * letter of every name prints the same on any machine. Loaded once.
 */
public final class ReportFonts {

	private static final byte[] REGULAR = load("/fonts/DejaVuSans.ttf");

	private static final byte[] BOLD = load("/fonts/DejaVuSans-Bold.ttf");

	private static final Font AWT_REGULAR = awt(REGULAR);

	private static final Font AWT_BOLD = awt(BOLD);

	private ReportFonts() {
	}

	public static BaseFont regular() {
		return pdf("DejaVuSans.ttf", REGULAR);
	}

	public static BaseFont bold() {
		return pdf("DejaVuSans-Bold.ttf", BOLD);
	}

	static Font awtRegular(float size) {
		return AWT_REGULAR.deriveFont(size);
	}

	static Font awtBold(float size) {
		return AWT_BOLD.deriveFont(size);
	}

	/**
	 * Maps the charts' AWT fonts to the embedded PDF fonts, so chart text stays real
	 * text.
	 */
	static FontMapper mapper(BaseFont regular, BaseFont bold) {
		return new FontMapper() {
			@Override
			public BaseFont awtToPdf(Font font) {
				// A font made from the bold file says it is plain; its name says bold.
				return font.isBold() || font.getFontName().contains("Bold") ? bold : regular;
			}

			@Override
			public Font pdfToAwt(BaseFont font, int size) {
				return (font == bold ? AWT_BOLD : AWT_REGULAR).deriveFont((float) size);
			}
		};
	}

	private static BaseFont pdf(String name, byte[] bytes) {
		try {
			return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
		}
		catch (DocumentException | IOException e) {
			throw new IllegalStateException("cannot load the bundled font " + name, e);
		}
	}

	private static byte[] load(String resource) {
		try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing bundled font " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Font awt(byte[] bytes) {
		try {
			return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
		}
		catch (FontFormatException | IOException e) {
			throw new IllegalStateException("cannot read the bundled font", e);
		}
	}

}
