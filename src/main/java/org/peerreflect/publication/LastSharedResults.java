package org.peerreflect.publication;

import java.util.Optional;
import java.util.UUID;

import org.peerreflect.participation.KioskResults;
import org.peerreflect.round.ResultsLinks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results a closed round's kiosk offers: those of its organization's last published
 * round, and only while they are shared; an older round's results are not put forward in
 * place of the latest.
 */
@Component
@Transactional(readOnly = true)
class LastSharedResults implements KioskResults {

	private final JdbcTemplate jdbc;

	private final ResultsLinks links;

	LastSharedResults(JdbcTemplate jdbc, ResultsLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	@Override
	public Optional<String> lastShared(UUID kioskRound) {
		return jdbc
			.queryForList("select p.round_id from published_report p join round r on r.id = p.round_id "
					+ "where r.organization_id = (select organization_id from round where id = ?) "
					+ "order by p.published_at desc fetch first 1 rows only", UUID.class, kioskRound)
			.stream()
			.findFirst()
			.flatMap(links::token)
			.filter(token -> links.visit(token).filter(ResultsLinks.Visit::shared).isPresent());
	}

}
