package org.peerreflect.publication;

import java.util.List;
import java.util.UUID;

import org.peerreflect.organization.SignedIn;
import org.peerreflect.participation.QuoteChoices;
import org.peerreflect.participation.WrittenReview;
import org.peerreflect.round.RoundService;
import org.peerreflect.system.Refusal;
import org.peerreflect.system.Refusals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Between close and publication, the steward chooses up to two written answers to stand
 * beside each statement the report puts forward for the meeting, reading one question's
 * answers at a time as in the review.
 */
@Controller
@RequestMapping("/rounds/{id}/quotes")
class QuoteController {

	private final Publication publication;

	private final WrittenReview review;

	private final RoundService rounds;

	private final QuoteChoices quotes;

	QuoteController(Publication publication, WrittenReview review, RoundService rounds, QuoteChoices quotes) {
		this.quotes = quotes;
		this.publication = publication;
		this.review = review;
		this.rounds = rounds;
	}

	@GetMapping
	String statements(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, Model model) {
		model.addAttribute("statements",
				publication.putForward(id, steward.organizationId(), steward.organizationName()));
		mark(model, rounds.round(id, steward.organizationId()));
		model.addAttribute("most", QuoteChoices.MOST_PER_STATEMENT);
		return "publication/quotes";
	}

	/**
	 * One statement: what is chosen for it, and one written question's answers to choose
	 * from, a page at a time in a random order drawn for this view.
	 */
	@GetMapping("/{statement}")
	String statement(@PathVariable UUID id, @PathVariable String statement,
			@RequestParam(name = "question", required = false) String question,
			@RequestParam(name = "order", required = false) Long order,
			@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedIn steward,
			Model model) {
		Publication.Statement shown = publication.putForward(id, steward.organizationId(), steward.organizationName(),
				statement);
		mark(model, rounds.round(id, steward.organizationId()));
		model.addAttribute("statement", shown);
		model.addAttribute("most", QuoteChoices.MOST_PER_STATEMENT);
		Publication.Question asked = shown.questions()
			.stream()
			.filter(q -> q.id().equals(question))
			.findFirst()
			.orElse(shown.questions().isEmpty() ? null : shown.questions().get(0));
		if (asked != null) {
			WrittenReview.ItemAnswers answers = review.item(id, steward.organizationId(), asked.id(), order, page);
			List<UUID> chosen = shown.chosen().stream().map(QuoteChoices.Chosen::answer).toList();
			java.util.Set<UUID> leftOut = quotes.leftOut(id, steward.organizationId());
			model.addAttribute("question", asked);
			model.addAttribute("answers", answers);
			// Those chosen are ticked above, once; the few in another language are not
			// offered unless the steward kept them in the review.
			model.addAttribute("candidates",
					answers.answers()
						.stream()
						.filter(answer -> !chosen.contains(answer.id()) && !leftOut.contains(answer.id()))
						.toList());
		}
		return "publication/quotes-statement";
	}

	/**
	 * Saves the ticks of one page: the answers offered on it that are ticked are chosen,
	 * the others not.
	 */
	@PostMapping("/{statement}")
	String choose(@PathVariable UUID id, @PathVariable String statement,
			@RequestParam(name = "offered", required = false) List<UUID> offered,
			@RequestParam(name = "answer", required = false) List<UUID> ticked,
			@RequestParam(name = "question", required = false) String question,
			@RequestParam(name = "order", required = false) Long order,
			@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedIn steward,
			RedirectAttributes redirect) {
		try {
			publication.chooseQuotes(id, steward.organizationId(), steward.organizationName(), statement, offered,
					ticked);
			redirect.addFlashAttribute("saved", true);
		}
		catch (Refusal refusal) {
			Refusals.keep(redirect, refusal);
			// Only a choice the steward can mend leads back to it; the rest, to the
			// round.
			if (!"quotes.tooMany".equals(refusal.messageKey()) && !"quotes.notShown".equals(refusal.messageKey())) {
				return "redirect:/rounds/" + id;
			}
		}
		// Built, not joined: the statement and question come from the form.
		return "redirect:" + UriComponentsBuilder.fromPath("/rounds/{id}/quotes/{statement}")
			.queryParamIfPresent("question", java.util.Optional.ofNullable(question))
			.queryParamIfPresent("order", java.util.Optional.ofNullable(order))
			.queryParam("page", page)
			.buildAndExpand(id, statement)
			.encode()
			.toUriString();
	}

	/**
	 * The round, and the mark where words were taken out as its report will print it, in
	 * the round's language.
	 */
	private static void mark(Model model, org.peerreflect.round.RoundView round) {
		model.addAttribute("round", round);
		model.addAttribute("kept", org.peerreflect.gate.WrittenAnswers.REMOVED);
		model.addAttribute("removed", new org.peerreflect.report.ReportText(round.language()).get("report.removed"));
	}

}
