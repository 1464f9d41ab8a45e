package org.gatehouse.tickets;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.gatehouse.teams.Team;

/**
 * A team's working time, Monday to Friday between two times of its time zone: SLA targets count only this time, so
 * a four-hour target set on Friday evening in Paris falls due on Monday morning in Paris.
 */
record BusinessHours(LocalTime opens, LocalTime closes, ZoneId zone) {

    static BusinessHours of(Team team) {
        String[] hours = team.businessHours().split("-");
        return new BusinessHours(LocalTime.parse(hours[0]), LocalTime.parse(hours[1]), ZoneId.of(team.timeZone()));
    }

    /** The moment {@code work} of working time after {@code start}. */
    Instant add(Instant start, Duration work) {
        ZonedDateTime at = nextWorkingMoment(start.atZone(zone));
        Duration left = work;
        while (true) {
            ZonedDateTime closing = at.with(closes);
            Duration today = Duration.between(at, closing);
            if (left.compareTo(today) <= 0) {
                return at.plus(left).toInstant();
            }
            left = left.minus(today);
            at = nextWorkingMoment(closing);
        }
    }

    /** The working time between two moments; none when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to) {
        Duration sum = Duration.ZERO;
        ZonedDateTime at = nextWorkingMoment(from.atZone(zone));
        while (at.toInstant().isBefore(to)) {
            ZonedDateTime closing = at.with(closes);
            Instant end = closing.toInstant().isBefore(to) ? closing.toInstant() : to;
            sum = sum.plus(Duration.between(at.toInstant(), end));
            at = nextWorkingMoment(closing);
        }
        return sum;
    }

    /** {@code at} itself when the team works then, else the next opening. */
    private ZonedDateTime nextWorkingMoment(ZonedDateTime at) {
        ZonedDateTime t = at;
        while (true) {
            if (weekend(t.getDayOfWeek()) || !t.toLocalTime().isBefore(closes)) {
                t = t.plusDays(1).with(opens);
            } else if (t.toLocalTime().isBefore(opens)) {
                t = t.with(opens);
            } else {
                return t;
            }
        }
    }

    private static boolean weekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
