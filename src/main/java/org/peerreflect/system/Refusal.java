package org.peerreflect.system;

/**
 * Something a person asked that the application will not do, named by a message key for
 * the page to show. Each module refuses with its own kind; the pages handle them all
 * alike ({@link Refusals}, {@link RefusalPages}).
 */
public abstract class Refusal extends RuntimeException {

	private final String messageKey;

	private final boolean notFound;

	/**
	 * {@code notFound}: the thing asked for reads as absent, as another organization's
	 * round does, so that nothing tells a visitor it exists.
	 */
	protected Refusal(String messageKey, boolean notFound) {
		super(messageKey);
		this.messageKey = messageKey;
		this.notFound = notFound;
	}

	public String messageKey() {
		return messageKey;
	}

	public boolean notFound() {
		return notFound;
	}

}
