package org.gatehouse.channels;

/**
 * Who approved sharing a channel (A5): the host's admin (a user id) and the partner's admin (an e-mail address). The
 * channel service shares nothing without both, whoever calls it.
 */
public record SharingApprovals(String hostApprover, String partnerApprover) {

    boolean complete() {
        return hostApprover != null && !hostApprover.isBlank() && partnerApprover != null && !partnerApprover.isBlank();
    }
}
