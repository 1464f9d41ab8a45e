package org.gatehouse.access;

import java.util.Set;

/**
 * A request's lifecycle. {@link #mayBecome} is the table of its transitions: every status change names the status
 * it leaves and is refused unless this table leads from there to its target.
 */
public enum AccessRequestStatus {
    SUBMITTED, AWAITING_NDA, AWAITING_APPROVAL, CONNECTED, REJECTED, EXPIRED, WITHDRAWN, ENDED;

    /** Statuses in which a request still holds its channel and partner: a second request for them is refused. */
    public static final Set<AccessRequestStatus> OPEN = Set.of(SUBMITTED, AWAITING_NDA, AWAITING_APPROVAL, CONNECTED);

    /** Statuses in which the requester may still withdraw. */
    public static final Set<AccessRequestStatus> PENDING = Set.of(SUBMITTED, AWAITING_NDA, AWAITING_APPROVAL);

    /**
     * The transitions. A status may follow itself where the process passes it twice (Legal's task again after a
     * recorded NDA that still does not cover the project; a renewal's NDA check while the channel stays connected).
     */
    public boolean mayBecome(AccessRequestStatus next) {
        return switch (this) {
            case SUBMITTED -> Set.of(AWAITING_NDA, AWAITING_APPROVAL, REJECTED).contains(next);
            case AWAITING_NDA -> Set.of(AWAITING_NDA, AWAITING_APPROVAL, REJECTED, WITHDRAWN).contains(next);
            case AWAITING_APPROVAL -> Set.of(CONNECTED, REJECTED, EXPIRED, WITHDRAWN).contains(next);
            case CONNECTED -> Set.of(CONNECTED, ENDED).contains(next);
            case REJECTED, EXPIRED, WITHDRAWN, ENDED -> false;
        };
    }

    /** Before the approvals: the NDA is being checked or obtained, and the partner's invitation is not out yet. */
    public boolean beforeApproval() {
        return this == SUBMITTED || this == AWAITING_NDA;
    }
}
