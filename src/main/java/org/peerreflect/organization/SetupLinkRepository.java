package org.peerreflect.organization;

import static org.peerreflect.system.SqlTimes.instant;
import static org.peerreflect.system.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The setup_link table, in plain SQL like every other table. */
@Repository
class SetupLinkRepository {

	private final JdbcTemplate jdbc;

	SetupLinkRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SetupLink link) {
		jdbc.update("insert into setup_link (id, token_hash, account_id, expires_at, used_at) values (?, ?, ?, ?, ?)",
				link.getId(), link.getTokenHash(), link.getAccount().getId(), utc(link.getExpiresAt()),
				utc(link.getUsedAt()));
	}

	/**
	 * Notes that the link was used, which it can be once: false when it already was, even
	 * by a request that arrived at the same moment.
	 */
	boolean markUsed(SetupLink link) {
		return 1 == jdbc.update("update setup_link set used_at = ? where id = ? and used_at is null",
				utc(link.getUsedAt()), link.getId());
	}

	/** A link with its account, by the hash of its token. */
	Optional<SetupLink> findByTokenHash(String tokenHash) {
		return jdbc
			.query("select l.id as link_id, l.token_hash, l.expires_at, l.used_at, " + AccountRepository.COLUMNS
					+ AccountRepository.FROM + "join setup_link l on l.account_id = a.id where l.token_hash = ?",
					SetupLinkRepository::link, tokenHash)
			.stream()
			.findFirst();
	}

	private static SetupLink link(ResultSet row, int n) throws SQLException {
		return new SetupLink(row.getObject("link_id", UUID.class), row.getString("token_hash"),
				AccountRepository.account(row, n), instant(row, "expires_at"), instant(row, "used_at"));
	}

	/** A new link replaces every earlier unused one of the same account. */
	void deleteUnusedOf(Account account) {
		jdbc.update("delete from setup_link where account_id = ? and used_at is null", account.getId());
	}

}
