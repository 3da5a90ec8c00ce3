package org.peerreflect.organization;

import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where a one-time setup link leads: choose a password (and, for the first administrator,
 * an email).
 */
@Controller
@RequestMapping("/setup/{token}")
class SetupController {

	private final AccountService accounts;

	SetupController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String page(@PathVariable String token, Model model) {
		Optional<String> email = accounts.setupEmail(token);
		if (email.isEmpty()) {
			return "organization/setup-invalid";
		}
		model.addAttribute("email", email.get());
		model.addAttribute("askEmail", "admin".equals(email.get()));
		model.addAttribute("minLength", AccountService.MIN_PASSWORD_LENGTH);
		model.addAttribute("maxLength", AccountService.MAX_PASSWORD_LENGTH);
		if (!model.containsAttribute("setup")) {
			model.addAttribute("setup", new Forms.Setup("", "", ""));
		}
		return "organization/setup";
	}

	@PostMapping
	String setUp(@PathVariable String token, @Valid @ModelAttribute("setup") Forms.Setup form, BindingResult result,
			Model model) {
		if (accounts.setupEmail(token).isEmpty()) {
			return "organization/setup-invalid";
		}
		boolean askEmail = "admin".equals(accounts.setupEmail(token).get());
		if (askEmail && (form.email() == null || form.email().isBlank())) {
			result.rejectValue("email", "setup.emailNeeded");
		}
		PasswordController.checkNew(form.password(), form.repeat(), result);
		if (!result.hasErrors()) {
			try {
				accounts.setUpWithLink(token, askEmail ? form.email() : null, form.password());
				return "redirect:/sign-in?ready";
			}
			catch (AccountProblem problem) {
				result.reject(problem.messageKey(), new Object[] { AccountService.MIN_PASSWORD_LENGTH }, null);
			}
		}
		return page(token, model);
	}

}
