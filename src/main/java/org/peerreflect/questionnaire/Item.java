package org.peerreflect.questionnaire;

/** A question: a {@code scale} item answered with an option, or a {@code text} item answered in words. */
public record Item(String id, Type type, Scale scale, LocalizedText text) {

	public enum Type {
		SCALE, TEXT
	}

	public boolean isScale() {
		return type == Type.SCALE;
	}

}
