package org.peerreflect.participation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.participation.Journeys.Found;
import org.peerreflect.participation.Journeys.Here;
import org.peerreflect.participation.Journeys.Journey;
import org.peerreflect.participation.Journeys.NotHere;
import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;
import org.peerreflect.round.Channel;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.system.Languages;
import org.peerreflect.system.PublicAddress;
import org.peerreflect.system.ParticipantLanguage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The participant's pages (invariant 11). No server session: the answers not sent yet are
 * held in this server's memory by {@link Journeys}, sealed under a key only the person's
 * browser carries, and every page that takes answers is posted and answered with 303 See
 * Other to a page that is drawn again from the journey (Post/Redirect/Get). So the
 * browser's Back, Forward and reload show pages drawn from what is held now, never a form
 * sent again: once a journey has ended (Send, a kiosk's start page, "stop", "leave", 20
 * minutes without a page), every page from before it says so and shows nothing of it.
 * Each form still carries a server-signed time, bound to the journey's code.
 */
@Controller
@RequestMapping("/join")
class JoinController {

	static final Duration IDLE = Duration.ofMinutes(20);

	/**
	 * Without scripts nothing can warn, so the page clears itself only after this long,
	 * and says so.
	 */
	static final Duration KIOSK_IDLE_WITHOUT_SCRIPT = Duration.ofMinutes(15);

	/** A kiosk's thank-you page gives way to the next person after this long. */
	static final Duration KIOSK_THANKS = Duration.ofSeconds(10);

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

	/**
	 * Sent with every page that ends a journey, so that no copy of an earlier page stays
	 * in the browser's cache (its back/forward cache included) for Back to bring out.
	 */
	static final String CLEAR_CACHE = "\"cache\"";

	private final ParticipationService participation;

	private final CodeKey key;

	private final WrongCodeLimit limit;

	private final Clock clock;

	private final Kiosks kiosks;

	private final Journeys journeys;

	/**
	 * Where "Leave this page" goes at last: somewhere plain that says nothing of what was
	 * on the screen.
	 */
	private final String leave;

	/**
	 * A kiosk clears itself after this long without a touch, a key or a scroll, having
	 * asked "are you still there?" {@link #kioskWarning} before (WCAG 2.2.1). The page's
	 * script keeps the time.
	 */
	private final Duration kioskIdle;

	private final Duration kioskWarning;

	private final ResultsLinks links;

	private final PublicAddress publicAddress;

	private final KioskResults kioskResults;

	JoinController(ParticipationService participation, CodeKey key, WrongCodeLimit limit, Clock clock, Kiosks kiosks,
			Journeys journeys, @Value("${peer-reflect.leave-url}") String leave,
			@Value("${peer-reflect.kiosk.idle}") Duration kioskIdle,
			@Value("${peer-reflect.kiosk.warning}") Duration kioskWarning, ResultsLinks links,
			PublicAddress publicAddress, KioskResults kioskResults) {
		this.kioskResults = kioskResults;
		this.links = links;
		this.publicAddress = publicAddress;
		this.leave = leave;
		this.kioskIdle = kioskIdle;
		this.kioskWarning = kioskWarning;
		this.participation = participation;
		this.key = key;
		this.limit = limit;
		this.clock = clock;
		this.kiosks = kiosks;
		this.journeys = journeys;
	}

	/** Nothing of these pages is kept by a browser or a proxy. */
	@ModelAttribute
	void noStore(HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		model.addAttribute("leave", "/join/leave");
	}

	// --- the start pages ---

