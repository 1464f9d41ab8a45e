package org.gatehouse.directory;

/**
 * Someone Gatehouse knows: an employee from the HR import, or a contact from a chat platform (outside contacts carry
 * their organisation). {@code id} is their user id in the identity service.
 */
public record Person(
        String id,
        String employeeId,
        String firstName,
        String lastName,
        String email,
        String position,
        String department,
        String supervisorId,
        String office,
        String timeZone,
        Status status,
        Kind kind,
        String organisationId,
        String slackUserId,
        String teamsUserId) {

    public enum Status { ACTIVE, INACTIVE }

    public enum Kind { EMPLOYEE, CONTACT }

    /** How a person came into the directory; set once, when they are created (C5: imported people are told little). */
    public enum Source { MANUAL, HR_IMPORT, SLACK_IMPORT, TEAMS_IMPORT }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public String name() {
        return firstName + " " + lastName;
    }

    /** The same person, known on Slack under {@code id}. */
    Person withSlackUserId(String id) {
        return new Person(this.id, employeeId, firstName, lastName, email, position, department, supervisorId, office,
                timeZone, status, kind, organisationId, id, teamsUserId);
    }

    /** The same person, known on Microsoft Teams under {@code id}. */
    Person withTeamsUserId(String id) {
        return new Person(this.id, employeeId, firstName, lastName, email, position, department, supervisorId, office,
                timeZone, status, kind, organisationId, slackUserId, id);
    }

    /** True when nothing an import can bring differs: re-importing the same row changes nothing. */
    boolean sameAs(Person other) {
        return equals(other);
    }
}
