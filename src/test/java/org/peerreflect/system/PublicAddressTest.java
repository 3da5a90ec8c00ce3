package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With no public address set, links name the port the server really listens on, not 8080.
 */
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "peer-reflect.public-url=")
class PublicAddressTest {

	@LocalServerPort
	int port;

	@Autowired
	PublicAddress address;

	@Autowired
	AccountService accounts;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService signIn;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	org.peerreflect.round.RoundService rounds;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void aSetupLinkFollowsTheServersRealPortWhenNoPublicAddressIsSet() {
		assertThat(port).isNotEqualTo(8080);
		assertThat(address.link("/join")).isEqualTo("http://localhost:" + port + "/join");
		String link = accounts
			.createOrganization("Port " + java.util.UUID.randomUUID(), java.util.UUID.randomUUID() + "@example.org")
			.link();
		assertThat(link).startsWith("http://localhost:" + port + "/setup/");
	}

	@Test
	void onlyAnAddressOfThisMachineIsTakenForOne() {
		assertThat(PublicAddress.onlyThisMachine("http://localhost:8080/join")).isTrue();
		assertThat(PublicAddress.onlyThisMachine("http://LOCALHOST/join")).isTrue();
		assertThat(PublicAddress.onlyThisMachine("http://127.0.0.1:8080/join")).isTrue();
		assertThat(PublicAddress.onlyThisMachine("http://[::1]:8080/join")).isTrue();
		assertThat(PublicAddress.onlyThisMachine("https://reflect.example.org/join")).isFalse();
		assertThat(PublicAddress.onlyThisMachine("https://localhost.example.org/join")).isFalse();
		assertThat(PublicAddress.onlyThisMachine("http://192.168.1.20:8080/join?lang=es")).isFalse();
	}

	/**
	 * With no public address, the round's page shows the {@code localhost} address the
	 * cards would carry and warns, in plain words, before anything is printed.
	 */
	@Test
	void theRoundPageWarnsWhenTheCardsWouldCarryLocalhost() throws Exception {
		org.peerreflect.testing.People.Person steward = new org.peerreflect.testing.People(accounts, signIn, jdbc)
			.organization("Local")
			.steward();
		java.util.UUID round = rounds
			.create(steward.principal().organizationId(), "Here", "peer-support-principles", 1, "es", 5)
			.id();
		String page = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/rounds/" + round)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(steward.principal())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("http://localhost:" + port + "/join?lang=es")
			.contains("id=\"cards-address-local\"")
			.contains("phones cannot reach it");
	}

}
