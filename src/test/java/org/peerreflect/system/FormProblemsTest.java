package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A form sent with problems comes back with every problem at once: a summary at the top
 * whose links lead to the fields, each problem beside its field and tied to it for screen
 * readers, in the person's language and our own words (never a validator's), and what was
 * typed kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormProblemsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	private String send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form)
			throws Exception {
		return mvc.perform(form.with(csrf())).andReturn().getResponse().getContentAsString();
	}

	/** The links of the error summary, and its words. */
	private static List<String> summary(String page) {
		int start = page.indexOf("error-summary");
		assertThat(start).as("an error summary").isPositive();
		String box = page.substring(start, page.indexOf("</div>", start));
		return Html.tags(box, "a").stream().map(a -> a.attribute("href")).toList();
	}

	@Test
	void aNewRoundWithTwoProblemsSaysBothInSpanishAndKeepsWhatWasTyped() throws Exception {
		People.Person steward = new People(accounts, signIn, jdbc).organization("Forms").steward();
		String page = send(post("/rounds").with(user(steward.principal()))
			.header("Accept-Language", "es")
			.param("name", " ")
			.param("questionnaire", "peer-support-principles@1")
			.param("language", "es")
			.param("minGroupSize", "2"));
		assertThat(summary(page)).containsExactlyInAnyOrder("#name", "#minGroupSize");
		String text = Html.text(page);
		assertThat(text).contains("Hay un problema")
			.contains("ponle un nombre a la ronda")
			.contains("al menos 3 personas")
			.doesNotContain("must")
			.doesNotContain("debe ser mayor");
		Html.Tag name = Html.tags(page, "input")
			.stream()
			.filter(i -> "name".equals(i.attribute("id")))
			.findFirst()
			.orElseThrow();
		assertThat(name.attribute("aria-invalid")).isEqualTo("true");
		assertThat(page).contains("id=\"" + name.attribute("aria-describedby") + "\"");
		Html.Tag size = Html.tags(page, "input")
			.stream()
			.filter(i -> "minGroupSize".equals(i.attribute("id")))
			.findFirst()
			.orElseThrow();
		assertThat(size.attribute("value")).as("what was typed is kept").isEqualTo("2");
		assertThat(size.attribute("aria-describedby")).contains("minGroupSize-error");
	}

	@Test
	void aNewPasswordTooShortAndNotRepeatedSaysBoth() throws Exception {
		People.Person steward = new People(accounts, signIn, jdbc).organization("Passwords").steward();
		String page = send(post("/account/password").with(user(steward.principal()))
			.param("current", People.PASSWORD)
			.param("password", "short")
			.param("repeat", "other"));
		assertThat(summary(page)).containsExactly("#password", "#repeat");
		assertThat(Html.text(page)).contains("There is a problem")
			.contains("needs at least 12 characters")
			.contains("The two passwords are not the same");
	}

}
