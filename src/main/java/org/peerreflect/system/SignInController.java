package org.peerreflect.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

	@GetMapping("/sign-in")
	String signIn() {
		return "system/sign-in";
	}

}
