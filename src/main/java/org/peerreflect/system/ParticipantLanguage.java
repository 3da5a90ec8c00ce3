package org.peerreflect.system;

/**
 * The language a participant's page chose in its form, set on the request for the rest of
 * it: the participant's pages carry their language in a field, never a cookie or a
 * session, and the application's language resolver reads it from here before anything
 * else.
 */
public final class ParticipantLanguage {

	/** The request attribute that holds the chosen {@link java.util.Locale}. */
	public static final String ATTRIBUTE = "peer-reflect.participant-language";

	private ParticipantLanguage() {
	}

}
