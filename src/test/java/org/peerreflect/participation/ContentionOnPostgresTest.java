package org.peerreflect.participation;

import org.peerreflect.testing.OnPostgres;
import org.springframework.boot.test.context.SpringBootTest;

@OnPostgres(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentionOnPostgresTest extends ContentionContract {

}
