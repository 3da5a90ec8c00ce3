package org.peerreflect.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

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

}
