package org.peerreflect.participation;

import java.util.UUID;

import org.peerreflect.gate.WrittenAnswers;
import org.peerreflect.organization.SignedIn;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
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
 * The steward reads a closed round's written answers one item at a time and may put
 * "[removed]" in place of words that would tell who wrote them.
 */
@Controller
@RequestMapping("/rounds/{id}/review")
class ReviewController {

	private static final java.util.regex.Pattern ITEM_ID = java.util.regex.Pattern.compile("[a-z0-9-]{1,100}");

	private final WrittenReview review;

	private final RoundService rounds;

	private final org.springframework.context.MessageSource messages;

	private final ReviewFlags flags;

	private final ReviewChanges changes;

	private final LanguageGuard guard;

	ReviewController(WrittenReview review, ReviewChanges changes, LanguageGuard guard, RoundService rounds,
			ReviewFlags flags, org.springframework.context.MessageSource messages) {
		this.changes = changes;
		this.guard = guard;
		this.flags = flags;
		this.messages = messages;
		this.review = review;
		this.rounds = rounds;
	}

	@GetMapping
	String items(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, Model model) {
		model.addAttribute("round", rounds.round(id, steward.organizationId()));
		model.addAttribute("items", review.items(id, steward.organizationId()));
		model.addAttribute("otherLanguage", guard.otherLanguage(id, steward.organizationId()));
		return "participation/review-items";
	}

	/**
	 * One page of a question's answers; without an order, a new random order for this
	 * view.
	 */
	@GetMapping("/{item}")
	String item(@PathVariable UUID id, @PathVariable String item,
			@RequestParam(name = "order", required = false) Long order,
			@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedIn steward,
			Model model) {
		RoundView round = rounds.round(id, steward.organizationId());
		model.addAttribute("round", round);
		WrittenReview.ItemAnswers answers = review.item(id, steward.organizationId(), item, order, page);
		model.addAttribute("item", answers);
		model.addAttribute("flagged", flags.pieces(id, steward.organizationId(), answers.answers()));
		// The mark in the answers' own language, as the report will print it; either
		// language's mark may be typed.
		model.addAttribute("removed",
				messages.getMessage("report.removed", null, java.util.Locale.forLanguageTag(round.language())));
		model.addAttribute("kept", WrittenAnswers.REMOVED);
		model.addAttribute("longestWritten", PageQuestion.LONGEST_WRITTEN);
		return "participation/review-item";
	}

