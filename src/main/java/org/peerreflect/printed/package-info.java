/**
 * The printed documents that are not reports: the code cards a steward hands out, and the
 * paper form to answer on. They are set like the report, with its fonts, ink and words.
 */
@ApplicationModule(allowedDependencies = { "questionnaire", "report" })
package org.peerreflect.printed;

import org.springframework.modulith.ApplicationModule;
