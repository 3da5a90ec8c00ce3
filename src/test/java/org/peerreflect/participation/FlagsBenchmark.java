package org.peerreflect.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: times the review's flags over 1,000 written answers of 400 characters, half
 * English and half Spanish, made from sentences with and without words to flag, and
 * prints milliseconds per answer. Run it with {@code benchmarks/flags.sh}. In this
 * package because the flags are the review's own.
 */
public final class FlagsBenchmark {

	private static final List<String> SENTENCES = List.of("I talked it over with Rowan after the meeting.",
			"We meet at Harbour House on Tuesday at 10:30 and stay late.",
			"I feel heard in this group, and I listen more than I used to.",
			"Call me on 07700 900123 or write to sam.k@example.org any time.",
			"I am 34 and the youngest here, since 3 March.", "We share what we enjoy and sometimes we just laugh.",
			"Hablé con María después de la reunión en la Avenida Juárez.",
			"Nos juntamos a las 5 los martes y nos quedamos hasta tarde.",
			"Me siento escuchada en este grupo y aprendo de todas las personas.",
			"Tengo 34 años y aquí me siento en casa desde el 3 de marzo.",
			"Cuando alguien lo pasa mal, nos quedamos a su lado sin prisa.",
			"The kitchen crew on Fridays is the heart of it for me.");

	private FlagsBenchmark() {
	}

	public static void main(String[] args) {
		int answers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		List<String> texts = answers(answers, 400, new Random(400));
		List<String> own = List.of("Kitchen Crew", "Rincón Azul", "Beto", "Harbour Peer Centre");
		List<String> known = List.of("Giving", "receiving", "both", "ways", "Dar", "recibir");
		// Warm up, as a server that has been running would be.
		for (int i = 0; i < 3; i++) {
			texts.forEach(text -> Flags.find(text, own, known));
		}
		for (int run = 1; run <= runs; run++) {
			long flags = 0;
			long start = System.nanoTime();
			for (String text : texts) {
				flags += Flags.find(text, own, known).size();
			}
			double ms = (System.nanoTime() - start) / 1e6;
			System.out.printf("run %d: %d answers of %d characters, %d flags, %.1f ms, %.3f ms per answer%n", run,
					texts.size(), texts.get(0).length(), flags, ms, ms / texts.size());
		}
	}

	/** Answers of exactly {@code length} characters, cut at a space where it falls. */
	static List<String> answers(int count, int length, Random random) {
		List<String> texts = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			StringBuilder text = new StringBuilder();
			int half = n % 2 == 0 ? 0 : 6;
			while (text.length() < length) {
				text.append(SENTENCES.get(half + random.nextInt(6))).append(' ');
			}
			texts.add(text.substring(0, length));
		}
		return texts;
	}

}
