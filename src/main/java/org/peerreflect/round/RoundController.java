package org.peerreflect.round;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.peerreflect.organization.SignedIn;
import org.peerreflect.questionnaire.QuestionnaireCatalog;
import org.peerreflect.system.DatabaseFiles;
import org.peerreflect.system.Languages;
import org.peerreflect.system.PublicAddress;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A steward's rounds: create one, open it, watch how many have answered (as far as k
 * allows), close it.
 */
@Controller
@RequestMapping("/rounds")
class RoundController {

	private final RoundService rounds;

	private final QuestionnaireCatalog catalog;

	private final DatabaseFiles files;

	private final PublicAddress address;

	private final ResultsLinks links;

	private final StillMarked stillMarked;

	RoundController(RoundService rounds, QuestionnaireCatalog catalog, DatabaseFiles files, PublicAddress address,
			ResultsLinks links, StillMarked stillMarked) {
		this.links = links;
		this.stillMarked = stillMarked;
		this.rounds = rounds;
		this.catalog = catalog;
		this.files = files;
		this.address = address;
	}

	/** The new-round form; the questionnaire is chosen as {@code id@version}. */
	record NewRound(@NotBlank @Size(max = 200) String name,
			@NotBlank @Pattern(regexp = "[a-z0-9-]+@[0-9]+") String questionnaire,
			@NotBlank @Pattern(regexp = Languages.PATTERN) String language, @Min(3) @Max(100) int minGroupSize) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedIn steward, Model model) {
		if (!model.containsAttribute("newRound")) {
			model.addAttribute("newRound", new NewRound("", "peer-support-principles@1", "en", 5));
		}
		model.addAttribute("rounds", rounds.rounds(steward.organizationId()));
		model.addAttribute("offered", catalog.offeredTo(steward.organizationId()));
		return "round/list";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("newRound") NewRound form, BindingResult result,
			@AuthenticationPrincipal SignedIn steward, Model model) {
		if (!result.hasErrors()) {
			String[] questionnaire = form.questionnaire().split("@");
			int version;
			try {
				version = Integer.parseInt(questionnaire[1]);
			}
			catch (NumberFormatException tooLarge) {
				// The pattern takes any number of digits; one too large for an int is no
				// questionnaire's version.
				result.reject("round.noSuchQuestionnaire");
				return list(steward, model);
			}
			try {
				RoundView round = rounds.create(steward.organizationId(), form.name(), questionnaire[0], version,
						form.language(), form.minGroupSize());
				return "redirect:/rounds/" + round.id();
			}
			catch (RoundProblem problem) {
				result.reject(problem.messageKey());
			}
		}
		return list(steward, model);
	}

	@GetMapping("/{id}")
	String round(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, Model model) {
		RoundView round = rounds.round(id, steward.organizationId());
		model.addAttribute("round", round);
		String cardsAddress = address.cards(round.language());
		model.addAttribute("cardsAddress", cardsAddress);
		model.addAttribute("cardsAddressLocal", PublicAddress.onlyThisMachine(cardsAddress));
		if (round.takesAnswers()) {
			model.addAttribute("answerLegend",
					AnswerLegend.of(rounds.questionnaire(id, steward.organizationId()), round.language()));
		}
		if (round.inReview()) {
			// The publish form lists what the review still marks, to be looked at once.
			model.addAttribute("stillMarked", stillMarked.stillMarked(id, steward.organizationId()));
		}
		model.addAttribute("resultsOff", !links.allowed(steward.organizationId()));
		links.link(id, steward.organizationId()).ifPresent(link -> {
			model.addAttribute("resultsLink", link);
			model.addAttribute("resultsAddress", address.link(link.path()));
		});
		model.addAttribute("mostCards", RoundView.MOST_CARDS_AT_ONCE);
		model.addAttribute("longestReason", RoundService.LONGEST_CARDS_REASON);
		model.addAttribute("logProblems", files.logProblems());
		return "round/round";
	}

	@PostMapping("/{id}/open")
	String open(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		return act(id, redirect, () -> rounds.open(id, steward.organizationId()));
	}

	/**
	 * Closing cannot be undone: it is asked on a page of its own that says what will
	 * happen.
	 */
	@GetMapping("/{id}/close")
	String confirmClose(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, Model model) {
		RoundView round = rounds.round(id, steward.organizationId());
		if (!round.takesAnswers()) {
			return "redirect:/rounds/" + id;
		}
		model.addAttribute("round", round);
		return "round/close";
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		return act(id, redirect, () -> rounds.close(id, steward.organizationId()));
	}

	@PostMapping("/{id}/min-group-size")
	String minGroupSize(@PathVariable UUID id, @RequestParam int minGroupSize,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) {
		return act(id, redirect, () -> rounds.setMinGroupSize(id, steward.organizationId(), minGroupSize));
	}

	private String act(UUID id, RedirectAttributes redirect, Runnable action) {
		Refusals.refused(redirect, action);
		return "redirect:/rounds/" + id;
	}

}
