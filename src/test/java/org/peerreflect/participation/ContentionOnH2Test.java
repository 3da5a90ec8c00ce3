package org.peerreflect.participation;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ContentionOnH2Test extends ContentionContract {

}
