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

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
