package org.gatehouse.access;

import java.time.LocalDateTime;

import org.gatehouse.platform.RefusedStepException;

/**
 * An admin's request to end the partnership with one outside organisation (A10): every channel shared with it
 * disconnected, its open requests ended and, unless direct messages stay open, the organisations' connection ended.
 * Its id is the business key of its {@code partner-offboarding} instance, to which it belongs.
 */
public record Offboarding(
        String id,
        String partnerId,
        boolean keepDirectMessages,
        String reason,
        OffboardingStatus status,
        String requestedBy,
        LocalDateTime requestedAt,
        String confirmedBy,
        Boolean confirmed,
        String confirmComment,
        LocalDateTime confirmedAt,
        LocalDateTime connectionEndedAt,
        LocalDateTime requestsEndedAt,
        LocalDateTime doneAt,
        String processInstanceId,
        LocalDateTime updatedAt,
        LocalDateTime confirmBy,
        String cancelledBy,
        LocalDateTime cancelledAt) {

    static final String RECORD = "Offboarding";

    void requireMayBecome(OffboardingStatus next) {
        if (!status.mayBecome(next)) {
            throw RefusedStepException.transition(RECORD, id, status, next);
        }
    }

    void requireStatus(OffboardingStatus needed, String step) {
        if (status != needed) {
            throw RefusedStepException.precondition(RECORD, id, "it is " + status + ", and " + step + " needs " + needed);
        }
    }

    /** Direct messages disabled: the connection must end before the partnership is recorded as ended. */
    boolean connectionSettled() {
        return keepDirectMessages || connectionEndedAt != null;
    }
}
