/**
 * Rounds and their life: made in draft, opened, closed, published, erased; their k and
 * language, and the codes printed and used per channel. It asks the gate only for its
 * rules (the lowest k, whether channels may be shown).
 */
@ApplicationModule(allowedDependencies = { "system", "organization", "questionnaire", "gate" })
package org.peerreflect.round;

import org.springframework.modulith.ApplicationModule;
