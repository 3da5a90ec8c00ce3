/**
 * The gate (DESIGN section 4): the count table it is given, the group summary it makes,
 * and the measure of how much views differ. Pure: no files, no web, no database. It uses
 * the questionnaire only to know its principles, items, scales and perspectives.
 */
@ApplicationModule(allowedDependencies = { "questionnaire" })
package org.peerreflect.gate;

import org.springframework.modulith.ApplicationModule;
