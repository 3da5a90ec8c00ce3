package org.peerreflect.participation;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.organization.SignedIn;
import org.peerreflect.round.RoundService;
import org.peerreflect.system.Refusals;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turns the steward's device into a kiosk for an open round: the steward is signed out of
 * it first, so the next person at the device can reach nothing of the steward's.
 */
@Controller
class KioskController {

	private final RoundService rounds;

	private final Kiosks kiosks;

	KioskController(RoundService rounds, Kiosks kiosks) {
		this.rounds = rounds;
		this.kiosks = kiosks;
	}

	@PostMapping("/rounds/{id}/kiosk")
	String kiosk(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (Refusals.refused(redirect, () -> {
			if (!rounds.round(id, steward.organizationId()).takesAnswers()) {
				throw new ParticipationProblem("kiosk.roundNotOpen");
			}
		})) {
			return "redirect:/rounds/" + id;
		}
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		new SecurityContextLogoutHandler().logout(request, response, signedIn);
		return "redirect:/join/kiosk/" + kiosks.path(id) + "?lang="
				+ rounds.round(id, steward.organizationId()).language();
	}

}
