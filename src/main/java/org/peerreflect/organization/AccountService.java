package org.peerreflect.organization;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.peerreflect.system.PeerReflectSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.peerreflect.system.PublicAddress;
import org.peerreflect.system.Tokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and the accounts of the people who run them. No email is ever sent: a new
 * account, or a forgotten password, gets a one-time setup link that is passed on by hand.
 */
@Service
@Transactional
public class AccountService {

	/** At least 12 characters, as OWASP ASVS level 2 asks (V2.1.1). */
	public static final int MIN_PASSWORD_LENGTH = 12;

	/**
	 * Longest password taken: bcrypt reads no more than 72 bytes, and ASVS asks that 64
	 * characters be allowed.
	 */
	public static final int MAX_PASSWORD_LENGTH = 64;

	private static final int MAX_PASSWORD_BYTES = 72;

	static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(72);

	private final OrganizationRepository organizations;

	/** Asked only when the administrator's page is drawn: the rounds' module answers. */
	private final ObjectProvider<SharedResults> shared;

	private final AccountRepository accounts;

	private final SetupLinkRepository links;

	private final PasswordEncoder passwords;

	private final PeerReflectSettings settings;

	private final PublicAddress address;

	private final Clock clock;

	AccountService(OrganizationRepository organizations, AccountRepository accounts, SetupLinkRepository links,
			PasswordEncoder passwords, PeerReflectSettings settings, PublicAddress address, Clock clock,
			ObjectProvider<SharedResults> shared) {
		this.shared = shared;
		this.organizations = organizations;
		this.accounts = accounts;
		this.links = links;
		this.passwords = passwords;
		this.settings = settings;
		this.address = address;
		this.clock = clock;
	}

	/** A new account and the link its person opens to choose a password. */
	public record Invitation(UUID accountId, String email, String link) implements Serializable {
	}

	/** Creates an organization and its first steward. */
	public Invitation createOrganization(String name, String stewardEmail) {
		String cleanName = name.strip();
		if (organizations.existsByNameIgnoreCase(cleanName)) {
			throw new AccountProblem("organization.nameTaken");
		}
		Organization organization = Organization.named(cleanName, clock.instant());
		if (!organizations.insert(organization)) {
			// Named the same at the same moment by someone else.
			throw new AccountProblem("organization.nameTaken");
		}
		return invite(organization, stewardEmail, Role.STEWARD);
	}

	/** A steward adds a board reader or another steward to their own organization. */
	public Invitation addToOrganization(UUID organizationId, String email, Role role) {
		if (role == Role.ADMIN) {
			throw new AccountProblem("team.roleNotAllowed");
		}
		Organization organization = organizations.findById(organizationId).orElseThrow();
		return invite(organization, email, role);
	}

	private Invitation invite(Organization organization, String email, Role role) {
		String cleanEmail = normalEmail(email);
		if (accounts.existsByEmailIgnoreCase(cleanEmail)) {
			throw new AccountProblem("account.emailTaken");
		}
		Account account = new Account(cleanEmail, role, organization, clock.instant());
		if (!accounts.insert(account)) {
			// Added at the same moment by someone else.
			throw new AccountProblem("account.emailTaken");
		}
		return new Invitation(account.getId(), account.getEmail(), newLink(account));
	}

	/**
	 * A fresh setup link for someone who forgot their password or lost their link. A
	 * steward may only do this for their own organization ({@code organizationId}); the
	 * administrator for anyone (null).
	 */
	public Invitation newSetupLink(UUID accountId, UUID organizationId) {
		Account account = accountOf(accountId, organizationId);
		return new Invitation(account.getId(), account.getEmail(), newLink(account));
	}

	/** Disabling signs nobody out by itself; a disabled account cannot sign in again. */
	public void setEnabled(UUID accountId, UUID organizationId, boolean enabled, UUID actingAccount) {
		if (accountId.equals(actingAccount)) {
			throw new AccountProblem("account.notYourself");
		}
		Account account = accountOf(accountId, organizationId);
		account.setEnabled(enabled);
		accounts.updateEnabled(account);
	}

