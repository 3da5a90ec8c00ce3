/**
 * Running the application: settings, the data source and the database files it can pause
 * and rewrite, signing in and its throttle, security headers and filters, the public
 * address, the home page; the refusal that every module's own refusals extend, and the
 * one answer to a refusal no page handled. It uses no other module.
 */
@ApplicationModule(allowedDependencies = {})
package org.peerreflect.system;

import org.springframework.modulith.ApplicationModule;
