package org.peerreflect.publication;

import static org.peerreflect.system.SqlTimes.instant;
import static org.peerreflect.system.SqlTimes.utc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.peerreflect.gate.Gate;
import org.peerreflect.gate.GroupSummary;
import org.peerreflect.gate.GroupSummary.PrincipleSummary;
import org.peerreflect.gate.GroupSummary.WrittenSummary;
import org.peerreflect.gate.SeriesGate;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.QuoteChoices;
import org.peerreflect.participation.WrittenReview;
import org.peerreflect.questionnaire.LocalizedText;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.report.KeptReport;
import org.peerreflect.report.Report;
import org.peerreflect.report.ReportFiles;
import org.peerreflect.report.ReportInput;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.round.RoundView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing a closed round, and everything read after it (invariant 10): the report
 * files are made once, through the gate, from the SQL count table and the reviewed
 * written answers, and kept with the group summaries; the web report, downloads and the
 * next round's "since last time" read what was kept. Also the group's agreements, and
 * erasing a published round's answers.
 */
@Service
@Transactional
public class Publication {

	/** Most agreements a round keeps: a few things to try, not a plan. */
	public static final int MOST_AGREEMENTS = 12;

	/** Longest agreement, in characters: a few lines. */
	public static final int LONGEST_AGREEMENT = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final RoundService rounds;

	private final ParticipationService participation;

	private final WrittenReview review;

	private final QuoteChoices choices;

	private final Clock clock;

