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
		model.addAttribute("maxLength", AccountService.MAX_PASSWORD_LENGTH);
		return "organization/password";
	}

	@PostMapping
	String change(@Valid @ModelAttribute("change") Forms.PasswordChange form, BindingResult result,
			@AuthenticationPrincipal SignedIn account, Model model, RedirectAttributes redirect) {
		checkNew(form.password(), form.repeat(), result);
		if (!result.hasErrors()) {
			try {
				accounts.changePassword(account.accountId(), form.current(), form.password());
				redirect.addFlashAttribute("changed", true);
				return "redirect:/account/password";
			}
			catch (AccountProblem problem) {
				result.rejectValue("current", problem.messageKey(), new Object[] { AccountService.MIN_PASSWORD_LENGTH },
						null);
			}
		}
		return page(model);
	}

	/** Every problem of a new password and its repeat, each on its own field. */
	static void checkNew(String password, String repeat, BindingResult result) {
		if (!result.hasFieldErrors("password") && password != null) {
			AccountService.passwordProblem(password)
				.ifPresent(problem -> result.rejectValue("password", problem,
						new Object[] { AccountService.MIN_PASSWORD_LENGTH }, null));
		}
		if (!result.hasFieldErrors("repeat") && password != null && !password.equals(repeat)) {
			result.rejectValue("repeat", "password.different");
		}
	}

}
