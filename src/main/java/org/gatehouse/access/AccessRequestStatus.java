package org.gatehouse.access;

import java.util.Set;

public enum AccessRequestStatus {
    SUBMITTED, AWAITING_NDA, AWAITING_APPROVAL, CONNECTED, REJECTED, EXPIRED, WITHDRAWN, ENDED;

    /** Statuses in which a request still holds its channel and partner: a second request for them is refused. */
    public static final Set<AccessRequestStatus> OPEN = Set.of(SUBMITTED, AWAITING_NDA, AWAITING_APPROVAL, CONNECTED);

    /** Statuses in which the requester may still withdraw. */
    public static final Set<AccessRequestStatus> PENDING = Set.of(SUBMITTED, AWAITING_NDA, AWAITING_APPROVAL);
}
