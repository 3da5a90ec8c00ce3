package org.peerreflect.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

import org.peerreflect.gate.Gate;
import org.peerreflect.system.Languages;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Typed option values. Each refusal reads on from the option's name, which
 * {@link Refusal} puts before it: "--lang should be one of en, es".
 */
final class Converters {

	private Converters() {
	}

	/** A language the reports are written in. */
	static final class Language implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			if (!Languages.ALL.contains(value)) {
				throw new TypeConversionException("should be one of " + String.join(", ", Languages.ALL));
			}
			return value;
		}

	}

	/** The smallest group a figure may describe; never below the gate's lowest. */
	static final class MinGroupSize implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			int k;
			try {
				k = Integer.parseInt(value);
			}
			catch (NumberFormatException e) {
				throw new TypeConversionException("should be a whole number");
			}
			if (k < Gate.LOWEST_MIN_GROUP_SIZE) {
				throw new TypeConversionException("is never below " + Gate.LOWEST_MIN_GROUP_SIZE
						+ ": smaller groups would let people be recognised");
			}
			return k;
		}

	}

	/** The encoding of an answers file that is not UTF-8. */
	static final class Encoding implements ITypeConverter<Charset> {

		@Override
		public Charset convert(String value) {
			try {
				return Charset.forName(value);
			}
			catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
				throw new TypeConversionException(
						"should name an encoding, for example utf-8 or windows-1252 ('" + value + "' is not one)");
			}
		}

	}

}
