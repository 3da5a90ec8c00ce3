package org.peerreflect.round;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A round problem that reaches a page unhandled reads as "not found": another
 * organization's round, a round in the wrong state for the page, or an item the review
 * may not show. Nothing tells a visitor that a round they may not see exists.
 */
@ControllerAdvice
class RoundNotFound {

	@ExceptionHandler(RoundProblem.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
