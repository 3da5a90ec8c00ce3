package org.peerreflect.participation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;
import org.peerreflect.round.Channel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The participant's pages (invariant 11). No server session: the code, the language and the answers
 * so far travel in the pages' own form fields, always by POST, and nothing is stored before the
 * final submit. Each form carries a server-signed time; a post older than the idle limit, or with a
 * code that no longer works, gets the start page and echoes nothing.
 */
@Controller
@RequestMapping("/join")
class JoinController {

	/** The request attribute the locale resolver takes the page's language from. */
	static final String LANGUAGE = JoinController.class.getName() + ".language";

	static final Duration IDLE = Duration.ofMinutes(20);

	/** A kiosk goes back to its start page after this long without a click. */
	static final Duration KIOSK_IDLE = Duration.ofMinutes(3);

	/** And this long after the thank-you page. */
	static final Duration KIOSK_THANKS = Duration.ofSeconds(10);

	private final ParticipationService participation;

	private final CodeKey key;

	private final WrongCodeLimit limit;

	private final Clock clock;

	private final Kiosks kiosks;

	JoinController(ParticipationService participation, CodeKey key, WrongCodeLimit limit, Clock clock, Kiosks kiosks) {
		this.participation = participation;
		this.key = key;
		this.limit = limit;
		this.clock = clock;
		this.kiosks = kiosks;
	}

