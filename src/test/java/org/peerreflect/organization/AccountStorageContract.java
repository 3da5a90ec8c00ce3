package org.peerreflect.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.util.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.peerreflect.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What accounts, organizations and setup links must do on any database; run on H2 and on
 * a real PostgreSQL by the two subclasses.
 */
abstract class AccountStorageContract {

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService signIn;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	private static String token(String link) {
		return link.substring(link.lastIndexOf('/') + 1);
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void theSchemaComesFromTheMigrations() {
		Integer applied = jdbc.queryForObject("select count(*) from flyway_schema_history where success",
				Integer.class);
		assertThat(applied).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isNotNull();
	}

	@Test
	void aNewOrganizationsStewardSetsAPasswordOnceThroughTheLink() {
		String email = unique("steward") + "@example.org";
		AccountService.Invitation invitation = accounts.createOrganization(unique("Harbour"), email);
		assertThat(invitation.link()).startsWith("http://peer-reflect.test/setup/");
		String token = token(invitation.link());
		assertThat(accounts.setupEmail(token)).contains(email);
		accounts.setPasswordWithLink(token, "a long enough password");
		assertThat(accounts.setupEmail(token)).isEmpty();
		assertThatThrownBy(() -> accounts.setPasswordWithLink(token, "another long password"))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("setup.linkNotValid");
		SignedIn steward = (SignedIn) signIn.loadUserByUsername(email.toUpperCase());
		assertThat(passwords.matches("a long enough password", steward.getPassword())).isTrue();
		assertThat(steward.role()).isEqualTo(Role.STEWARD);
		assertThat(steward.isEnabled()).isTrue();
	}

	@Test
	void onlyAHashOfTheTokenIsStored() {
		AccountService.Invitation invitation = accounts.createOrganization(unique("Hash"),
				unique("s") + "@example.org");
		String token = token(invitation.link());
		Integer plain = jdbc.queryForObject("select count(*) from setup_link where token_hash = ?", Integer.class,
				token);
		Integer hashed = jdbc.queryForObject("select count(*) from setup_link where token_hash = ?", Integer.class,
				AccountService.hash(token));
		assertThat(plain).isZero();
		assertThat(hashed).isOne();
	}

	@Test
	void aLinkExpiresAfter72Hours() {
		AccountService.Invitation invitation = accounts.createOrganization(unique("Late"),
				unique("s") + "@example.org");
		String token = token(invitation.link());
		clock.advance(Duration.ofHours(71));
		assertThat(accounts.setupEmail(token)).isPresent();
		clock.advance(Duration.ofHours(2));
		assertThat(accounts.setupEmail(token)).isEmpty();
		assertThatThrownBy(() -> accounts.setPasswordWithLink(token, "a long enough password"))
			.isInstanceOf(AccountProblem.class);
	}

	@Test
	void aNewLinkReplacesTheUnusedOne() {
		AccountService.Invitation first = accounts.createOrganization(unique("Twice"), unique("s") + "@example.org");
		AccountService.Invitation second = accounts.newSetupLink(first.accountId(), null);
		assertThat(accounts.setupEmail(token(first.link()))).isEmpty();
		assertThat(accounts.setupEmail(token(second.link()))).contains(first.email());
	}

	@Test
	void anEmailIsUsedOnceWhateverItsCapitals() {
		String email = unique("same") + "@example.org";
		accounts.createOrganization(unique("One"), email);
		assertThatThrownBy(() -> accounts.createOrganization(unique("Two"), email.toUpperCase()))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("account.emailTaken");
	}

	@Test
	void passwordsHaveAMinimumLengthAndAreStoredThroughTheDelegatingEncoder() {
		AccountService.Invitation invitation = accounts.createOrganization(unique("Short"),
				unique("s") + "@example.org");
		assertThatThrownBy(() -> accounts.setPasswordWithLink(token(invitation.link()), "short"))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("password.tooShort");
		// Eleven characters: ASVS level 2 asks for at least twelve.
		assertThatThrownBy(() -> accounts.setPasswordWithLink(token(invitation.link()), "elevenchars"))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("password.tooShort");
		// bcrypt keeps no more than 72 bytes: a longer password is refused in words,
		// never cut short.
		assertThatThrownBy(() -> accounts.setPasswordWithLink(token(invitation.link()), "x".repeat(65)))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("password.tooLong");
		assertThatThrownBy(() -> accounts.setPasswordWithLink(token(invitation.link()), "ñ".repeat(40)))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("password.tooLong");
		accounts.setPasswordWithLink(token(invitation.link()), "correct horse battery");
		String stored = jdbc.queryForObject("select password_hash from account where id = ?", String.class,
				invitation.accountId());
		assertThat(stored).startsWith("{bcrypt}").doesNotContain("correct horse");
	}

	@Test
	void changingAPasswordNeedsTheCurrentOne() {
		AccountService.Invitation invitation = accounts.createOrganization(unique("Change"),
				unique("s") + "@example.org");
		accounts.setPasswordWithLink(token(invitation.link()), "first password here");
		assertThatThrownBy(
				() -> accounts.changePassword(invitation.accountId(), "wrong password", "second password here"))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("password.currentWrong");
		accounts.changePassword(invitation.accountId(), "first password here", "second password here");
		SignedIn account = (SignedIn) signIn.loadUserByUsername(invitation.email());
		assertThat(passwords.matches("second password here", account.getPassword())).isTrue();
	}

	@Test
	void aStewardReachesOnlyTheirOwnOrganizationsAccounts() {
		AccountService.Invitation a = accounts.createOrganization(unique("A"), unique("a") + "@example.org");
		AccountService.Invitation b = accounts.createOrganization(unique("B"), unique("b") + "@example.org");
		UUID organizationOfA = ((SignedIn) signIn.loadUserByUsername(a.email())).organizationId();
		assertThatThrownBy(() -> accounts.newSetupLink(b.accountId(), organizationOfA))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("account.notFound");
		assertThatThrownBy(() -> accounts.setEnabled(b.accountId(), organizationOfA, false, a.accountId()))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("account.notFound");
		assertThat(accounts.team(organizationOfA)).extracting(AccountService.AccountView::email)
			.containsExactly(a.email());
	}

	@Test
	void theFirstAdministratorsEmailAndPasswordAreSetTogetherOrNotAtAll() {
		UUID admin = jdbc.queryForObject("select id from account where role = 'ADMIN'", UUID.class);
		String email = jdbc.queryForObject("select email from account where id = ?", String.class, admin);
		String token = token(accounts.newSetupLink(admin, null).link());
		String chosen = unique("keeper") + "@example.org";
		assertThatThrownBy(() -> accounts.setUpWithLink(token, chosen, "short")).isInstanceOf(AccountProblem.class)
			.hasMessage("password.tooShort");
		assertThat(jdbc.queryForObject("select email from account where id = ?", String.class, admin)).isEqualTo(email);
		accounts.setUpWithLink(token, chosen.toUpperCase(), "a long enough password");
		assertThat(jdbc.queryForObject("select email from account where id = ?", String.class, admin))
			.isEqualTo(chosen);
		assertThat(signIn.loadUserByUsername(chosen).isEnabled()).isTrue();
	}

	@Test
	void aDisabledAccountCannotSignIn() {
		AccountService.Invitation board = accounts.createOrganization(unique("Off"), unique("s") + "@example.org");
		accounts.setPasswordWithLink(token(board.link()), "a long enough password");
		accounts.setEnabled(board.accountId(), null, false, UUID.randomUUID());
		assertThat(signIn.loadUserByUsername(board.email()).isEnabled()).isFalse();
		assertThatThrownBy(() -> accounts.setEnabled(board.accountId(), null, true, board.accountId()))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("account.notYourself");
	}

	@Autowired
	OrganizationRepository organizations;

	@Autowired
	SetupLinkRepository links;

	@Autowired
	AccountRepository accountRows;

	/**
	 * Runs the same action twice at the same moment and gives what each did: "done", or
	 * the message key it was refused with. Anything else fails the test, as a server
	 * error would.
	 */
	private static List<String> twiceAtOnce(Runnable action) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<String> attempt = () -> {
				start.await();
				try {
					action.run();
					return "done";
				}
				catch (AccountProblem refused) {
					return refused.messageKey();
				}
			};
			List<String> outcomes = new ArrayList<>();
			for (Future<String> outcome : pool.invokeAll(List.of(attempt, attempt))) {
				outcomes.add(outcome.get());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Two people naming a new organization, or adding the same email, at the same moment:
	 * one is added and the other told why not, never a server error.
	 */
	@Test
	void twoAddingTheSameAtOnceGetOneAddedAndOneToldWhy() throws Exception {
		for (int n = 0; n < 10; n++) {
			String name = unique("Twin");
			assertThat(twiceAtOnce(() -> accounts.createOrganization(name, unique("s") + "@example.org")))
				.containsExactlyInAnyOrder("done", "organization.nameTaken");
			assertThat(jdbc.queryForObject("select count(*) from organization where name = ?", Integer.class, name))
				.isOne();
		}
		UUID organization = jdbc.queryForObject("select organization_id from account where email = ?", UUID.class,
				accounts.createOrganization(unique("Team"), unique("s") + "@example.org").email());
		for (int n = 0; n < 10; n++) {
			String email = unique("board") + "@example.org";
			assertThat(twiceAtOnce(() -> accounts.addToOrganization(organization, email, Role.BOARD)))
				.containsExactlyInAnyOrder("done", "account.emailTaken");
		}
	}

	/** A setup link works once, even opened twice at the same moment. */
	@Test
	void aSetupLinkWorksOnceEvenForTwoRequestsAtOnce() throws Exception {
		for (int n = 0; n < 5; n++) {
			String token = token(accounts.createOrganization(unique("Once"), unique("s") + "@example.org").link());
			assertThat(twiceAtOnce(() -> accounts.setPasswordWithLink(token, "a long enough password")))
				.containsExactlyInAnyOrder("done", "setup.linkNotValid");
		}
		// The same, without the luck of timing: a link read before it was used is not
		// used again.
		String token = token(accounts.createOrganization(unique("Stale"), unique("s") + "@example.org").link());
		SetupLink stale = links.findByTokenHash(AccountService.hash(token)).orElseThrow();
		accounts.setPasswordWithLink(token, "a long enough password");
		stale.use(clock.instant());
		assertThat(links.markUsed(stale)).isFalse();
	}

	/**
	 * A steward disabling an account while its person chooses a password: both changes
	 * stay, whichever is written last. Each change writes its own column, so an account
	 * read before the password was chosen does not write it back empty.
	 */
	@Test
	void twoChangesToOneAccountBothStay() {
		AccountService.Invitation invitation = accounts.createOrganization(unique("Both"),
				unique("s") + "@example.org");
		Account readBefore = accountRows.findById(invitation.accountId()).orElseThrow();
		accounts.setPasswordWithLink(token(invitation.link()), "a long enough password");
		readBefore.setEnabled(false);
		accountRows.updateEnabled(readBefore);
		assertThat(jdbc.queryForObject("select password_hash is not null from account where id = ?", Boolean.class,
				invitation.accountId()))
			.as("the password chosen")
			.isTrue();
		assertThat(
				jdbc.queryForObject("select enabled from account where id = ?", Boolean.class, invitation.accountId()))
			.as("disabled")
			.isFalse();
	}

	/**
	 * A moment is kept exactly, whatever the server's own time zone: read back as local
	 * time, the hour repeated when the clocks go back (in London, 01:30 happened twice on
	 * 25 October 2026) would come back an hour out.
	 */
	@Test
	void momentsAreKeptExactlyWhateverTheServersTimeZone() {
		TimeZone zone = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
			DateTimeUtils.resetCalendar();
			for (String moment : List.of("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-03-29T01:30:00Z")) {
				Organization organization = new Organization(UUID.randomUUID(), unique("Clock"), Instant.parse(moment));
				assertThat(organizations.insert(organization)).isTrue();
				assertThat(organizations.findById(organization.id()).orElseThrow().createdAt()).as(moment)
					.isEqualTo(Instant.parse(moment));
			}
		}
		finally {
			TimeZone.setDefault(zone);
			DateTimeUtils.resetCalendar();
		}
	}

}
