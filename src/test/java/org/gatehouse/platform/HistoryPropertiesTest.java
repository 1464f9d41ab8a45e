package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code gatehouse.history} as start-up binds it: whole days, at least a year, and a window HH:mm-HH:mm. */
class HistoryPropertiesTest {

    @EnableConfigurationProperties(HistoryProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @ParameterizedTest
    @ValueSource(strings = {"2557", "2557d", "P2557D"})
    void theRetentionIsDays(String retention) {
        context.withPropertyValues("gatehouse.history.retention=" + retention, "gatehouse.history.cleanup-window=23:30-02:00")
                .run(started -> {
                    HistoryProperties history = started.getBean(HistoryProperties.class);
                    assertThat(history.retentionDays()).isEqualTo(2557);
                    assertThat(history.cleanupWindow().length()).isEqualTo(Duration.ofMinutes(150));
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retention=364d | must be longer than or equal to 365 days",
            "retention=36501d | must be shorter than or equal to 36500 days",
            "retention=P400DT1H | must be whole days",
            "retention=P7Y | P7Y",
            "cleanup-window=1:00-4:00 | is not a window HH:mm-HH:mm",
            "cleanup-window=01:00 | is not a window HH:mm-HH:mm",
            "cleanup-window=02:00-02:00 | needs time between its start and its end",
            "cleanup-window=01:00-25:00 | 25:00"})
    void anythingElseStopsStartUp(String setting, String why) {
        context.withPropertyValues("gatehouse.history.retention=2557d", "gatehouse.history.cleanup-window=01:00-04:00",
                "gatehouse.history." + setting).run(started -> assertThat(started).getFailure()
                        .hasStackTraceContaining("gatehouse.history").hasStackTraceContaining(why));
    }

    @Test
    void whatIsLeftOfTheWindow() {
        var night = HistoryProperties.CleanupWindow.valueOf("23:00-02:00");
        assertThat(night.remainingAt(LocalTime.of(23, 0))).isEqualTo(Duration.ofHours(3));
        assertThat(night.remainingAt(LocalTime.of(1, 30))).isEqualTo(Duration.ofMinutes(30));
        assertThat(night.remainingAt(LocalTime.of(2, 0))).isZero();
        assertThat(night.remainingAt(LocalTime.of(12, 0))).isZero();
        assertThat(HistoryProperties.CleanupWindow.valueOf(" 01:00 - 04:00 ")).hasToString("01:00-04:00");
        assertThatThrownBy(() -> HistoryProperties.CleanupWindow.valueOf("night")).hasMessageContaining("HH:mm-HH:mm");
    }
}
