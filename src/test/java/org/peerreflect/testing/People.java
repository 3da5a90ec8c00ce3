package org.peerreflect.testing;

import java.util.UUID;

import org.peerreflect.organization.AccountService;
import org.peerreflect.organization.Role;
import org.peerreflect.organization.SignedIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Accounts for web tests, made the way the application makes them: through
 * {@link AccountService} and setup links. Every name is unique, so test classes that
 * share an application context never meet each other's people.
 */
public final class People {

	/** The password every person made here chooses through their setup link. */
	public static final String PASSWORD = "a long enough password";

	/** Someone with an account, and the principal a sign-in would give them. */
	public record Person(UUID id, String email, SignedIn principal) {
	}

	/**
	 * An organization with one steward and one board reader, both with their password
	 * set.
	 */
	public record Organization(UUID id, String name, Person steward, Person board) {
	}

	private final AccountService accounts;

	private final UserDetailsService signIn;

	private final JdbcTemplate jdbc;

	public People(AccountService accounts, UserDetailsService signIn, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.signIn = signIn;
		this.jdbc = jdbc;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The token of a setup link: its last path segment. */
	public static String token(String link) {
		return link.substring(link.lastIndexOf('/') + 1);
	}

	public Organization organization(String label) {
		String name = unique(label);
		String prefix = name.toLowerCase();
		AccountService.Invitation steward = accounts.createOrganization(name, "steward." + prefix + "@example.org");
		accounts.setPasswordWithLink(token(steward.link()), PASSWORD);
		Person stewardPerson = person(steward.email());
		AccountService.Invitation board = accounts.addToOrganization(stewardPerson.principal().organizationId(),
				"board." + prefix + "@example.org", Role.BOARD);
		accounts.setPasswordWithLink(token(board.link()), PASSWORD);
		return new Organization(stewardPerson.principal().organizationId(), name, stewardPerson, person(board.email()));
	}

	/** Another person of the organization, who has not opened their setup link yet. */
	public AccountService.Invitation invited(Organization organization, Role role) {
		return accounts.addToOrganization(organization.id(), unique(role.name().toLowerCase()) + "@example.org", role);
	}

	/**
	 * The deployment's administrator (made at first start), with {@link #PASSWORD} set
	 * through a fresh link.
	 */
	public Person administrator() {
		UUID id = jdbc.queryForObject("select id from account where role = 'ADMIN'", UUID.class);
		accounts.setPasswordWithLink(token(accounts.newSetupLink(id, null).link()), PASSWORD);
		return person(jdbc.queryForObject("select email from account where id = ?", String.class, id));
	}

	/** The person as a sign-in would see them now. */
	public Person person(String email) {
		SignedIn principal = (SignedIn) signIn.loadUserByUsername(email);
		return new Person(principal.accountId(), principal.getUsername(), principal);
	}

}
