/**
 * Publishing a closed round once and everything read after it: the kept report (input,
 * model, PDF, workbook), the report pages and downloads, the group's agreements, erasing
 * a round's answers.
 */
@ApplicationModule(
		allowedDependencies = { "system", "organization", "questionnaire", "round", "participation", "gate", "report" })
package org.peerreflect.publication;

import org.springframework.modulith.ApplicationModule;
