package org.gatehouse.access;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A9's figures for charts, week by week (weeks start on Monday, UTC): the requests made each week by how they came
 * out, and how long connected requests took from request to connection, by the week they were connected. Pure: the
 * rows come in, the weeks come out.
 */
final class SharingFigures {

    /** How a request came out, as the charts group it: a request connected once counts as connected. */
    enum Outcome { PENDING, CONNECTED, REJECTED, EXPIRED, WITHDRAWN }

    /** A request made in the period, with its status now. */
    record Made(String partnerId, AccessRequestStatus status, LocalDateTime createdAt) {
    }

    /** A request connected in the period. */
    record Connection(String partnerId, LocalDateTime requestedAt, LocalDateTime connectedAt) {
    }

    /**
     * One week. Hours from request to connection: the median (the mean of the two middle ones for an even count) and
     * the 90th percentile (nearest rank), to a tenth; null in a week without connections.
     */
    record Week(LocalDate week, Map<Outcome, Integer> requests, int connections, Double medianHoursToConnection,
            Double p90HoursToConnection) {
    }

    private SharingFigures() {
    }

    static LocalDate weekOf(LocalDateTime at) {
        return at.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The {@code weeks} weeks up to the one holding {@code today}, each of them, empty ones included. */
    static List<Week> weekly(List<Made> made, List<Connection> connections, LocalDate today, int weeks) {
        LocalDate first = weekOf(today.atStartOfDay()).minusWeeks(weeks - 1L);
        List<Week> result = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            LocalDate week = first.plusWeeks(i);
            Map<Outcome, Integer> requests = new LinkedHashMap<>();
            for (Outcome outcome : Outcome.values()) {
                requests.put(outcome, 0);
            }
            made.stream().filter(m -> weekOf(m.createdAt()).equals(week))
                    .forEach(m -> requests.merge(outcome(m.status()), 1, Integer::sum));
            List<Double> hours = connections.stream().filter(c -> weekOf(c.connectedAt()).equals(week))
                    .map(c -> Duration.between(c.requestedAt(), c.connectedAt()).toMinutes() / 60.0).sorted().toList();
            result.add(new Week(week, requests, hours.size(), median(hours), percentile(hours, 90)));
        }
        return result;
    }

    static Outcome outcome(AccessRequestStatus status) {
        return switch (status) {
            case SUBMITTED, AWAITING_NDA, AWAITING_APPROVAL -> Outcome.PENDING;
            case CONNECTED, ENDED -> Outcome.CONNECTED;
            case REJECTED -> Outcome.REJECTED;
            case EXPIRED -> Outcome.EXPIRED;
            case WITHDRAWN -> Outcome.WITHDRAWN;
        };
    }

    static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return tenth(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    static Double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return tenth(sorted.get(Math.max(rank, 1) - 1));
    }

    private static double tenth(double hours) {
        return Math.round(hours * 10) / 10.0;
    }
}
