package org.gatehouse.access;

/**
 * Published in the transaction that records the host admin's approval of a request, which by then has passed the NDA
 * check (its invitation went out), so that a listener's work (Slack's own invitation request approved, say) is kept
 * exactly when the approval is.
 */
public record AccessRequestHostApproved(String requestId) {
}
