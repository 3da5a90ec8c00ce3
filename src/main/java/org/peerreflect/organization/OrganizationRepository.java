package org.peerreflect.organization;

import static org.peerreflect.system.SqlTimes.instant;
import static org.peerreflect.system.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
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

	/**
	 * Adds the organization unless its name is taken, even by one added at the same
	 * moment; says whether it was added.
	 */
	boolean insert(Organization organization) {
		return 1 == jdbc.update(
				"insert into organization (id, name, created_at) values (?, ?, ?) on conflict do nothing",
				organization.id(), organization.name(), utc(organization.createdAt()));
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

	/** Whether the organization lets its rounds share results with no account. */
	boolean resultsPages(UUID id) {
		return jdbc.queryForList("select results_pages from organization where id = ?", Boolean.class, id)
			.stream()
			.findFirst()
			.orElse(false);
	}

	void setResultsPages(UUID id, boolean allowed) {
		jdbc.update("update organization set results_pages = ? where id = ?", allowed, id);
	}

	/** The organization's own words that could tell who wrote an answer, as kept. */
	String identifyingWords(UUID id) {
		return jdbc.queryForList("select identifying_words from organization where id = ?", String.class, id)
			.stream()
			.findFirst()
			.orElse("");
	}

	void setIdentifyingWords(UUID id, String words) {
		jdbc.update("update organization set identifying_words = ? where id = ?", words, id);
	}

	private static Organization organization(ResultSet row, int n) throws SQLException {
		return new Organization(row.getObject("id", UUID.class), row.getString("name"), instant(row, "created_at"));
	}

}
