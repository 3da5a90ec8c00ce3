package org.peerreflect.participation;

import org.peerreflect.testing.OnPostgres;

@OnPostgres
class ContentionOnPostgresTest extends ContentionContract {

}
