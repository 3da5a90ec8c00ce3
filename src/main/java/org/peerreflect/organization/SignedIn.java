package org.peerreflect.organization;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as the rest of the application sees it: who, in which role, for
 * which organization. Kept in the session (in the database on PostgreSQL), so it holds no
 * password once sign-in is done.
 */
public final class SignedIn implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID accountId;

	private final String email;

	private final Role role;

	private final UUID organizationId;

	private final String organizationName;

	private final boolean enabled;

	private String password;

	SignedIn(Account account) {
		this.accountId = account.getId();
		this.email = account.getEmail();
		this.role = account.getRole();
		this.organizationId = account.getOrganization() == null ? null : account.getOrganization().id();
		this.organizationName = account.getOrganization() == null ? null : account.getOrganization().name();
		this.enabled = account.isEnabled() && account.hasPassword();
		this.password = account.getPasswordHash();
	}

	public UUID accountId() {
		return accountId;
	}

	public Role role() {
		return role;
	}

	/** The organization of a steward or board reader; null for the administrator. */
	public UUID organizationId() {
		return organizationId;
	}

	public String organizationName() {
		return organizationName;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		password = null;
	}

}
