package org.peerreflect.participation;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.organization.SignedIn;
import org.peerreflect.printed.CodeCards;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.system.PublicAddress;
import org.peerreflect.system.Refusal;
import org.peerreflect.system.Refusals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Prints new participation code cards for a round: the codes are made, their HMACs kept,
 * and the PDF streamed straight to the steward; neither the codes nor the PDF is stored
 * anywhere.
 */
@Controller
class CodeCardsController {

	private final ParticipationService participation;

	private final RoundService rounds;

	private final PublicAddress address;

	private final ResultsLinks links;

	CodeCardsController(ParticipationService participation, RoundService rounds, PublicAddress address,
			ResultsLinks links) {
		this.links = links;
		this.participation = participation;
		this.rounds = rounds;
		this.address = address;
	}

	@PostMapping("/rounds/{id}/cards")
	String cards(@PathVariable UUID id, @RequestParam int count, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal SignedIn steward, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
		RoundView round;
		List<String> codes;
		try {
			round = rounds.round(id, steward.organizationId());
			codes = participation.issueCodes(id, steward.organizationId(), count, reason);
		}
		catch (Refusal refusal) {
			Refusals.keep(redirect, refusal);
			return "redirect:/rounds/" + id;
		}
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"code-cards.pdf\"");
		response.setHeader("Cache-Control", "no-store");
		// Printing made the round's results address; an organization that shares no
		// results prints none.
		String results = links.allowed(steward.organizationId())
				? links.link(id, steward.organizationId()).map(link -> address.link(link.path())).orElse(null) : null;
		CodeCards.write(codes.stream().map(ParticipationCodes::printed).toList(), round.name(),
				address.cards(round.language()), results, round.language(), response.getOutputStream());
		return null;
	}

}
