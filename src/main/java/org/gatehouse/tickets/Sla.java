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

    /** The working time between two UTC moments, in the team's hours. */
    static Duration worked(BusinessHours hours, LocalDateTime from, LocalDateTime to) {
        return hours.between(from.toInstant(ZoneOffset.UTC), to.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
