package org.gatehouse.tickets;

/**
 * What the process needs once a ticket is given to a team, or left to triage: the group whose task it becomes (null
 * in triage), the ticket with its SLA due times, and the teams to choose from in triage.
 */
public record Routing(String teamGroup, Ticket ticket, String teamChoices) {
}
