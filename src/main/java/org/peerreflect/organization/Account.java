package org.peerreflect.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone who runs Peer Reflect: an administrator, a steward or a board reader. The
 * password is empty until the person opens their setup link.
 */
class Account {

	private final UUID id;

	private String email;

	private final Role role;

	private final Organization organization;

	private String passwordHash;

	private boolean enabled;

	private final Instant createdAt;

	/** A new account, enabled, without a password until its person chooses one. */
	Account(String email, Role role, Organization organization, Instant createdAt) {
		this(UUID.randomUUID(), email, role, organization, null, true, createdAt);
	}

	/**
	 * An account as its row holds it, with its organization (none for the administrator).
	 */
	Account(UUID id, String email, Role role, Organization organization, String passwordHash, boolean enabled,
			Instant createdAt) {
		this.id = id;
		this.email = email;
		this.role = role;
		this.organization = organization;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	public Role getRole() {
		return role;
	}

	Organization getOrganization() {
		return organization;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public boolean hasPassword() {
		return passwordHash != null;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void setEmail(String email) {
		this.email = email;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
