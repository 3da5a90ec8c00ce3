package org.peerreflect.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerreflect.gate.CountTable;
import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Perspective;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.QuestionnaireCheck;
import org.peerreflect.questionnaire.QuestionnaireReader;

/**
 * The anonymity of the reports as a metamorphic relation (DESIGN section 4, invariant 8):
 * exchanging, item by item, the answers of people who are all outside every shown group
 * (group sizes unchanged) leaves the PDF text and every workbook cell exactly the same.
 * Whatever the report shows, it cannot then tell those people's answers apart.
 *
 * <p>
 * Rounds are made up from a seed (printed in every failure): 30 to 60 people, a board of
 * 2 to 4, small staff and volunteer groups, some who prefer not to say and some who give
 * no perspective, and skipped and "not sure" answers; k = 5. A control proves that the
 * comparison can fail: exchanging a shown group member's answer with an outsider's
 * different one changes the report.
 */
class MetamorphicReportTest {

	static final int K = 5;

	static final String YAML = """
			id: swap-check
			version: 2
			languages: [en]
			title: {en: "How we live our principles, made up"}
			scales:
			  five:
			    options:
			      - {value: 1, label: {en: "Not at all"}}
			      - {value: 2, label: {en: "A little"}}
			      - {value: 3, label: {en: "Partly"}}
			      - {value: 4, label: {en: "Mostly"}}
			      - {value: 5, label: {en: "Fully"}}
			    not-sure: {en: "Not sure"}
			  three:
			    options:
			      - {value: rarely, label: {en: "Rarely"}}
			      - {value: sometimes, label: {en: "Sometimes"}}
			      - {value: often, label: {en: "Often"}}
			    not-sure: {en: "Can't say"}
			perspective:
			  id: role
			  text: {en: "I take part mostly as:"}
			  options:
			    - {value: member, label: {en: "A member"}}
			    - {value: staff, label: {en: "Staff"}}
			    - {value: volunteer, label: {en: "A volunteer"}}
			    - {value: board, label: {en: "A board member"}}
			    - {value: prefer-not-to-say, group: false, label: {en: "I'd rather not say"}}
			principles:
			  - id: whole-lives
			    title: {en: "Whole lives"}
			    about: {en: "We talk about all of life."}
			    items:
			      - {id: wl-1, type: scale, scale: five, text: {en: "We talk about all parts of our lives."}}
			      - {id: wl-2, type: scale, scale: five, text: {en: "We share what we hope for."}}
			      - {id: wl-3, type: scale, scale: five, text: {en: "No one is seen through their difficulties."}}
			      - {id: wl-say, type: text, text: {en: "What do we talk about?"}}
			  - id: reciprocity
			    title: {en: "Both ways"}
			    items:
			      - {id: re-1, type: scale, scale: five, text: {en: "Each of us gives and receives."}}
			      - {id: re-2, type: scale, scale: five, text: {en: "Staff and members take on the same roles."}}
			  - id: together
			    title: {en: "Together"}
			    items:
			      - {id: to-1, type: scale, scale: three, text: {en: "We decide things together."}}
			      - {id: to-2, type: scale, scale: three, text: {en: "We can disagree and still feel respected."}}
			""";

	private static Questionnaire questionnaire;

	private static List<String> scaleItems;

	@BeforeAll
	static void readTheQuestionnaire() {
		QuestionnaireCheck check = QuestionnaireReader.read("swap-check.yaml", YAML.getBytes(StandardCharsets.UTF_8));
		assertThat(check.errors()).isEmpty();
		questionnaire = check.questionnaire();
		scaleItems = questionnaire.items().stream().filter(Item::isScale).map(Item::id).toList();
	}

	static Stream<Long> seeds() {
		return LongStream.range(0, 20).mapToObj(i -> 20261128L + 7919L * i);
	}

	/** The control needs only a few rounds to show that a difference would be seen. */
	static Stream<Long> controlSeeds() {
		return seeds().limit(6);
	}

	/**
	 * One person's perspective (null when none given) and answers by item (absent when
	 * skipped).
	 */
	record Person(String perspective, Map<String, String> answers) {

