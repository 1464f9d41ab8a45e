package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.tickets.Ticket.Status.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.gatehouse.approvals.Approval;
import org.junit.jupiter.api.Test;

/** The lifecycle tables of tickets and approvals, pair by pair. */
class LifecycleTablesTest {

    private static final Map<Ticket.Status, Set<Ticket.Status>> TICKET = Map.of(
            NEW, EnumSet.of(OPEN, ON_HOLD, PENDING, RESOLVED),
            OPEN, EnumSet.of(ON_HOLD, PENDING, RESOLVED),
            ON_HOLD, EnumSet.of(OPEN, PENDING, RESOLVED),
            PENDING, EnumSet.of(OPEN, CLOSED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(Ticket.Status.class));

    @Test
    void aTicketMovesExactlyAsItsTableSays() {
        for (Ticket.Status from : Ticket.Status.values()) {
            for (Ticket.Status to : Ticket.Status.values()) {
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(TICKET.get(from).contains(to));
            }
        }
    }

    @Test
    void aTicketClosesOnlyWhileItWaitsForTheRequesterAndOnlyTheRequesterReopensIt() {
        assertThat(EnumSet.allOf(Ticket.Status.class)).filteredOn(s -> s.mayBecome(CLOSED))
                .containsExactlyInAnyOrder(PENDING, RESOLVED);
        assertThat(EnumSet.allOf(Ticket.Status.class)).filteredOn(Ticket.Status::waitsForRequester)
                .containsExactlyInAnyOrder(PENDING, RESOLVED);
        assertThat(EnumSet.allOf(Ticket.Status.class)).filteredOn(Ticket.Status::inHand)
                .containsExactlyInAnyOrder(NEW, OPEN, ON_HOLD);
        assertThat(EnumSet.allOf(Ticket.Status.class)).filteredOn(Ticket.Status::pausesSla).containsExactly(PENDING);
        assertThat(EnumSet.allOf(Ticket.Status.class)).filteredOn(Ticket.Status::waitsForApproval)
                .containsExactly(ON_HOLD);
        assertThat(EnumSet.allOf(Ticket.Status.class)).filteredOn(Ticket.Status::notTakenUp).containsExactly(NEW);
        assertThat(EnumSet.allOf(Ticket.Status.class)).filteredOn(s -> !s.acceptsChanges()).containsExactly(CLOSED);
    }

    @Test
    void onlyAPendingApprovalMovesAndOnlyToAnEnd() {
        for (Approval.Status from : Approval.Status.values()) {
            for (Approval.Status to : Approval.Status.values()) {
                assertThat(from.mayBecome(to)).as(from + " -> " + to)
                        .isEqualTo(from == Approval.Status.PENDING && to != Approval.Status.PENDING);
            }
        }
    }
}
