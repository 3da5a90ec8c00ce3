package org.peerreflect.publication;

import static org.peerreflect.system.SqlTimes.instant;
import static org.peerreflect.system.SqlTimes.utc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.peerreflect.gate.SeriesGate;
import org.peerreflect.report.KeptReport;
import org.peerreflect.report.Report;
import org.peerreflect.report.ReportFiles;
import org.peerreflect.report.ReportInput;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The kept reports (invariant 10): what publishing made, kept once with its input and
 * model, and everything read after it from what was kept, never worked out again. Called
 * only inside {@code Publication}'s transactions.
 */
@Component
class KeptReports {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final RoundService rounds;

	private final Agreements agreements;

	KeptReports(JdbcTemplate jdbc, RoundService rounds, Agreements agreements) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.agreements = agreements;
	}

	/**
	 * Makes the report's files and keeps them, with its input and model, for the round.
	 */
	void keep(UUID roundId, ReportInput input, Report report, Instant publishedAt) {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		try {
			ReportFiles.pdf(report, pdf);
			ReportFiles.workbook(report, workbook);
		}
		catch (IOException e) {
			throw new IllegalStateException("the workbook could not be written", e);
		}
		jdbc.update(
				"insert into published_report (round_id, report_input, report_model, pdf, workbook, published_at) "
						+ "values (?, ?, ?, ?, ?, ?)",
				roundId, JSON.writeValueAsString(input), KeptReport.write(report), pdf.toByteArray(),
				workbook.toByteArray(), utc(publishedAt));
	}

	/**
	 * The organization's published rounds, newest first, without reading their reports.
	 */
	List<Published.Listed> published(UUID organizationId) {
		return jdbc.query(
				"select p.round_id, p.published_at from published_report p join round r on r.id = p.round_id "
						+ "where r.organization_id = ? order by p.published_at desc",
				(row, n) -> new Published.Listed(rounds.round(row.getObject(1, UUID.class), organizationId),
						instant(row, "published_at")),
				organizationId);
	}

	/**
	 * A published round of the organization, as it was kept; empty when it is not
	 * published.
	 */
	Optional<Published> report(UUID roundId, UUID organizationId) {
		RoundView round = rounds.round(roundId, organizationId);
		return jdbc.query("select report_input, report_model, published_at from published_report where round_id = ?",
				(row, n) -> published(round, row.getString(1), row.getString(2), instant(row, "published_at")), roundId)
			.stream()
			.findFirst();
	}

	/**
	 * A kept report as made at publication; one kept before its model was, made again
	 * from its input.
	 */
	private static Published published(RoundView round, String input, String model, Instant publishedAt) {
		ReportInput kept = JSON.readValue(input, ReportInput.class);
		return new Published(round, kept, model != null ? KeptReport.read(model) : Report.of(kept), publishedAt);
	}

	/** The kept PDF, byte for byte as made at publication. */
	Optional<byte[]> pdf(UUID roundId, UUID organizationId) {
		return file("pdf", roundId, organizationId);
	}

	/** The kept workbook, byte for byte as made at publication. */
	Optional<byte[]> workbook(UUID roundId, UUID organizationId) {
		return file("workbook", roundId, organizationId);
	}

	private Optional<byte[]> file(String column, UUID roundId, UUID organizationId) {
		rounds.round(roundId, organizationId);
		return jdbc
			.query("select " + column + " from published_report where round_id = ?", (row, n) -> row.getBytes(1),
					roundId)
			.stream()
			.findFirst();
	}

	/**
	 * The newest published round of the organization, of one questionnaire when one is
	 * named.
	 */
	Optional<Published> latestPublished(UUID organizationId, String questionnaireId) {
		return jdbc
			.queryForList(
					"select p.round_id from published_report p join round r on r.id = p.round_id "
							+ "where r.organization_id = ? and (cast(? as varchar) is null or r.questionnaire_id = ?) "
							+ "order by p.published_at desc limit 1",
					UUID.class, organizationId, questionnaireId, questionnaireId)
			.stream()
			.findFirst()
			.flatMap(round -> report(round, organizationId));
	}

	/**
	 * The published rounds of one questionnaire before this one, oldest first, at most
	 * four: each as its kept input and report had it (the summary that passed the gate,
	 * the period its report named) with what the group agreed after it, so that the
	 * series computes nothing that was not published.
	 */
	List<ReportInput.Earlier> earlierInSeries(UUID organizationId, String questionnaireId) {
		List<UUID> newestFirst = jdbc.queryForList(
				"select p.round_id from published_report p join round r on r.id = p.round_id "
						+ "where r.organization_id = ? and r.questionnaire_id = ? order by p.published_at desc limit ?",
				UUID.class, organizationId, questionnaireId, SeriesGate.MOST_ROUNDS - 1);
		List<ReportInput.Earlier> earlier = new ArrayList<>();
		for (UUID round : newestFirst) {
			report(round, organizationId)
				.ifPresent(kept -> earlier.add(0, ReportInput.Earlier.of(kept.report().period(), kept.input().current(),
						agreements.agreements(round).stream().map(Agreement::forReport).toList())));
		}
		return earlier;
	}

}
