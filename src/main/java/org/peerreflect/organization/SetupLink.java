package org.peerreflect.organization;

import java.time.Instant;
import java.util.UUID;

/** A one-time link to choose a password; only the SHA-256 of its token is kept. */
class SetupLink {

	private final UUID id;

	private final String tokenHash;

	private final Account account;

	private final Instant expiresAt;

	private Instant usedAt;

	/** A new link, unused. */
	SetupLink(String tokenHash, Account account, Instant expiresAt) {
		this(UUID.randomUUID(), tokenHash, account, expiresAt, null);
	}

	/** A link as its row holds it, with its account. */
	SetupLink(UUID id, String tokenHash, Account account, Instant expiresAt, Instant usedAt) {
		this.id = id;
		this.tokenHash = tokenHash;
		this.account = account;
		this.expiresAt = expiresAt;
		this.usedAt = usedAt;
	}

	UUID getId() {
		return id;
	}

	String getTokenHash() {
		return tokenHash;
	}

	Account getAccount() {
		return account;
	}

	Instant getExpiresAt() {
		return expiresAt;
	}

	Instant getUsedAt() {
		return usedAt;
	}

	boolean usableAt(Instant now) {
		return usedAt == null && now.isBefore(expiresAt);
	}

	void use(Instant now) {
		this.usedAt = now;
	}

}
