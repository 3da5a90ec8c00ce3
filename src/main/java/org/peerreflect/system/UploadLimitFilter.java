package org.peerreflect.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends an upload larger than the limit back to its page with {@code ?tooLarge}, before
 * anything reads its parts: otherwise the server's own bare error page is all a person
 * would see.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadLimitFilter extends OncePerRequestFilter {

	private final long limit;

	UploadLimitFilter(MultipartProperties multipart) {
		// A form's one file arrives with a little around it; the smaller limit is the one
		// that bites.
		this.limit = Math.min(multipart.getMaxFileSize().toBytes(), multipart.getMaxRequestSize().toBytes());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null || !type.startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			String page = request.getRequestURI();
			// Paper answers are sent from the round's own page, which has no address of
			// the form's own.
			response.setHeader("Location", page.endsWith("/paper")
					? page.substring(0, page.length() - "/paper".length()) + "?paperTooLarge" : page + "?tooLarge");
			return;
		}
		chain.doFilter(request, response);
	}

}
