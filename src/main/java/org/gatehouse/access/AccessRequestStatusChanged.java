package org.gatehouse.access;

/**
 * Published in the transaction that changes a request's status, so that a listener's work (Slack's invitation
 * request answered, say) is kept exactly when the change is.
 */
public record AccessRequestStatusChanged(String requestId, AccessRequestStatus status, String reason) {
}