	private Account accountOf(UUID accountId, UUID organizationId) {
		Account account = accounts.findById(accountId).orElseThrow(() -> AccountProblem.notFound("account.notFound"));
		if (organizationId != null
				&& (account.getOrganization() == null || !account.getOrganization().id().equals(organizationId))) {
			// Another organization's account reads as no account at all.
			throw AccountProblem.notFound("account.notFound");
		}
		return account;
	}

	private String newLink(Account account) {
		links.deleteUnusedOf(account);
		String token = Tokens.next();
		links.insert(new SetupLink(hash(token), account, clock.instant().plus(SETUP_LINK_LIFETIME)));
		return address.link("/setup/" + token);
	}

	/** The account a setup link is for, while the link is unused and not expired. */
	@Transactional(readOnly = true)
	public Optional<String> setupEmail(String token) {
		return usableLink(token).map(link -> link.getAccount().getEmail());
	}

	/** Sets the password through a setup link, which is then used up. */
	public void setPasswordWithLink(String token, String password) {
		setUpWithLink(token, null, password);
	}

	/**
	 * Sets the password through a setup link, which is then used up; the first
	 * administrator, still called "admin", also gives their email here. All of it
	 * happens, or none of it.
	 */
	public void setUpWithLink(String token, String email, String password) {
		SetupLink link = usableLink(token).orElseThrow(() -> new AccountProblem("setup.linkNotValid"));
		requireStrong(password);
		link.use(clock.instant());
		if (!links.markUsed(link)) {
			// Used by another request at the same moment: one of them sets the password.
			throw new AccountProblem("setup.linkNotValid");
		}
		Account account = link.getAccount();
		if (email != null && account.getRole() == Role.ADMIN) {
			String cleanEmail = normalEmail(email);
			if (!cleanEmail.equalsIgnoreCase(account.getEmail())) {
				if (accounts.existsByEmailIgnoreCase(cleanEmail)) {
					throw new AccountProblem("account.emailTaken");
				}
				account.setEmail(cleanEmail);
				try {
					accounts.updateEmail(account);
				}
				catch (DuplicateKeyException takenMeanwhile) {
					throw new AccountProblem("account.emailTaken");
				}
			}
		}
		account.setPasswordHash(passwords.encode(password));
		accounts.updatePassword(account);
	}

	public void changePassword(UUID accountId, String current, String replacement) {
		Account account = accounts.findById(accountId).orElseThrow();
		if (!account.hasPassword() || !passwords.matches(current, account.getPasswordHash())) {
			throw new AccountProblem("password.currentWrong");
		}
		requireStrong(replacement);
		account.setPasswordHash(passwords.encode(replacement));
		accounts.updatePassword(account);
	}

	private static void requireStrong(String password) {
		Optional<String> problem = passwordProblem(password);
		if (problem.isPresent()) {
			throw new AccountProblem(problem.get());
		}
	}

