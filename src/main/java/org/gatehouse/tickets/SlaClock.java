package org.gatehouse.tickets;

/** The two targets a team sets (C8) and every ticket is measured against, in the team's business hours. */
public enum SlaClock { FIRST_RESPONSE, RESOLUTION }
