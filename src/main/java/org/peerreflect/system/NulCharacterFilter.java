package org.peerreflect.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a form that carries a NUL character, which no person types: PostgreSQL cannot
 * store one in text, and it would otherwise surface as a server error after half the work
 * was done.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NulCharacterFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// An upload's file is read by its own page, which says what is wrong with it;
		// reading its
		// parts here would read the file before the page's own size check.
		String type = request.getContentType();
		String path = request.getRequestURI();
		return type != null && type.startsWith("multipart/")
				&& (path.endsWith("/paper") || path.endsWith("/questionnaires"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (var parameter : request.getParameterMap().entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				response.sendError(HttpServletResponse.SC_BAD_REQUEST);
				return;
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					response.sendError(HttpServletResponse.SC_BAD_REQUEST);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

}
