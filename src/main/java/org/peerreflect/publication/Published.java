package org.peerreflect.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.peerreflect.report.Report;
import org.peerreflect.report.ReportInput;
import org.peerreflect.round.RoundView;

/** A published round as its readers find it: the input and report kept for it. */
public record Published(RoundView round, ReportInput input, Report report, Instant publishedAt) {

	public LocalDate publishedOn() {
		return publishedAt.atZone(ZoneId.systemDefault()).toLocalDate();
	}

	/** A published round in a list: its round and when it was published. */
	public record Listed(RoundView round, Instant publishedAt) {

		public LocalDate publishedOn() {
			return publishedAt.atZone(ZoneId.systemDefault()).toLocalDate();
		}

	}

}
