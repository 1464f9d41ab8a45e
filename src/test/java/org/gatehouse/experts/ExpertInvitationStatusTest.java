package org.gatehouse.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.experts.ExpertInvitation.Status.*;

import org.junit.jupiter.api.Test;

/** The invitation's lifecycle table: only a pending invitation moves, and only to one of its three ends. */
class ExpertInvitationStatusTest {

    @Test
    void onlyAPendingInvitationMovesAndOnlyToAnEnd() {
        for (ExpertInvitation.Status from : ExpertInvitation.Status.values()) {
            for (ExpertInvitation.Status to : ExpertInvitation.Status.values()) {
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(from == PENDING && to != PENDING);
            }
        }
        assertThat(ACCEPTED.mayBecome(DECLINED)).as("an answer is final").isFalse();
        assertThat(EXPIRED.mayBecome(ACCEPTED)).as("an expired invitation cannot be accepted").isFalse();
    }
}
