package org.peerreflect.examples;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peerreflect.answers.AnswersCsv;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireFiles;

/**
 * Writes the synthetic example rounds in {@code examples/}: an autumn and a spring round
 * of a made-up community answering the default questionnaire, and what it agreed to try
 * in between. Seeded, so the files are the same on every run. Nobody real is in them.
 *
 * <p>
 * What they show: views that split sharply on fr-3 (do staff and members truly share
 * roles?), several "not sure" answers, skipped items, a board group of only 3 people, a
 * few people who prefer not to say, and written answers in English and Spanish.
 */
public final class ExampleRounds {

	static final long SEED = 20261128L;

	static final String EARLIER = "round-spring-before.csv";

	static final String AUTUMN = "round-autumn.csv";

	static final String SPRING = "round-spring.csv";

	static final String AGREEMENTS = "agreements-autumn.txt";

	static final String AGREEMENTS_ES = "agreements-autumn-es.txt";

	private static final String[] PERSPECTIVES = { "member", "staff", "volunteer", "board", "prefer-not-to-say" };

	private ExampleRounds() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args.length > 0 ? args[0] : "examples");
		for (Map.Entry<String, String> file : files().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
	}

	/** File name to content, for writing or for comparing with what is committed. */
	static Map<String, String> files() throws IOException {
		Questionnaire questionnaire = QuestionnaireFiles.resolve("peer-support-principles")
			.orElseThrow()
			.questionnaire();
		Map<String, String> files = new LinkedHashMap<>();
		// A year before: five fewer of us, so that every round in view has room to show
		// all
		// of us beside the next.
		files.put(EARLIER, round(questionnaire, new Random(SEED - 1), new int[] { 19, 6, 5, 3, 1 }, 1, -0.25));
		files.put(AUTUMN, round(questionnaire, new Random(SEED), new int[] { 24, 6, 5, 3, 1 }, 1, 0.0));
		files.put(SPRING, round(questionnaire, new Random(SEED + 1), new int[] { 26, 7, 6, 3, 2 }, 1, 0.35));
		files.put(AGREEMENTS, """
				[np-1 np-2] Open each meeting with a round of what is going well in our lives, not only what is hard.
				[fr-3 fr-5] Rotate who leads the Thursday circle, so staff and members take turns.
				[mf-1] Stop using the word "clients" in our leaflets and talk about members instead.
				""");
		// The same agreements as a Spanish-speaking group would have written them down.
		files.put(AGREEMENTS_ES,
				"""
						[np-1 np-2] Empezar cada reunión con una ronda de lo que va bien en nuestra vida, no solo de lo difícil.
						[fr-3 fr-5] Turnarnos para llevar el círculo de los jueves, para que el personal y los miembros se alternen.
						[mf-1] Dejar de usar la palabra «clientes» en los folletos y hablar de miembros.
						""");
		return files;
	}

	/**
	 * One round: {@code groups} people per perspective (member, staff, volunteer, board,
	 * prefer not to say), {@code blank} people who leave the perspective empty, and
	 * {@code drift} added to the community's lean between rounds.
	 */
	private static String round(Questionnaire questionnaire, Random random, int[] groups, int blank, double drift)
			throws IOException {
		List<String> people = new ArrayList<>();
		for (int g = 0; g < groups.length; g++) {
			for (int n = 0; n < groups[g]; n++) {
				people.add(PERSPECTIVES[g]);
			}
		}
		for (int n = 0; n < blank; n++) {
			people.add("");
		}
		Collections.shuffle(people, random);
		List<String> header = AnswersCsv.header(questionnaire, false);
		StringWriter out = new StringWriter();
		Map<String, List<String>> unused = new LinkedHashMap<>();
		for (Item item : questionnaire.items()) {
			if (!item.isScale()) {
				// In questionnaire order: a Map.of's own order changes from run to run.
				List<String> copy = new ArrayList<>(WRITTEN.getOrDefault(item.id(), List.of()));
				Collections.shuffle(copy, random);
				unused.put(item.id(), copy);
			}
		}
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (String perspective : people) {
				double personal = random.nextGaussian() * 0.6;
				List<String> row = new ArrayList<>();
				for (Item item : questionnaire.items()) {
					row.add(item.isScale() ? scaleAnswer(item.id(), perspective, personal, drift, random)
							: writtenAnswer(unused.get(item.id()), random));
				}
				row.add(perspective);
				printer.printRecord(row);
			}
		}
		return out.toString();
	}

	private static String scaleAnswer(String item, String perspective, double personal, double drift, Random random) {
		double roll = random.nextDouble();
		if (roll < 0.04) {
			return "";
		}
		if (roll < 0.10) {
			return "not-sure";
		}
		double mean;
		if (item.equals("fr-3")) {
			// The sharp split: many see shared roles, many do not, few in between.
			mean = random.nextDouble() < (perspective.equals("staff") ? 0.7 : 0.45) ? 4.6 : 1.5;
			return String.valueOf(clamp(mean + random.nextGaussian() * 0.5));
		}
		mean = LEAN.getOrDefault(item, 3.6) + personal + drift;
		if (item.startsWith("mf-") && perspective.equals("staff")) {
			mean -= 0.6;
		}
		return String.valueOf(clamp(mean + random.nextGaussian() * 0.8));
	}

	private static int clamp(double value) {
		return (int) Math.max(1, Math.min(5, Math.round(value)));
	}

	private static String writtenAnswer(List<String> pool, Random random) {
		if (pool.isEmpty() || random.nextDouble() > 0.32) {
			return "";
		}
		return pool.remove(pool.size() - 1);
	}

	/** Where the community leans on some statements, on the 1 to 5 scale. */
	private static final Map<String, Double> LEAN = Map.ofEntries(Map.entry("np-1", 4.1), Map.entry("np-2", 3.4),
			Map.entry("na-2", 3.0), Map.entry("na-4", 3.9), Map.entry("mf-2", 2.9), Map.entry("mf-4", 3.2),
			Map.entry("fr-1", 4.0), Map.entry("fr-5", 2.8), Map.entry("gt-2", 3.3), Map.entry("rs-1", 4.3),
			Map.entry("rs-4", 3.1));

	/** Made-up written answers, in English and Spanish, none about a real person. */
	private static final Map<String, List<String>> WRITTEN = Map.of("np-say",
			List.of("We laugh a lot more than people expect.",
					"Some weeks it is all crisis talk, and I miss hearing about people's gardens and kids.",
					"I like that nobody asks me for my story before I can sit down.",
					"Me gusta que hablamos de música, de cocina, de la vida entera.",
					"The art table on Fridays is where the best conversations happen.",
					"Sometimes new people only talk about the hard stuff, and that is fine too.",
					"Hablamos de lo difícil, pero no solo de eso.",
					"More trips out, please. The beach day was the best thing this year.",
					"I feel like a whole person here.",
					"Talking about football with [removed] on Tuesdays, \"just because\", made my week."),
			"na-say",
			List.of("Nobody here writes notes about me, and that changes everything.",
					"I sometimes feel checked on by the sign-in sheet.",
					"Cuando algo me molesta, lo puedo decir sin miedo.",
					"We could get better at saying what we need directly.",
					"I felt judged once when I missed three meetings, but we talked it through.",
					"No one tells me what I should do. They ask what I want.", "Me siento escuchada, no evaluada.",
					"It helps that we agree our own ground rules together."),
			"mf-say",
			List.of("Some of us still slip into hospital words, and we gently point it out.",
					"I was glad when someone asked what the experience meant to me rather than what it was called.",
					"Aquí nadie me pone etiquetas.", "The leaflets still use old language; we should rewrite them.",
					"We talk about voices and visions as experiences, which feels right.",
					"I wish staff would share more of their own lives, not only listen.",
					"Cambiamos \"usuarios\" por \"miembros\" y se nota.", "We challenge each other's words kindly."),
			"fr-say",
			List.of("Staff still hold the keys and the money, and that shapes everything.",
					"I have taught a staff member to knit and she taught me to cook. That is what it should be.",
					"Los roles se mezclan: hoy ayudo yo, mañana me ayudan.",
					"Roles shift a lot at the drop-in, less so in the office.",
					"Board meetings feel far away from the rest of us.",
					"=SUM(A1:A9) is what my budget feels like lately, ha.", "I would like members on the hiring panel.",
					"Everyone washes up. That matters more than it sounds.",
					"A veces siento que el personal decide y luego nos pregunta.", "We are getting there, slowly."),
			"gt-say",
			List.of("I see myself differently since joining, and I see others differently too.",
					"The way we talk about hard times has changed over the year.",
					"Crecemos juntos cuando nos escuchamos de verdad.",
					"I am not trying to get back to how I was. I am becoming someone new.",
					"The group has changed me and I think I changed the group.",
					"Me gustaría que hiciéramos más talleres para aprender juntos.",
					"Our conversations now are deeper than when we started."),
			"rs-say",
			List.of("I feel safe to say I don't know.", "When conflict comes up we stay in the room and talk.",
					"Me siento en casa.", "A few loud voices can make the room feel less safe.",
					"I wish we had a quiet corner for when things get too much.",
					"Feeling not judged is the reason I keep coming.",
					"Sometimes I worry what I say will travel outside the group.",
					"Aquí puedo ser quien soy, sin tener que explicarme.", "The check-in round helps me settle."));

}