	/** Nothing of these pages is kept by a browser or a proxy. */
	@ModelAttribute
	void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
	}

	@GetMapping
	String start(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request, Model model) {
		return startPage(language(lang), null, request, model);
	}

	/** A shared device's start page for one round, as a steward set it up. */
	@GetMapping("/kiosk/{round}/{signature}")
	String kiosk(@org.springframework.web.bind.annotation.PathVariable String round,
			@org.springframework.web.bind.annotation.PathVariable String signature,
			@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request, Model model) {
		String kiosk = round + "/" + signature;
		if (kioskRound(kiosk).isEmpty()) {
			return startPage(language(lang), "join.kioskNotValid", request, model);
		}
		model.addAttribute("kiosk", kiosk);
		return startPage(language(lang), null, request, model);
	}

	private Optional<java.util.UUID> kioskRound(String kiosk) {
		return kiosks.round(kiosk);
	}

	/** Keeps a valid kiosk on the page, with its way home after a few idle minutes. */
	private Optional<java.util.UUID> kiosk(String kiosk, Model model, Duration idle) {
		Optional<java.util.UUID> round = kioskRound(kiosk);
		round.ifPresent(r -> {
			model.addAttribute("kiosk", kiosk);
			model.addAttribute("kioskHome", "/join/kiosk/" + kiosk);
			model.addAttribute("refresh", idle.toSeconds());
		});
		return round;
	}

	@GetMapping("/about")
	String about(@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request, Model model) {
		language(request, language(lang), model);
		return "participation/about";
	}

	@PostMapping("/start")
	String begin(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "lang", defaultValue = "en") String lang,
			@RequestParam(name = "kiosk", required = false) String kiosk, HttpServletRequest request, Model model) {
		Optional<java.util.UUID> kioskRound = kiosk(kiosk, model, KIOSK_IDLE);
		if (!limit.allowed()) {
			return startPage(language(lang), "join.slowDown", request, model);
		}
		Optional<ParticipationService.OpenRound> round = participation.roundOf(code);
		if (round.isEmpty() || kioskRound.isPresent() && !kioskRound.get().equals(round.get().roundId())) {
			limit.wrong();
			return startPage(language(lang), "join.codeNotValid", request, model);
		}
		return questionPage(new Answers(ParticipationCodes.normalize(code), language(lang), new LinkedHashMap<>()), round.get(),
				0, request, model);
	}

	@PostMapping("/page")
	String page(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model) {
		String lang = language(form.getFirst("lang"));
		Optional<java.util.UUID> kioskRound = kiosk(form.getFirst("kiosk"), model, KIOSK_IDLE);
		// Every step that takes a code counts wrong ones against the one limit (invariant 2). A page
		// signed for its own code passed the limit at the start, so someone half way through is never
		// held up by another's guessing.
		String code = ParticipationCodes.normalize(form.getFirst("code"));
		if (!signedRecently(form.getFirst("t"), form.getFirst("sig"), code)) {
			if (!limit.allowed()) {
				return startPage(lang, "join.slowDown", request, model);
			}
			limit.wrong();
			return startPage(lang, null, request, model);
		}
		Optional<ParticipationService.OpenRound> round = participation.roundOf(code);
		if (round.isEmpty() || kioskRound.isPresent() && !kioskRound.get().equals(round.get().roundId())) {
			limit.wrong();
			return startPage(lang, "join.codeNotValid", request, model);
		}
		Answers answers = new Answers(code, lang, collect(form, round.get().questionnaire()));
		int pages = pageCount(round.get().questionnaire());
		int current = number(form.getFirst("page"), 0);
		String go = form.getFirst("go") == null ? "next" : form.getFirst("go");
		if (go.equals("submit")) {
			ParticipationService.Outcome outcome = participation.submit(code,
					kioskRound.isPresent() ? Channel.KIOSK : Channel.ONLINE, answers.submission());
			if (outcome == ParticipationService.Outcome.ACCEPTED) {
				language(request, lang, model);
				kiosk(form.getFirst("kiosk"), model, KIOSK_THANKS);
				return "participation/thanks";
			}
			limit.wrong();
			return startPage(lang, "join.codeNotValid", request, model);
		}
		int target = switch (go) {
			case "back" -> current - 1;
			case "review" -> pages;
			default -> go.startsWith("page-") ? number(go.substring(5), 0) : current + 1;
		};
		target = Math.max(0, Math.min(pages, target));
		if (target == pages) {
			return reviewPage(answers, round.get(), request, model);
		}
		return questionPage(answers, round.get(), target, request, model);
	}

	/** One person's answers so far: {@code a.<item>}, {@code w.<item>} and {@code perspective}. */
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

	/** Only fields that fit the round's questionnaire are carried on; anything else is dropped. */
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
		if (perspective != null && questionnaire.perspective() != null && questionnaire.perspective().indexOf(perspective) >= 0) {
			fields.put("perspective", perspective);
		}
		return fields;
	}

	static int pageCount(Questionnaire questionnaire) {
		return questionnaire.principles().size() + (questionnaire.perspective() == null ? 0 : 1);
	}

	private String questionPage(Answers answers, ParticipationService.OpenRound round, int page, HttpServletRequest request,
			Model model) {
		Questionnaire questionnaire = round.questionnaire();
		List<Principle> principles = questionnaire.principles();
		model.addAttribute("questionnaire", questionnaire);
		model.addAttribute("page", page);
		model.addAttribute("pages", pageCount(questionnaire));
		model.addAttribute("principle", page < principles.size() ? principles.get(page) : null);
		List<PageQuestion> questions = new ArrayList<>();
		if (page < principles.size()) {
			principles.get(page).items().forEach(item -> questions.add(PageQuestion.of(item, answers.fields(), answers.lang())));
		}
		else {
			questions.add(PageQuestion.of(questionnaire.perspective(), answers.fields(), answers.lang()));
		}
		model.addAttribute("questions", questions);
		List<String> onThisPage = questions.stream().map(PageQuestion::name).toList();
		Map<String, String> carried = new LinkedHashMap<>(answers.fields());
		carried.keySet().removeAll(onThisPage);
		model.addAttribute("carried", carried);
		model.addAttribute("answers", answers.fields());
		form(answers, model);
		language(request, answers.lang(), model);
		return "participation/page";
	}

	private String reviewPage(Answers answers, ParticipationService.OpenRound round, HttpServletRequest request, Model model) {
		model.addAttribute("questionnaire", round.questionnaire());
		model.addAttribute("answers", answers.fields());
		model.addAttribute("carried", answers.fields());
		model.addAttribute("pages", pageCount(round.questionnaire()));
		model.addAttribute("page", pageCount(round.questionnaire()));
		form(answers, model);
		language(request, answers.lang(), model);
		return "participation/review";
	}

	private void form(Answers answers, Model model) {
		long now = clock.instant().getEpochSecond();
		model.addAttribute("code", answers.code());
		model.addAttribute("t", now);
		model.addAttribute("sig", signature(now, answers.code()));
	}

	private String startPage(String lang, String problem, HttpServletRequest request, Model model) {
		language(request, lang, model);
		model.addAttribute("problem", problem);
		return "participation/start";
	}

	/** The server's signature on a page's time, bound to the code the page was made for. */
	private String signature(long time, String code) {
		return key.hash("join-time:" + time + ":" + code);
	}

	private boolean signedRecently(String time, String signature, String code) {
		if (time == null || signature == null) {
			return false;
		}
		long t;
		try {
			t = Long.parseLong(time);
		}
		catch (NumberFormatException e) {
			return false;
		}
		long now = clock.instant().getEpochSecond();
		return java.security.MessageDigest.isEqual(signature(t, code).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) && t <= now + 60
				&& now - t <= IDLE.toSeconds();
	}

	private static void language(HttpServletRequest request, String lang, Model model) {
		request.setAttribute(LANGUAGE, Locale.forLanguageTag(lang));
		model.addAttribute("lang", lang);
	}

	static String language(String lang) {
		return "es".equals(lang) ? "es" : "en";
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
