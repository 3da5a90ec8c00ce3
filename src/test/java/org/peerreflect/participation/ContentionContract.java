package org.peerreflect.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.peerreflect.organization.AccountService;
import org.peerreflect.round.Channel;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundState;
import org.peerreflect.round.RoundView;
import org.peerreflect.testing.Html;
import org.peerreflect.testing.HttpBrowser;
import org.peerreflect.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fifty people send their answers at the same moment, some of them holding the same code,
 * while the round is closed in the middle of it all: every accepted answer is stored
 * once, every code used at most once, nothing lands after the close, and nobody meets an
 * error: over real HTTP, everyone who presses "Send" while the round closes gets either
 * the thank-you page or the start page that says the code does not work, never a server
 * error.
 */
abstract class ContentionContract {

	@Autowired
	AccountService accounts;

	@Autowired
	RoundService rounds;

	@Autowired
	ParticipationService participation;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	private UUID organization() {
		AccountService.Invitation steward = accounts.createOrganization("Busy " + UUID.randomUUID(),
				UUID.randomUUID() + "@example.org");
		return jdbc.queryForObject("select organization_id from account where id = ?", UUID.class, steward.accountId());
	}

	private List<ParticipationService.Outcome> all(List<Callable<ParticipationService.Outcome>> tasks)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch ready = new CountDownLatch(1);
			List<Future<ParticipationService.Outcome>> futures = new ArrayList<>();
			for (Callable<ParticipationService.Outcome> task : tasks) {
				futures.add(pool.submit(() -> {
					ready.await();
					return task.call();
				}));
			}
			ready.countDown();
			List<ParticipationService.Outcome> outcomes = new ArrayList<>();
			for (Future<ParticipationService.Outcome> future : futures) {
				outcomes.add(future.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Autowired
	UserDetailsService signIn;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * A steward's action on a round that another request holds for a few seconds (a large
	 * paper import, publishing in another tab) waits its turn and is done; it never meets
	 * a server error.
	 */
	@Test
	void aStewardWhoWaitsForARoundHeldElsewhereNeverMeetsAServerError() throws Exception {
		People.Organization harbour = new People(accounts, signIn, jdbc).organization("Waits");
		UUID round = rounds.create(harbour.id(), "Held", "peer-support-principles", 1, "en", 5).id();
		HttpBrowser browser = new HttpBrowser(port).signIn(harbour.steward().email(), People.PASSWORD);
		HttpResponse<String> page = browser.get("/rounds/" + round);
		CountDownLatch held = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> holder = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				rounds.lockIn(round, harbour.id(), RoundState.DRAFT);
				held.countDown();
				try {
					Thread.sleep(3_000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			HttpResponse<String> opened = browser.post("/rounds/" + round + "/open", page.body(), Map.of());
			assertThat(opened.statusCode()).as("after waiting for the round").isEqualTo(302);
			holder.get(10, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rounds.round(round, harbour.id()).state()).isEqualTo(RoundState.OPEN);
	}

	@Test
	void fiftyAtOnceSomeSharingACode() throws Exception {
		UUID organization = organization();
		RoundView round = rounds.open(rounds.create(organization, "Busy", "peer-support-principles", 1, "en", 5).id(),
				organization);
		List<String> codes = participation.issueCodes(round.id(), organization, 40, "More of us came than we thought");
		List<Callable<ParticipationService.Outcome>> tasks = new ArrayList<>();
		for (int person = 0; person < 50; person++) {
			// People 40 to 49 hold a copy of someone else's card.
			String code = codes.get(person < 40 ? person : person - 40);
			int n = person;
			tasks.add(() -> participation.submit(code, Channel.ONLINE,
					new Submission(null, Map.of("np-1", String.valueOf(1 + n % 5)), Map.of("np-say", "words " + n))));
		}
		List<ParticipationService.Outcome> outcomes = all(tasks);
		long accepted = outcomes.stream().filter(o -> o == ParticipationService.Outcome.ACCEPTED).count();
		assertThat(accepted).isEqualTo(40);
		assertThat(SealedRows.submissions(jdbc, round.id())).isEqualTo(40);
		assertThat(jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class,
				round.id()))
			.isZero();
		assertThat(rounds.close(round.id(), organization).usedOnline()).isEqualTo(40);
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round.id()))
			.isEqualTo(40);
		assertThat(jdbc.queryForObject("select count(*) from written_answer where round_id = ?", Integer.class,
				round.id()))
			.isEqualTo(40);
	}

