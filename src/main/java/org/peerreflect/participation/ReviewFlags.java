package org.peerreflect.participation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peerreflect.organization.AccountService;
import org.peerreflect.questionnaire.Principle;
import org.peerreflect.round.RoundService;
import org.springframework.stereotype.Service;

/**
 * The review's flags on one page of answers, and the answer with its flagged words taken
 * out, worked out on request and never stored: the organization's own words and the
 * round's principles (whose words are nobody's name) are read each time.
 */
@Service
class ReviewFlags {

	private final AccountService accounts;

	private final RoundService rounds;

	ReviewFlags(AccountService accounts, RoundService rounds) {
		this.accounts = accounts;
		this.rounds = rounds;
	}

	/** What the flags are read against, for one round. */
	record Lists(List<String> own, List<String> known) {
	}

	Lists lists(UUID roundId, UUID organizationId) {
		List<String> known = new ArrayList<>();
		for (Principle principle : rounds.questionnaire(roundId, organizationId).principles()) {
			for (String language : List.of("en", "es")) {
				String title = principle.title().in(language);
				if (title != null) {
					known.addAll(List.of(title.split("[^\\p{L}]+")));
				}
			}
		}
		return new Lists(accounts.identifyingWords(organizationId), known);
	}

	/** Each answer that has flags, as pieces to show, by its random key. */
	Map<UUID, List<Flags.Piece>> pieces(UUID roundId, UUID organizationId, List<WrittenReview.Answer> answers) {
		Lists lists = lists(roundId, organizationId);
		Map<UUID, List<Flags.Piece>> pieces = new LinkedHashMap<>();
		for (WrittenReview.Answer answer : answers) {
			List<Flag> flags = Flags.find(answer.text(), lists.own(), lists.known());
			if (!flags.isEmpty()) {
				pieces.put(answer.id(), Flags.pieces(answer.text(), flags));
			}
		}
		return pieces;
	}

	/** The answer with "[removed]" in place of every flagged span. */
	String takenOut(UUID roundId, UUID organizationId, String text) {
		Lists lists = lists(roundId, organizationId);
		return Flags.takenOut(text, Flags.find(text, lists.own(), lists.known()));
	}

}
