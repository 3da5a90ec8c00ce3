/**
 * Answers files: the CSV format of a round's answers (DESIGN section 5), read in one pass
 * against a questionnaire, with every problem named by row and column in plain words.
 * Used by the command line, paper uploads and the demo; each words the remedy for its own
 * reader.
 */
@ApplicationModule(allowedDependencies = { "questionnaire" })
package org.peerreflect.answers;

import org.springframework.modulith.ApplicationModule;
