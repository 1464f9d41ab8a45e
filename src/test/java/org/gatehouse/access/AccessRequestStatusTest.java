package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.access.AccessRequestStatus.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.gatehouse.platform.RefusedStepException;
import org.junit.jupiter.api.Test;

/** The request's lifecycle table, and the rule that a channel connects only with both approvals recorded. */
class AccessRequestStatusTest {

    private static final Map<AccessRequestStatus, Set<AccessRequestStatus>> ALLOWED = Map.of(
            SUBMITTED, EnumSet.of(AWAITING_NDA, AWAITING_APPROVAL, REJECTED),
            AWAITING_NDA, EnumSet.of(AWAITING_NDA, AWAITING_APPROVAL, REJECTED, WITHDRAWN),
            AWAITING_APPROVAL, EnumSet.of(CONNECTED, REJECTED, EXPIRED, WITHDRAWN),
            CONNECTED, EnumSet.of(CONNECTED, ENDED),
            REJECTED, EnumSet.noneOf(AccessRequestStatus.class),
            EXPIRED, EnumSet.noneOf(AccessRequestStatus.class),
            WITHDRAWN, EnumSet.noneOf(AccessRequestStatus.class),
            ENDED, EnumSet.noneOf(AccessRequestStatus.class));

    @Test
    void everyPairOfStatusesIsAllowedExactlyAsTheTableSays() {
        for (AccessRequestStatus from : values()) {
            for (AccessRequestStatus to : values()) {
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void noPathSkipsTheApprovalsOnTheWayToConnected() {
        assertThat(EnumSet.allOf(AccessRequestStatus.class)).filteredOn(s -> s.mayBecome(CONNECTED))
                .containsExactlyInAnyOrder(AWAITING_APPROVAL, CONNECTED);
        assertThat(EnumSet.allOf(AccessRequestStatus.class)).filteredOn(AccessRequestStatus::beforeApproval)
                .containsExactlyInAnyOrder(SUBMITTED, AWAITING_NDA);
    }

    @Test
    void aChannelConnectsOnlyFromAwaitingApprovalWithBothApprovalsRecorded() {
        request(AWAITING_APPROVAL, "bob", true, "admin@globex.example").requireMayConnect();

        assertRefused(request(AWAITING_APPROVAL, null, null, "admin@globex.example"), "both recorded");
        assertRefused(request(AWAITING_APPROVAL, "bob", true, null), "both recorded");
        assertRefused(request(AWAITING_APPROVAL, "bob", false, "admin@globex.example"), "both recorded");
        assertRefused(request(AWAITING_NDA, "bob", true, "admin@globex.example"), "needs AWAITING_APPROVAL");
        assertRefused(request(CONNECTED, "bob", true, "admin@globex.example"), "needs AWAITING_APPROVAL");
    }

    @Test
    void aMoveTheTableDoesNotAllowIsRefusedNamingBothStatuses() {
        assertThatThrownBy(() -> request(AWAITING_NDA, null, null, null).requireMayBecome(ENDED))
                .isInstanceOf(RefusedStepException.class).hasMessageContaining("is AWAITING_NDA: it cannot become ENDED");
    }

    private static void assertRefused(AccessRequest request, String why) {
        assertThatThrownBy(request::requireMayConnect).isInstanceOf(RefusedStepException.class).hasMessageContaining(why);
    }

    private static AccessRequest request(AccessRequestStatus status, String hostApprover, Boolean hostApproved,
            String partnerApprover) {
        LocalDateTime now = LocalDateTime.now();
        return new AccessRequest("r-1", "alice", "acme-main", "autumn", null, "globex", "Gina", "gina@globex.example",
                "Autumn", LocalDate.now().plusMonths(1), "Campaign", status, null, hostApprover, hostApproved,
                partnerApprover == null ? null : "Partner Admin", partnerApprover, null, "pi-1", now, now, null, false);
    }
}
