package org.peerreflect.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.peerreflect.gate.GroupSummary.GroupDistribution;
import org.peerreflect.gate.GroupSummary.ItemSummary;
import org.peerreflect.gate.GroupSummary.Option;
import org.peerreflect.gate.GroupSummary.PrincipleSummary;
import org.peerreflect.questionnaire.LocalizedText;

/**
 * The gate across a series of published rounds of one questionnaire (invariant 14): which
 * statements line up from round to round, and which of their figures may stand in the
 * series. It reads only group summaries, each already through the {@link Gate}, so it can
 * take figures away but never adds one.
 * <ul>
 * <li>A statement lines up only while its fingerprint (principle, wording in every
 * language, options and "not sure") is the same; a changed one starts its series
 * again.</li>
 * <li>A group is in the series only in rounds where its figures were shown; groups line
 * up by their value, so a renamed group stays one group.</li>
 * <li>A group's figures, or "all of us", are left out in a round wherever the number of
 * them (in the round, or who answered the statement) differs from the next shown round's
 * by more than none and fewer than k, the larger k of the two: side by side those few
 * would be described alone. Leaving figures out makes new neighbours, which are checked
 * in turn.</li>
 * </ul>
 */
public final class SeriesGate {

	/** The most rounds a series holds, this one included. */
	public static final int MOST_ROUNDS = 5;

	private SeriesGate() {
	}

	/**
	 * One statement across the series: its id, its principle's id, and per round (oldest
	 * first) its figures as they may stand in the series, null in rounds before its
	 * series starts. {@code restartedAfter} is the round after which it starts, -1 when
	 * it runs through every round given; {@code reworded} when that round asked it in
	 * other words (or another scale or principle), rather than not at all.
	 */
	public record Line(String id, String principle, List<ItemSummary> rounds, int restartedAfter, boolean reworded) {

		public Line {
			rounds = java.util.Collections.unmodifiableList(new ArrayList<>(rounds));
		}

		/** The index of the first round in the series. */
		public int from() {
			return restartedAfter + 1;
		}

	}

	/**
	 * The series of the last round's scale statements over {@code rounds}, oldest first,
	 * the last being this round; at most {@link #MOST_ROUNDS} are read, the newest.
	 */
	public static List<Line> lines(List<GroupSummary> rounds) {
		if (rounds.isEmpty()) {
			return List.of();
		}
		List<GroupSummary> series = rounds.subList(Math.max(0, rounds.size() - MOST_ROUNDS), rounds.size());
		GroupSummary now = series.get(series.size() - 1);
		List<Line> lines = new ArrayList<>();
		for (PrincipleSummary principle : now.principles()) {
			for (ItemSummary item : principle.items()) {
				String print = fingerprint(principle.id(), item);
				List<ItemSummary> found = new ArrayList<>();
				for (int r = 0; r < series.size(); r++) {
					found.add(null);
				}
				int restartedAfter = -1;
				boolean reworded = false;
				for (int r = series.size() - 1; r >= 0; r--) {
					Found earlier = find(series.get(r), item.id());
					if (earlier == null) {
						// Not asked that round: the series starts after it.
						restartedAfter = r;
						break;
					}
					if (!fingerprint(earlier.principle(), earlier.item()).equals(print)) {
						restartedAfter = r;
						reworded = true;
						break;
					}
					found.set(r, earlier.item());
				}
				lines.add(new Line(item.id(), principle.id(), guarded(series, found, restartedAfter + 1),
						restartedAfter, reworded));
			}
		}
		return lines;
	}

	private record Found(String principle, ItemSummary item) {
	}

	private static Found find(GroupSummary round, String id) {
		for (PrincipleSummary principle : round.principles()) {
			for (ItemSummary item : principle.items()) {
				if (item.id().equals(id)) {
					return new Found(principle.id(), item);
				}
			}
		}
		return null;
	}

