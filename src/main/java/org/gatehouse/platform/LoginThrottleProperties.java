package org.gatehouse.platform;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFailuresPerClient failed sign-ins a client (a remote address; an IPv6 /64) may make within the window,
 *                             whoever they name: bounds guessing across many accounts
 * @param maxFailuresPerUser   failed sign-ins a client may make for one user name within the window
 * @param window               how far back failures count; a client over a limit waits until its oldest counted
 *                             failure is this old
 * @param maxTracked           clients and client–user pairs remembered at once; the least recently seen are forgotten
 *                             first, so a flood of addresses costs bounded memory
 */
@Validated
@ConfigurationProperties("gatehouse.security.login-throttle")
public record LoginThrottleProperties(
        @Min(1) int maxFailuresPerClient,
        @Min(1) int maxFailuresPerUser,
        @NotNull @DurationMin(seconds = 1) Duration window,
        @Min(100) int maxTracked) {
}
