package org.peerreflect.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.peerreflect.organization.AccountService;
import org.peerreflect.organization.Role;
import org.peerreflect.answers.AnswerRow;
import org.peerreflect.answers.AnswersCsv;
import org.peerreflect.participation.ParticipationService;
import org.peerreflect.participation.Submission;
import org.peerreflect.publication.Publication;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.report.ReportInput;
import org.peerreflect.system.PublicAddress;
import org.peerreflect.round.Channel;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.round.RoundService;
import org.peerreflect.round.RoundView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: a demo organization with a steward and a board reader, and
 * three rounds answered from the synthetic files in {@code examples/}, closed and
 * published through the same services as real rounds, with the agreements made after the
 * first.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	static final String ORGANIZATION = "Harbour Peer Centre (demo)";

	static final String STEWARD = "steward@demo.example";

	static final String BOARD = "board@demo.example";

	/** Printed on the console and in the README: for the demo only. */
	static final String PASSWORD = "reflect-together";

	static final String QUESTIONNAIRE = "peer-support-principles";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AccountService accounts;

	private final RoundService rounds;

	private final ParticipationService participation;

	private final Publication publication;

	private final ResultsLinks results;

	private final PublicAddress address;

	DemoData(AccountService accounts, RoundService rounds, ParticipationService participation, Publication publication,
			ResultsLinks results, PublicAddress address, @Value("${spring.datasource.url:}") String database) {
		// Its password is printed and published: the demo never writes it into a database
		// that lasts.
		if (!database.startsWith("jdbc:h2:mem:")) {
			throw new IllegalStateException("The demo profile runs only on an in-memory database, never with "
					+ "another profile's database: start it with the demo profile alone.");
		}
		this.accounts = accounts;
		this.rounds = rounds;
		this.participation = participation;
		this.publication = publication;
		this.results = results;
		this.address = address;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (accounts.organizations().stream().anyMatch(o -> o.name().equals(ORGANIZATION))) {
			return;
		}
		accounts.setPasswordWithLink(token(accounts.createOrganization(ORGANIZATION, STEWARD)), PASSWORD);
		UUID organization = accounts.organizations()
			.stream()
			.filter(o -> o.name().equals(ORGANIZATION))
			.findFirst()
			.orElseThrow()
			.id();
		accounts.setPasswordWithLink(token(accounts.addToOrganization(organization, BOARD, Role.BOARD)), PASSWORD);

		// As in examples/: the spring round a year before, the autumn round, talked over,
		// then the spring round that looks back on it; three rounds, so that every round
		// in view shows a series at once.
		answeredAndPublished(organization, "Spring round a year before", "examples/round-spring-before.csv");
		RoundView autumn = answeredAndPublished(organization, "Autumn round", "examples/round-autumn.csv");
		for (String line : lines("examples/agreements-autumn.txt")) {
			ReportInput.Agreement agreement = ReportInput.Agreement.ofLine(line);
			publication.agree(autumn.id(), organization, agreement.text(), agreement.statements());
		}
		RoundView spring = answeredAndPublished(organization, "Spring round", "examples/round-spring.csv");
		// Its results shared with everyone, our own words too (the example words were
		// written to be safe to share), so that a newcomer sees them without signing in.
		String shared = address.link("/results/" + results.share(spring.id(), organization, true).token());

		log.warn("Demo data is ready. Sign in as {} (steward) or {} (board reader), password '{}'. "
				+ "These accounts are for the demo only; its database lives in memory and is gone when it stops. "
				+ "The spring round's results, for everyone and without signing in: {}", STEWARD, BOARD, PASSWORD,
				shared);
	}

	/**
	 * A round answered by each row of an example file, one person a code, then closed and
	 * published.
	 */
	private RoundView answeredAndPublished(UUID organization, String name, String file) {
		RoundView round = rounds.create(organization, name, QUESTIONNAIRE, 1, "en", 5);
		Questionnaire questionnaire = rounds.questionnaire(round.id(), organization);
		List<AnswerRow> rows = new ArrayList<>();
		try (InputStream in = new ClassPathResource(file).getInputStream()) {
			AnswersCsv.Result read = new AnswersCsv(questionnaire, false, StandardCharsets.UTF_8).read(file, in,
					rows::add);
			if (!read.ok()) {
				throw new IllegalStateException("the demo file " + file + " does not fit: " + read.problems());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// A few more cards than answers, as in a real round: not everyone answers.
		// Printed before the round opens, as a steward does.
		List<String> codes = participation.issueCodes(round.id(), organization, rows.size() + 6);
		rounds.open(round.id(), organization);
		Channel[] channels = { Channel.ONLINE, Channel.ONLINE, Channel.KIOSK, Channel.PAPER };
		for (int i = 0; i < rows.size(); i++) {
			AnswerRow row = rows.get(i);
			participation.submit(codes.get(i), channels[i % channels.length],
					new Submission(row.perspective(), row.answers(), row.written()));
		}
		rounds.close(round.id(), organization);
		publication.publish(round.id(), organization, ORGANIZATION);
		return round;
	}

	private static String token(AccountService.Invitation invitation) {
		return invitation.link().substring(invitation.link().lastIndexOf('/') + 1);
	}

	private static List<String> lines(String file) {
		try (InputStream in = new ClassPathResource(file).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty())
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