	@GetMapping
	String start(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "reset", required = false) String reset,
			@RequestParam(name = "problem", required = false) String problem, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		reset(reset, model);
		if (reset != null) {
			// Sent here because something ended: whatever this browser held goes too.
			end(request, response);
		}
		return startPage(language(lang, request), problem(problem), model, request);
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
		boolean ended = end(request, response);
		if (kiosks.round(kiosk).isEmpty()) {
			return startPage(language(lang, request), "join.kioskNotValid", model, request);
		}
		reset(reset != null ? reset : ended ? "cleared" : null, model);
		// A code typed in and left on the screen is cleared too, after the same quiet
		// time.
		kiosk(kiosk, language(lang, request), model, kioskIdle, null).ifPresent(roundId -> {
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
		return startPage(language(lang, request), problem(problem), model, request);
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

	// --- pages drawn from the journey ---

	@GetMapping("/page/{number}")
	String page(@PathVariable int number, @RequestParam(name = "j", required = false) String j,
			@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk,
			@RequestParam(name = "from", required = false) String from, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Found found = journeys.find(journeyCookie(request));
		if (!(found instanceof Here here) || !here.id().equals(j)) {
			return gone(found, lang, kiosk, request, response, model);
		}
		Optional<ParticipationService.OpenRound> round = openRound(here.journey());
		if (round.isEmpty()) {
			return codeGone(here.journey(), request, response);
		}
		int pages = pageCount(round.get().questionnaire());
		int page = Math.max(1, Math.min(pages, number));
		model.addAttribute("fromReview", "review".equals(from));
		return questionPage(here, round.get(), page, request, model);
	}

	@GetMapping("/review")
	String review(@RequestParam(name = "j", required = false) String j,
			@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Found found = journeys.find(journeyCookie(request));
		if (!(found instanceof Here here) || !here.id().equals(j)) {
			return gone(found, lang, kiosk, request, response, model);
		}
		Optional<ParticipationService.OpenRound> round = openRound(here.journey());
		if (round.isEmpty()) {
			return codeGone(here.journey(), request, response);
		}
		return reviewPage(here, round.get(), request, model);
	}

	/**
	 * Every answering page posts here: its answers go into the journey, and the browser
	 * is sent on to the page asked for, drawn again from the journey.
	 */
	@PostMapping("/page")
	String answer(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
			HttpServletResponse response) {
		String formLang = language(form.getFirst("lang"));
		Found found = journeys.find(journeyCookie(request));
		if (!(found instanceof Here here) || !here.id().equals(form.getFirst("j"))) {
			if ("submit".equals(form.getFirst("go")) && journeys.wasSent(form.getFirst("once"))) {
				// "Send" pressed twice on the same page: the first went through.
				return seeOther(request, address("/join/thanks", formLang, validKiosk(form.getFirst("kiosk"))));
			}
			// A page from before this journey, or from one that has ended: nothing of it
			// is taken into another's answers.
			if (found instanceof NotHere notHere && notHere.expired()) {
				response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
			}
			return seeOther(request,
					address("/join/gone", formLang, validKiosk(form.getFirst("kiosk"))).queryParam("why", why(found)));
		}
		Journey journey = here.journey();
		Signed signed = signed(form.getFirst("t"), form.getFirst("sig"), journey.code());
		if (signed != Signed.RECENTLY) {
			// A page made so long ago (or not by this server) echoes nothing back.
			journeys.drop(journeyCookie(request));
			response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
			return seeOther(request, address(home(journey), journey.lang(), null).queryParam("reset", "expired"));
		}
		Optional<ParticipationService.OpenRound> round = openRound(journey);
		if (round.isEmpty()) {
			return codeGone(journey, request, response);
		}
		Questionnaire questionnaire = round.get().questionnaire();
		int pages = pageCount(questionnaire);
		// 1 to pages for the pages of questions, pages + 1 for the review.
		int current = Math.max(1, Math.min(pages + 1, number(form.getFirst("page"), 1)));
		String lang = form.getFirst("switch") != null ? language(form.getFirst("switch")) : journey.lang();
		journey = journey.with(lang, merge(journey.fields(), form, questionnaire, current));
		if (!journeys.save(journeyCookie(request), journey)) {
			return seeOther(request, address(home(journey), lang, null).queryParam("problem", "busy"));
		}
		String go = form.getFirst("switch") != null ? "stay"
				: form.getFirst("go") == null ? "next" : form.getFirst("go");
		if (go.equals("submit")) {
			return send(journey, form.getFirst("once"), request, response);
		}
		if (go.equals("about")) {
			return seeOther(request, journeyAddress("/join/about", here.id(), journey).queryParam("back", current));
		}
		boolean fromReview = go.startsWith("change-") || "review".equals(form.getFirst("from")) && !go.equals("review");
		int target = switch (go) {
			case "back" -> current - 1;
			case "review" -> pages + 1;
			case "stay" -> current;
			default -> go.startsWith("page-") ? number(go.substring(5), 1)
					: go.startsWith("change-") ? number(go.substring(7), 1) : current + 1;
		};
		target = Math.max(1, Math.min(pages + 1, target));
		if (target > pages) {
			return seeOther(request, journeyAddress("/join/review", here.id(), journey));
		}
		UriComponentsBuilder next = journeyAddress("/join/page/" + target, here.id(), journey);
		if (fromReview) {
			next.queryParam("from", "review");
		}
		return seeOther(request, next);
	}

	private String send(Journey journey, String once, HttpServletRequest request, HttpServletResponse response) {
		// Asked before the code is used up: the round's one results address, the same for
		// everyone, so the thank-you page can say where what we found will be.
		Optional<String> results = openRound(journey).flatMap(round -> links.token(round.roundId()));
		ParticipationService.Outcome outcome = participation.submit(journey.code(),
				journey.kiosk() != null ? Channel.KIOSK : Channel.ONLINE, answers(journey.fields()));
		if (outcome == ParticipationService.Outcome.ACCEPTED) {
			journeys.sent(once);
		}
		journeys.drop(journeyCookie(request));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
		if (outcome == ParticipationService.Outcome.ACCEPTED || journeys.wasSent(once)) {
			response.setHeader("Clear-Site-Data", CLEAR_CACHE);
			UriComponentsBuilder thanks = address("/join/thanks", journey.lang(), journey.kiosk());
			results.ifPresent(token -> thanks.queryParam("results", token));
			return seeOther(request, thanks);
		}
		return seeOther(request, address(home(journey), journey.lang(), null).queryParam("problem", "used"));
	}

	/**
	 * A code that stopped working while the journey was held (sent from another page, or
	 * the round closed): the journey ends, and the start page says so in the words of
	 * invariant 2.
	 */
	private String codeGone(Journey journey, HttpServletRequest request, HttpServletResponse response) {
		journeys.drop(journeyCookie(request));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
		return seeOther(request, address(home(journey), journey.lang(), null).queryParam("problem", "used"));
	}

	/**
	 * A page from before, asked for again after its journey ended: it says why, in the
	 * person's language, and shows nothing that was on it.
	 */
	@GetMapping("/gone")
	String goneAddress(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk,
			@RequestParam(name = "why", required = false) String why, HttpServletRequest request, Model model) {
		return gonePage(why != null && GONE.contains(why) ? why : "device", language(lang, request), validKiosk(kiosk),
				request, model);
	}

	private String gone(Found found, String lang, String kiosk, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (found instanceof NotHere notHere && notHere.expired()) {
			// A journey that ran out: its cookie is of no use any more. (A journey held
			// by
			// another instance keeps its cookie, so a request the proxy sent astray once
			// loses nothing.)
			response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
		}
		return gonePage(why(found), language(lang, request), validKiosk(kiosk), request, model);
	}

	private static String why(Found found) {
		return found instanceof NotHere notHere ? notHere.expired() ? "expired" : "lost" : "cleared";
	}

	private String gonePage(String why, String lang, String kiosk, HttpServletRequest request, Model model) {
		if (kiosk != null) {
			kiosk(kiosk, lang, model, kioskIdle, null);
		}
		// On a kiosk "cleared" reads as the screen being cleared; on a phone, as this
		// device no longer holding the answers.
		model.addAttribute("why", "join.gone." + (why.equals("cleared") && kiosk == null ? "device" : why));
		model.addAttribute("home", kiosk != null ? model.getAttribute("kioskHome") : "/join?lang=" + lang);
		language(request, lang, model);
		return "participation/gone";
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
		kiosk(kiosk, language(lang, request), model, KIOSK_THANKS, null);
		return "participation/thanks";
	}

	/**
	 * "Leave this page": the journey ends here, then the browser goes somewhere plain.
	 * With scripts, the page that held answers is replaced in the history as well.
	 */
	@GetMapping("/leave")
	String leave(HttpServletRequest request, HttpServletResponse response) {
		end(request, response);
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
			Optional<ParticipationService.OpenRound> round = openRound(journey);
			if (round.isPresent() && page > pageCount(round.get().questionnaire())) {
				to = journeyAddress("/join/review", here.id(), journey).toUriString();
			}
			model.addAttribute("returnTo", to);
			language(request, journey.lang(), model);
			if (journey.kiosk() != null) {
				kiosk(journey.kiosk(), journey.lang(), model, kioskIdle, kioskWarning);
			}
			return "participation/about";
		}
		language(request, language(lang, request), model);
		kiosk(validKiosk(kiosk), language(lang, request), model, kioskIdle, null);
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

	// --- journeys ---

	/**
	 * Ends whatever journey this browser held; true if there was one. The browser is told
	 * to forget its copies of earlier pages too.
	 */
	private boolean end(HttpServletRequest request, HttpServletResponse response) {
		String cookie = journeyCookie(request);
		if (cookie == null) {
			return false;
		}
		boolean held = journeys.find(cookie) instanceof Here;
		journeys.drop(cookie);
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
		response.setHeader("Clear-Site-Data", CLEAR_CACHE);
		return held;
	}

	private static String journeyCookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (Journeys.COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/**
	 * The journey cookie: only for these pages, only sent by this site's own pages, out
	 * of reach of scripts, and gone when the browser closes (no Max-Age).
	 */
	private static String cookie(HttpServletRequest request, String value, boolean expire) {
		ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(Journeys.COOKIE, value)
			.httpOnly(true)
			.sameSite("Strict")
			.secure(request.isSecure())
			.path(request.getContextPath() + "/join");
		if (expire) {
			cookie.maxAge(0);
		}
		return cookie.build().toString();
	}

	private static String idOf(String cookie) {
		return cookie.substring(0, cookie.indexOf('.'));
	}

	private Optional<ParticipationService.OpenRound> openRound(Journey journey) {
		Optional<ParticipationService.OpenRound> round = participation.roundOf(journey.code());
		if (round.isPresent() && journey.kiosk() != null
				&& !kiosks.round(journey.kiosk()).map(r -> r.equals(round.get().roundId())).orElse(false)) {
			return Optional.empty();
		}
		return round;
	}

	private static String home(Journey journey) {
		return journey.kiosk() != null ? "/join/kiosk/" + journey.kiosk() : "/join";
	}

	private String validKiosk(String kiosk) {
		return kiosks.round(kiosk).isPresent() ? kiosk : null;
	}

	private static UriComponentsBuilder address(String path, String lang, String kiosk) {
		UriComponentsBuilder address = UriComponentsBuilder.fromPath(path).queryParam("lang", lang);
		if (kiosk != null) {
			address.queryParam("kiosk", kiosk);
		}
		return address;
	}

	/**
	 * A page of a journey: its id, so that a page from another journey is never drawn
	 * from this one; the language and the kiosk, so that a page whose journey has ended
	 * can still say so in the person's words, and stay a kiosk.
	 */
	private static UriComponentsBuilder journeyAddress(String path, String id, Journey journey) {
		return address(path, journey.lang(), journey.kiosk()).queryParam("j", id);
	}

	/** Post/Redirect/Get: a page that can be gone back to without sending it again. */
	private static String seeOther(HttpServletRequest request, UriComponentsBuilder to) {
		request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
		return "redirect:" + to.encode().toUriString();
	}

	// --- answers ---

	/**
	 * The journey's answers with the page's own in place of what was held for that page:
	 * a choice taken back or a box emptied on the page is taken back in the journey too.
	 */
	static Map<String, String> merge(Map<String, String> held, MultiValueMap<String, String> form,
			Questionnaire questionnaire, int page) {
		Map<String, String> merged = new LinkedHashMap<>(held);
		List<String> names = namesOn(questionnaire, page);
		names.forEach(merged::remove);
		collect(form, questionnaire).forEach((name, value) -> {
			if (names.contains(name)) {
				merged.put(name, value);
			}
		});
		return merged;
	}

	/** The field names a page of questions (1 and up) holds; none on the review. */
	static List<String> namesOn(Questionnaire questionnaire, int page) {
		List<Principle> principles = questionnaire.principles();
		if (page >= 1 && page <= principles.size()) {
			return principles.get(page - 1)
				.items()
				.stream()
				.map(item -> (item.isScale() ? "a." : "w.") + item.id())
				.toList();
		}
		return page == principles.size() + 1 && questionnaire.perspective() != null ? List.of("perspective")
				: List.of();
	}

	static Submission answers(Map<String, String> fields) {
		Map<String, String> scale = new LinkedHashMap<>();
		Map<String, String> written = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith("a.")) {
				scale.put(name.substring(2), value);
			}
			else if (name.startsWith("w.")) {
				written.put(name.substring(2), value);
			}
		});
		return new Submission(fields.get("perspective"), scale, written);
	}

