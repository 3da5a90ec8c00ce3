package org.peerreflect.participation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peerreflect.round.RoundService;
import org.peerreflect.round.StillMarked;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check before publishing: the review's flags worked out again on every answer the
 * review may show, as it reads now, so that what the steward took out is gone and what is
 * left is listed. Nothing is stored.
 */
@Service
@Transactional(readOnly = true)
class MarkedBeforePublishing implements StillMarked {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WrittenReview review;

	private final ReviewFlags flags;

	private final RoundService rounds;

	MarkedBeforePublishing(WrittenReview review, ReviewFlags flags, RoundService rounds) {
		this.review = review;
		this.flags = flags;
		this.rounds = rounds;
	}

	@Override
	public List<Question> stillMarked(UUID roundId, UUID organizationId) {
		// The questions first: they refuse a round that is not in review.
		List<WrittenReview.ItemToReview> items = review.items(roundId, organizationId);
		int k = rounds.round(roundId, organizationId).minGroupSize();
		ReviewFlags.Lists lists = flags.lists(roundId, organizationId);
		Map<String, List<Answer>> byItem = new LinkedHashMap<>();
		for (WrittenReview.Shown shown : review.shown(roundId, k).values()) {
			List<Words> words = new ArrayList<>();
			for (Flag flag : Flags.find(shown.text(), lists.own(), lists.known())) {
				words.add(new Words(shown.text().substring(flag.start(), flag.end()), flag.kind().reason()));
			}
			if (!words.isEmpty()) {
				byItem.computeIfAbsent(shown.item(), item -> new ArrayList<>()).add(new Answer(List.copyOf(words)));
			}
		}
		List<Question> questions = new ArrayList<>();
		for (WrittenReview.ItemToReview item : items) {
			List<Answer> answers = byItem.get(item.id());
			if (item.enough() && answers != null) {
				// In a fresh order each time, as the review shows them, so that no order
				// ties an answer to when it was sent.
				Collections.shuffle(answers, RANDOM);
				questions.add(new Question(item.id(), item.text(), List.copyOf(answers)));
			}
		}
		return List.copyOf(questions);
	}

}
