package org.peerreflect.participation;

import static org.peerreflect.participation.JoinPages.CLEAR_CACHE;
import static org.peerreflect.participation.JoinPages.address;
import static org.peerreflect.participation.JoinPages.cookie;
import static org.peerreflect.participation.JoinPages.idOf;
import static org.peerreflect.participation.JoinPages.journeyAddress;
import static org.peerreflect.participation.JoinPages.journeyCookie;
import static org.peerreflect.participation.JoinPages.language;
import static org.peerreflect.participation.JoinPages.number;
import static org.peerreflect.participation.JoinPages.seeOther;
import static org.peerreflect.participation.JourneyAnswers.pageCount;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.participation.Journeys.Found;
import org.peerreflect.participation.Journeys.Here;
import org.peerreflect.participation.Journeys.Journey;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.system.PublicAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The participant's way in and out (invariant 11): the start pages (a phone's, and a
 * kiosk's for one round), the code typed in, which begins a journey, and the pages around
 * it: about, thanks, leave, and the page that says a journey has ended. No server
 * session: the answers not sent yet are held by {@link Journeys}, under a key only the
 * person's browser carries; the pages of questions are {@link JourneyController}'s.
 */
@Controller
@RequestMapping("/join")
class JoinController {

	/**
	 * Why the start page is shown again, each with its own words: the answers were
	 * dropped, nothing was sent.
	 */
	static final Set<String> RESETS = Set.of("idle", "stopped", "history", "expired", "unchecked", "cleared");

	/** Why a code was not taken, each with its own words. */
	static final Map<String, String> PROBLEMS = Map.of("code", "join.codeNotValid", "wait", "join.slowDown", "used",
			"join.codeUsedOrClosed", "busy", "join.busy");

	/** Why a page from before cannot be shown, each with its own words. */
	static final Set<String> GONE = Set.of("cleared", "device", "lost", "expired");

	private final JoinPages pages;

	private final ParticipationService participation;

	private final WrongCodeLimit limit;

	private final Kiosks kiosks;

	private final Journeys journeys;

	/**
	 * Where "Leave this page" goes at last: somewhere plain that says nothing of what was
	 * on the screen.
	 */
	private final String leave;

	private final ResultsLinks links;

	private final PublicAddress publicAddress;

	private final KioskResults kioskResults;

	JoinController(JoinPages pages, ParticipationService participation, WrongCodeLimit limit, Kiosks kiosks,
			Journeys journeys, @Value("${peer-reflect.leave-url}") String leave, ResultsLinks links,
			PublicAddress publicAddress, KioskResults kioskResults) {
		this.pages = pages;
		this.participation = participation;
		this.limit = limit;
		this.kiosks = kiosks;
		this.journeys = journeys;
		this.leave = leave;
		this.links = links;
		this.publicAddress = publicAddress;
		this.kioskResults = kioskResults;
	}

	@ModelAttribute
	void noStore(HttpServletResponse response, Model model) {
		JoinPages.noStore(response, model);
	}

