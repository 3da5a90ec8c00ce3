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

	@PostMapping("/rounds/{id}/paper")
	String paper(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "encoding", defaultValue = "UTF-8") String encoding,
			@AuthenticationPrincipal SignedIn steward, RedirectAttributes redirect) throws IOException {
		Charset charset = "windows-1252".equals(encoding) ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
		String name = file.getOriginalFilename() == null ? "paper.csv"
				: file.getOriginalFilename().replace('\\', '/').replaceAll(".*/", "");
		try (InputStream in = file.getInputStream()) {
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