		Person copy() {
			return new Person(perspective, new LinkedHashMap<>(answers));
		}

	}

	/**
	 * A seed's two rounds and their reports as first rendered, shared by the test and its
	 * control.
	 */
	record Baseline(List<Person> current, List<Person> previous, Rendered rendered) {
	}

	private static final Map<Long, Baseline> BASELINES = new java.util.concurrent.ConcurrentHashMap<>();

	static Baseline baseline(long seed) {
		return BASELINES.computeIfAbsent(seed, s -> {
			Random random = new Random(s);
			List<Person> current = round(random);
			List<Person> previous = round(random);
			return new Baseline(current, previous, render(current, previous));
		});
	}

	@Test
	void theMadeUpRoundsHoldEveryKindOfWithheldCell() {
		int belowK = 0;
		int leftOutAtKOrMore = 0;
		int itemsNotShown = 0;
		int itemsWithNoGroupShown = 0;
		for (long seed : seeds().toList()) {
			Random random = new Random(seed);
			List<Person> people = round(random);
			GroupSummary summary = new Gate(K, new Random(1)).summarize(countTable(people), WrittenAnswers.none());
			Map<String, Integer> sizes = groupSizes(people);
			for (ItemSummary item : summary.items()) {
				if (!item.shown()) {
					itemsNotShown++;
					continue;
				}
				if (item.groups().stream().noneMatch(GroupDistribution::shown)) {
					itemsWithNoGroupShown++;
				}
				for (GroupDistribution group : item.groups()) {
					int size = sizes.getOrDefault(item.id() + "|" + group.value(), 0);
					if (!group.shown() && size >= K) {
						leftOutAtKOrMore++;
					}
					else if (!group.shown()) {
						belowK++;
					}
				}
			}
		}
		assertThat(belowK).as("groups withheld for being under k").isPositive();
		assertThat(leftOutAtKOrMore).as("groups of k or more withheld to protect the small ones").isPositive();
		assertThat(itemsNotShown).as("items answered by fewer than k").isPositive();
		assertThat(itemsWithNoGroupShown).as("shown items with every group withheld").isPositive();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void exchangingTheAnswersOfPeopleOutsideEveryShownGroupChangesNothing(long seed) {
		Baseline baseline = baseline(seed);
		List<Person> current = baseline.current();
		List<Person> previous = baseline.previous();
		Rendered before = baseline.rendered();

		List<Person> currentSwapped = copy(current);
		List<Person> previousSwapped = copy(previous);
		int changed = swapOutsiders(currentSwapped, before.current, new Random(seed + 1))
				+ swapOutsiders(previousSwapped, before.previous, new Random(seed + 2));

		// The exchange did change what the withheld groups answered...
		assertThat(changed).as("seed %d: exchanges that changed a withheld group's answers", seed).isPositive();
		assertThat(tally(currentSwapped)).as("seed %d: the hidden answers differ after the exchange", seed)
			.isNotEqualTo(tally(current));
		assertThat(groupSizes(currentSwapped)).as("seed %d: group sizes per item", seed).isEqualTo(groupSizes(current));
		// ...and the reports cannot tell.
		Rendered after = render(currentSwapped, previousSwapped);
		assertThat(after.current).as("seed %d: the group summary", seed).isEqualTo(before.current);
		assertThat(after.pdfPages).as("seed %d: the PDF text", seed).isEqualTo(before.pdfPages);
		assertThat(after.cells).as("seed %d: every workbook cell", seed).isEqualTo(before.cells);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("controlSeeds")
	void exchangingAShownGroupMembersAnswerWithAnOutsidersChangesTheReport(long seed) {
		Baseline baseline = baseline(seed);
		List<Person> current = baseline.current();
		List<Person> previous = baseline.previous();
		Rendered before = baseline.rendered();

		List<Person> swapped = copy(current);
		String where = swapShownWithOutsider(swapped, before.current);
		assertThat(where).as("seed %d: an item with a shown group and an outsider who answered otherwise", seed)
			.isNotNull();
		Rendered after = render(swapped, previous);
		assertThat(after.pdfPages).as("seed %d: the PDF text after exchanging %s", seed, where)
			.isNotEqualTo(before.pdfPages);
		assertThat(after.cells).as("seed %d: the workbook after exchanging %s", seed, where).isNotEqualTo(before.cells);
		// Only the shown group's figures moved: the "All of us" rows and every size stay
		// put.
		assertThat(groupSizes(swapped)).isEqualTo(groupSizes(current));
		for (int i = 0; i < before.current.items().size(); i++) {
			assertThat(after.current.items().get(i).all()).as("seed %d", seed)
				.isEqualTo(before.current.items().get(i).all());
		}
	}

	// --- making rounds ---

	/**
	 * A made-up round: 30 to 60 people; a board of 2 to 4, staff of 3 to 9 and volunteers
	 * of 2 to 8, 1 to 3 who prefer not to say and 1 to 3 who give no perspective, the
	 * rest members.
	 */
	static List<Person> round(Random random) {
		int size = 30 + random.nextInt(31);
		Map<String, Integer> groups = new LinkedHashMap<>();
		groups.put("board", 2 + random.nextInt(3));
		groups.put("staff", 3 + random.nextInt(7));
		groups.put("volunteer", 2 + random.nextInt(7));
		groups.put("prefer-not-to-say", 1 + random.nextInt(3));
		groups.put(null, 1 + random.nextInt(3));
		int others = groups.values().stream().mapToInt(Integer::intValue).sum();
		groups.put("member", size - others);
		Map<String, Double> skip = new HashMap<>();
		for (String item : scaleItems) {
			// Some items are skipped a lot, so that groups and whole items fall under k
			// now and then.
			double kind = random.nextDouble();
			skip.put(item, kind < 0.1 ? 0.88 + 0.1 * random.nextDouble()
					: kind < 0.3 ? 0.3 + 0.4 * random.nextDouble() : 0.05 + 0.1 * random.nextDouble());
		}
		List<Person> people = new ArrayList<>();
		for (Map.Entry<String, Integer> group : groups.entrySet()) {
			for (int n = 0; n < group.getValue(); n++) {
				Map<String, String> answers = new LinkedHashMap<>();
				for (String item : scaleItems) {
					if (random.nextDouble() < skip.get(item)) {
						continue;
					}
					var scale = questionnaire.item(item).orElseThrow().scale();
					answers.put(item, random.nextDouble() < 0.12 ? "not-sure"
							: scale.options().get(random.nextInt(scale.options().size())).value());
				}
				people.add(new Person(group.getKey(), answers));
			}
		}
		java.util.Collections.shuffle(people, random);
		return people;
	}

	static List<Person> copy(List<Person> people) {
		return people.stream().map(Person::copy).toList();
	}

	static CountTable countTable(List<Person> people) {
		CountTable table = new CountTable(questionnaire);
		for (Person person : people) {
			table.addPeople(person.perspective(), 1);
			person.answers().forEach((item, answer) -> table.addAnswers(item, person.perspective(), answer, 1));
		}
		return table;
	}

	/** The perspectives whose people are outside every shown group of an item. */
	static Set<String> outside(ItemSummary item) {
		Set<String> outside = new HashSet<>();
		for (GroupDistribution group : item.groups()) {
			if (!group.shown()) {
				outside.add(group.value());
			}
		}
		for (Perspective.Option option : questionnaire.perspective().options()) {
			if (!option.group()) {
				outside.add(option.value());
			}
		}
		outside.add(null);
		return outside;
	}

	/**
	 * Item by item, exchanges the answers of pairs of people outside the item's shown
	 * groups who both answered it: several pairs, from different perspectives where it
	 * can. Returns how many exchanges moved an answer from one perspective to another.
	 */
	static int swapOutsiders(List<Person> people, GroupSummary summary, Random random) {
		int changed = 0;
		for (ItemSummary item : summary.items()) {
			Set<String> outside = outside(item);
			List<Person> answered = new ArrayList<>();
			for (Person person : people) {
				if (outside.contains(person.perspective()) && person.answers().containsKey(item.id())) {
					answered.add(person);
				}
			}
			for (int exchange = 0; exchange < 6 && answered.size() >= 2; exchange++) {
				Person a = answered.get(random.nextInt(answered.size()));
				Person b = answered.get(random.nextInt(answered.size()));
				// Prefer a pair from different withheld perspectives, whose answers
				// differ.
				for (int tries = 0; tries < 20 && (a == b || Objects.equals(a.perspective(), b.perspective())
						|| a.answers().get(item.id()).equals(b.answers().get(item.id()))); tries++) {
					b = answered.get(random.nextInt(answered.size()));
				}
				if (a == b) {
					continue;
				}
				String answerOfA = a.answers().get(item.id());
				String answerOfB = b.answers().get(item.id());
				a.answers().put(item.id(), answerOfB);
				b.answers().put(item.id(), answerOfA);
				if (!answerOfA.equals(answerOfB) && !Objects.equals(a.perspective(), b.perspective())) {
					changed++;
				}
			}
		}
		return changed;
	}

	/**
	 * Exchanges one answer of a member of a shown group with a different answer of
	 * someone outside the shown groups. Returns what it exchanged, or null when no item
	 * allows it.
	 */
	static String swapShownWithOutsider(List<Person> people, GroupSummary summary) {
		for (ItemSummary item : summary.items()) {
			Set<String> outside = outside(item);
			for (GroupDistribution group : item.groups()) {
				if (!group.shown()) {
					continue;
				}
				for (Person member : people) {
					if (!group.value().equals(member.perspective()) || !member.answers().containsKey(item.id())) {
						continue;
					}
					for (Person outsider : people) {
						String answer = outsider.answers().get(item.id());
						if (outside.contains(outsider.perspective()) && answer != null
								&& !answer.equals(member.answers().get(item.id()))) {
							String memberAnswer = member.answers().get(item.id());
							member.answers().put(item.id(), answer);
							outsider.answers().put(item.id(), memberAnswer);
							return item.id() + ": " + group.value() + " " + memberAnswer + " <-> "
									+ outsider.perspective() + " " + answer;
						}
					}
				}
			}
		}
		return null;
	}

	/**
	 * How many people gave each answer to each item, per perspective: what an exchange
	 * may change.
	 */
	static Map<String, Integer> tally(List<Person> people) {
		Map<String, Integer> tally = new HashMap<>();
		for (Person person : people) {
			person.answers()
				.forEach((item, answer) -> tally.merge(item + "|" + person.perspective() + "|" + answer, 1,
						Integer::sum));
		}
		return tally;
	}

	/**
	 * How many people answered each item, per perspective: what an exchange must not
	 * change.
	 */
	static Map<String, Integer> groupSizes(List<Person> people) {
		Map<String, Integer> sizes = new HashMap<>();
		for (Person person : people) {
			sizes.merge("round|" + person.perspective(), 1, Integer::sum);
			person.answers().keySet().forEach(item -> sizes.merge(item + "|" + person.perspective(), 1, Integer::sum));
		}
		return sizes;
	}

	// --- rendering ---

	record Rendered(GroupSummary current, GroupSummary previous, List<String> pdfPages, List<String> cells) {
	}

	static Rendered render(List<Person> current, List<Person> previous) {
		Gate gate = new Gate(K, new Random(1));
		GroupSummary now = gate.summarize(countTable(current), WrittenAnswers.none());
		GroupSummary before = gate.summarize(countTable(previous), WrittenAnswers.none());
		ReportInput input = new ReportInput(now, before,
				List.of(new ReportInput.Agreement("Take turns leading the circle.", List.of())), "en",
				"Made-up Peer Circle", null, "Round 2", null, false);
		List<String> pages = ReportFixtures.pdfPages(ReportFixtures.pdf(input));
		List<String> cells;
		try (XSSFWorkbook workbook = ReportFixtures.readWorkbook(ReportFixtures.workbook(input))) {
			cells = ReportFixtures.cells(workbook);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return new Rendered(now, before, pages, cells);
	}

}
