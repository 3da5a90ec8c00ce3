package org.peerreflect.round;

import java.util.UUID;

import org.peerreflect.questionnaire.Questionnaire;

/**
 * Published inside the transaction that closes a round, with the round's row locked:
 * whoever keeps the round's answers rewrites them and drops its codes before that
 * transaction commits.
 */
public record RoundClosing(UUID roundId, Questionnaire questionnaire) {
}
