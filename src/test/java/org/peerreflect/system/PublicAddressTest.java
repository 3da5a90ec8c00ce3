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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "peer-reflect.public-url=")
class PublicAddressTest {

	@LocalServerPort
	int port;

	@Autowired
	PublicAddress address;

	@Autowired
	AccountService accounts;

	@Test
	void aSetupLinkFollowsTheServersRealPortWhenNoPublicAddressIsSet() {
		assertThat(port).isNotEqualTo(8080);
		assertThat(address.link("/join")).isEqualTo("http://localhost:" + port + "/join");
		String link = accounts
			.createOrganization("Port " + java.util.UUID.randomUUID(), java.util.UUID.randomUUID() + "@example.org")
			.link();
		assertThat(link).startsWith("http://localhost:" + port + "/setup/");
	}

}
