/**
 * Questionnaires: reading and checking the YAML files (shared ones in the jar, an
 * organization's uploads), the wording check, and the questionnaire pages. It knows no
 * answers.
 */
@ApplicationModule(allowedDependencies = { "system", "organization" })
package org.peerreflect.questionnaire;

import org.springframework.modulith.ApplicationModule;