	/**
	 * What is wrong with a new password, as a message key, if anything: the one rule,
	 * asked by the forms as well so that a person sees every problem of the form at once.
	 */
	public static Optional<String> passwordProblem(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.codePointCount(0, password.length()) > MAX_PASSWORD_LENGTH
				|| password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			return Optional.of("password.tooLong");
		}
		return Optional.empty();
	}

	private Optional<SetupLink> usableLink(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return links.findByTokenHash(hash(token)).filter(link -> link.usableAt(now));
	}

	/**
	 * On first start: the administrator from PEER_REFLECT_ADMIN_EMAIL and _PASSWORD, or
	 * else a setup link for one. Returns the link to print, or empty when nothing is to
	 * be said.
	 */
	public Optional<String> ensureAdministrator() {
		if (accounts.existsByRole(Role.ADMIN)) {
			return Optional.empty();
		}
		PeerReflectSettings.Admin given = settings.admin();
		if (given != null && given.given()) {
			requireStrong(given.password());
			Account admin = new Account(normalEmail(given.email()), Role.ADMIN, null, clock.instant());
			admin.setPasswordHash(passwords.encode(given.password()));
			accounts.insert(admin);
			return Optional.empty();
		}
		Account admin = new Account("admin", Role.ADMIN, null, clock.instant());
		if (!accounts.insert(admin)) {
			// Another instance, starting at the same moment on the same database, made it
			// and says its link.
			return Optional.empty();
		}
		return Optional.of(newLink(admin));
	}

	// --- what the pages list ---

	/** An account as a list shows it. */
	public record AccountView(UUID id, String email, Role role, String organization, boolean enabled,
			boolean passwordChosen) {

		static AccountView of(Account account) {
			return new AccountView(account.getId(), account.getEmail(), account.getRole(),
					account.getOrganization() == null ? null : account.getOrganization().name(), account.isEnabled(),
					account.hasPassword());
		}

	}

	/**
	 * An organization as the administrator sees it: whether its rounds may share results
	 * with no account, and which do.
	 */
	public record OrganizationView(UUID id, String name, boolean resultsPages, List<SharedResults.Shared> shared) {
	}

	@Transactional(readOnly = true)
	public List<OrganizationView> organizations() {
		return organizations.findAllByOrderByNameAsc()
			.stream()
			.map(o -> new OrganizationView(o.id(), o.name(), organizations.resultsPages(o.id()),
					shared.stream().flatMap(rounds -> rounds.sharedBy(o.id()).stream()).toList()))
			.toList();
	}

	/** The longest list of an organization's own words, in characters. */
	public static final int MOST_IDENTIFYING_CHARACTERS = 4000;

	/**
	 * The organization's own words that could tell who wrote an answer, one a line as the
	 * steward wrote them: the review flags each wherever it stands whole.
	 */
	@Transactional(readOnly = true)
	public List<String> identifyingWords(UUID organizationId) {
		return organizations.identifyingWords(organizationId)
			.lines()
			.map(String::strip)
			.filter(word -> !word.isEmpty())
			.toList();
	}

	/**
	 * Keeps the organization's own words, one a line, blank lines and spaces at the ends
	 * dropped; refused when longer than {@link #MOST_IDENTIFYING_CHARACTERS}.
	 */
	public void keepIdentifyingWords(UUID organizationId, String words) {
		String kept = words == null ? ""
				: String.join("\n", words.lines().map(String::strip).filter(word -> !word.isEmpty()).toList());
		if (kept.length() > MOST_IDENTIFYING_CHARACTERS) {
			throw new AccountProblem("identifyingWords.tooLong");
		}
		organizations.findById(organizationId).orElseThrow(() -> AccountProblem.notFound("organization.notFound"));
		organizations.setIdentifyingWords(organizationId, kept);
	}

	/**
	 * Whether the organization's rounds may share their results on a page with no
	 * account.
	 */
	@Transactional(readOnly = true)
	public boolean resultsPagesAllowed(UUID organizationId) {
		return organizations.resultsPages(organizationId);
	}

	/**
	 * Lets, or stops, the organization's rounds sharing results with no account; when
	 * stopped, every results address of it shows nothing.
	 */
	public void allowResultsPages(UUID organizationId, boolean allowed) {
		organizations.findById(organizationId).orElseThrow(() -> AccountProblem.notFound("organization.notFound"));
		organizations.setResultsPages(organizationId, allowed);
	}

	@Transactional(readOnly = true)
	public List<AccountView> allAccounts() {
		return accounts.findAllWithOrganization().stream().map(AccountView::of).toList();
	}

	@Transactional(readOnly = true)
	public List<AccountView> team(UUID organizationId) {
		return accounts.findByOrganizationIdOrderByEmail(organizationId).stream().map(AccountView::of).toList();
	}

	static String normalEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
