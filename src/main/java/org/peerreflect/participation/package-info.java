/**
 * Taking part: participation codes, the pages members answer on (phone, kiosk, paper
 * upload), storing answers so that no one can be told apart, the steward's review of
 * written answers, and the count table the gate is given. It alone reads and writes the
 * answer tables.
 */
@ApplicationModule(
		allowedDependencies = { "system", "organization", "questionnaire", "answers", "round", "gate", "printed" })
package org.peerreflect.participation;

import org.springframework.modulith.ApplicationModule;
