package org.peerreflect.round;

/**
 * A round's life: prepared, taking answers, closed (answers rewritten, codes gone),
 * published.
 */
public enum RoundState {

	DRAFT, OPEN, CLOSED, PUBLISHED

}
