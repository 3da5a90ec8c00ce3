package org.peerreflect.organization;

import org.peerreflect.testing.MutableClock;
import org.peerreflect.testing.OnPostgres;
import org.springframework.context.annotation.Import;

/** The same contract on a real PostgreSQL server, with the {@code postgres} profile. */
@OnPostgres
@Import(MutableClock.Configuration.class)
class AccountStorageOnPostgresTest extends AccountStorageContract {

}
