package org.peerreflect.participation;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerreflect.questionnaire.Item;
import org.peerreflect.questionnaire.Questionnaire;
import org.peerreflect.questionnaire.Scale;
import org.peerreflect.round.Channel;

/**
 * How one submission, and one written answer, are laid out before they are sealed: in
 * bytes of one length per round, whatever was answered or written, so that the length of
 * what the database keeps tells nothing (invariant 3). Answers are by position in the
 * round's own questionnaire; written words as UTF-16, two bytes a character, the longest
 * an answer may be for every text item.
 */
final class SealedForm {

	private static final byte FORMAT = 1;

	private static final short SKIPPED = 0;

	private static final short NOT_SURE = Short.MAX_VALUE;

	private SealedForm() {
	}

	/** What one submission holds once opened. */
	record Opened(Channel channel, Submission submission) {
	}

	/**
	 * The length of every submission of a round with this questionnaire: format, channel,
	 * perspective, a number per scale item, and per text item its length and room for the
	 * longest answer.
	 */
	static int submissionLength(Questionnaire questionnaire) {
		int scale = 0;
		int text = 0;
		for (Item item : questionnaire.items()) {
			if (item.isScale()) {
				scale++;
			}
			else {
				text++;
			}
		}
		return 4 + 2 * scale + text * writtenLength();
	}

	/** Room for one written answer: its length, then the longest answer in UTF-16. */
	static int writtenLength() {
		return 2 + 2 * PageQuestion.LONGEST_WRITTEN;
	}

	static byte[] submission(Questionnaire questionnaire, Channel channel, Submission submission) {
		ByteBuffer bytes = ByteBuffer.allocate(submissionLength(questionnaire));
		bytes.put(FORMAT).put((byte) channel.ordinal());
		bytes.putShort(submission.perspective() == null ? SKIPPED
				: (short) (questionnaire.perspective().indexOf(submission.perspective()) + 1));
		for (Item item : questionnaire.items()) {
			if (item.isScale()) {
				String answer = submission.answers().get(item.id());
				bytes.putShort(answer == null ? SKIPPED
						: Scale.NOT_SURE.equals(answer) ? NOT_SURE : (short) (item.scale().indexOf(answer) + 1));
			}
			else {
				putWritten(bytes, submission.written().getOrDefault(item.id(), ""));
			}
		}
		return bytes.array();
	}

	static Opened openSubmission(Questionnaire questionnaire, byte[] plain) {
		if (plain.length != submissionLength(questionnaire) || plain[0] != FORMAT) {
			throw new IllegalStateException("a sealed submission of another shape than its round's");
		}
		ByteBuffer bytes = ByteBuffer.wrap(plain);
		bytes.get();
		Channel channel = Channel.values()[bytes.get()];
		short perspective = bytes.getShort();
		Map<String, String> answers = new LinkedHashMap<>();
		Map<String, String> written = new LinkedHashMap<>();
		for (Item item : questionnaire.items()) {
			if (item.isScale()) {
				short answer = bytes.getShort();
				if (answer != SKIPPED) {
					List<Scale.Option> options = item.scale().options();
					answers.put(item.id(), answer == NOT_SURE ? Scale.NOT_SURE : options.get(answer - 1).value());
				}
			}
			else {
				String words = getWritten(bytes);
				if (!words.isEmpty()) {
					written.put(item.id(), words);
				}
			}
		}
		String value = perspective == SKIPPED ? null
				: questionnaire.perspective().options().get(perspective - 1).value();
		return new Opened(channel, new Submission(value, answers, written));
	}

	/** One written answer, alone, in the room every written answer takes. */
	static byte[] written(String words) {
		ByteBuffer bytes = ByteBuffer.allocate(writtenLength());
		putWritten(bytes, words);
		return bytes.array();
	}

	static String openWritten(byte[] plain) {
		if (plain.length != writtenLength()) {
			throw new IllegalStateException("a sealed written answer of another length than all");
		}
		return getWritten(ByteBuffer.wrap(plain));
	}

	/** The length, then the characters, then zeros to the end of the room. */
	private static void putWritten(ByteBuffer bytes, String words) {
		if (words.length() > PageQuestion.LONGEST_WRITTEN) {
			throw new IllegalArgumentException("a written answer longer than any may be");
		}
		int start = bytes.position();
		bytes.putShort((short) words.length());
		for (int i = 0; i < words.length(); i++) {
			bytes.putChar(words.charAt(i));
		}
		bytes.position(start + writtenLength());
	}

	private static String getWritten(ByteBuffer bytes) {
		int start = bytes.position();
		int length = bytes.getShort();
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = bytes.getChar();
		}
		bytes.position(start + writtenLength());
		return new String(chars);
	}

}