	Publication(JdbcTemplate jdbc, RoundService rounds, ParticipationService participation, WrittenReview review,
			QuoteChoices choices, Clock clock) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.participation = participation;
		this.review = review;
		this.choices = choices;
		this.clock = clock;
	}

	/** A published round as its readers find it. */
	public record Published(RoundView round, ReportInput input, Report report, Instant publishedAt) {

		public LocalDate publishedOn() {
			return publishedAt.atZone(ZoneId.systemDefault()).toLocalDate();
		}

	}

	/** One thing the group agreed to try, and the ids of the statements it was about. */
	public record Agreement(UUID id, String text, List<String> statements) {

		public Agreement {
			statements = List.copyOf(statements);
		}

		ReportInput.Agreement forReport() {
			return new ReportInput.Agreement(text, statements);
		}

	}

	/**
	 * Publishes a closed round, once: the round's row is locked and marked published in
	 * the same transaction that keeps the report, so two publishers cannot both succeed.
	 */
	public Published publish(UUID roundId, UUID organizationId, String organizationName) {
		RoundView round = rounds.markPublished(roundId, organizationId);
		Instant now = clock.instant();
		ReportInput input = input(round, organizationId, organizationName, now);
		Report report = Report.of(input);
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
				workbook.toByteArray(), utc(now));
		review.forgetAfterPublishing(roundId);
		return new Published(rounds.round(roundId, organizationId), input, report, now);
	}

	/**
	 * The input a closed round would be published with at {@code now}, the one place it
	 * is made: for publishing, and for choosing the quotes beside the statements it puts
	 * forward. Only quotes chosen for those statements, and shown in the report, go in.
	 */
	private ReportInput input(RoundView round, UUID organizationId, String organizationName, Instant now) {
		UUID roundId = round.id();
		Questionnaire questionnaire = rounds.questionnaire(roundId, organizationId);
		GroupSummary current = new Gate(round.minGroupSize())
			.summarize(participation.countTable(roundId, questionnaire), review.reviewed(roundId, organizationId));
		Optional<Published> earlier = latestPublished(organizationId, null);
		GroupSummary previous = latestPublished(organizationId, questionnaire.id()).map(p -> p.input().current())
			.orElse(null);
		// Agreements are about statements by id; after a round of another questionnaire,
		// the same id
		// may name another statement, so only the words are kept.
		List<ReportInput.Agreement> agreements = earlier
			.map(p -> agreements(p.round().id()).stream()
				.map(a -> p.input().current().questionnaireId().equals(questionnaire.id()) ? a.forReport()
						: new ReportInput.Agreement(a.text(), List.of()))
				.toList())
			.orElse(List.of());
		ReportInput input = new ReportInput(current, previous, agreements, round.language(), organizationName,
				round.name(), period(now, round.language()),
				ReportInput.Channels.of(round.codesPrinted(), round.usedOnline(), round.usedKiosk(), round.usedPaper(),
						round.minGroupSize(), current.people(),
						rounds.cardsAfterOpening(roundId, organizationId)
							.stream()
							.map(late -> new ReportInput.CardsAfterOpening(late.cards(), late.reason()))
							.toList()),
				true)
			.withEarlier(earlierInSeries(organizationId, questionnaire.id()));
		Set<String> putForward = putForward(input).stream().map(Report.DifferItem::id).collect(Collectors.toSet());
		Set<String> shownWords = current.written()
			.stream()
			.filter(WrittenSummary::shown)
			.flatMap(written -> written.answers().stream())
			.collect(Collectors.toSet());
		Map<String, List<String>> quotes = new LinkedHashMap<>();
		choices.quotes(roundId, organizationId).forEach((statement, words) -> {
			List<String> shown = words.stream()
				.filter(shownWords::contains)
				.limit(QuoteChoices.MOST_PER_STATEMENT)
				.toList();
			if (putForward.contains(statement) && !shown.isEmpty()) {
				quotes.put(statement, shown);
			}
		});
		return input.withQuotes(quotes);
	}

	/** The statements a report of this input puts forward for the meeting. */
	private static List<Report.DifferItem> putForward(ReportInput input) {
		Report.Differ differ = Report.of(input).differ();
		return differ == null ? List.of() : differ.items();
	}

	/**
	 * A statement put forward for the meeting, as the report will say it and why, with
	 * the quotes chosen for it and the written questions whose answers may stand beside
	 * it, its own principle's first.
	 */
	public record Statement(String id, String text, String how, List<QuoteChoices.Chosen> chosen,
			List<Question> questions) {
	}

	/** A written question whose answers the report shows. */
	public record Question(String id, LocalizedText text, boolean samePrinciple) {
	}

	/**
	 * The statements a closed round would put forward if published now, for the steward
	 * to choose quotes for.
	 */
	@Transactional(readOnly = true)
	public List<Statement> putForward(UUID roundId, UUID organizationId, String organizationName) {
		RoundView round = rounds.round(roundId, organizationId);
		if (round.isPublished()) {
			throw PublicationProblem.notFound("quotes.published");
		}
		round.require(RoundState.CLOSED);
		ReportInput input = input(round, organizationId, organizationName, clock.instant());
		List<QuoteChoices.Chosen> chosen = choices.chosen(roundId, organizationId);
		List<Statement> statements = new ArrayList<>();
		for (Report.DifferItem item : putForward(input)) {
			String principle = input.current()
				.principles()
				.stream()
				.filter(p -> p.items().stream().anyMatch(i -> i.id().equals(item.id())))
				.map(PrincipleSummary::id)
				.findFirst()
				.orElse(null);
			List<Question> own = new ArrayList<>();
			List<Question> others = new ArrayList<>();
			for (PrincipleSummary p : input.current().principles()) {
				for (WrittenSummary written : p.written()) {
					if (written.shown()) {
						boolean same = p.id().equals(principle);
						(same ? own : others).add(new Question(written.id(), written.text(), same));
					}
				}
			}
			own.addAll(others);
			statements.add(new Statement(item.id(), item.text(), item.how(),
					chosen.stream().filter(c -> c.statement().equals(item.id())).toList(), own));
		}
		return statements;
	}

	/** One statement put forward, as {@link #putForward} gives it. */
	@Transactional(readOnly = true)
	public Statement putForward(UUID roundId, UUID organizationId, String organizationName, String statement) {
		return putForward(roundId, organizationId, organizationName).stream()
			.filter(s -> s.id().equals(statement))
			.findFirst()
			.orElseThrow(() -> PublicationProblem.notFound("quotes.notPutForward"));
	}

	/**
	 * Saves the quotes ticked for one statement among those offered on the page; refused
	 * once the round is published, for a statement not put forward, for an answer not
	 * shown, or for more than two.
	 */
	public void chooseQuotes(UUID roundId, UUID organizationId, String organizationName, String statement,
			Collection<UUID> offered, Collection<UUID> ticked) {
		RoundView round = rounds.round(roundId, organizationId);
		if (round.isPublished()) {
			throw new PublicationProblem("quotes.published");
		}
		round.require(RoundState.CLOSED);
		if (putForward(input(round, organizationId, organizationName, clock.instant())).stream()
			.noneMatch(item -> item.id().equals(statement))) {
			throw new PublicationProblem("quotes.notPutForward");
		}
		choices.choose(roundId, organizationId, statement, offered, ticked);
	}

	private static String period(Instant when, String language) {
		return DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag(language))
			.format(when.atZone(ZoneId.systemDefault()));
	}

	/** A published round in a list: its round and when it was published. */
	public record Listed(RoundView round, Instant publishedAt) {

		public LocalDate publishedOn() {
			return publishedAt.atZone(ZoneId.systemDefault()).toLocalDate();
		}

	}

	/**
	 * The organization's published rounds, newest first, without reading their reports.
	 */
	@Transactional(readOnly = true)
	public List<Listed> published(UUID organizationId) {
		return jdbc.query(
				"select p.round_id, p.published_at from published_report p join round r on r.id = p.round_id "
						+ "where r.organization_id = ? order by p.published_at desc",
				(row, n) -> new Listed(rounds.round(row.getObject(1, UUID.class), organizationId),
						instant(row, "published_at")),
				organizationId);
	}

	/**
	 * A published round of the organization, as it was kept; empty when it is not
	 * published.
	 */
	@Transactional(readOnly = true)
	public Optional<Published> report(UUID roundId, UUID organizationId) {
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
	@Transactional(readOnly = true)
	public Optional<byte[]> pdf(UUID roundId, UUID organizationId) {
		return file("pdf", roundId, organizationId);
	}

	/** The kept workbook, byte for byte as made at publication. */
	@Transactional(readOnly = true)
	public Optional<byte[]> workbook(UUID roundId, UUID organizationId) {
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
	private Optional<Published> latestPublished(UUID organizationId, String questionnaireId) {
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
	private List<ReportInput.Earlier> earlierInSeries(UUID organizationId, String questionnaireId) {
		List<UUID> newestFirst = jdbc.queryForList(
				"select p.round_id from published_report p join round r on r.id = p.round_id "
						+ "where r.organization_id = ? and r.questionnaire_id = ? order by p.published_at desc limit ?",
				UUID.class, organizationId, questionnaireId, SeriesGate.MOST_ROUNDS - 1);
		List<ReportInput.Earlier> earlier = new ArrayList<>();
		for (UUID round : newestFirst) {
			report(round, organizationId)
				.ifPresent(kept -> earlier.add(0, ReportInput.Earlier.of(kept.report().period(), kept.input().current(),
						agreements(round).stream().map(Agreement::forReport).toList())));
		}
		return earlier;
	}

	@Transactional(readOnly = true)
	public List<Agreement> agreements(UUID roundId, UUID organizationId) {
		rounds.round(roundId, organizationId);
		return agreements(roundId);
	}

	private List<Agreement> agreements(UUID roundId) {
		Map<UUID, List<String>> about = new HashMap<>();
		jdbc.query(
				"select s.agreement_id, s.item_id from agreement_statement s join agreement a on a.id = s.agreement_id "
						+ "where a.round_id = ? order by s.item_id",
				(RowCallbackHandler) row -> about.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
					.add(row.getString(2)),
				roundId);
		return jdbc.query("select id, text from agreement where round_id = ? order by position", (row, n) -> {
			UUID id = row.getObject(1, UUID.class);
			return new Agreement(id, row.getString(2), about.getOrDefault(id, List.of()));
		}, roundId);
	}

	/**
	 * Records one thing the group agreed to try, after the round is published, with the
	 * statements of the round's questionnaire it was about (none is fine).
	 */
	public void agree(UUID roundId, UUID organizationId, String text, Collection<String> statements) {
		rounds.lockIn(roundId, organizationId, RoundState.PUBLISHED);
		Agreed agreed = checked(roundId, organizationId, text, statements);
		Integer count = jdbc.queryForObject("select count(*) from agreement where round_id = ?", Integer.class,
				roundId);
		if (count >= MOST_AGREEMENTS) {
			throw new PublicationProblem("agreements.tooMany");
		}
		Integer last = jdbc.queryForObject("select coalesce(max(position), 0) from agreement where round_id = ?",
				Integer.class, roundId);
		UUID id = UUID.randomUUID();
		jdbc.update("insert into agreement (id, round_id, position, text) values (?, ?, ?, ?)", id, roundId, last + 1,
				agreed.text());
		about(id, agreed.statements());
	}

	/**
	 * Corrects one agreement: its words and the statements it was about, in its place in
	 * the list.
	 */
	public void correctAgreement(UUID roundId, UUID organizationId, UUID agreementId, String text,
			Collection<String> statements) {
		rounds.lockIn(roundId, organizationId, RoundState.PUBLISHED);
		Agreed agreed = checked(roundId, organizationId, text, statements);
		if (jdbc.update("update agreement set text = ? where id = ? and round_id = ?", agreed.text(), agreementId,
				roundId) == 0) {
			throw new PublicationProblem("agreements.noSuch");
		}
		jdbc.update("delete from agreement_statement where agreement_id = ?", agreementId);
		about(agreementId, agreed.statements());
	}

	/** One agreement of a round, as the pages that change or remove it show it. */
	@Transactional(readOnly = true)
	public Agreement agreement(UUID roundId, UUID organizationId, UUID agreementId) {
		return agreements(roundId, organizationId).stream()
			.filter(agreement -> agreement.id().equals(agreementId))
			.findFirst()
			.orElseThrow(() -> PublicationProblem.notFound("agreements.noSuch"));
	}

	/** An agreement's words and statements as they are kept. */
	private record Agreed(String text, List<String> statements) {
	}

	private Agreed checked(UUID roundId, UUID organizationId, String text, Collection<String> statements) {
		List<String> asked = rounds.questionnaire(roundId, organizationId).statementIds();
		List<String> about = statements == null ? List.of() : statements.stream().distinct().toList();
		if (!asked.containsAll(about)) {
			throw new PublicationProblem("agreements.unknownStatement");
		}
		String agreed = text == null ? "" : text.replace("\r\n", "\n").replace("\0", "").strip();
		if (agreed.isEmpty()) {
			throw new PublicationProblem("agreements.empty");
		}
		if (agreed.length() > LONGEST_AGREEMENT) {
			throw new PublicationProblem("agreements.tooLong");
		}
		return new Agreed(agreed, about);
	}

	private void about(UUID agreementId, List<String> statements) {
		for (String item : statements) {
			jdbc.update("insert into agreement_statement (agreement_id, item_id) values (?, ?)", agreementId, item);
		}
	}

	public void removeAgreement(UUID roundId, UUID organizationId, UUID agreementId) {
		rounds.lockIn(roundId, organizationId, RoundState.PUBLISHED);
		jdbc.update("delete from agreement where id = ? and round_id = ?", agreementId, roundId);
	}

	/**
	 * Deletes a published round's responses and written answers (invariant 12). The kept
	 * report, its summaries and the round's counts stay.
	 */
	public RoundView erase(UUID roundId, UUID organizationId) {
		rounds.markAnswersErased(roundId, organizationId);
		review.eraseAnswers(roundId);
		return rounds.round(roundId, organizationId);
	}

}
