package org.peerreflect.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
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
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.QuoteChoices;
import org.peerreflect.participation.WrittenReview;
import org.peerreflect.questionnaire.LocalizedText;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.report.Report;
import org.peerreflect.report.ReportInput;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.round.RoundView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a closed round, and everything read after it (invariant 10): the report
 * files are made once, through the gate, from the SQL count table and the reviewed
 * written answers, and kept with the group summaries; the web report, downloads and the
 * next round's "since last time" read what was kept. Also the group's agreements, and
 * erasing a published round's answers. This is the module's one door, and where its
 * transactions begin: what was kept is read through {@link KeptReports}, and agreements
 * are made and read through {@link Agreements}.
 */
@Service
@Transactional
public class Publication {

	/** Most agreements a round keeps: a few things to try, not a plan. */
	public static final int MOST_AGREEMENTS = Agreements.MOST_AGREEMENTS;

	/** Longest agreement, in characters: a few lines. */
	public static final int LONGEST_AGREEMENT = Agreements.LONGEST_AGREEMENT;

	private final RoundService rounds;

	private final ParticipationService participation;

	private final WrittenReview review;

	private final QuoteChoices choices;

	private final KeptReports kept;

	private final Agreements agreements;

	private final Clock clock;

	Publication(RoundService rounds, ParticipationService participation, WrittenReview review, QuoteChoices choices,
			KeptReports kept, Agreements agreements, Clock clock) {
		this.rounds = rounds;
		this.participation = participation;
		this.review = review;
		this.choices = choices;
		this.kept = kept;
		this.agreements = agreements;
		this.clock = clock;
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
		kept.keep(roundId, input, report, now);
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
		Optional<Published> earlier = kept.latestPublished(organizationId, null);
		GroupSummary previous = kept.latestPublished(organizationId, questionnaire.id())
			.map(p -> p.input().current())
			.orElse(null);
		// Agreements are about statements by id; after a round of another questionnaire,
		// the same id may name another statement, so only the words are kept.
		List<ReportInput.Agreement> agreed = earlier
			.map(p -> agreements.agreements(p.round().id())
				.stream()
				.map(a -> p.input().current().questionnaireId().equals(questionnaire.id()) ? a.forReport()
						: new ReportInput.Agreement(a.text(), List.of()))
				.toList())
			.orElse(List.of());
		ReportInput input = new ReportInput(current, previous, agreed, round.language(), organizationName, round.name(),
				period(now, round.language()),
				ReportInput.Channels.of(round.codesPrinted(), round.usedOnline(), round.usedKiosk(), round.usedPaper(),
						round.minGroupSize(), current.people(),
						rounds.cardsAfterOpening(roundId, organizationId)
							.stream()
							.map(late -> new ReportInput.CardsAfterOpening(late.cards(), late.reason()))
							.toList()),
				true)
			.withEarlier(kept.earlierInSeries(organizationId, questionnaire.id()));
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

	/**
	 * The organization's published rounds, newest first, without reading their reports.
	 */
	@Transactional(readOnly = true)
	public List<Published.Listed> published(UUID organizationId) {
		return kept.published(organizationId);
	}

	/**
	 * A published round of the organization, as it was kept; empty when it is not
	 * published.
	 */
	@Transactional(readOnly = true)
	public Optional<Published> report(UUID roundId, UUID organizationId) {
		return kept.report(roundId, organizationId);
	}

	/** The kept PDF, byte for byte as made at publication. */
	@Transactional(readOnly = true)
	public Optional<byte[]> pdf(UUID roundId, UUID organizationId) {
		return kept.pdf(roundId, organizationId);
	}

	/** The kept workbook, byte for byte as made at publication. */
	@Transactional(readOnly = true)
	public Optional<byte[]> workbook(UUID roundId, UUID organizationId) {
		return kept.workbook(roundId, organizationId);
	}

	@Transactional(readOnly = true)
	public List<Agreement> agreements(UUID roundId, UUID organizationId) {
		return agreements.agreements(roundId, organizationId);
	}

	/**
	 * Records one thing the group agreed to try, after the round is published, with the
	 * statements of the round's questionnaire it was about (none is fine).
	 */
	public void agree(UUID roundId, UUID organizationId, String text, Collection<String> statements) {
		agreements.agree(roundId, organizationId, text, statements);
	}

	/**
	 * Corrects one agreement: its words and the statements it was about, in its place in
	 * the list.
	 */
	public void correctAgreement(UUID roundId, UUID organizationId, UUID agreementId, String text,
			Collection<String> statements) {
		agreements.correct(roundId, organizationId, agreementId, text, statements);
	}

	/** One agreement of a round, as the pages that change or remove it show it. */
	@Transactional(readOnly = true)
	public Agreement agreement(UUID roundId, UUID organizationId, UUID agreementId) {
		return agreements.agreement(roundId, organizationId, agreementId);
	}

	public void removeAgreement(UUID roundId, UUID organizationId, UUID agreementId) {
		agreements.remove(roundId, organizationId, agreementId);
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
