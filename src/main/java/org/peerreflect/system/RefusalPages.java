package org.peerreflect.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one answer to a refusal that no page handled, and to a request that waited too long
 * for another. One that reads as absent is the "not found" page, so that a round of
 * another organization, or a page its round is in the wrong state for, tells nobody it
 * exists. Any other says what was refused, with 409, and is logged, since a page should
 * have answered it itself.
 */
@ControllerAdvice
class RefusalPages {

	private static final Logger log = LoggerFactory.getLogger(RefusalPages.class);

	@ExceptionHandler(Refusal.class)
	ModelAndView refused(Refusal refusal, HandlerMethod handler) {
		if (refusal.notFound()) {
			return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		}
		// The key and the handler only: nothing of the request or of who sent it.
		log.warn("Refusal '{}' reached no page of its own, from {}", refusal.messageKey(),
				handler.getShortLogMessage());
		return refusedPage(refusal.messageKey());
	}

	/**
	 * A request that waited too long for a round another request held (the database's
	 * lock timeout): nothing was changed, and the person is told so, never shown a server
	 * error.
	 */
	@ExceptionHandler(TransientDataAccessException.class)
	ModelAndView waitedTooLong(TransientDataAccessException timeout, HandlerMethod handler) {
		log.warn("A request waited too long for a lock and was refused, in {}", handler.getShortLogMessage());
		return refusedPage("error.busy");
	}

	private static ModelAndView refusedPage(String messageKey) {
		ModelAndView page = new ModelAndView("error/refused", HttpStatus.CONFLICT);
		page.addObject(Refusals.PROBLEM, messageKey);
		return page;
	}

}
