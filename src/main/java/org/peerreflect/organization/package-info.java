/**
 * Organizations and the people who run them: accounts (stewards, board readers,
 * administrators), setup links, passwords, the team and administration pages, and who is
 * signed in.
 */
@ApplicationModule(allowedDependencies = { "system" })
package org.peerreflect.organization;

import org.springframework.modulith.ApplicationModule;