	/**
	 * Saves an answer with some words taken out ("[removed]" in their place), or removes
	 * all of it once the steward has said so on the page that asks first; an answer
	 * emptied in the box asks first too.
	 */
	@PostMapping("/{item}/{answer}")
	String redact(@PathVariable UUID id, @PathVariable String item, @PathVariable UUID answer,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "all", required = false) String all,
			@RequestParam(name = "confirmed", required = false) String confirmed,
			@RequestParam(name = "order", required = false) Long order,
			@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedIn steward,
			RedirectAttributes redirect) {
		boolean wholly = all != null
				|| text != null && (text.isBlank() || WrittenAnswers.whollyRemoved(Redaction.withTheKeptMark(text)));
		if (wholly && !"yes".equals(confirmed)) {
			// Only an id as questionnaires spell them goes into the address; the page
			// that asks checks that the answer is there.
			return ITEM_ID.matcher(item).matches()
					? "redirect:/rounds/" + id + "/review/" + item + "/" + answer + "/remove"
							+ (order == null ? "" : "?order=" + order + "&page=" + page)
					: "redirect:/rounds/" + id + "/review";
		}
		String edited = wholly ? WrittenAnswers.REMOVED : text;
		try {
			changes.redact(id, steward.organizationId(), item, answer, edited);
			redirect.addFlashAttribute("saved", true);
		}
		catch (Refusal refusal) {
			Refusals.keep(redirect, refusal);
			if (!"review.onlyRemoved".equals(refusal.messageKey())) {
				return "redirect:/rounds/" + id;
			}
			redirect.addFlashAttribute("refused", answer);
			redirect.addFlashAttribute("refusedText", text);
		}
		return backTo(id, item, answer, order, page, steward);
	}

	/**
	 * "Take these words out": the answer with "[removed]" in place of every flagged span,
	 * put in its box for the steward to read and save, or not. Nothing is kept here.
	 */
	@PostMapping("/{item}/{answer}/take-out")
	String takeOut(@PathVariable UUID id, @PathVariable String item, @PathVariable UUID answer,
			@RequestParam(name = "order", required = false) Long order,
			@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedIn steward,
			RedirectAttributes redirect) {
		if (Refusals.refused(redirect, () -> {
			String now = review.answer(id, steward.organizationId(), item, answer).text();
			redirect.addFlashAttribute("proposed", answer);
			redirect.addFlashAttribute("proposedText", flags.takenOut(id, steward.organizationId(), now));
		})) {
			return "redirect:/rounds/" + id;
		}
		return backTo(id, item, answer, order, page, steward);
	}

	/**
	 * Asks before all of an answer is removed: shows it, and says when its question would
	 * then have fewer than k answers that count and leave the report.
	 */
	@GetMapping("/{item}/{answer}/remove")
	String remove(@PathVariable UUID id, @PathVariable String item, @PathVariable UUID answer,
			@RequestParam(name = "order", required = false) Long order,
			@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedIn steward,
			Model model) {
		model.addAttribute("round", rounds.round(id, steward.organizationId()));
		WrittenReview.Removal removal = review.removal(id, steward.organizationId(), item, answer);
		model.addAttribute("removal", removal);
		model.addAttribute("back", "/rounds/" + id + "/review/" + removal.item()
				+ (order == null ? "" : "?order=" + order + "&page=" + page) + "#answer-" + answer);
		model.addAttribute("order", order);
		model.addAttribute("page", page);
		return "participation/review-remove";
	}

	/** Puts one changed answer back as it was written, until the report is published. */
	@PostMapping("/{item}/{answer}/put-back")
	String putBack(@PathVariable UUID id, @PathVariable String item, @PathVariable UUID answer,
			@RequestParam(name = "order", required = false) Long order,
			@RequestParam(name = "page", defaultValue = "0") int page, @AuthenticationPrincipal SignedIn steward,
			RedirectAttributes redirect) {
		if (Refusals.refused(redirect, () -> changes.putBack(id, steward.organizationId(), item, answer))) {
			return "redirect:/rounds/" + id;
		}
		redirect.addFlashAttribute("putBack", true);
		return backTo(id, item, answer, order, page, steward);
	}

	/**
	 * Keeps a question's few answers in another language among those that may be quoted,
	 * or leaves them out again: the steward's choice, once told that the language may
	 * show who wrote them.
	 */
	@PostMapping("/{item}/other-language")
	String otherLanguage(@PathVariable UUID id, @PathVariable String item, boolean keep,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		if (Refusals.refused(redirect, () -> guard.keepOtherLanguage(id, steward.organizationId(), item, keep))) {
			return "redirect:/rounds/" + id;
		}
		redirect.addFlashAttribute("languageSaved", true);
		return "redirect:/rounds/" + id + "/review";
	}

	/**
	 * Puts every changed answer to one question back, which works even once it has fewer
	 * than k.
	 */
	@PostMapping("/{item}/put-back")
	String putBackAll(@PathVariable UUID id, @PathVariable String item, @AuthenticationPrincipal SignedIn steward,
			RedirectAttributes redirect) {
		if (Refusals.refused(redirect, () -> changes.putBackAll(id, steward.organizationId(), item))) {
			return "redirect:/rounds/" + id;
		}
		redirect.addFlashAttribute("putBack", true);
		return "redirect:/rounds/" + id + "/review";
	}

	/**
	 * Puts back only the answers of one question that were removed whole, keeping the
	 * words taken out of the others out.
	 */
	@PostMapping("/{item}/put-back-removed")
	String putBackRemovedWhole(@PathVariable UUID id, @PathVariable String item,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		if (Refusals.refused(redirect, () -> changes.putBackRemovedWhole(id, steward.organizationId(), item))) {
			return "redirect:/rounds/" + id;
		}
		redirect.addFlashAttribute("putBack", true);
		return "redirect:/rounds/" + id + "/review";
	}

	/**
	 * Back to the same page of the same order, at the answer just saved, so the steward
	 * goes on where they were; or to the list, when a change has left the question with
	 * fewer than k answers that count.
	 */
	private String backTo(UUID id, String item, UUID answer, Long order, int page, SignedIn steward) {
		return review.readable(id, steward.organizationId(), item)
				? "redirect:/rounds/" + id + "/review/" + item
						+ (order == null ? "" : "?order=" + order + "&page=" + page) + "#answer-" + answer
				: "redirect:/rounds/" + id + "/review";
	}

}
