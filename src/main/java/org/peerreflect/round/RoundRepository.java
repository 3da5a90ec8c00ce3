package org.peerreflect.round;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RoundRepository extends JpaRepository<Round, UUID> {

	/** SELECT ... FOR UPDATE: submitting and closing take turns on the round's row. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Round r where r.id = ?1")
	Optional<Round> lockById(UUID id);

	List<Round> findByOrganizationIdOrderByCreatedAtDesc(UUID organizationId);

}
