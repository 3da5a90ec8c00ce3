package org.peerreflect.printed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.testing.Pdfs;

/** A code made of the widest letters still fits on one line of its card. */
class CodeCardsTest {

	@Test
	void aCodeOfWideLettersStaysOnOneLine() {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		CodeCards.write(List.of("MWMWM-WMWMW", "ACDEF-34679"), "Spring", "http://peer-reflect.test/join", "en", pdf);
		assertThat(Pdfs.text(pdf.toByteArray())).contains("MWMWM-WMWMW").contains("ACDEF-34679");
	}

}
