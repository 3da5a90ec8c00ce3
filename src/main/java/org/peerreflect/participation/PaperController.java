package org.peerreflect.participation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.peerreflect.organization.SignedIn;
import org.peerreflect.round.RoundProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A steward types in the answers given on paper, as a CSV with a code per row. */
@Controller
class PaperController {

	private final ParticipationService participation;

	PaperController(ParticipationService participation) {
		this.participation = participation;
	}

	/** A post without the form's file (not multipart, or another part) reads as an empty file, not a server error. */
	@PostMapping("/rounds/{id}/paper")
	String paper(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "encoding", defaultValue = "UTF-8") String encoding,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) throws IOException {
		Charset charset = "windows-1252".equals(encoding) ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
		String name = file == null || file.getOriginalFilename() == null ? "paper.csv"
				: file.getOriginalFilename().replace('\\', '/').replaceAll(".*/", "");
		if (file != null && !file.isEmpty() && !name.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(csv|txt)")) {
			redirect.addFlashAttribute("problem", "paper.notCsv");
			return "redirect:/rounds/" + id;
		}
		if (file != null && file.getSize() > ParticipationService.LARGEST_PAPER_FILE) {
			redirect.addFlashAttribute("problem", "paper.tooLarge");
			return "redirect:/rounds/" + id;
		}
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			int stored = participation.importPaper(id, steward.organizationId(), name, in, charset);
			redirect.addFlashAttribute("paperStored", stored);
		}
		catch (ParticipationService.PaperRefused refused) {
			redirect.addFlashAttribute("paperProblems", refused.problems().stream().map(Object::toString).toList());
		}
		catch (RoundProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return "redirect:/rounds/" + id;
	}

}
