package org.peerreflect.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

	/**
	 * The sign-in page; {@code wait} is how many seconds the throttle asks for, read as a
	 * number so the page can say "1 second" and "5 seconds" alike (and nothing else put
	 * in the address is echoed).
	 */
	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String wait, Model model) {
		if (wait != null && wait.matches("[0-9]{1,6}")) {
			model.addAttribute("waitSeconds", Integer.parseInt(wait));
		}
		return "system/sign-in";
	}

}
