package org.peerreflect.printed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.testing.Pdfs;

/** Code cards read back: each code on one line, every card's words whole. */
class CodeCardsTest {

	@Test
	void aCodeOfWideLettersStaysOnOneLine() {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		CodeCards.write(List.of("MWMWM-WMWMW", "ACDEF-34679"), "Spring", "http://peer-reflect.test/join", "en", pdf);
		assertThat(Pdfs.text(pdf.toByteArray())).contains("MWMWM-WMWMW").contains("ACDEF-34679");
	}

	/**
	 * Every card's text read back whole, in both languages, with a short round name and
	 * the longest a round may have: a card is a fixed box, and what does not fit in it is
	 * cut off without a sign (the English privacy sentence once ended at "Your").
	 */
	@Test
	void everyCardsWordsAreWholeInBothLanguages() throws Exception {
		List<String> codes = new java.util.ArrayList<>();
		for (int i = 0; i < 9; i++) {
			codes.add(i % 2 == 0 ? "MWMWM-WMWM" + i : "ACDEF-3467" + i);
		}
		String longName = "Our spring round of the whole network, with every group that meets on weekday evenings "
				+ "and the Saturday circles, and with everyone who joins us from the two villages up the valley too";
		for (String language : List.of("en", "es")) {
			org.peerreflect.report.ReportText text = new org.peerreflect.report.ReportText(language);
			for (String name : List.of("Spring", longName)) {
				ByteArrayOutputStream pdf = new ByteArrayOutputStream();
				CodeCards.write(codes, name, "https://reflect.example.org/join?lang=es", language, pdf);
				com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toByteArray());
				assertThat(reader.getNumberOfPages()).isEqualTo(2);
				for (int page = 1; page <= 2; page++) {
					String words = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page)
						.replaceAll("\\s+", " ");
					int cards = page == 1 ? 8 : 1;
					String where = language + ", " + name.length() + " letters, page " + page + ": " + words;
					assertThat(count(words, text.get("cards.anonymous"))).as(where).isEqualTo(cards);
					assertThat(count(words, text.get("cards.yourCode"))).as(where).isEqualTo(cards);
					assertThat(count(words, "https://reflect.example.org/join?lang=es")).as(where).isEqualTo(cards);
					assertThat(count(words, text.get("cards.invitation", "").strip())).as(where).isEqualTo(cards);
					for (int i = (page - 1) * 8; i < Math.min(codes.size(), page * 8); i++) {
						assertThat(words).as(where).contains(codes.get(i));
					}
				}
				if (name.equals("Spring")) {
					assertThat(Pdfs.text(pdf.toByteArray())).contains(text.get("cards.invitation", "Spring"));
				}
			}
		}
		assertThat(new org.peerreflect.report.ReportText("en").get("cards.anonymous"))
			.endsWith("Your answers are never linked to you.");
	}

	/**
	 * With a results address, every card carries it whole in words and as a QR code that
	 * decodes to it, in both languages and with the longest round name, and every other
	 * word of the card stays whole.
	 */
	@Test
	void everyCardCarriesTheResultsAddressInWordsAndAsAQrCode() throws Exception {
		String token = "Zq3-x_9KpL0aB7cD1eF2gH3iJ4kL5mN6oP7qR8sT9uV";
		String results = "https://reflect.example.org/results/" + token;
		List<String> codes = new java.util.ArrayList<>();
		for (int i = 0; i < 9; i++) {
			codes.add("MWMWM-WMWM" + i);
		}
		for (String language : List.of("en", "es")) {
			org.peerreflect.report.ReportText text = new org.peerreflect.report.ReportText(language);
			for (String name : List.of("Spring", "Our spring round of the whole network ".repeat(5))) {
				ByteArrayOutputStream pdf = new ByteArrayOutputStream();
				CodeCards.write(codes, name, "https://reflect.example.org/join", results, language, pdf);
				com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toByteArray());
				assertThat(reader.getNumberOfPages()).isEqualTo(2);
				for (int page = 1; page <= 2; page++) {
					String words = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page)
						.replaceAll("\\s+", " ");
					int cards = page == 1 ? 8 : 1;
					String where = language + ", " + name.length() + " letters, page " + page + ": " + words;
					assertThat(count(words, text.get("cards.results"))).as(where).isEqualTo(cards);
					assertThat(count(words, "https://reflect.example.org/results/ " + token)).as(where)
						.isEqualTo(cards);
					assertThat(count(words, text.get("cards.anonymous"))).as(where).isEqualTo(cards);
					assertThat(count(words, "https://reflect.example.org/join")).as(where).isEqualTo(cards);
					assertThat(drawnQrCodes(reader, page)).as(where).isEqualTo(cards);
					assertThat(qrOn(reader, page)).as(where).isEqualTo(results);
				}
			}
		}
		// Without an address, no card speaks of results.
		ByteArrayOutputStream none = new ByteArrayOutputStream();
		CodeCards.write(codes, "Spring", "https://reflect.example.org/join", "en", none);
		assertThat(Pdfs.text(none.toByteArray())).doesNotContain("/results/")
			.doesNotContain(new org.peerreflect.report.ReportText("en").get("cards.results"));
	}

	/** How many times the page draws a form of its own (the cards' QR code). */
	private static int drawnQrCodes(com.lowagie.text.pdf.PdfReader reader, int page) throws Exception {
		return count(new String(reader.getPageContent(page), java.nio.charset.StandardCharsets.ISO_8859_1), " Do");
	}

	/**
	 * The QR code as the page draws it, read back from its squares in the PDF and decoded
	 * by ZXing's reader, as a phone's camera would.
	 */
	private static String qrOn(com.lowagie.text.pdf.PdfReader reader, int page) throws Exception {
		com.lowagie.text.pdf.PdfDictionary forms = reader.getPageN(page)
			.getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES)
			.getAsDict(com.lowagie.text.pdf.PdfName.XOBJECT);
		assertThat(forms.getKeys()).hasSize(1);
		com.lowagie.text.pdf.PRStream form = (com.lowagie.text.pdf.PRStream) com.lowagie.text.pdf.PdfReader
			.getPdfObject(forms.get(forms.getKeys().iterator().next()));
		String drawn = new String(com.lowagie.text.pdf.PdfReader.getStreamBytes(form),
				java.nio.charset.StandardCharsets.ISO_8859_1);
		java.util.regex.Matcher squares = java.util.regex.Pattern.compile("([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+) re")
			.matcher(drawn);
		List<float[]> runs = new java.util.ArrayList<>();
		while (squares.find()) {
			runs.add(new float[] { Float.parseFloat(squares.group(1)), Float.parseFloat(squares.group(2)),
					Float.parseFloat(squares.group(3)), Float.parseFloat(squares.group(4)) });
		}
		assertThat(runs).isNotEmpty();
		float module = (float) runs.stream().mapToDouble(run -> run[3]).min().orElseThrow();
		float side = ((com.lowagie.text.pdf.PdfArray) form.get(com.lowagie.text.pdf.PdfName.BBOX)).getAsNumber(2)
			.floatValue();
		// Four pixels a square, the PDF's upward y turned downward.
		int squaresAcross = Math.round(side / module);
		int pixels = squaresAcross * 4;
		int[] image = new int[pixels * pixels];
		java.util.Arrays.fill(image, 0xFFFFFFFF);
		for (float[] run : runs) {
			int x0 = Math.round(run[0] / module);
			int width = Math.round(run[2] / module);
			int y = squaresAcross - 1 - Math.round(run[1] / module);
			for (int px = x0 * 4; px < (x0 + width) * 4; px++) {
				for (int py = y * 4; py < y * 4 + 4; py++) {
					image[py * pixels + px] = 0xFF000000;
				}
			}
		}
		com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(
				new com.google.zxing.common.HybridBinarizer(
						new com.google.zxing.RGBLuminanceSource(pixels, pixels, image)));
		return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
