package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.gatehouse.teams.Team;
import org.junit.jupiter.api.Test;

/** When a ticket's SLA clocks run, pause and resume, in IT's business hours (New York, 09:00 to 18:00). */
class SlaTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Team IT = new Team("it", "IT", "09:00-18:00", "America/New_York", "PT4H", "PT16H", null, null,
            null, null, null);

    /** A moment in New York, as tickets keep it: in UTC. */
    private static LocalDateTime ny(int day, int hour, int minute) {
        return LocalDateTime.ofInstant(ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, NEW_YORK).toInstant(),
                ZoneOffset.UTC);
    }

    private static Ticket ticket(Ticket.Status status, LocalDateTime firstRespondedAt, LocalDateTime slaPausedAt,
            LocalDateTime resolutionDue, LocalDateTime resolutionWarn) {
        return new Ticket(1, "Printer", null, ContactChannel.API, "ann", "ann", "Ann", "it", null, status, "ann",
                ny(23, 9, 0), ny(23, 9, 0), null, null, firstRespondedAt, null, resolutionDue, resolutionWarn, null,
                slaPausedAt, null, null, null);
    }

    @Test
    void theClocksRunOnlyWhileTheExpertsHaveTheTicketAndTheFirstResponseClockUntilTheFirstReply() {
        for (Ticket.Status status : Ticket.Status.values()) {
            boolean inHand = status == Ticket.Status.NEW || status == Ticket.Status.OPEN
                    || status == Ticket.Status.ON_HOLD;
            assertThat(SlaClock.RESOLUTION.runsOn(ticket(status, null, null, null, null))).as(status.name())
                    .isEqualTo(inHand);
            assertThat(SlaClock.FIRST_RESPONSE.runsOn(ticket(status, null, null, null, null))).as(status.name())
                    .isEqualTo(inHand);
            assertThat(SlaClock.FIRST_RESPONSE.runsOn(ticket(status, ny(23, 10, 0), null, null, null)))
                    .as(status + ", answered").isFalse();
            assertThat(SlaClock.RESOLUTION.runsOn(ticket(status, ny(23, 10, 0), null, null, null)))
                    .as(status + ", answered").isEqualTo(inHand);
        }
    }

    @Test
    void aPendingTicketResumesWithItsDueTimesMovedOnByTheWorkingTimeItWaited() {
        // paused Friday 17:00, resumed Monday 10:00: one working hour on Friday and one on Monday
        Ticket pending = ticket(Ticket.Status.PENDING, ny(23, 10, 0), ny(27, 17, 0), ny(30, 12, 0), ny(30, 11, 0));
        assertThat(Sla.resumed(IT, pending, ny(30, 10, 0)))
                .isEqualTo(new Sla.Deadline(ny(30, 14, 0), ny(30, 13, 0)));

        // a due time moved past closing goes on the next working day
        Ticket dueAtClosing = ticket(Ticket.Status.PENDING, null, ny(27, 17, 0), ny(27, 17, 30), ny(27, 17, 15));
        assertThat(Sla.resumed(IT, dueAtClosing, ny(30, 9, 30)))
                .isEqualTo(new Sla.Deadline(ny(30, 10, 0), ny(30, 9, 45)));
    }

    @Test
    void aPauseOutsideTheTeamsHoursMovesNothing() {
        Ticket pending = ticket(Ticket.Status.PENDING, null, ny(28, 10, 0), ny(30, 12, 0), ny(30, 11, 0));
        assertThat(Sla.resumed(IT, pending, ny(29, 20, 0)).due()).as("paused Saturday, back Sunday")
                .isEqualTo(ny(30, 12, 0));
    }

    @Test
    void aResolvedTicketThatReopensHasTheWholeResolutionTargetAgainFromNow() {
        Ticket resolved = ticket(Ticket.Status.RESOLVED, ny(19, 10, 0), null, ny(20, 12, 0), ny(20, 11, 0));
        // Monday 10:00: 16 working hours are Monday's 8 and Tuesday's first 8; the warning comes after 12 of them
        assertThat(Sla.resumed(IT, resolved, ny(23, 10, 0))).isEqualTo(new Sla.Deadline(ny(24, 17, 0), ny(24, 13, 0)));
    }
}
