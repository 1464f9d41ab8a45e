package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** SLA arithmetic in a team's working time: nights, weekends, time zones and the change of clocks. */
class BusinessHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final BusinessHours HOURS = new BusinessHours(LocalTime.of(9, 0), LocalTime.of(18, 0), PARIS);

    private static Instant paris(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    @Test
    void workWithinADayStaysInIt() {
        assertThat(HOURS.add(paris(11, 24, 10, 0), Duration.ofHours(4))).isEqualTo(paris(11, 24, 14, 0));
    }

    @Test
    void theNightAndTheWeekendDoNotCount() {
        assertThat(HOURS.add(paris(11, 24, 17, 0), Duration.ofHours(2))).isEqualTo(paris(11, 25, 10, 0));
        assertThat(HOURS.add(paris(11, 27, 17, 30), Duration.ofHours(1))).as("Friday to Monday").isEqualTo(paris(11, 30, 9, 30));
        assertThat(HOURS.add(paris(11, 28, 12, 0), Duration.ofMinutes(30))).as("from a Saturday").isEqualTo(paris(11, 30, 9, 30));
        assertThat(HOURS.add(paris(11, 24, 6, 0), Duration.ofHours(1))).as("before opening").isEqualTo(paris(11, 24, 10, 0));
        assertThat(HOURS.add(paris(11, 24, 10, 0), Duration.ofHours(27))).as("three whole days")
                .isEqualTo(paris(11, 27, 10, 0));
    }

    @Test
    void theTeamsTimeZoneDecidesEvenAcrossTheChangeOfClocks() {
        // Paris goes from summer to winter time in the night of 24 to 25 October 2026 (a Sunday)
        assertThat(HOURS.add(paris(10, 23, 17, 0), Duration.ofHours(2))).isEqualTo(paris(10, 26, 10, 0));
        BusinessHours newYork = new BusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("America/New_York"));
        Instant mondayNinePm = paris(11, 30, 21, 0);
        assertThat(newYork.add(mondayNinePm, Duration.ofHours(1))).as("15:00 in New York")
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 16, 0, 0, 0, ZoneId.of("America/New_York")).toInstant());
    }

    @Test
    void betweenCountsOnlyWorkingTimeAndIsTheInverseOfAdd() {
        assertThat(HOURS.between(paris(11, 27, 17, 0), paris(11, 30, 10, 0))).isEqualTo(Duration.ofHours(2));
        assertThat(HOURS.between(paris(11, 28, 10, 0), paris(11, 29, 18, 0))).as("a weekend").isZero();
        assertThat(HOURS.between(paris(11, 30, 10, 0), paris(11, 27, 10, 0))).as("backwards").isZero();
        Instant start = paris(11, 24, 15, 20);
        Duration work = Duration.ofHours(13).plusMinutes(5);
        assertThat(HOURS.between(start, HOURS.add(start, work))).isEqualTo(work);
    }
}
