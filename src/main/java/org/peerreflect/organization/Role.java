package org.peerreflect.organization;

/** What an account may do (DESIGN section 1). Participants have no account at all. */
public enum Role {

	/** Runs the deployment; sees no round content. */
	ADMIN,

	/** Runs rounds for their organization. */
	STEWARD,

	/** Reads their organization's published reports. */
	BOARD;

	public String authority() {
		return "ROLE_" + name();
	}

}
