package org.peerreflect.publication;

import java.util.List;
import java.util.Set;

import org.peerreflect.report.Report;

/**
 * What the results page for everyone who took part shows, taken whole from the kept
 * report and the round's agreements: nothing here is worked out again. Of the overview it
 * keeps each statement with its share for all of us; our own words only where the steward
 * chose to share them here.
 *
 * @param facts the cover's facts on who took part and the cards, as the cover says them
 * @param statementHeading the overview's heading over the statements
 * @param everyoneHeading the overview's heading over all of us
 */
record ResultsPage(Report report, List<Report.Fact> facts, String statementHeading, String everyoneHeading,
		List<Principle> principles, List<Agreement> agreements, Report.Words words) {

	/** A principle's statements, each with the share of all of us. */
	record Principle(String title, List<Statement> statements) {
	}

	record Statement(String text, String everyone) {
	}

	/**
	 * The page for a kept report; {@code coverLabels} are the labels of the cover's facts
	 * this page repeats, in the report's language.
	 */
	static ResultsPage of(Report report, List<Agreement> agreements, boolean withWords, Set<String> coverLabels) {
		List<Report.Fact> facts = report.cover().stream().filter(fact -> coverLabels.contains(fact.label())).toList();
		Report.Overview overview = report.overview();
		List<Principle> principles = overview == null ? List.of() : overview.principles()
			.stream()
			.map(part -> new Principle(part.title(),
					part.rows().stream().map(row -> new Statement(row.statement(), row.cells().get(0))).toList()))
			.toList();
		return new ResultsPage(report, facts, overview == null ? null : overview.header().get(0),
				overview == null ? null : overview.header().get(1), principles, agreements,
				withWords ? report.words() : null);
	}

}
