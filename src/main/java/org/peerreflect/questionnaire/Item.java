package org.peerreflect.questionnaire;

/**
 * A question: a {@code scale} item answered with an option, or a {@code text} item
 * answered in words.
 *
 * @param prompt a question for the meeting about a scale item, or null; without one the
 * report builds its question from how the answers fall
 */
public record Item(String id, Type type, Scale scale, LocalizedText text, LocalizedText prompt) {

	public enum Type {

		SCALE, TEXT

	}

	public boolean isScale() {
		return type == Type.SCALE;
	}

}
