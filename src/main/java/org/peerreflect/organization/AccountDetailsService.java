package org.peerreflect.organization;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds an account by email for signing in. */
@Service
class AccountDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return accounts.findByEmailIgnoreCase(email.strip())
			.map(SignedIn::new)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

}
