package org.peerreflect.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The demo's printed password must never be written into a database that outlives the
 * demo.
 */
class DemoDataTest {

	@Test
	void theDemoRefusesAnyDatabaseButAnInMemoryOne() {
		for (String database : new String[] { "jdbc:postgresql://localhost:5432/peer_reflect",
				"jdbc:h2:file:./data/peer-reflect", "" }) {
			assertThatThrownBy(() -> new DemoData(null, null, null, null, null, null, database))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("in-memory database");
		}
	}

}
