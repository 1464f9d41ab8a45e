package org.gatehouse.directory;

/** The host company or one of its partner organisations, with the working hours that the house rules quote. */
public record Organisation(String id, String name, Kind kind, String timeZone, String workingHours) {

    public enum Kind { HOST, PARTNER }
}
