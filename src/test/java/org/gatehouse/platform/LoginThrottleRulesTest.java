package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The throttle's counting rules, with a clock the test moves. */
class LoginThrottleRulesTest {

    private static final LoginThrottleProperties LIMITS = new LoginThrottleProperties(5, 3, Duration.ofMinutes(10), 100);

    private Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void failuresPerUserExpireWithTheWindowAndSayHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusal("10.0.0.1", "alice")).isNull();
            now = now.plusSeconds(60);
        }
        assertThat(throttle.refusal("10.0.0.1", "alice")).isEqualTo(Duration.ofMinutes(7));
        assertThat(throttle.refusal("10.0.0.2", "alice")).as("another client").isNull();
        assertThat(throttle.refusal("10.0.0.1", "bob")).as("another name from the same client").isNull();

        now = now.plus(Duration.ofMinutes(7));
        assertThat(throttle.refusal("10.0.0.1", "alice")).as("the oldest failure has left the window").isNull();
    }

    @Test
    void aSuccessIsNoFailureAndForgivesTheUsersEarlierOnes() {
        throttle.refusal("10.0.0.1", "alice");
        throttle.refusal("10.0.0.1", "alice");
        throttle.refusal("10.0.0.1", "alice");
        throttle.succeeded("10.0.0.1", "alice");
        assertThat(throttle.refusal("10.0.0.1", "alice")).isNull();
        throttle.refusal("10.0.0.1", "alice");
        assertThat(throttle.refusal("10.0.0.1", "alice")).as("two failures after the success, then this one").isNull();
        assertThat(throttle.refusal("10.0.0.1", "alice")).isNotNull();
    }

    @Test
    void aClientIsLimitedAcrossNamesAndUnreadableCredentials() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.refusal("10.0.0.1", "user-" + i)).isNull();
        }
        assertThat(throttle.refusal("10.0.0.1", null)).isNull();
        assertThat(throttle.refusal("10.0.0.1", "someone-else")).isEqualTo(Duration.ofMinutes(10));
        assertThat(throttle.refusal("10.0.0.1", null)).isNotNull();
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeen() {
        for (int i = 0; i < 3; i++) {
            throttle.refusal("10.0.0.1", "alice");
        }
        for (int i = 0; i < 200; i++) {
            throttle.refusal("10.1.0." + i, null);
        }
        assertThat(throttle.refusal("10.0.0.1", "alice")).as("forgotten under a flood of other clients").isNull();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(LoginThrottleFilter.client("2001:db8:1:2::1")).isEqualTo(LoginThrottleFilter.client("2001:db8:1:2:ffff::9"))
                .isEqualTo("20010db800010002::/64");
        assertThat(LoginThrottleFilter.client("2001:db8:1:3::1")).isNotEqualTo(LoginThrottleFilter.client("2001:db8:1:2::1"));
        assertThat(LoginThrottleFilter.client("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(LoginThrottleFilter.client("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void theBasicUserNameIsReadOrElseNull() {
        assertThat(LoginThrottleFilter.basicUser(Base64.getEncoder().encodeToString("alice:pa:ss".getBytes()))).isEqualTo("alice");
        assertThat(LoginThrottleFilter.basicUser(Base64.getEncoder().encodeToString("no-colon".getBytes()))).isNull();
        assertThat(LoginThrottleFilter.basicUser("%%% not base64")).isNull();
    }
}
