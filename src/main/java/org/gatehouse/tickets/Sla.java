package org.gatehouse.tickets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.gatehouse.teams.Team;

/**
 * A ticket's due times, in UTC, counted in its team's business hours from the moment the team got it. The warning
 * comes when three quarters of a target are used up.
 */
record Sla(LocalDateTime firstResponseDue, LocalDateTime firstResponseWarn, LocalDateTime resolutionDue,
        LocalDateTime resolutionWarn) {

    static Sla start(Team team, LocalDateTime from) {
        BusinessHours hours = BusinessHours.of(team);
        Duration firstResponse = Duration.parse(team.firstResponseTarget());
        Duration resolution = Duration.parse(team.resolutionTarget());
        return new Sla(due(hours, from, firstResponse), warn(hours, from, firstResponse), due(hours, from, resolution),
                warn(hours, from, resolution));
    }

    static LocalDateTime due(BusinessHours hours, LocalDateTime from, Duration target) {
        return utc(hours.add(from.toInstant(ZoneOffset.UTC), target));
    }

    static LocalDateTime warn(BusinessHours hours, LocalDateTime from, Duration target) {
        return due(hours, from, target.multipliedBy(3).dividedBy(4));
    }

    /**
     * The resolution clock of a ticket that comes back to the experts. A pending ticket's clock was paused while it
     * waited for the requester: its due times move on by the working time the pause took. A resolved ticket that
     * reopens has the whole target again, from now.
     */
    static Deadline resumed(Team team, Ticket ticket, LocalDateTime now) {
        BusinessHours hours = BusinessHours.of(team);
        if (ticket.status().pausesSla() && ticket.slaPausedAt() != null) {
            Duration paused = worked(hours, ticket.slaPausedAt(), now);
            return new Deadline(due(hours, ticket.resolutionDue(), paused), due(hours, ticket.resolutionWarn(), paused));
        }
        Duration target = Duration.parse(team.resolutionTarget());
        return new Deadline(due(hours, now, target), warn(hours, now, target));
    }

    /** When a target falls due, and when its warning comes. */
    record Deadline(LocalDateTime due, LocalDateTime warn) {
    }

    /** The working time between two UTC moments, in the team's hours. */
    static Duration worked(BusinessHours hours, LocalDateTime from, LocalDateTime to) {
        return hours.between(from.toInstant(ZoneOffset.UTC), to.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
