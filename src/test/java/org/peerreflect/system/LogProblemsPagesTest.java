package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.RoundService;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Where the database server keeps copies of its log that the application cannot retire
 * (invariant 3), the administrator and the round's steward are told in plain words, with
 * what to ask for; where nothing does, nothing is said.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LogProblemsPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RoundService rounds;

	@MockitoBean
	DatabaseFiles files;

	@Test
	void theAdministratorAndTheStewardAreToldWhatKeepsTheLog() throws Exception {
		People people = new People(accounts, signIn, jdbc);
		People.Organization harbour = people.organization("Log " + UUID.randomUUID());
		UUID round = rounds.create(harbour.id(), "Spring", "peer-support-principles", 1, "en", 5).id();

		when(files.logProblems()).thenReturn(List.of());
		assertThat(page(people.administrator(), "/admin")).doesNotContain("cannot clear");
		assertThat(page(harbour.steward(), "/rounds/" + round)).doesNotContain("cannot clear");

		when(files.logProblems()).thenReturn(List.of("database.log.recycle", "database.log.grants"));
		for (String page : List.of(page(people.administrator(), "/admin"),
				page(harbour.steward(), "/rounds/" + round))) {
			assertThat(page).contains("The database server keeps copies of answers that Peer Reflect cannot clear")
				.contains("wal_recycle = off")
				.contains("pg_checkpoint")
				.contains("docs/operations.md")
				.doesNotContain("archive_mode");
		}
	}

	private String page(People.Person person, String path) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(user(person.principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