	@GetMapping
	String start(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "reset", required = false) String reset,
			@RequestParam(name = "problem", required = false) String problem, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		reset(reset, model);
		if (reset != null) {
			// Sent here because something ended: whatever this browser held goes too.
			pages.end(request, response);
		}
		return pages.startPage(language(lang, request), problem(problem), model, request);
	}

	/**
	 * A shared device's start page for one round, as a steward set it up. Reaching it
	 * ends whatever journey the device held: a kiosk's start page is for the next person.
	 */
	@GetMapping("/kiosk/{round}/{signature}")
	String kiosk(@PathVariable String round, @PathVariable String signature,
			@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "reset", required = false) String reset,
			@RequestParam(name = "problem", required = false) String problem, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String kiosk = round + "/" + signature;
		boolean ended = pages.end(request, response);
		if (kiosks.round(kiosk).isEmpty()) {
			return pages.startPage(language(lang, request), "join.kioskNotValid", model, request);
		}
		reset(reset != null ? reset : ended ? "cleared" : null, model);
		// A code typed in and left on the screen is cleared too, after the same quiet
		// time.
		pages.kioskAtRest(kiosk, language(lang, request), model).ifPresent(roundId -> {
			if (participation.kioskRoundName(roundId).isEmpty()) {
				// Its round has closed: the kiosk can show what we found, while it is
				// shared, and comes back here after the same quiet time.
				model.addAttribute("kioskClosed", true);
				kioskResults.lastShared(roundId)
					.ifPresent(token -> model.addAttribute("kioskResults",
							UriComponentsBuilder.fromPath("/results/" + token)
								.queryParam("kiosk", kiosk)
								.queryParam("lang", language(lang, request))
								.build()
								.toUriString()));
			}
		});
		return pages.startPage(language(lang, request), problem(problem), model, request);
	}

	@PostMapping("/start")
	String begin(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "lang", defaultValue = "en") String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk, HttpServletRequest request,
			HttpServletResponse response) {
		String language = language(lang);
		Optional<UUID> kioskRound = kiosks.round(kiosk);
		String home = kioskRound.isPresent() ? "/join/kiosk/" + kiosk : "/join";
		if (!limit.allowed()) {
			return seeOther(request, address(home, language, null).queryParam("problem", "wait"));
		}
		Optional<ParticipationService.OpenRound> round = participation.roundOf(code);
		if (round.isEmpty() || kioskRound.isPresent() && !kioskRound.get().equals(round.get().roundId())) {
			limit.wrong();
			return seeOther(request, address(home, language, null).queryParam("problem", "code"));
		}
		// The same code typed again in the same browser (after Back to the start page,
		// say)
		// goes on with the answers held: nothing is dropped without a word.
		Found found = journeys.find(journeyCookie(request));
		String normalized = ParticipationCodes.normalize(code);
		Map<String, String> held = found instanceof Here here && here.journey().code().equals(normalized)
				&& java.util.Objects.equals(here.journey().kiosk(), kioskRound.isPresent() ? kiosk : null)
						? here.journey().fields() : Map.of();
		journeys.drop(journeyCookie(request));
		Optional<String> journey = journeys
			.begin(new Journey(normalized, language, kioskRound.isPresent() ? kiosk : null, held));
		if (journey.isEmpty()) {
			return seeOther(request, address(home, language, null).queryParam("problem", "busy"));
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, journey.get(), false));
		return seeOther(request, address("/join/page/1", language, kioskRound.isPresent() ? kiosk : null)
			.queryParam("j", idOf(journey.get())));
	}

	/**
	 * A page from before, asked for again after its journey ended: it says why, in the
	 * person's language, and shows nothing that was on it.
	 */
	@GetMapping("/gone")
	String goneAddress(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk,
			@RequestParam(name = "why", required = false) String why, HttpServletRequest request, Model model) {
		return pages.gonePage(why != null && GONE.contains(why) ? why : "device", language(lang, request),
				pages.validKiosk(kiosk), request, model);
	}

	/**
	 * After "Send": a page that may be reloaded, bookmarked or gone back to without
	 * sending anything again.
	 */
	@GetMapping("/thanks")
	String thanks(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk,
			@RequestParam(name = "results", required = false) String results, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setHeader("Clear-Site-Data", CLEAR_CACHE);
		language(request, language(lang, request), model);
		if (links.visit(results).isPresent()) {
			model.addAttribute("results", publicAddress.link("/results/" + results));
		}
		pages.kioskThanks(kiosk, language(lang, request), model);
		return "participation/thanks";
	}

	/**
	 * "Leave this page": the journey ends here, then the browser goes somewhere plain.
	 * With scripts, the page that held answers is replaced in the history as well.
	 */
	@GetMapping("/leave")
	String leave(HttpServletRequest request, HttpServletResponse response) {
		pages.end(request, response);
		return seeOther(request, UriComponentsBuilder.fromUriString(leave));
	}

	@GetMapping("/about")
	String about(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk,
			@RequestParam(name = "j", required = false) String j,
			@RequestParam(name = "back", required = false) String back, HttpServletRequest request, Model model) {
		Found found = journeys.find(journeyCookie(request));
		if (found instanceof Here here && here.id().equals(j) && back != null) {
			// Opened from a page of questions: the way back to it, with its answers held.
			Journey journey = here.journey();
			int page = number(back, 1);
			String to = page >= 1 && page <= 99 ? journeyAddress("/join/page/" + page, here.id(), journey).toUriString()
					: null;
			Optional<ParticipationService.OpenRound> round = pages.openRound(journey);
			if (round.isPresent() && page > pageCount(round.get().questionnaire())) {
				to = journeyAddress("/join/review", here.id(), journey).toUriString();
			}
			model.addAttribute("returnTo", to);
			language(request, journey.lang(), model);
			if (journey.kiosk() != null) {
				pages.kioskHoldingAnswers(journey.kiosk(), journey.lang(), model);
			}
			return "participation/about";
		}
		language(request, language(lang, request), model);
		pages.kioskAtRest(pages.validKiosk(kiosk), language(lang, request), model);
		return "participation/about";
	}

	/**
	 * Addresses of the pages before journeys, from the browser's history or a tab a phone
	 * restored: the start page says what happened, in the person's language.
	 */
	@GetMapping({ "/page", "/start" })
	String fromHistory(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
		return "redirect:/join?lang=" + language(lang, request) + "&reset=history";
	}

	private static String problem(String problem) {
		return problem == null ? null : PROBLEMS.get(problem);
	}

	private static void reset(String reset, Model model) {
		if (reset != null && RESETS.contains(reset)) {
			model.addAttribute("reset", "join.reset." + reset);
		}
	}

}