	/**
	 * A hash of a statement as it was published: its id, its principle's id, its words in
	 * every language, its options (values and words) and its "not sure", each part with
	 * its length so that no two statements run together alike.
	 */
	public static String fingerprint(String principle, ItemSummary item) {
		StringBuilder text = new StringBuilder();
		part(text, item.id());
		part(text, principle);
		words(text, item.text());
		for (Option option : item.options()) {
			part(text, option.value());
			words(text, option.label());
		}
		words(text, item.notSure());
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void words(StringBuilder text, LocalizedText words) {
		if (words == null) {
			part(text, "");
			return;
		}
		for (Map.Entry<String, String> entry : new TreeMap<>(words.byLanguage()).entrySet()) {
			part(text, entry.getKey());
			part(text, entry.getValue());
		}
		part(text, "");
	}

	private static void part(StringBuilder text, String part) {
		String value = part == null ? "" : part;
		text.append(value.length()).append(':').append(value);
	}

	/**
	 * A statement's figures in each round of its series, with every figure left out that
	 * a neighbouring shown round would single out a few people by.
	 */
	private static List<ItemSummary> guarded(List<GroupSummary> rounds, List<ItemSummary> items, int from) {
		int count = rounds.size();
		boolean[] all = new boolean[count];
		int[] allRound = new int[count];
		int[] allItem = new int[count];
		for (int r = from; r < count; r++) {
			ItemSummary item = items.get(r);
			all[r] = item.shown() && rounds.get(r).resultsShown();
			if (all[r]) {
				allRound[r] = rounds.get(r).people();
				allItem[r] = item.all().people();
			}
		}
		leaveOut(all, allRound, allItem, rounds);
		Map<String, boolean[]> groups = new LinkedHashMap<>();
		Map<String, int[]> groupRound = new LinkedHashMap<>();
		Map<String, int[]> groupItem = new LinkedHashMap<>();
		for (int r = from; r < count; r++) {
			for (GroupDistribution group : items.get(r).groups()) {
				Integer size = groupSize(rounds.get(r), group.value());
				boolean[] shown = groups.computeIfAbsent(group.value(), value -> new boolean[count]);
				// Only where the round itself showed the group, and its statement.
				if (group.shown() && size != null && items.get(r).shown()) {
					shown[r] = true;
					groupRound.computeIfAbsent(group.value(), value -> new int[count])[r] = size;
					groupItem.computeIfAbsent(group.value(), value -> new int[count])[r] = group.distribution()
						.people();
				}
			}
		}
		groups.forEach((value, shown) -> {
			if (groupRound.containsKey(value)) {
				leaveOut(shown, groupRound.get(value), groupItem.get(value), rounds);
			}
		});
		List<ItemSummary> guarded = new ArrayList<>();
		for (int r = 0; r < count; r++) {
			ItemSummary item = r < from ? null : items.get(r);
			if (item == null) {
				guarded.add(null);
				continue;
			}
			int round = r;
			List<GroupDistribution> kept = item.groups()
				.stream()
				.map(g -> groups.get(g.value())[round] ? g : new GroupDistribution(g.value(), g.label(), null))
				.toList();
			guarded.add(new ItemSummary(item.id(), item.text(), item.options(), item.notSure(),
					all[r] ? item.all() : null, all[r] ? item.spread() : null, kept, item.prompt()));
		}
		return guarded;
	}

	private static Integer groupSize(GroupSummary round, String value) {
		return round.groups()
			.stream()
			.filter(g -> g.value().equals(value) && g.shown())
			.map(GroupSummary.Group::people)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Takes figures out of {@code shown} until every two neighbouring shown rounds are
	 * the same people or at least k apart, in the round and on the statement.
	 */
	private static void leaveOut(boolean[] shown, int[] inRound, int[] onItem, List<GroupSummary> rounds) {
		boolean changed = true;
		while (changed) {
			changed = false;
			int last = -1;
			boolean[] out = new boolean[shown.length];
			for (int r = 0; r < shown.length; r++) {
				if (!shown[r]) {
					continue;
				}
				if (last >= 0) {
					int k = Math.max(rounds.get(last).minGroupSize(), rounds.get(r).minGroupSize());
					if (!noneOrAtLeast(inRound[last], inRound[r], k) || !noneOrAtLeast(onItem[last], onItem[r], k)) {
						out[last] = true;
						out[r] = true;
					}
				}
				last = r;
			}
			for (int r = 0; r < shown.length; r++) {
				if (out[r]) {
					shown[r] = false;
					changed = true;
				}
			}
		}
	}

	/** The same number, or at least k more or fewer. */
	static boolean noneOrAtLeast(int then, int now, int k) {
		int apart = Math.abs(now - then);
		return apart == 0 || apart >= k;
	}

}
