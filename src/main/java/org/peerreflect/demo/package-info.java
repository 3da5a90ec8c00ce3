/**
 * The demo profile: made-up rounds from examples/, answered, published and talked over,
 * so that the application can be tried without real answers.
 */
@ApplicationModule(allowedDependencies = { "organization", "questionnaire", "answers", "round", "participation",
		"publication", "report", "system" })
package org.peerreflect.demo;

import org.springframework.modulith.ApplicationModule;
