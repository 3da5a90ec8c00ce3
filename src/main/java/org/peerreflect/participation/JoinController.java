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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;
import org.peerreflect.round.Channel;
import org.peerreflect.system.Languages;
import org.peerreflect.system.ParticipantLanguage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The participant's pages (invariant 11). No server session: the code, the language and
 * the answers so far travel in the pages' own form fields, always by POST, and nothing is
 * stored before the final submit. Each form carries a server-signed time; a post older
 * than the idle limit, or with a code that no longer works, gets the start page and
 * echoes nothing. Whenever answers are dropped (time ran out, the kiosk cleared itself, a
 * person stopped, a page came back from the browser's history), the start page says so,
 * says that nothing was sent, and that the code still works.
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
	static final Set<String> RESETS = Set.of("idle", "stopped", "history", "expired", "unchecked");

	private final ParticipationService participation;

	private final CodeKey key;

	private final WrongCodeLimit limit;

	private final Clock clock;

	private final Kiosks kiosks;

	/**
	 * Where "Leave this page" goes: somewhere plain that says nothing of what was on the
	 * screen.
	 */
	private final String leave;

	/**
	 * A kiosk clears itself after this long without a touch, a key or a scroll, having
	 * asked "are you still there?" {@link #kioskWarning} before (WCAG 2.2.1). The page's
	 * script keeps the time.
	 */
	private final Duration kioskIdle;

	private final Duration kioskWarning;

	JoinController(ParticipationService participation, CodeKey key, WrongCodeLimit limit, Clock clock, Kiosks kiosks,
			@Value("${peer-reflect.leave-url}") String leave, @Value("${peer-reflect.kiosk.idle}") Duration kioskIdle,
			@Value("${peer-reflect.kiosk.warning}") Duration kioskWarning) {
		this.leave = leave;
		this.kioskIdle = kioskIdle;
		this.kioskWarning = kioskWarning;
		this.participation = participation;
		this.key = key;
		this.limit = limit;
		this.clock = clock;
		this.kiosks = kiosks;
	}

	/** Nothing of these pages is kept by a browser or a proxy. */
	@ModelAttribute
	void noStore(HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		model.addAttribute("leave", leave);
	}

	@GetMapping
	String start(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "reset", required = false) String reset, HttpServletRequest request, Model model) {
		reset(reset, model);
		return startPage(language(lang, request), null, request, model);
	}

	/**
	 * A page of answers asked for again from the browser's history, or a tab a phone
	 * restored: the answers were never kept, so the person is told what happened, in
	 * their language.
	 */
	@GetMapping({ "/page", "/start" })
	String fromHistory(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) {
		return "redirect:/join?lang=" + language(lang, request) + "&reset=history";
	}

	/**
	 * After "Send": a page that may be reloaded, bookmarked or gone back to without
	 * sending anything again.
	 */
	@GetMapping("/thanks")
	String thanks(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk, HttpServletRequest request, Model model) {
		language(request, language(lang, request), model);
		kiosk(kiosk, language(lang, request), model, KIOSK_THANKS, null);
		return "participation/thanks";
	}

	private static void reset(String reset, Model model) {
		if (reset != null && RESETS.contains(reset)) {
			model.addAttribute("reset", "join.reset." + reset);
		}
	}

	/** A shared device's start page for one round, as a steward set it up. */
	@GetMapping("/kiosk/{round}/{signature}")
	String kiosk(@PathVariable String round, @PathVariable String signature,
			@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "reset", required = false) String reset, HttpServletRequest request, Model model) {
		String kiosk = round + "/" + signature;
		if (kioskRound(kiosk).isEmpty()) {
			return startPage(language(lang, request), "join.kioskNotValid", request, model);
		}
		reset(reset, model);
		// A code typed in and left on the screen is cleared too, after the same quiet
		// time.
		kiosk(kiosk, language(lang, request), model, kioskIdle, null);
		return startPage(language(lang, request), null, request, model);
	}

	private Optional<UUID> kioskRound(String kiosk) {
		return kiosks.round(kiosk);
	}

	/**
	 * Keeps a valid kiosk on the page, with its way home after {@code idle} without a
	 * touch. A page holding answers ({@code warning} given) asks first, offers "stop and
	 * clear my answers", and its start page then says why the answers are gone.
	 */
	private Optional<UUID> kiosk(String kiosk, String lang, Model model, Duration idle, Duration warning) {
		Optional<UUID> round = kioskRound(kiosk);
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
		});
		return round;
	}

	@GetMapping("/about")
	String about(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk, HttpServletRequest request, Model model) {
		language(request, language(lang, request), model);
		kiosk(kiosk, language(lang, request), model, kioskIdle, null);
		return "participation/about";
	}

	@PostMapping("/start")
	String begin(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "lang", defaultValue = "en") String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk, HttpServletRequest request, Model model) {
		Optional<UUID> kioskRound = kiosk(kiosk, language(lang), model, kioskIdle, kioskWarning);
		if (!limit.allowed()) {
			return startPage(language(lang), "join.slowDown", request, model);
		}
		Optional<ParticipationService.OpenRound> round = participation.roundOf(code);
		if (round.isEmpty() || kioskRound.isPresent() && !kioskRound.get().equals(round.get().roundId())) {
			limit.wrong();
			return startPage(language(lang), "join.codeNotValid", request, model);
		}
		return questionPage(new Answers(ParticipationCodes.normalize(code), language(lang), new LinkedHashMap<>()),
				round.get(), 0, request, model);
	}

	@PostMapping("/page")
	String page(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model) {
		// The language switch on a page of questions is a button of the form, so the
		// answers go with it.
		String lang = language(form.getFirst("switch") != null ? form.getFirst("switch") : form.getFirst("lang"));
		Optional<UUID> kioskRound = kiosk(form.getFirst("kiosk"), lang, model, kioskIdle, kioskWarning);
		// Every step that takes a code counts wrong ones against the one limit (invariant
		// 2). A page
		// signed for its own code passed the limit at the start, so someone half way
		// through is never
		// held up by another's guessing.
		String code = ParticipationCodes.normalize(form.getFirst("code"));
		Signed signed = signed(form.getFirst("t"), form.getFirst("sig"), code);
		if (signed == Signed.NOT) {
			if (!limit.allowed()) {
				return startPage(lang, "join.slowDown", request, model);
			}
			limit.wrong();
			return startPage(lang, null, request, model);
		}
		if (signed == Signed.LONG_AGO) {
			// The server made this page for this code: no guess, and no answer is echoed
			// back.
			model.addAttribute("reset", "join.reset.expired");
			return startPage(lang, null, request, model);
		}
		Optional<ParticipationService.OpenRound> round = participation.roundOf(code);
		if (round.isEmpty() || kioskRound.isPresent() && !kioskRound.get().equals(round.get().roundId())) {
			// A page signed for this code: the person had it working a moment ago. Used
			// by them (a
			// page sent twice, or Back after "Send") or a round that closed meanwhile
			// read alike.
			return startPage(lang, "join.codeUsedOrClosed", request, model);
		}
		Answers answers = new Answers(code, lang, collect(form, round.get().questionnaire()));
		int pages = pageCount(round.get().questionnaire());
		int current = Math.max(0, Math.min(pages, number(form.getFirst("page"), 0)));
		String go = form.getFirst("switch") != null ? "stay"
				: form.getFirst("go") == null ? "next" : form.getFirst("go");
		if (go.equals("submit")) {
			ParticipationService.Outcome outcome = participation.submit(code,
					kioskRound.isPresent() ? Channel.KIOSK : Channel.ONLINE, answers.submission());
			if (outcome == ParticipationService.Outcome.ACCEPTED) {
				return "redirect:" + UriComponentsBuilder.fromPath("/join/thanks")
					.queryParam("lang", lang)
					.queryParamIfPresent("kiosk", kioskRound.map(r -> form.getFirst("kiosk")))
					.encode()
					.toUriString();
			}
			return startPage(lang, "join.codeUsedOrClosed", request, model);
		}
		if (go.equals("about")) {
			return aboutPage(answers, current, request, model);
		}
		boolean fromReview = go.startsWith("change-") || "review".equals(form.getFirst("from")) && !go.equals("review");
		int target = switch (go) {
			case "back" -> current - 1;
			case "review" -> pages;
			case "stay" -> current;
			default -> go.startsWith("page-") ? number(go.substring(5), 0)
					: go.startsWith("change-") ? number(go.substring(7), 0) : current + 1;
		};
		target = Math.max(0, Math.min(pages, target));
		if (target == pages) {
			return reviewPage(answers, round.get(), request, model);
		}
		model.addAttribute("fromReview", fromReview);
		return questionPage(answers, round.get(), target, request, model);
	}

	/**
	 * One person's answers so far: {@code a.<item>}, {@code w.<item>} and
	 * {@code perspective}.
	 */
	record Answers(String code, String lang, Map<String, String> fields) {

		Submission submission() {
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

	}

	/**
	 * Only fields that fit the round's questionnaire are carried on; anything else is
	 * dropped.
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
			fields.put((item.isScale() ? "a." : "w.") + item.id(), item.isScale() ? value : value.strip());
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

	private String questionPage(Answers answers, ParticipationService.OpenRound round, int page,
			HttpServletRequest request, Model model) {
		Questionnaire questionnaire = round.questionnaire();
		List<Principle> principles = questionnaire.principles();
		model.addAttribute("questionnaire", questionnaire);
		model.addAttribute("page", page);
		model.addAttribute("pages", pageCount(questionnaire));
		model.addAttribute("principle", page < principles.size() ? principles.get(page) : null);
		model.addAttribute("heading",
				page < principles.size() ? principles.get(page).title().in(answers.lang()) : null);
		List<PageQuestion> questions = new ArrayList<>();
		if (page < principles.size()) {
			principles.get(page)
				.items()
				.forEach(item -> questions.add(PageQuestion.of(item, answers.fields(), answers.lang())));
		}
		else {
			questions.add(PageQuestion.of(questionnaire.perspective(), answers.fields(), answers.lang()));
		}
		model.addAttribute("questions", questions);
		model.addAttribute("longestWritten", PageQuestion.LONGEST_WRITTEN);
		List<String> onThisPage = questions.stream().map(PageQuestion::name).toList();
		Map<String, String> carried = new LinkedHashMap<>(answers.fields());
		carried.keySet().removeAll(onThisPage);
		model.addAttribute("carried", carried);
		model.addAttribute("answers", answers.fields());
		form(answers, model);
		language(request, answers.lang(), model);
		return "participation/page";
	}

	/**
	 * One page's part of the review: only what the person answered there, so the review
	 * stays short.
	 */
	public record ReviewPart(String title, int page, List<PageQuestion> answered) {
	}

	private String reviewPage(Answers answers, ParticipationService.OpenRound round, HttpServletRequest request,
			Model model) {
		Questionnaire questionnaire = round.questionnaire();
		List<ReviewPart> parts = new ArrayList<>();
		for (int page = 0; page < questionnaire.principles().size(); page++) {
			Principle principle = questionnaire.principles().get(page);
			parts.add(new ReviewPart(principle.title().in(answers.lang()), page,
					principle.items()
						.stream()
						.map(item -> PageQuestion.of(item, answers.fields(), answers.lang()))
						.filter(question -> question.given() != null)
						.toList()));
		}
		if (questionnaire.perspective() != null) {
			PageQuestion perspective = PageQuestion.of(questionnaire.perspective(), answers.fields(), answers.lang());
			parts.add(new ReviewPart(null, questionnaire.principles().size(),
					perspective.given() == null ? List.of() : List.of(perspective)));
		}
		model.addAttribute("parts", parts);
		model.addAttribute("questionnaire", round.questionnaire());
		model.addAttribute("answers", answers.fields());
		model.addAttribute("carried", answers.fields());
		model.addAttribute("pages", pageCount(round.questionnaire()));
		model.addAttribute("page", pageCount(round.questionnaire()));
		form(answers, model);
		language(request, answers.lang(), model);
		return "participation/review";
	}

	/**
	 * "What we keep about you", opened from a page of questions: the answers wait in the
	 * form to go back to.
	 */
	private String aboutPage(Answers answers, int page, HttpServletRequest request, Model model) {
		model.addAttribute("carried", answers.fields());
		model.addAttribute("page", page);
		model.addAttribute("returning", true);
		form(answers, model);
		language(request, answers.lang(), model);
		return "participation/about";
	}

	private void form(Answers answers, Model model) {
		long now = clock.instant().getEpochSecond();
		model.addAttribute("code", answers.code());
		model.addAttribute("t", now);
		model.addAttribute("sig", signature(now, answers.code()));
	}

	private String startPage(String lang, String problem, HttpServletRequest request, Model model) {
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
