package org.peerreflect.system;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may open what. Pages for accounts need a sign-in; each role sees only its own
 * pages, and every page of an organization checks the organization in its service as
 * well.
 */
@Configuration
class SecurityConfiguration {

	private final SignInThrottle throttle;

	SecurityConfiguration(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The participant's pages keep no server session (invariant 11): their CSRF token
	 * lives in a strict, HttpOnly cookie, nothing is cached for later, and no session is
	 * ever made.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain participants(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
		tokens.setCookieName("PARTICIPANT-XSRF");
		http.securityMatcher("/join", "/join/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf(csrf -> csrf.csrfTokenRepository(tokens))
			.exceptionHandling(refused -> refused.accessDeniedHandler(SecurityConfiguration::startAgain))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp
					.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
							+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/**
	 * A round's results page for everyone who took part: open to anyone with its address,
	 * read-only, and keeping nothing of a visit: no session, no cookie, no saved request.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain results(HttpSecurity http) throws Exception {
		http.securityMatcher("/results/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			// Nothing here can be sent: no form, so no token to keep.
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(
						csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; img-src 'self'; "
								// The kiosk's own small script, when the page is shown on
								// one.
								+ "script-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/**
	 * A participant's page whose CSRF cookie is gone (the browser was closed, or its
	 * cookies cleared): back to the start page, or the kiosk's, which says that nothing
	 * was sent and the code still works; never the accounts' "this page is not for you".
	 */
	private static void startAgain(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException refused) throws IOException {
		String lang = Languages.orDefault(request.getParameter("lang"));
		String kiosk = request.getParameter("kiosk");
		String start = kiosk != null && kiosk.matches("[0-9a-f-]{36}/[0-9a-f]{1,128}") ? "/join/kiosk/" + kiosk
				: "/join";
		response.sendRedirect(request.getContextPath() + start + "?lang=" + lang + "&reset=unchecked");
	}

	@Bean
	@Order(2)
	SecurityFilterChain accounts(HttpSecurity http,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping pages) throws Exception {
		RequestMatcher unmapped = request -> {
			try {
				return pages.getHandler(request) == null;
			}
			catch (Exception e) {
				// A page is there (for another method, say): its own rule decides.
				return false;
			}
		};
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", "/sign-in", "/setup/**", "/css/**", "/js/**", "/favicon.ico", "/error",
					"/actuator/health")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/team/**", "/questionnaires/**", "/rounds/**")
			.hasRole("STEWARD")
			.requestMatchers("/reports/**")
			.hasAnyRole("STEWARD", "BOARD")
			.requestMatchers("/account/**")
			.authenticated()
			// An address no page answers is a plain "not found" for anyone; every page
			// has a rule.
			.requestMatchers(unmapped)
			.permitAll()
			.anyRequest()
			.denyAll())
			.formLogin(form -> form.loginPage("/sign-in")
				.usernameParameter("email")
				.defaultSuccessUrl("/", true)
				.failureHandler((request, response, failure) -> backToSignIn(request, response, "failed"))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signedOut"))
			.addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp
					.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
							+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		throttle.failed(String.valueOf(event.getAuthentication().getPrincipal()));
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
	}

	/**
	 * Back to the sign-in page with why, keeping the email that was typed (as a flash
	 * attribute, not in the address) so that only the password needs typing again.
	 */
	static void backToSignIn(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
		FlashMap kept = new FlashMap();
		String email = request.getParameter("email");
		if (email != null && email.length() <= 320) {
			kept.put("email", email.strip());
		}
		kept.setTargetRequestPath(request.getContextPath() + "/sign-in");
		new SessionFlashMapManager().saveOutputFlashMap(kept, request, response);
		response.sendRedirect(request.getContextPath() + "/sign-in?" + why);
	}

	/**
	 * Refuses a sign-in try that comes too soon after repeated failures, before any
	 * password check.
	 */
	static final class ThrottleFilter extends OncePerRequestFilter {

		private final SignInThrottle throttle;

		ThrottleFilter(SignInThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod()) && "/sign-in".equals(request.getServletPath()));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Duration wait = throttle.waitFor(request.getParameter("email"));
			if (!wait.isZero()) {
				backToSignIn(request, response, "wait=" + Math.max(1, wait.toSeconds()));
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
