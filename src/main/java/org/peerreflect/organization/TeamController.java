package org.peerreflect.organization;

import java.util.UUID;

import jakarta.validation.Valid;

import org.peerreflect.system.Refusals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A steward's page for the people who run their own organization: stewards and board
 * readers.
 */
@Controller
@RequestMapping("/team")
class TeamController {

	private final AccountService accounts;

	TeamController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedIn steward, Model model) {
		// Records cannot be bound into, so the empty form is only made when none was
		// posted.
		if (!model.containsAttribute("newMember")) {
			model.addAttribute("newMember", new Forms.NewMember("", Role.BOARD));
		}
		if (!model.containsAttribute("identifyingWords")) {
			model.addAttribute("identifyingWords",
					new Forms.IdentifyingWords(String.join("\n", accounts.identifyingWords(steward.organizationId()))));
		}
		model.addAttribute("mostWordCharacters", AccountService.MOST_IDENTIFYING_CHARACTERS);
		model.addAttribute("organizationName", steward.organizationName());
		model.addAttribute("team", accounts.team(steward.organizationId()));
		return "organization/team";
	}

	@PostMapping("/accounts")
	String add(@Valid @ModelAttribute("newMember") Forms.NewMember form, BindingResult result,
			@AuthenticationPrincipal SignedIn steward, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				redirect.addFlashAttribute("invitation",
						accounts.addToOrganization(steward.organizationId(), form.email(), form.role()));
				return "redirect:/team";
			}
			catch (AccountProblem problem) {
				result.reject(problem.messageKey());
			}
		}
		return page(steward, model);
	}

	/** Keeps the organization's own words that the review flags. */
	@PostMapping("/identifying-words")
	String identifyingWords(@Valid @ModelAttribute("identifyingWords") Forms.IdentifyingWords form,
			BindingResult result, @AuthenticationPrincipal SignedIn steward, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				accounts.keepIdentifyingWords(steward.organizationId(), form.words());
				redirect.addFlashAttribute("wordsSaved", true);
				return "redirect:/team#identifying-words-title";
			}
			catch (AccountProblem problem) {
				result.rejectValue("words", problem.messageKey());
			}
		}
		return page(steward, model);
	}

	@PostMapping("/accounts/{id}/setup-link")
	String newSetupLink(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		Refusals.refused(redirect,
				() -> redirect.addFlashAttribute("invitation", accounts.newSetupLink(id, steward.organizationId())));
		return "redirect:/team";
	}

	@PostMapping("/accounts/{id}/enabled")
	String setEnabled(@PathVariable UUID id, boolean enabled, @AuthenticationPrincipal SignedIn steward,
			RedirectAttributes redirect) {
		Refusals.refused(redirect,
				() -> accounts.setEnabled(id, steward.organizationId(), enabled, steward.accountId()));
		return "redirect:/team";
	}

}
