package org.gatehouse.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.gatehouse.approvals.ApprovalService.DueTimes;
import org.gatehouse.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The model's due times of an approval and a caller's {@code dueIn} held to them, without Spring. */
class ApprovalDueTimesTest {

    private static final DueTimes MODEL = new DueTimes(Duration.ofDays(5), Duration.ofDays(30));

    @Test
    void aCallerNamesADueTimeUpToTheModelsLongestOrGetsItsDefault() {
        assertThat(MODEL.checked().validity(null)).isEqualTo(Duration.ofDays(5));
        assertThat(MODEL.validity(" ")).isEqualTo(Duration.ofDays(5));
        assertThat(MODEL.validity("PT12H")).isEqualTo(Duration.ofHours(12));
        assertThat(MODEL.validity("P30D")).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> MODEL.validity("P31D")).isInstanceOf(InvalidInputException.class)
                .hasMessage("dueIn must be positive and at most 30 days");
    }

    @Test
    void aModelWhoseDefaultIsLongerThanItsLongestOrOutsideALinksBoundsIsRefused() {
        assertThatThrownBy(() -> new DueTimes(Duration.ofDays(10), Duration.ofDays(7)).checked())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("defaultDueIn, the model's input parameter, must not be longer than maxDueIn (7 days)");
        assertThatThrownBy(() -> new DueTimes(Duration.ofDays(5), Duration.ofDays(365)).checked())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("maxDueIn, the model's input parameter");
        assertThatThrownBy(() -> new DueTimes(Duration.ofMinutes(5), Duration.ofDays(30)).checked())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("defaultDueIn, the model's input parameter");
    }
}
