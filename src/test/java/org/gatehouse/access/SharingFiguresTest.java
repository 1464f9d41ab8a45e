package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A9's weekly figures on their own: weeks from Monday, outcomes, median and nearest-rank 90th percentile. */
class SharingFiguresTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2025, 6, 4);

    @Test
    void medianAndPercentile() {
        assertThat(SharingFigures.median(List.of())).isNull();
        assertThat(SharingFigures.median(List.of(1.0, 2.0, 10.0))).isEqualTo(2.0);
        assertThat(SharingFigures.median(List.of(24.0, 48.0))).isEqualTo(36.0);
        List<Double> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> (double) i).toList();
        assertThat(SharingFigures.percentile(ten, 90)).isEqualTo(9.0);
        assertThat(SharingFigures.percentile(List.of(5.0), 90)).isEqualTo(5.0);
    }

    @Test
    void everyWeekIsListedAndEachRequestCountsOnceByHowItCameOut() {
        LocalDateTime lastWeek = WEDNESDAY.minusWeeks(1).atTime(10, 0);
        var made = List.of(new SharingFigures.Made("p", AccessRequestStatus.ENDED, lastWeek),
                new SharingFigures.Made("p", AccessRequestStatus.AWAITING_NDA, lastWeek.plusDays(2)),
                new SharingFigures.Made("p", AccessRequestStatus.CONNECTED, WEDNESDAY.atTime(9, 0)));
        var connected = List.of(new SharingFigures.Connection("p", lastWeek, lastWeek.plusMinutes(90)));

        var weeks = SharingFigures.weekly(made, connected, WEDNESDAY, 3);
        assertThat(weeks).extracting(SharingFigures.Week::week)
                .containsExactly(LocalDate.of(2025, 5, 19), LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 2));
        assertThat(weeks.get(0).requests().values()).containsOnly(0);
        assertThat(weeks.get(1).requests()).containsEntry(SharingFigures.Outcome.CONNECTED, 1)
                .containsEntry(SharingFigures.Outcome.PENDING, 1);
        assertThat(weeks.get(1).medianHoursToConnection()).isEqualTo(1.5);
        assertThat(weeks.get(2).requests()).containsEntry(SharingFigures.Outcome.CONNECTED, 1);
        assertThat(weeks.get(2).connections()).isZero();
        assertThat(weeks.get(2).p90HoursToConnection()).isNull();
    }
}
