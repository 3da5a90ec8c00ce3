package org.peerreflect.round;

import static org.peerreflect.system.SqlTimes.instant;
import static org.peerreflect.system.SqlTimes.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.peerreflect.organization.AccountService;
import org.peerreflect.organization.SharedResults;
import org.peerreflect.system.Tokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each round's one address for everyone who took part: the same for all, with nothing in
 * it that tells one person from another. It shows results only while the steward shares
 * them; nothing about who opened it, or how often, is kept.
 */
@Service
@Transactional
public class ResultsLinks implements SharedResults {

	/** Where a link stands: not shared yet, shared, or shared and then stopped. */
	public enum State {

		WAITING, SHARED, STOPPED

	}

	/** A round's link as its steward sees it. */
	public record Link(String token, State state, boolean withWords, Instant sharedAt) {

		public String path() {
			return "/results/" + token;
		}

		public boolean shared() {
			return state == State.SHARED;
		}

	}

	/** What a visitor's token leads to: the round, never the person. */
	public record Visit(UUID roundId, UUID organizationId, String language, RoundState roundState, State state,
			boolean withWords) {

		public boolean shared() {
			return state == State.SHARED && roundState == RoundState.PUBLISHED;
		}

	}

	private final RoundService rounds;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AccountService organizations;

	ResultsLinks(RoundService rounds, JdbcTemplate jdbc, Clock clock, AccountService organizations) {
		this.organizations = organizations;
		this.rounds = rounds;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The round's link, made now if it has none yet: when its first cards are printed, or
	 * when the steward asks for it.
	 */
	public Link ensure(UUID roundId, UUID organizationId) {
		rounds.round(roundId, organizationId);
		make(jdbc, roundId);
		return find(roundId).orElseThrow();
	}

	/**
	 * Gives the round its link unless it has one: one made at the same moment by another
	 * request stays the round's.
	 */
	static void make(JdbcTemplate jdbc, UUID roundId) {
		jdbc.update("insert into results_link (round_id, token, state, with_words) values (?, ?, ?, false) "
				+ "on conflict do nothing", roundId, Tokens.next(), State.WAITING.name());
	}

	@Transactional(readOnly = true)
	public Optional<Link> link(UUID roundId, UUID organizationId) {
		rounds.round(roundId, organizationId);
		return find(roundId);
	}

	/**
	 * Shares a published round's results on its link, with the group's own words only
	 * when the steward chose them; sharing again after a stop is the same.
	 */
	public Link share(UUID roundId, UUID organizationId, boolean withWords) {
		rounds.lockIn(roundId, organizationId, RoundState.PUBLISHED);
		if (!organizations.resultsPagesAllowed(organizationId)) {
			throw new RoundProblem("results.off");
		}
		ensure(roundId, organizationId);
		jdbc.update("update results_link set state = ?, with_words = ?, shared_at = ? where round_id = ?",
				State.SHARED.name(), withWords, utc(clock.instant()), roundId);
		return find(roundId).orElseThrow();
	}

	/** Stops sharing: the link then says so, and shows nothing of the round. */
	public void stop(UUID roundId, UUID organizationId) {
		rounds.round(roundId, organizationId);
		jdbc.update("update results_link set state = ?, shared_at = null where round_id = ? and state = ?",
				State.STOPPED.name(), roundId, State.SHARED.name());
	}

	/** Whether the organization lets its rounds share results at all. */
	@Transactional(readOnly = true)
	public boolean allowed(UUID organizationId) {
		return organizations.resultsPagesAllowed(organizationId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Shared> sharedBy(UUID organizationId) {
		return jdbc.query(
				"select r.name, l.shared_at from results_link l join round r on r.id = l.round_id "
						+ "where r.organization_id = ? and l.state = ? order by l.shared_at desc",
				(row, n) -> new Shared(row.getString(1),
						instant(row, "shared_at").atZone(ZoneId.systemDefault()).toLocalDate()),
				organizationId, State.SHARED.name());
	}

	/**
	 * Where a visitor's token leads, if anywhere: nowhere when the round's organization
	 * has results pages turned off.
	 */
	@Transactional(readOnly = true)
	public Optional<Visit> visit(String token) {
		if (!Tokens.wellFormed(token)) {
			return Optional.empty();
		}
		return jdbc
			.query("select r.id, r.organization_id, r.language, r.state, l.state as link_state, l.with_words "
					+ "from results_link l join round r on r.id = l.round_id where l.token = ?",
					(row, n) -> new Visit(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
							RoundState.valueOf(row.getString(4)), State.valueOf(row.getString(5)), row.getBoolean(6)),
					token)
			.stream()
			.filter(visit -> organizations.resultsPagesAllowed(visit.organizationId()))
			.findFirst();
	}

	/**
	 * The round's token for a page shown to everyone who took part, such as the thank-you
	 * page: none when the round has no link or its organization shares no results.
	 */
	@Transactional(readOnly = true)
	public Optional<String> token(UUID roundId) {
		return find(roundId).map(Link::token).filter(token -> visit(token).isPresent());
	}

	private Optional<Link> find(UUID roundId) {
		return jdbc
			.query("select token, state, with_words, shared_at from results_link where round_id = ?",
					(row, n) -> new Link(row.getString(1), State.valueOf(row.getString(2)), row.getBoolean(3),
							instant(row, "shared_at")),
					roundId)
			.stream()
			.findFirst();
	}

}
