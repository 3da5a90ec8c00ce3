package org.peerreflect.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A one-time link to choose a password; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "setup_link")
public class SetupLink {

	@Id
	private UUID id;

	@Column(name = "token_hash", nullable = false, unique = true)
	private String tokenHash;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "account_id")
	private Account account;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	protected SetupLink() {
	}

	SetupLink(String tokenHash, Account account, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.tokenHash = tokenHash;
		this.account = account;
		this.expiresAt = expiresAt;
	}

	Account getAccount() {
		return account;
	}

	boolean usableAt(Instant now) {
		return usedAt == null && now.isBefore(expiresAt);
	}

	void use(Instant now) {
		this.usedAt = now;
	}

}
