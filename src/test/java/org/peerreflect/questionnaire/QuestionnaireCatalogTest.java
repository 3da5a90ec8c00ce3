package org.peerreflect.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The questionnaires on offer come from the jar and from the folder; a file with errors
 * is left out, and its errors, with line numbers, go to the log and to the
 * administrator's page.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "peer-reflect.admin.email=keeper@example.org",
		"peer-reflect.admin.password=a long admin password" })
@AutoConfigureMockMvc
class QuestionnaireCatalogTest {

	static final Path FOLDER = folder();

	@Autowired
	QuestionnaireCatalog catalog;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	static Path folder() {
		try {
			Path folder = Files.createTempDirectory("questionnaires");
			Files.writeString(folder.resolve("broken.yaml"), """
					id: broken
					version: 1
					languages: [en]
					title: {en: "Broken"}
					principles:
					  - id: p
					    title: {en: "P"}
					    items:
					      - {id: p-1, type: scale, scale: agree5, text: {en: "We meet."}}
					""");
			Files.writeString(folder.resolve("circle.yaml"), """
					id: circle
					version: 2
					languages: [en]
					title: {en: "Our circle"}
					principles:
					  - id: p
					    title: {en: "P"}
					    items:
					      - {id: p-say, type: text, text: {en: "What matters to us?"}}
					""");
			return folder;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void questionnaireFolder(DynamicPropertyRegistry registry) {
		registry.add("peer-reflect.questionnaire-folder", FOLDER::toString);
	}

	@Test
	void validFilesAreOfferedBesideTheBundledOneAndTheBrokenOneIsLeftOut() {
		assertThat(catalog.shared()).extracting(Questionnaire::id).containsExactly("peer-support-principles", "circle");
		assertThat(catalog.invalidFiles()).singleElement()
			.satisfies(check -> assertThat(check.file()).endsWith("broken.yaml"));
	}

	@Autowired
	UploadedQuestionnaireRepository uploads;

	@Test
	void theBrokenFilesErrorsAreLoggedWithTheirLine(CapturedOutput output) {
		new QuestionnaireCatalog(FOLDER.toString(), uploads, java.time.Clock.systemUTC());
		assertThat(output.getOut()).contains(
				"Questionnaire left out: " + FOLDER.resolve("broken.yaml") + ":9: item p-1: unknown scale 'agree5'");
	}

	@Test
	void theAdministratorSeesTheErrorsOnTheirPage() throws Exception {
		mvc.perform(get("/admin/questionnaires").with(user(accounts.loadUserByUsername("keeper@example.org"))))
			.andExpect(status().isOk())
			.andExpect(content().string(
					org.hamcrest.Matchers.containsString("broken.yaml:9: item p-1: unknown scale &#39;agree5&#39;")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("Our circle (circle, version 2, 1 question)")));
	}

}
