package org.peerreflect.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moments to and from columns of type TIMESTAMP WITH TIME ZONE, in one way for every
 * table: as UTC offsets, so that no local time of the server stands between.
 */
public final class SqlTimes {

	private SqlTimes() {
	}

	/** A moment as a parameter; null stays null. */
	public static OffsetDateTime utc(Instant moment) {
		return moment == null ? null : moment.atOffset(ZoneOffset.UTC);
	}

	/** The moment in a column of the row; null when the column is. */
	public static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime moment = row.getObject(column, OffsetDateTime.class);
		return moment == null ? null : moment.toInstant();
	}

}
