/**
 * The report: one model made from group summaries, laid out as a PDF, a workbook and
 * charts; and the other printed documents, the code cards and the paper form. It reads
 * nothing but group summaries and questionnaires.
 */
@ApplicationModule(allowedDependencies = { "insight", "questionnaire" })
package org.peerreflect.report;

import org.springframework.modulith.ApplicationModule;
