package org.gatehouse.access;

import java.time.LocalDateTime;

/**
 * One channel an offboarding disconnects, as it was shared when the offboarding was asked for or confirmed, and how
 * its disconnection goes: {@code attempts} and {@code lastError} count the platform's failures (the step retries,
 * then waits in an incident for an operator), which its rolled-back transaction would otherwise forget.
 */
public record OffboardingChannel(String channelId, String workspaceId, String channelName, State state, int attempts,
        String lastError, LocalDateTime disconnectedAt) {

    public enum State {
        PENDING, FAILING, DISCONNECTED,
        /** Shared with another organisation by the time its turn came: left alone. */
        SKIPPED;

        boolean settled() {
            return this == DISCONNECTED || this == SKIPPED;
        }
    }
}
