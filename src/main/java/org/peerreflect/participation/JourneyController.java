package org.peerreflect.participation;

import static org.peerreflect.participation.Journeys.IDLE;
import static org.peerreflect.participation.JoinPages.CLEAR_CACHE;
import static org.peerreflect.participation.JoinPages.address;
import static org.peerreflect.participation.JoinPages.cookie;
import static org.peerreflect.participation.JoinPages.home;
import static org.peerreflect.participation.JoinPages.journeyAddress;
import static org.peerreflect.participation.JoinPages.journeyCookie;
import static org.peerreflect.participation.JoinPages.language;
import static org.peerreflect.participation.JoinPages.number;
import static org.peerreflect.participation.JoinPages.seeOther;
import static org.peerreflect.participation.JoinPages.why;
import static org.peerreflect.participation.JourneyAnswers.answers;
import static org.peerreflect.participation.JourneyAnswers.merge;
import static org.peerreflect.participation.JourneyAnswers.pageCount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.participation.Journeys.Found;
import org.peerreflect.participation.Journeys.Here;
import org.peerreflect.participation.Journeys.Journey;
import org.peerreflect.participation.Journeys.NotHere;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.round.Channel;
import org.peerreflect.round.ResultsLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages of a journey, from the first question to "Send" (invariant 11). Every page
 * that takes answers is posted and answered with 303 See Other to a page drawn again from
 * the journey (Post/Redirect/Get), so the browser's Back, Forward and reload show pages
 * drawn from what is held now, never a form sent again: once a journey has ended (Send, a
 * kiosk's start page, "stop", "leave", 20 minutes without a page), every page from before
 * it says so and shows nothing of it. Each form still carries a server-signed time, bound
 * to the journey's code.
 */
@Controller
@RequestMapping("/join")
class JourneyController {

	private final JoinPages pages;

	private final ParticipationService participation;

	private final CodeKey key;

	private final Clock clock;

	private final Journeys journeys;

	private final ResultsLinks links;

	JourneyController(JoinPages pages, ParticipationService participation, CodeKey key, Clock clock, Journeys journeys,
			ResultsLinks links) {
		this.pages = pages;
		this.participation = participation;
		this.key = key;
		this.clock = clock;
		this.journeys = journeys;
		this.links = links;
	}

	@ModelAttribute
	void noStore(HttpServletResponse response, Model model) {
		JoinPages.noStore(response, model);
	}

	@GetMapping("/page/{number}")
	String page(@PathVariable int number, @RequestParam(name = "j", required = false) String j,
			@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk,
			@RequestParam(name = "from", required = false) String from, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Found found = journeys.find(journeyCookie(request));
		if (!(found instanceof Here here) || !here.id().equals(j)) {
			return pages.gone(found, lang, kiosk, request, response, model);
		}
		Optional<ParticipationService.OpenRound> round = pages.openRound(here.journey());
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
			return pages.gone(found, lang, kiosk, request, response, model);
		}
		Optional<ParticipationService.OpenRound> round = pages.openRound(here.journey());
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
				return seeOther(request, address("/join/thanks", formLang, pages.validKiosk(form.getFirst("kiosk"))));
			}
			// A page from before this journey, or from one that has ended: nothing of it
			// is taken into another's answers.
			if (found instanceof NotHere notHere && notHere.expired()) {
				response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
			}
			return seeOther(request, address("/join/gone", formLang, pages.validKiosk(form.getFirst("kiosk")))
				.queryParam("why", why(found)));
		}
		Journey journey = here.journey();
		Signed signed = signed(form.getFirst("t"), form.getFirst("sig"), journey.code());
		if (signed != Signed.RECENTLY) {
			// A page made so long ago (or not by this server) echoes nothing back.
			journeys.drop(journeyCookie(request));
			response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", true));
			return seeOther(request, address(home(journey), journey.lang(), null).queryParam("reset", "expired"));
		}
		Optional<ParticipationService.OpenRound> round = pages.openRound(journey);
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
		Optional<String> results = pages.openRound(journey).flatMap(round -> links.token(round.roundId()));
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
			pages.kioskHoldingAnswers(journey.kiosk(), journey.lang(), model);
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

}
