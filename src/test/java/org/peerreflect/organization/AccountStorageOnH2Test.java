package org.peerreflect.organization;

import org.peerreflect.testing.MutableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(MutableClock.Configuration.class)
class AccountStorageOnH2Test extends AccountStorageContract {

}
