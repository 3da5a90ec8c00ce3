package org.peerreflect.organization;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, UUID> {

	boolean existsByNameIgnoreCase(String name);

	List<Organization> findAllByOrderByNameAsc();

}
