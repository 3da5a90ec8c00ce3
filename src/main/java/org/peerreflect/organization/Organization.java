package org.peerreflect.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * A peer-run community using this deployment. Nothing of one is ever visible to another.
 */
record Organization(UUID id, String name, Instant createdAt) {

	static Organization named(String name, Instant createdAt) {
		return new Organization(UUID.randomUUID(), name, createdAt);
	}

}