	@Test
	void aSubmissionRacingTheCloseLandsBeforeTheRewriteOrStoresNothing() throws Exception {
		UUID organization = organization();
		RoundView round = rounds.open(rounds.create(organization, "Race", "peer-support-principles", 1, "en", 5).id(),
				organization);
		List<String> codes = participation.issueCodes(round.id(), organization, 30, "More of us came than we thought");
		List<Callable<ParticipationService.Outcome>> tasks = new ArrayList<>();
		for (int person = 0; person < 30; person++) {
			String code = codes.get(person);
			int n = person;
			tasks.add(() -> participation.submit(code, Channel.KIOSK,
					new Submission(null, Map.of("np-1", "3"), Map.of("np-say", "race " + n))));
			if (person == 15) {
				tasks.add(() -> {
					rounds.close(round.id(), organization);
					return null;
				});
			}
		}
		List<ParticipationService.Outcome> outcomes = all(tasks);
		long accepted = outcomes.stream().filter(o -> o == ParticipationService.Outcome.ACCEPTED).count();
		int stored = jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round.id());
		assertThat(stored).isEqualTo((int) accepted);
		assertThat(jdbc.queryForObject("select count(*) from written_answer where round_id = ?", Integer.class,
				round.id()))
			.isEqualTo(stored);
		assertThat(jdbc.queryForObject("select count(*) from participation_code where round_id = ?", Integer.class,
				round.id()))
			.isZero();
		RoundView closed = rounds.round(round.id(), organization);
		assertThat(closed.state().name()).isEqualTo("CLOSED");
		assertThat(closed.usedKiosk()).isEqualTo(stored);
	}

	@Test
	void sendingOverHttpWhileTheRoundClosesGivesTheNormalPage() throws Exception {
		UUID organization = organization();
		RoundView round = rounds.open(
				rounds.create(organization, "Race over HTTP", "peer-support-principles", 1, "en", 5).id(),
				organization);
		List<String> codes = participation.issueCodes(round.id(), organization, 24, "More of us came than we thought");
		// Everyone walks to the review page first, as people do, and waits there with
		// "Send" in front of them.
		List<HttpBrowser> browsers = new ArrayList<>();
		List<HttpResponse<String>> reviews = new ArrayList<>();
		for (String code : codes) {
			HttpBrowser browser = new HttpBrowser(port);
			HttpResponse<String> page = browser.get("/join");
			page = browser.follow(browser.post("/join/start", page.body(), Map.of("code", code, "lang", "en")));
			Map<String, String> fields = Html.hiddenFields(page.body());
			fields.putAll(Map.of("go", "review", "a.np-1", "4", "w.np-say", "race over http"));
			browsers.add(browser);
			reviews.add(browser.follow(browser.post("/join/page", page.body(), fields)));
		}
		List<HttpResponse<String>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Callable<ParticipationService.Outcome>> sends = new ArrayList<>();
		for (int person = 0; person < codes.size(); person++) {
			HttpBrowser browser = browsers.get(person);
			HttpResponse<String> review = reviews.get(person);
			sends.add(() -> {
				Map<String, String> fields = Html.hiddenFields(review.body());
				fields.put("go", "submit");
				answers.add(browser.post("/join/page", review.body(), fields));
				return null;
			});
		}
		// A few send before the close, sixteen at the very moment it begins, four after
		// it is done.
		all(sends.subList(0, 4));
		List<Callable<ParticipationService.Outcome>> racing = new ArrayList<>(sends.subList(4, 20));
		racing.add(8, () -> {
			rounds.close(round.id(), organization);
			return null;
		});
		all(racing);
		all(sends.subList(20, 24));
		int thanked = 0;
		for (HttpResponse<String> answer : answers) {
			assertThat(answer.statusCode()).as("what a person pressing Send got: a page to go on to").isEqualTo(303);
			String location = answer.headers().firstValue("Location").orElse("");
			boolean thanks = location.contains("/join/thanks");
			HttpResponse<String> shown = browsers.get(0).follow(answer);
			boolean refused = location.contains("problem=used")
					&& Html.text(shown.body()).contains("This code cannot be used any more")
					&& shown.body().contains("action=\"/join/start\"");
			assertThat(thanks || refused).as("the thank-you page or the start page, in words: %s", shown.body())
				.isTrue();
			thanked += thanks ? 1 : 0;
		}
		assertThat(answers).hasSize(codes.size());
		assertThat(thanked).as("those before the close thanked, those after it not").isBetween(4, 20);
		RoundView closed = rounds.round(round.id(), organization);
		assertThat(closed.state().name()).isEqualTo("CLOSED");
		assertThat(jdbc.queryForObject("select count(*) from response where round_id = ?", Integer.class, round.id()))
			.as("every thanked person's answers, and no one else's")
			.isEqualTo(thanked);
		assertThat(closed.usedOnline()).isEqualTo(thanked);
	}

}
