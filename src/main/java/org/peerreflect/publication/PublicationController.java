package org.peerreflect.publication;

import java.util.List;
import java.util.UUID;

import org.peerreflect.organization.SignedIn;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.StillMarked;
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

/**
 * What a steward does with a closed round: publish it, record agreements, erase its
 * answers.
 */
@Controller
@RequestMapping("/rounds/{id}")
class PublicationController {

	private final Publication publication;

	private final RoundService rounds;

	private final ResultsLinks links;

	private final StillMarked stillMarked;

	PublicationController(Publication publication, RoundService rounds, ResultsLinks links, StillMarked stillMarked) {
		this.publication = publication;
		this.rounds = rounds;
		this.links = links;
		this.stillMarked = stillMarked;
	}

	/**
	 * Only once the steward says the written answers were read (invariant 9), as the
	 * command line's --include-written; and, where the review still marks words that were
	 * not taken out, once the steward says they were looked at and may be published.
	 * Refused before anything is made or shared.
	 */
	@PostMapping("/publish")
	String publish(@PathVariable UUID id, @RequestParam(name = "reviewed", required = false) String reviewed,
			@RequestParam(name = "marked", required = false) String marked,
			@RequestParam(name = "share", required = false) String share,
			@RequestParam(name = "words", required = false) String words, @AuthenticationPrincipal SignedIn steward,
			RedirectAttributes redirect) {
		try {
			if (reviewed == null) {
				throw new PublicationProblem("publish.notReviewed");
			}
			if (marked == null && !stillMarked.stillMarked(id, steward.organizationId()).isEmpty()) {
				throw new PublicationProblem("publish.markedNotConfirmed");
			}
			publication.publish(id, steward.organizationId(), steward.organizationName());
			if (share != null) {
				links.share(id, steward.organizationId(), words != null);
			}
		}
		catch (Refusal refusal) {
			// A second press, sent while the first was publishing, finds the report
			// made: it leads there, as the first does, and refuses nothing.
			if ("round.alreadyPublished".equals(refusal.messageKey())) {
				return "redirect:/reports/" + id;
			}
			Refusals.keep(redirect, refusal);
			return "redirect:/rounds/" + id;
		}
		return "redirect:/reports/" + id;
	}

	/** The round's results address, made now if its cards have not made it yet. */
	@PostMapping("/results/link")
	String resultsLink(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		Refusals.refused(redirect, () -> links.ensure(id, steward.organizationId()));
		return "redirect:/rounds/" + id + "#results";
	}

	/**
	 * Shares a published round's results on its address, again after a stop, or with
	 * another choice about our own words.
	 */
	@PostMapping("/results/share")
	String shareResults(@PathVariable UUID id, @RequestParam(name = "words", required = false) String words,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		Refusals.refused(redirect, () -> links.share(id, steward.organizationId(), words != null));
		return "redirect:/rounds/" + id + "#results";
	}

	@PostMapping("/results/stop")
	String stopResults(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		Refusals.refused(redirect, () -> links.stop(id, steward.organizationId()));
		return "redirect:/rounds/" + id + "#results";
	}

	@PostMapping("/erase")
	String erase(@PathVariable UUID id, @RequestParam(name = "understood", required = false) String understood,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		if (!Refusals.refused(redirect, () -> {
			if (understood == null) {
				throw new PublicationProblem("erase.notConfirmed");
			}
			publication.erase(id, steward.organizationId());
		})) {
			redirect.addFlashAttribute("erased", true);
		}
		return "redirect:/rounds/" + id;
	}

	@GetMapping("/agreements")
	String agreements(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, Model model) {
		model.addAttribute("round", rounds.round(id, steward.organizationId()));
		model.addAttribute("agreements", publication.agreements(id, steward.organizationId()));
		model.addAttribute("questionnaire", rounds.questionnaire(id, steward.organizationId()));
		model.addAttribute("most", Publication.MOST_AGREEMENTS);
		model.addAttribute("longest", Publication.LONGEST_AGREEMENT);
		return "publication/agreements";
	}

	@PostMapping("/agreements")
	String agree(@PathVariable UUID id, @RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "statement", required = false) List<String> statements,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		if (Refusals.refused(redirect, () -> publication.agree(id, steward.organizationId(), text, statements))) {
			// The steward's words come back to the form, to mend rather than type again.
			redirect.addFlashAttribute("draft", text);
			redirect.addFlashAttribute("draftStatements", statements);
		}
		return "redirect:/rounds/" + id + "/agreements";
	}

	/**
	 * An agreement to correct: its words and statements in the form it was added with.
	 */
	@GetMapping("/agreements/{agreement}/edit")
	String edit(@PathVariable UUID id, @PathVariable UUID agreement, @AuthenticationPrincipal SignedIn steward,
			Model model) {
		model.addAttribute("round", rounds.round(id, steward.organizationId()));
		model.addAttribute("agreement", publication.agreement(id, steward.organizationId(), agreement));
		model.addAttribute("questionnaire", rounds.questionnaire(id, steward.organizationId()));
		model.addAttribute("longest", Publication.LONGEST_AGREEMENT);
		return "publication/agreement-edit";
	}

	@PostMapping("/agreements/{agreement}")
	String correct(@PathVariable UUID id, @PathVariable UUID agreement,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "statement", required = false) List<String> statements,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		if (Refusals.refused(redirect,
				() -> publication.correctAgreement(id, steward.organizationId(), agreement, text, statements))) {
			redirect.addFlashAttribute("draft", text);
			redirect.addFlashAttribute("draftStatements", statements == null ? List.of() : statements);
			return "redirect:/rounds/" + id + "/agreements/" + agreement + "/edit";
		}
		redirect.addFlashAttribute("corrected", true);
		return "redirect:/rounds/" + id + "/agreements#agreement-" + agreement;
	}

	/** Asks before an agreement is removed, showing it. */
	@GetMapping("/agreements/{agreement}/remove")
	String askRemove(@PathVariable UUID id, @PathVariable UUID agreement, @AuthenticationPrincipal SignedIn steward,
			Model model) {
		model.addAttribute("round", rounds.round(id, steward.organizationId()));
		model.addAttribute("agreement", publication.agreement(id, steward.organizationId(), agreement));
		return "publication/agreement-remove";
	}

	/** Removes an agreement once the steward has said yes on the page that asks. */
	@PostMapping("/agreements/{agreement}/remove")
	String remove(@PathVariable UUID id, @PathVariable UUID agreement,
			@RequestParam(name = "confirmed", required = false) String confirmed,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		if (!"yes".equals(confirmed)) {
			return "redirect:/rounds/" + id + "/agreements/" + agreement + "/remove";
		}
		if (!Refusals.refused(redirect, () -> publication.removeAgreement(id, steward.organizationId(), agreement))) {
			redirect.addFlashAttribute("removedAgreement", true);
		}
		return "redirect:/rounds/" + id + "/agreements";
	}

}
