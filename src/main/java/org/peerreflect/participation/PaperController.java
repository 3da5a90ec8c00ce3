package org.peerreflect.participation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.peerreflect.answers.AnswersCsv;
import org.peerreflect.organization.SignedIn;
import org.peerreflect.printed.PaperForm;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.peerreflect.system.Refusal;
import org.peerreflect.system.Refusals;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Paper, from the round's page: the form to print in the round's language, a spreadsheet
 * to type the forms into (its header row the very columns the upload reads), and the
 * upload, a code per row.
 */
@Controller
class PaperController {

	private final ParticipationService participation;

	private final RoundService rounds;

	private final MessageSource messages;

	PaperController(ParticipationService participation, RoundService rounds, MessageSource messages) {
		this.participation = participation;
		this.rounds = rounds;
		this.messages = messages;
	}

	@GetMapping("/rounds/{id}/paper-form.pdf")
	void form(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, HttpServletResponse response)
			throws IOException {
		RoundView round = rounds.round(id, steward.organizationId());
		Questionnaire questionnaire = rounds.questionnaire(id, steward.organizationId());
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"paper-form.pdf\"");
		PaperForm.write(questionnaire, round.language(), response.getOutputStream());
	}

	/**
	 * The columns to type into: the code, every item in the order of the form, the
	 * perspective.
	 */
	@GetMapping("/rounds/{id}/paper-answers.csv")
	void spreadsheet(@PathVariable UUID id, @AuthenticationPrincipal SignedIn steward, HttpServletResponse response)
			throws IOException {
		Questionnaire questionnaire = rounds.questionnaire(id, steward.organizationId());
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"paper-answers.csv\"");
		response.getOutputStream()
			.write((String.join(",", AnswersCsv.header(questionnaire, true)) + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A post without the form's file (not multipart, or another part) reads as an empty
	 * file, not a server error.
	 */
	@PostMapping("/rounds/{id}/paper")
	String paper(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "encoding", defaultValue = "UTF-8") String encoding,
			@AuthenticationPrincipal SignedIn steward, Locale locale, RedirectAttributes redirect) throws IOException {
		Charset charset = "windows-1252".equals(encoding) ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
		String name = file == null || file.getOriginalFilename() == null ? "paper.csv"
				: file.getOriginalFilename().replace('\\', '/').replaceAll(".*/", "");
		// A file named as something else is refused by its name, even when empty; no file
		// chosen at all (an empty name) reads as an empty file.
		if (!name.isEmpty() && !name.toLowerCase(Locale.ROOT).matches(".*\\.(csv|txt)")) {
			redirect.addFlashAttribute(Refusals.PROBLEM, "paper.notCsv");
			return "redirect:/rounds/" + id;
		}
		if (file != null && file.getSize() > ParticipationService.LARGEST_PAPER_FILE) {
			redirect.addFlashAttribute(Refusals.PROBLEM, "paper.tooLarge");
			return "redirect:/rounds/" + id;
		}
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			int stored = participation.importPaper(id, steward.organizationId(), name, in, charset);
			redirect.addFlashAttribute("paperStored", stored);
		}
		catch (ParticipationService.PaperRefused refused) {
			redirect.addFlashAttribute("paperProblems",
					PaperProblems.describe(refused.problems(), rounds.questionnaire(id, steward.organizationId()),
							rounds.round(id, steward.organizationId()).language(), messages, locale));
		}
		catch (Refusal refusal) {
			Refusals.keep(redirect, refusal);
			return "redirect:/rounds/" + id;
		}
		// The result is drawn at the top of the page, where the address takes the reader.
		return "redirect:/rounds/" + id + "#paper-result";
	}

}
