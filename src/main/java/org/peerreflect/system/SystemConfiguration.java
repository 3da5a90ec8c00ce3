package org.peerreflect.system;

import java.time.Clock;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;

/** The clock, the settings, and the language switch (a cookie, never the session). */
@Configuration
@EnableConfigurationProperties(PeerReflectSettings.class)
class SystemConfiguration implements WebMvcConfigurer {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LocaleResolver localeResolver() {
		// The participant's pages carry their language in a form field and set it for the
		// request;
		// everyone else's choice lives in a cookie, never in a session.
		CookieLocaleResolver resolver = new CookieLocaleResolver("peer-reflect-language") {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Object chosen = request.getAttribute(ParticipantLanguage.ATTRIBUTE);
				return chosen instanceof Locale locale ? locale : super.resolveLocale(request);
			}

			@Override
			public LocaleContext resolveLocaleContext(HttpServletRequest request) {
				return () -> resolveLocale(request);
			}
		};
		// Without a choice yet: the first of the browser's languages the pages are
		// written in, else English.
		resolver.setDefaultLocaleFunction(request -> {
			for (Enumeration<Locale> wanted = request.getLocales(); wanted.hasMoreElements();) {
				String language = wanted.nextElement().getLanguage();
				if (Languages.ALL.contains(language)) {
					return Locale.forLanguageTag(language);
				}
			}
			return Locale.ENGLISH;
		});
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		// A cookie that names no language (edited by hand, or set by another page on the
		// host) is
		// passed over for the default: "rejecting" it would be a server error on every
		// page.
		resolver.setRejectInvalidCookies(false);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
			/**
			 * Only the languages the pages are written in are taken; anything else resets
			 * to the default.
			 */
			@Override
			protected Locale parseLocaleValue(String value) {
				return Languages.ALL.contains(value) ? Locale.forLanguageTag(value) : null;
			}
		};
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		// The results page speaks its round's language and sets no cookie.
		registry.addInterceptor(change).excludePathPatterns("/join", "/join/**", "/results/**");
	}

}
