package org.gatehouse.tickets;

/**
 * What the process needs once a ticket is given to a team, or left to triage: the group whose task it becomes (null
 * in triage), and the ticket with its SLA due times.
 */
public record Routing(String teamGroup, Ticket ticket) {
}
