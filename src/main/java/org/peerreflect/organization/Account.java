package org.peerreflect.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Someone who runs Peer Reflect: an administrator, a steward or a board reader. The
 * password is empty until the person opens their setup link.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "organization_id")
	private Organization organization;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Account() {
	}

	Account(String email, Role role, Organization organization, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.email = email;
		this.role = role;
		this.organization = organization;
		this.enabled = true;
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

	public Organization getOrganization() {
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
