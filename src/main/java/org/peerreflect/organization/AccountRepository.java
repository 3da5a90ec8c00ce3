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

/**
 * The account table, in plain SQL like every other table. An account is read with its
 * organization, which every use of it names.
 */
@Repository
class AccountRepository {

	/** An account's columns and its organization's, for {@link #account}. */
	static final String COLUMNS = "a.id, a.email, a.role, a.password_hash, a.enabled, a.created_at, "
			+ "o.id as organization_id, o.name as organization_name, o.created_at as organization_created_at ";

	/**
	 * Where {@link #COLUMNS} come from: {@code a} the account, {@code o} its
	 * organization.
	 */
	static final String FROM = "from account a left join organization o on o.id = a.organization_id ";

	private static final String SELECT = "select " + COLUMNS + FROM;

	private final JdbcTemplate jdbc;

	AccountRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds the account unless its email is taken, even by someone added at the same
	 * moment; says whether it was added.
	 */
	boolean insert(Account account) {
		return 1 == jdbc.update(
				"insert into account (id, email, role, organization_id, password_hash, enabled, created_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
				account.getId(), account.getEmail(), account.getRole().name(),
				account.getOrganization() == null ? null : account.getOrganization().id(), account.getPasswordHash(),
				account.isEnabled(), utc(account.getCreatedAt()));
	}

	// Each change writes its own column only, so that two changes to one account at once
	// (a steward disabling it while its person chooses a password) both stay.

	void updateEmail(Account account) {
		jdbc.update("update account set email = ? where id = ?", account.getEmail(), account.getId());
	}

	void updatePassword(Account account) {
		jdbc.update("update account set password_hash = ? where id = ?", account.getPasswordHash(), account.getId());
	}

	void updateEnabled(Account account) {
		jdbc.update("update account set enabled = ? where id = ?", account.isEnabled(), account.getId());
	}

	Optional<Account> findById(UUID id) {
		return first(jdbc.query(SELECT + "where a.id = ?", AccountRepository::account, id));
	}

	Optional<Account> findByEmailIgnoreCase(String email) {
		return first(jdbc.query(SELECT + "where lower(a.email) = lower(?)", AccountRepository::account, email));
	}

	boolean existsByEmailIgnoreCase(String email) {
		return !jdbc.queryForList("select 1 from account where lower(email) = lower(?)", Integer.class, email)
			.isEmpty();
	}

	boolean existsByRole(Role role) {
		return !jdbc.queryForList("select 1 from account where role = ?", Integer.class, role.name()).isEmpty();
	}

	List<Account> findAllWithOrganization() {
		return jdbc.query(SELECT + "order by a.email", AccountRepository::account);
	}

	List<Account> findByOrganizationIdOrderByEmail(UUID organizationId) {
		return jdbc.query(SELECT + "where a.organization_id = ? order by a.email", AccountRepository::account,
				organizationId);
	}

	/** An account from a row with {@link #COLUMNS}. */
	static Account account(ResultSet row, int n) throws SQLException {
		UUID organizationId = row.getObject("organization_id", UUID.class);
		Organization organization = organizationId == null ? null : new Organization(organizationId,
				row.getString("organization_name"), instant(row, "organization_created_at"));
		return new Account(row.getObject("id", UUID.class), row.getString("email"), Role.valueOf(row.getString("role")),
				organization, row.getString("password_hash"), row.getBoolean("enabled"), instant(row, "created_at"));
	}

	private static <T> Optional<T> first(List<T> rows) {
		return rows.stream().findFirst();
	}

}
