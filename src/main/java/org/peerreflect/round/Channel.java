package org.peerreflect.round;

/**
 * How a participation code was used: on a person's own device, on a shared kiosk, or on
 * paper.
 */
public enum Channel {

	ONLINE, KIOSK, PAPER

}
