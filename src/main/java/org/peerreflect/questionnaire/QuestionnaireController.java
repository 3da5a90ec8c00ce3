package org.peerreflect.questionnaire;

import java.io.IOException;

import org.peerreflect.organization.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Questionnaires on offer to a steward's organization, and uploading one of its own. */
@Controller
class QuestionnaireController {

	private final QuestionnaireCatalog catalog;

	QuestionnaireController(QuestionnaireCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/questionnaires")
	String list(@AuthenticationPrincipal SignedIn steward, Model model,
			@RequestParam(name = "tooLarge", required = false) String tooLarge) {
		if (tooLarge != null) {
			model.addAttribute("problem", "questionnaires.tooLarge");
		}
		return list(steward, model);
	}

	private String list(SignedIn steward, Model model) {
		model.addAttribute("offered", catalog.offeredTo(steward.organizationId()));
		return "questionnaire/list";
	}

	/**
	 * A post without the form's file (not multipart, or another part) reads as an empty
	 * file, not a server error.
	 */
	@PostMapping("/questionnaires")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal SignedIn steward, Model model) throws IOException {
		String name = fileName(file == null ? null : file.getOriginalFilename());
		if (file == null || file.isEmpty()) {
			model.addAttribute("problem", "questionnaires.emptyFile");
		}
		else if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
			model.addAttribute("problem", "questionnaires.notYaml");
		}
		else {
			model.addAttribute("check", catalog.upload(steward.organizationId(), name, file.getBytes()));
		}
		return list(steward, model);
	}

	@GetMapping("/admin/questionnaires")
	String forAdministrator(Model model) {
		model.addAttribute("shared", catalog.shared());
		model.addAttribute("invalidFiles", catalog.invalidFiles());
		return "questionnaire/admin";
	}

	/** Only the file's own name is kept and shown back, never a path the browser sent. */
	static String fileName(String sent) {
		String name = sent == null ? "" : sent.replace('\\', '/').replaceAll(".*/", "").strip();
		return name.isEmpty() ? "upload.yaml" : name;
	}

}
