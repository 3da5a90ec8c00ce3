/**
 * The command line: validate a questionnaire, print an answers template or a paper form,
 * and make a report from answers files, with no database and no web server.
 */
@ApplicationModule(allowedDependencies = { "system", "gate", "questionnaire", "answers", "report", "printed" })
package org.peerreflect.cli;

import org.springframework.modulith.ApplicationModule;
