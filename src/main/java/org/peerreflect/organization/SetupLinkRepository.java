package org.peerreflect.organization;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SetupLinkRepository extends JpaRepository<SetupLink, UUID> {

	@Query("select l from SetupLink l join fetch l.account where l.tokenHash = ?1")
	Optional<SetupLink> findByTokenHash(String tokenHash);

	/** A new link replaces every earlier unused one of the same account. */
	@Modifying
	@Query("delete from SetupLink l where l.account = ?1 and l.usedAt is null")
	void deleteUnusedOf(Account account);

}
