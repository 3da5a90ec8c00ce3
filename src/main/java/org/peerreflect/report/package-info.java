/**
 * The report: one model made from group summaries, laid out as a PDF, a workbook and
 * charts; and the type, ink and words every printed document shares. It reads nothing but
 * group summaries and questionnaires.
 */
@ApplicationModule(allowedDependencies = { "gate", "questionnaire" })
package org.peerreflect.report;

import org.springframework.modulith.ApplicationModule;
