package org.peerreflect.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The organization table, in plain SQL like every other table. */
@Repository
class OrganizationRepository {

	private final JdbcTemplate jdbc;

	OrganizationRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Organization organization) {
		jdbc.update("insert into organization (id, name, created_at) values (?, ?, ?)", organization.id(),
				organization.name(), Timestamp.from(organization.createdAt()));
	}

	boolean existsByNameIgnoreCase(String name) {
		return !jdbc.queryForList("select 1 from organization where lower(name) = lower(?)", Integer.class, name)
			.isEmpty();
	}

	Optional<Organization> findById(UUID id) {
		return jdbc
			.query("select id, name, created_at from organization where id = ?", OrganizationRepository::organization,
					id)
			.stream()
			.findFirst();
	}

	List<Organization> findAllByOrderByNameAsc() {
		return jdbc.query("select id, name, created_at from organization order by name",
				OrganizationRepository::organization);
	}

	private static Organization organization(ResultSet row, int n) throws SQLException {
		return new Organization(row.getObject("id", UUID.class), row.getString("name"),
				row.getTimestamp("created_at").toInstant());
	}

}
