package org.gatehouse.platform;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * How long history is kept, one setting for every process and decision and for Gatehouse's change log.
 *
 * @param retention     the engine's history time-to-live of every process and decision, in whole days (a plain
 *                      number is days; {@code 2557d} and {@code P2557D} work too), and how long Gatehouse's change
 *                      logs keep a row. Days, not a {@code Period} of years: the engine counts whole days, and one
 *                      number means one cutoff for the engine and Gatehouse alike. At least a year, so an annual
 *                      audit always finds the year it reviews
 * @param cleanupWindow when, each night in the server's time zone, the engine's history cleanup and Gatehouse's
 *                      change-log purge run: {@code HH:mm-HH:mm}, past midnight if the end is earlier than the start
 */
@Validated
@ConfigurationProperties("gatehouse.history")
public record HistoryProperties(
        @NotNull @DurationUnit(ChronoUnit.DAYS) @DurationMin(days = 365) @DurationMax(days = 36_500) Duration retention,
        @NotNull CleanupWindow cleanupWindow) {

    public static final String RETENTION = "gatehouse.history.retention";

    /** The retention as the engine reads a model's {@code camunda:historyTimeToLive}. */
    public int retentionDays() {
        return (int) retention.toDays();
    }

    @AssertTrue(message = "must be whole days")
    boolean isRetentionInWholeDays() {
        return retention == null || retention.equals(Duration.ofDays(retention.toDays()));
    }

    /** A nightly time window; {@code end} before {@code start} ends on the next day. */
    public record CleanupWindow(LocalTime start, LocalTime end) {

        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
        private static final Pattern WINDOW = Pattern.compile("(\\d\\d:\\d\\d) *- *(\\d\\d:\\d\\d)");

        public CleanupWindow {
            if (start.equals(end)) {
                throw new IllegalArgumentException("A cleanup window needs time between its start and its end");
            }
        }

        /** {@code HH:mm-HH:mm}, as in {@code application.yaml}; how Spring binds the setting. */
        public static CleanupWindow valueOf(String text) {
            Matcher times = WINDOW.matcher(text.strip());
            if (!times.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a window HH:mm-HH:mm, such as 01:00-04:00");
            }
            return new CleanupWindow(LocalTime.parse(times.group(1), HH_MM), LocalTime.parse(times.group(2), HH_MM));
        }

        /** How long the window lasts. */
        public Duration length() {
            Duration length = Duration.between(start, end);
            return length.isNegative() ? length.plusDays(1) : length;
        }

        /** How much of the window is left at {@code now}; zero outside it. */
        public Duration remainingAt(LocalTime now) {
            Duration sinceStart = Duration.between(start, now);
            if (sinceStart.isNegative()) {
                sinceStart = sinceStart.plusDays(1);
            }
            Duration remaining = length().minus(sinceStart);
            return remaining.isNegative() ? Duration.ZERO : remaining;
        }

        String startText() {
            return start.format(HH_MM);
        }

        String endText() {
            return end.format(HH_MM);
        }

        @Override
        public String toString() {
            return startText() + "-" + endText();
        }
    }
}
