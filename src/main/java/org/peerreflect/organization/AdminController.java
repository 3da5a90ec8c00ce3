package org.peerreflect.organization;

import java.util.UUID;

import jakarta.validation.Valid;

import org.peerreflect.system.DatabaseFiles;
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
 * The administrator's page: organizations and their accounts, and which rounds share
 * their results (by name and date, never what they show). Nothing a round found is here.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

	private final AccountService accounts;

	private final DatabaseFiles files;

	AdminController(AccountService accounts, DatabaseFiles files) {
		this.accounts = accounts;
		this.files = files;
	}

	@GetMapping
	String page(Model model) {
		// Records cannot be bound into, so the empty form is only made when none was
		// posted.
		if (!model.containsAttribute("newOrganization")) {
			model.addAttribute("newOrganization", new Forms.NewOrganization("", ""));
		}
		model.addAttribute("organizations", accounts.organizations());
		model.addAttribute("accounts", accounts.allAccounts());
		model.addAttribute("logProblems", files.logProblems());
		return "organization/admin";
	}

	@PostMapping("/organizations")
	String createOrganization(@Valid @ModelAttribute("newOrganization") Forms.NewOrganization form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AccountService.Invitation invitation = accounts.createOrganization(form.name(), form.stewardEmail());
				redirect.addFlashAttribute("invitation", invitation);
				return "redirect:/admin";
			}
			catch (AccountProblem problem) {
				result.reject(problem.messageKey());
			}
		}
		return page(model);
	}

	/** Lets, or stops, an organization's rounds sharing results with no account. */
	@PostMapping("/organizations/{id}/results-pages")
	String resultsPages(@PathVariable UUID id, boolean allowed, RedirectAttributes redirect) {
		Refusals.refused(redirect, () -> accounts.allowResultsPages(id, allowed));
		return "redirect:/admin";
	}

	@PostMapping("/accounts/{id}/setup-link")
	String newSetupLink(@PathVariable UUID id, RedirectAttributes redirect) {
		Refusals.refused(redirect, () -> redirect.addFlashAttribute("invitation", accounts.newSetupLink(id, null)));
		return "redirect:/admin";
	}

	@PostMapping("/accounts/{id}/enabled")
	String setEnabled(@PathVariable UUID id, boolean enabled, @AuthenticationPrincipal SignedIn admin,
			RedirectAttributes redirect) {
		Refusals.refused(redirect, () -> accounts.setEnabled(id, null, enabled, admin.accountId()));
		return "redirect:/admin";
	}

}
