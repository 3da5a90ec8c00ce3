package org.peerreflect.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** With no administrator yet, prints the one line that lets the first one in. */
@Component
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final AccountService accounts;

	FirstStart(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		accounts.ensureAdministrator()
			.ifPresent(link -> log.info(
					"Peer Reflect has no administrator yet. Open this one-time link within 72 hours to set one up: {}",
					link));
	}

}
