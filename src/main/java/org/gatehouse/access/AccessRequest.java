package org.gatehouse.access;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.gatehouse.platform.RefusedStepException;

/**
 * A member's request to share a channel with an outside organisation (A2). Its id is its process's business key, and
 * it belongs to that one process instance ({@code processInstanceId}). Where the chat platform invites the partner
 * itself (Slack Connect), {@code inviteId} is its invitation, by which the platform's answers find the request, and
 * {@code channelCreated} says whether the request's invitation made the channel.
 */
public record AccessRequest(
        String id,
        String requester,
        String workspaceId,
        String channelName,
        String channelId,
        String partnerId,
        String partnerContactName,
        String partnerContactEmail,
        String projectName,
        LocalDate endDate,
        String purpose,
        AccessRequestStatus status,
        String statusReason,
        String hostApprover,
        Boolean hostApproved,
        String partnerApproverName,
        String partnerApproverEmail,
        String partnerChannelName,
        String processInstanceId,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        String inviteId,
        boolean channelCreated) {

    static final String RECORD = "Access request";

    /** Refuses a move that the lifecycle's table does not allow from the status the request is in. */
    void requireMayBecome(AccessRequestStatus next) {
        if (!status.mayBecome(next)) {
            throw RefusedStepException.transition(RECORD, id, status, next);
        }
    }

    /** Refuses a step that needs the request in {@code needed}. */
    void requireStatus(AccessRequestStatus needed, String step) {
        if (status != needed) {
            throw RefusedStepException.precondition(RECORD, id, "it is " + status + ", and " + step + " needs "
                    + needed);
        }
    }

    /** Both organisations' approvals are recorded (A5): the host admin approved, the partner's admin accepted. */
    boolean bothApproved() {
        return Boolean.TRUE.equals(hostApproved) && hostApprover != null && partnerApproverEmail != null;
    }

    /** A channel connects only from AWAITING_APPROVAL, and only once both approvals are recorded. */
    void requireMayConnect() {
        requireStatus(AccessRequestStatus.AWAITING_APPROVAL, "connecting the channel");
        if (!bothApproved()) {
            throw RefusedStepException.precondition(RECORD, id, "a channel connects only once the host admin's "
                    + "approval and the partner's acceptance are both recorded");
        }
    }
}
