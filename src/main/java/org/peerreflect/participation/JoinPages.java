package org.peerreflect.participation;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.participation.Journeys.Found;
import org.peerreflect.participation.Journeys.Here;
import org.peerreflect.participation.Journeys.Journey;
import org.peerreflect.participation.Journeys.NotHere;
import org.peerreflect.system.Languages;
import org.peerreflect.system.ParticipantLanguage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every participant's page shares, whichever controller draws it: the kiosk's chrome
 * (its way home after a quiet time, and the warning before), the start and "gone" pages
 * that journeys end on, the journey's cookie, the person's language, and addresses
 * answered with 303 See Other (Post/Redirect/Get).
 */
@Component
class JoinPages {

	/**
	 * Without scripts nothing can warn, so the page clears itself only after this long,
	 * and says so.
	 */
	private static final Duration KIOSK_IDLE_WITHOUT_SCRIPT = Duration.ofMinutes(15);

	/** A kiosk's thank-you page gives way to the next person after this long. */
	private static final Duration KIOSK_THANKS = Duration.ofSeconds(10);

	/**
	 * Sent with every page that ends a journey, so that no copy of an earlier page stays
	 * in the browser's cache (its back/forward cache included) for Back to bring out.
	 */
	static final String CLEAR_CACHE = "\"cache\"";

	private final ParticipationService participation;

	private final Kiosks kiosks;

	private final Journeys journeys;

	/**
	 * A kiosk clears itself after this long without a touch, a key or a scroll, having
	 * asked "are you still there?" {@link #kioskWarning} before (WCAG 2.2.1). The page's
	 * script keeps the time.
	 */
	private final Duration kioskIdle;

	private final Duration kioskWarning;

	JoinPages(ParticipationService participation, Kiosks kiosks, Journeys journeys,
			@Value("${peer-reflect.kiosk.idle}") Duration kioskIdle,
			@Value("${peer-reflect.kiosk.warning}") Duration kioskWarning) {
		this.participation = participation;
		this.kiosks = kiosks;
		this.journeys = journeys;
		this.kioskIdle = kioskIdle;
		this.kioskWarning = kioskWarning;
	}

	/** Nothing of these pages is kept by a browser or a proxy. */
	static void noStore(HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		model.addAttribute("leave", "/join/leave");
	}

	/**
	 * Ends whatever journey this browser held; true if there was one. The browser is told
	 * to forget its copies of earlier pages too.
	 */
	boolean end(HttpServletRequest request, HttpServletResponse response) {
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

	static String journeyCookie(HttpServletRequest request) {
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
	static String cookie(HttpServletRequest request, String value, boolean expire) {
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

	static String idOf(String cookie) {
		return cookie.substring(0, cookie.indexOf('.'));
	}

	Optional<ParticipationService.OpenRound> openRound(Journey journey) {
		Optional<ParticipationService.OpenRound> round = participation.roundOf(journey.code());
		if (round.isPresent() && journey.kiosk() != null
				&& !kiosks.round(journey.kiosk()).map(r -> r.equals(round.get().roundId())).orElse(false)) {
			return Optional.empty();
		}
		return round;
	}

	static String home(Journey journey) {
		return journey.kiosk() != null ? "/join/kiosk/" + journey.kiosk() : "/join";
	}

	String validKiosk(String kiosk) {
		return kiosks.round(kiosk).isPresent() ? kiosk : null;
	}

	static UriComponentsBuilder address(String path, String lang, String kiosk) {
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
	static UriComponentsBuilder journeyAddress(String path, String id, Journey journey) {
		return address(path, journey.lang(), journey.kiosk()).queryParam("j", id);
	}

	/** Post/Redirect/Get: a page that can be gone back to without sending it again. */
	static String seeOther(HttpServletRequest request, UriComponentsBuilder to) {
		request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
		return "redirect:" + to.encode().toUriString();
	}

	String startPage(String lang, String problem, Model model, HttpServletRequest request) {
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

	String gone(Found found, String lang, String kiosk, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (found instanceof NotHere notHere && notHere.expired()) {
			// A journey that ran out: its cookie is of no use any more. (A journey held
			// by
			// another instance keeps its cookie, so a request the proxy sent astray once
			// loses nothing.)
			response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
		}
		return gonePage(why(found), language(lang, request), validKiosk(kiosk), request, model);
	}

	static String why(Found found) {
		return found instanceof NotHere notHere ? notHere.expired() ? "expired" : "lost" : "cleared";
	}

	String gonePage(String why, String lang, String kiosk, HttpServletRequest request, Model model) {
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

	/** A kiosk's page with no answers on it: back to its start after the quiet time. */
	Optional<UUID> kioskAtRest(String kiosk, String lang, Model model) {
		return kiosk(kiosk, lang, model, kioskIdle, null);
	}

	/** A kiosk's page holding answers: it asks "are you still there?" first. */
	void kioskHoldingAnswers(String kiosk, String lang, Model model) {
		kiosk(kiosk, lang, model, kioskIdle, kioskWarning);
	}

	/** A kiosk's thank-you page: the next person's start page soon after. */
	void kioskThanks(String kiosk, String lang, Model model) {
		kiosk(kiosk, lang, model, KIOSK_THANKS, null);
	}

	static void language(HttpServletRequest request, String lang, Model model) {
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

	static int number(String value, int fallback) {
		try {
			return value == null ? fallback : Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

}
