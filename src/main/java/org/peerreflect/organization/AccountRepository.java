package org.peerreflect.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

	Optional<Account> findByEmailIgnoreCase(String email);

	boolean existsByEmailIgnoreCase(String email);

	boolean existsByRole(Role role);

	@Query("select a from Account a left join fetch a.organization order by a.email")
	List<Account> findAllWithOrganization();

	List<Account> findByOrganizationIdOrderByEmail(UUID organizationId);

}
