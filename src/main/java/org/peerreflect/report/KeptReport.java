package org.peerreflect.report;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report model as a published round keeps it: JSON with the number of its format.
 * Reading takes every format ever written and brings it up to today's before it becomes a
 * {@link Report}, so that a field renamed later never breaks a report kept earlier. Each
 * change to the model's fields adds a format and one step in {@link #upgrade}, and a
 * frozen example of the old format to the tests.
 */
public final class KeptReport {

	/** The format written today. */
	public static final int FORMAT = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private KeptReport() {
	}

	public static String write(Report report) {
		ObjectNode kept = JSON.createObjectNode();
		kept.put("format", FORMAT);
		kept.set("report", JSON.valueToTree(report));
		return JSON.writeValueAsString(kept);
	}

	public static Report read(String kept) {
		JsonNode node = JSON.readTree(kept);
		int format = node.path("format").asInt(0);
		if (format < 1 || format > FORMAT) {
			throw new IllegalStateException("a kept report in format " + format + ", which this version cannot read "
					+ "(it reads formats 1 to " + FORMAT + ")");
		}
		return JSON.treeToValue(upgrade(format, (ObjectNode) node.get("report")), Report.class);
	}

	/** Brings a kept report from its format up to today's, one format at a time. */
	private static ObjectNode upgrade(int format, ObjectNode report) {
		if (format < 2) {
			toFormat2(report);
		}
		if (format < 3) {
			toFormat3(report);
		}
		if (format < 4) {
			toFormat4(report);
		}
		return report;
	}

	/**
	 * Format 2 sets last time's agreements beside the statements they were about, and
	 * gives each statement its id and each pair its change in points, for the workbook. A
	 * report kept in format 1 knew of no such link: every agreement stays in the list,
	 * beside no statement. Ids and changes are left empty; the web page, the only reader
	 * of a kept model, shows neither.
	 */
	private static void toFormat2(ObjectNode report) {
		if (report.get("differ") instanceof ObjectNode differ) {
			differ.path("items").forEach(item -> ((ObjectNode) item).putNull("agreedTitle").putArray("agreed"));
		}
		if (report.get("words") instanceof ObjectNode words) {
			words.putArray("withheld");
		}
		if (report.get("since") instanceof ObjectNode since) {
			since.put("agreedLabel", new ReportText(report.path("language").asString("en")).get("report.since.agreed"));
			since.path("pairs").forEach(pair -> ((ObjectNode) pair).putArray("agreed"));
		}
	}

	/**
	 * Format 3 labels why each statement to start talking is there, and sets "since last
	 * time" out for the board: the agreements with how their statements moved, how the
	 * others moved, the size of change chance alone can show, and each statement's change
	 * in points and "not sure" both times. A report kept earlier knew none of these: no
	 * reasons, no moves (the web page lists its agreements as they were), its one
	 * sentence on the other statements kept as it was said, and each change in points
	 * written from the one it kept.
	 */
	private static void toFormat3(ObjectNode report) {
		if (report.get("differ") instanceof ObjectNode differ) {
			differ.path("items").forEach(item -> ((ObjectNode) item).putArray("why"));
		}
		if (report.get("since") instanceof ObjectNode since) {
			JsonNode rest = since.remove("rest");
			since.putNull("moves");
			since.set("others", rest == null ? since.nullNode() : rest);
			since.putNull("chance");
			since.path("pairs").forEach(node -> {
				ObjectNode pair = (ObjectNode) node;
				pair.putNull("principle");
				JsonNode shift = pair.path("shift");
				int points = shift.asInt(0);
				pair.put("points",
						shift.isNumber() ? points > 0 ? "+" + points : points < 0 ? "\u2212" + -points : "0" : "");
				pair.put("notSureThen", "");
				pair.put("notSureNow", "");
			});
			if (since.path("header").size() > 0) {
				ReportText text = new ReportText(report.path("language").asString("en"));
				since.putArray("header")
					.add(text.get("report.overview.statement"))
					.add(text.get("report.since.last"))
					.add(text.get("report.since.now"))
					.add(text.get("report.since.change"))
					.add(text.get("report.since.notSureLast"))
					.add(text.get("report.since.notSureNow"));
			}
		}
	}

	/**
	 * Format 4 adds every round in view, the series of earlier rounds. A report kept
	 * earlier saw only the round before it: it has no series, and reads without one.
	 */
	private static void toFormat4(ObjectNode report) {
		report.putNull("series");
	}

}
