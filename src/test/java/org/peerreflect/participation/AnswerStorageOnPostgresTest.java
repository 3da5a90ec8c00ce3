package org.peerreflect.participation;

import org.peerreflect.testing.OnPostgres;

/** The same invariants on a real PostgreSQL server, with the {@code postgres} profile. */
@OnPostgres
class AnswerStorageOnPostgresTest extends AnswerStorageContract {

	@Override
	String storageOrder() {
		return "ctid";
	}

}
