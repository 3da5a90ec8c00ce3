package org.peerreflect.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
				link.getId(), link.getTokenHash(), link.getAccount().getId(), Timestamp.from(link.getExpiresAt()),
				link.getUsedAt() == null ? null : Timestamp.from(link.getUsedAt()));
	}

	/** Notes that the link was used, which it can be once. */
	void markUsed(SetupLink link) {
		jdbc.update("update setup_link set used_at = ? where id = ?", Timestamp.from(link.getUsedAt()), link.getId());
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
		Timestamp usedAt = row.getTimestamp("used_at");
		return new SetupLink(row.getObject("link_id", UUID.class), row.getString("token_hash"),
				AccountRepository.account(row, n), row.getTimestamp("expires_at").toInstant(),
				usedAt == null ? null : usedAt.toInstant());
	}

	/** A new link replaces every earlier unused one of the same account. */
	void deleteUnusedOf(Account account) {
		jdbc.update("delete from setup_link where account_id = ? and used_at is null", account.getId());
	}

}
