package org.peerreflect.organization;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Anyone signed in changes their own password. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final AccountService accounts;

	PasswordController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String page(Model model) {
		if (!model.containsAttribute("change")) {
			model.addAttribute("change", new Forms.PasswordChange("", "", ""));
		}
		model.addAttribute("minLength", AccountService.MIN_PASSWORD_LENGTH);
		return "organization/password";
	}

	@PostMapping
	String change(@Valid @ModelAttribute("change") Forms.PasswordChange form, BindingResult result,
			@AuthenticationPrincipal SignedIn account, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors() && !form.password().equals(form.repeat())) {
			result.rejectValue("repeat", "password.different");
		}
		if (!result.hasErrors()) {
			try {
				accounts.changePassword(account.accountId(), form.current(), form.password());
				redirect.addFlashAttribute("changed", true);
				return "redirect:/account/password";
			}
			catch (AccountProblem problem) {
				result.reject(problem.messageKey(), new Object[] { AccountService.MIN_PASSWORD_LENGTH }, null);
			}
		}
		return page(model);
	}

}
