package org.peerreflect.publication;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.round.ResultsLinks;
import org.peerreflect.system.Languages;
import org.peerreflect.system.ParticipantLanguage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The results page for everyone who took part, reached by the round's one link and no
 * account. It keeps nothing about a visit: no session, no cookie, no count, no log line.
 * A link nobody made, or one whose sharing stopped, reads the same and answers 404, so
 * nobody can tell them apart.
 */
@Controller
class ResultsController {

	private final ResultsLinks links;

	private final Publication publication;

	private final MessageSource messages;

	ResultsController(ResultsLinks links, Publication publication, MessageSource messages) {
		this.links = links;
		this.publication = publication;
		this.messages = messages;
	}

	@GetMapping("/results/{token}")
	String results(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<ResultsLinks.Visit> found = links.visit(token);
		if (found.isEmpty() || found.get().state() == ResultsLinks.State.STOPPED) {
			return nothingHere(response, model);
		}
		ResultsLinks.Visit visit = found.get();
		// The page speaks the round's language, whatever the browser's.
		Locale language = Locale.forLanguageTag(visit.language());
		request.setAttribute(ParticipantLanguage.ATTRIBUTE, language);
		model.addAttribute("lang", visit.language());
		if (!visit.shared()) {
			return "publication/results-waiting";
		}
		Optional<Publication.Published> kept = publication.report(visit.roundId(), visit.organizationId());
		if (kept.isEmpty()) {
			return nothingHere(response, model);
		}
		Set<String> cover = Set.of(messages.getMessage("report.cover.tookPart", null, language),
				messages.getMessage("report.cover.codes", null, language));
		model.addAttribute("page", ResultsPage.of(kept.get().report(),
				publication.agreements(visit.roundId(), visit.organizationId()), visit.withWords(), cover));
		model.addAttribute("textLanguage", new TextLanguage());
		return "publication/results";
	}

	/**
	 * The one page for a link that leads nowhere now, in both languages: a round's
	 * language would tell a stopped link from one never made.
	 */
	private String nothingHere(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("lang", Languages.ALL.get(0));
		model.addAttribute("said", Languages.ALL.stream()
			.map(lang -> new Said(lang, messages.getMessage("results.gone.title", null, Locale.forLanguageTag(lang)),
					messages.getMessage("results.gone.text", null, Locale.forLanguageTag(lang))))
			.toList());
		return "publication/results-gone";
	}

	/** The "nothing here" page's words in one language. */
	record Said(String lang, String title, String text) {
	}

}