	/**
	 * Only fields that fit the round's questionnaire are kept; anything else is dropped,
	 * and no written answer is longer than its box allows.
	 */
	static Map<String, String> collect(MultiValueMap<String, String> form, Questionnaire questionnaire) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Item item : questionnaire.items()) {
			String value = form.getFirst((item.isScale() ? "a." : "w.") + item.id());
			if (value == null || value.isBlank()) {
				continue;
			}
			if (item.isScale() && !Scale.NOT_SURE.equals(value) && item.scale().indexOf(value) < 0) {
				continue;
			}
			String kept = item.isScale() ? value : value.strip();
			if (kept.length() > PageQuestion.LONGEST_WRITTEN) {
				kept = kept.substring(0, PageQuestion.LONGEST_WRITTEN);
			}
			fields.put((item.isScale() ? "a." : "w.") + item.id(), kept);
		}
		String perspective = form.getFirst("perspective");
		if (perspective != null && questionnaire.perspective() != null
				&& questionnaire.perspective().indexOf(perspective) >= 0) {
			fields.put("perspective", perspective);
		}
		return fields;
	}

	static int pageCount(Questionnaire questionnaire) {
		return questionnaire.principles().size() + (questionnaire.perspective() == null ? 0 : 1);
	}

	// --- drawing the pages ---

	private String questionPage(Here here, ParticipationService.OpenRound round, int page, HttpServletRequest request,
			Model model) {
		Journey journey = here.journey();
		Questionnaire questionnaire = round.questionnaire();
		List<Principle> principles = questionnaire.principles();
		int index = page - 1;
		model.addAttribute("questionnaire", questionnaire);
		model.addAttribute("page", page);
		model.addAttribute("pages", pageCount(questionnaire));
		model.addAttribute("principle", index < principles.size() ? principles.get(index) : null);
		model.addAttribute("heading",
				index < principles.size() ? principles.get(index).title().in(journey.lang()) : null);
		List<PageQuestion> questions = new ArrayList<>();
		if (index < principles.size()) {
			principles.get(index)
				.items()
				.forEach(item -> questions.add(PageQuestion.of(item, journey.fields(), journey.lang())));
		}
		else {
			questions.add(PageQuestion.of(questionnaire.perspective(), journey.fields(), journey.lang()));
		}
		model.addAttribute("questions", questions);
		model.addAttribute("longestWritten", PageQuestion.LONGEST_WRITTEN);
		form(here, model);
		language(request, journey.lang(), model);
		return "participation/page";
	}

	/**
	 * One page's part of the review: every question on it, answered or not, each with its
	 * own way to change it.
	 */
	public record ReviewPart(String title, int page, List<ReviewRow> rows) {
	}

	/** One question on the review, with the address that changes it. */
	public record ReviewRow(PageQuestion question, String change) {
	}

	private String reviewPage(Here here, ParticipationService.OpenRound round, HttpServletRequest request,
			Model model) {
		Journey journey = here.journey();
		Questionnaire questionnaire = round.questionnaire();
		List<ReviewPart> parts = new ArrayList<>();
		for (int index = 0; index < questionnaire.principles().size(); index++) {
			Principle principle = questionnaire.principles().get(index);
			int page = index + 1;
			parts.add(new ReviewPart(principle.title().in(journey.lang()), page,
					principle.items()
						.stream()
						.map(item -> PageQuestion.of(item, journey.fields(), journey.lang()))
						.map(question -> new ReviewRow(question, changeAddress(here.id(), journey, page, question)))
						.toList()));
		}
		if (questionnaire.perspective() != null) {
			int page = questionnaire.principles().size() + 1;
			PageQuestion perspective = PageQuestion.of(questionnaire.perspective(), journey.fields(), journey.lang());
			parts.add(new ReviewPart(null, page,
					List.of(new ReviewRow(perspective, changeAddress(here.id(), journey, page, perspective)))));
		}
		model.addAttribute("parts", parts);
		model.addAttribute("once", journeys.token());
		model.addAttribute("pages", pageCount(questionnaire));
		model.addAttribute("page", pageCount(questionnaire) + 1);
		form(here, model);
		language(request, journey.lang(), model);
		return "participation/review";
	}

	/** What a page's form carries: which journey, and a signed time; never an answer. */
	private void form(Here here, Model model) {
		Journey journey = here.journey();
		long now = clock.instant().getEpochSecond();
		model.addAttribute("j", here.id());
		model.addAttribute("t", now);
		model.addAttribute("sig", signature(now, journey.code()));
		if (journey.kiosk() != null) {
			kiosk(journey.kiosk(), journey.lang(), model, kioskIdle, kioskWarning);
		}
	}

	/**
	 * The address of one question to change from the review, back to the review after.
	 */
	private static String changeAddress(String id, Journey journey, int page, PageQuestion question) {
		return journeyAddress("/join/page/" + page, id, journey).queryParam("from", "review")
			.fragment(question.box())
			.encode()
			.toUriString();
	}

	private static String problem(String problem) {
		return problem == null ? null : PROBLEMS.get(problem);
	}

	private static void reset(String reset, Model model) {
		if (reset != null && RESETS.contains(reset)) {
			model.addAttribute("reset", "join.reset." + reset);
		}
	}

	/**
	 * Keeps a valid kiosk on the page, with its way home after {@code idle} without a
	 * touch. A page holding answers ({@code warning} given) asks first, offers "stop and
	 * clear my answers", and its start page then says why the answers are gone.
	 */
	private Optional<UUID> kiosk(String kiosk, String lang, Model model, Duration idle, Duration warning) {
		Optional<UUID> round = kiosks.round(kiosk);
		round.ifPresent(r -> {
			String home = "/join/kiosk/" + kiosk + "?lang=" + lang;
			model.addAttribute("kiosk", kiosk);
			model.addAttribute("kioskHome", home);
			model.addAttribute("kioskIdle", idle.toSeconds());
			model.addAttribute("kioskWarning", warning == null ? 0 : warning.toSeconds());
			model.addAttribute("kioskIdleWithoutScript",
					warning == null ? idle.toSeconds() : KIOSK_IDLE_WITHOUT_SCRIPT.toSeconds());
			model.addAttribute("kioskAway", warning == null ? home : home + "&reset=idle");
			model.addAttribute("kioskStop", warning == null ? null : home + "&reset=stopped");
			// The start page says which round it takes answers for, and gives the
			// steward a way back to it.
			model.addAttribute("kioskRound", r);
			participation.kioskRoundName(r).ifPresent(name -> model.addAttribute("kioskRoundName", name));
		});
		return round;
	}

	private String startPage(String lang, String problem, Model model, HttpServletRequest request) {
		if (model.getAttribute("kioskHome") != null) {
			// No answers on a start page: nothing to ask about or to stop, only a typed
			// code to clear.
			model.addAttribute("kioskStop", null);
			model.addAttribute("kioskWarning", 0);
			model.addAttribute("kioskIdleWithoutScript", kioskIdle.toSeconds());
			model.addAttribute("kioskAway", model.getAttribute("kioskHome"));
		}
		language(request, lang, model);
		model.addAttribute("problem", problem);
		return "participation/start";
	}

	/**
	 * The server's signature on a page's time, bound to the code the page was made for.
	 */
	private String signature(long time, String code) {
		return key.hash("join-time:" + time + ":" + code);
	}

	/**
	 * What a page's signed time says: made by this server for this code, and how long
	 * ago.
	 */
	private enum Signed {

		RECENTLY, LONG_AGO, NOT

	}

	private Signed signed(String time, String signature, String code) {
		if (time == null || signature == null) {
			return Signed.NOT;
		}
		long t;
		try {
			t = Long.parseLong(time);
		}
		catch (NumberFormatException e) {
			return Signed.NOT;
		}
		long now = clock.instant().getEpochSecond();
		if (!MessageDigest.isEqual(signature(t, code).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII)) || t > now + 60) {
			return Signed.NOT;
		}
		return now - t <= IDLE.toSeconds() ? Signed.RECENTLY : Signed.LONG_AGO;
	}

	private static void language(HttpServletRequest request, String lang, Model model) {
		request.setAttribute(ParticipantLanguage.ATTRIBUTE, Locale.forLanguageTag(lang));
		model.addAttribute("lang", lang);
	}

	static String language(String lang) {
		return Languages.orDefault(lang);
	}

	/**
	 * The language asked for, or else the one the application's locale resolver finds for
	 * this browser.
	 */
	static String language(String lang, HttpServletRequest request) {
		return language(lang != null ? lang : RequestContextUtils.getLocale(request).getLanguage());
	}

	private static int number(String value, int fallback) {
		try {
			return value == null ? fallback : Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

}
