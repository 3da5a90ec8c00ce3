package org.peerreflect.publication;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.participation.Kiosks;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.system.Languages;
import org.peerreflect.system.ParticipantLanguage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

	private final Handouts handouts;

	private final Kiosks kiosks;

	private final Duration kioskIdle;

	ResultsController(ResultsLinks links, Publication publication, MessageSource messages, Handouts handouts,
			Kiosks kiosks, @Value("${peer-reflect.kiosk.idle}") Duration kioskIdle) {
		this.kiosks = kiosks;
		this.kioskIdle = kioskIdle;
		this.links = links;
		this.publication = publication;
		this.messages = messages;
		this.handouts = handouts;
	}

	@GetMapping("/results/{token}")
	String results(@PathVariable String token, @RequestParam(name = "kiosk", required = false) String kiosk,
			HttpServletRequest request, HttpServletResponse response, Model model) {
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
		Optional<Published> kept = publication.report(visit.roundId(), visit.organizationId());
		if (kept.isEmpty()) {
			return nothingHere(response, model);
		}
		Set<String> cover = Set.of(messages.getMessage("report.cover.tookPart", null, language),
				messages.getMessage("report.cover.codes", null, language));
		model.addAttribute("page", ResultsPage.of(kept.get().report(),
				publication.agreements(visit.roundId(), visit.organizationId()), visit.withWords(), cover));
		model.addAttribute("textLanguage", new TextLanguage());
		model.addAttribute("handout", "/results/" + token + "/handout.pdf");
		if (kiosks.round(kiosk).isPresent()) {
			// Shown on a shared kiosk after its round closed: back to the kiosk's start
			// after the same quiet time as its other pages.
			model.addAttribute("kioskHome", "/join/kiosk/" + kiosk + "?lang=" + visit.language());
			model.addAttribute("kioskIdle", kioskIdle.toSeconds());
		}
		return "publication/results";
	}

	/**
	 * The same handout the round's page gives, while the results are shared; otherwise
	 * the same "nothing here" as the page.
	 */
	@GetMapping("/results/{token}/handout.pdf")
	Object handout(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<ResultsLinks.Visit> visit = links.visit(token).filter(ResultsLinks.Visit::shared);
		Optional<byte[]> pdf = visit.flatMap(found -> handouts.pdf(found.roundId(), found.organizationId()));
		if (pdf.isEmpty()) {
			return nothingHere(response, model);
		}
		String name = "peer-reflect-" + ("es".equals(visit.get().language()) ? "hoja" : "handout") + ".pdf";
		return ReportController.download(pdf.get(), MediaType.APPLICATION_PDF, name);
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
