package org.peerreflect.participation;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class AnswerStorageOnH2Test extends AnswerStorageContract {

	@Override
	String storageOrder() {
		return "_ROWID_";
	}

}
