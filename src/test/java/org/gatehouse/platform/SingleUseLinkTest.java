package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What a link that works without an account must be to be answered: {@link SingleUseLink#open}, without Spring. */
class SingleUseLinkTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 0);

    enum Status implements SingleUseLink.AnswerStatus<Status> { PENDING, DECLINED, EXPIRED }

    record Asked(Status status, LocalDateTime expiresAt, LocalDateTime tokenUsedAt)
            implements SingleUseLink.WithStatus<Status> {

        @Override
        public String id() {
            return "a1";
        }

        @Override
        public String processInstanceId() {
            return null;
        }

        @Override
        public String recordName() {
            return "Asked";
        }
    }

    /** A record that says itself why it waits no more, as the partner's invitation does once withdrawn. */
    record Withdrawable(boolean pending, LocalDateTime expiresAt, LocalDateTime tokenUsedAt) implements SingleUseLink {

        @Override
        public String closedReason() {
            return "link has been withdrawn";
        }
    }

    private static Asked pending(LocalDateTime expiresAt) {
        return new Asked(Status.PENDING, expiresAt, null);
    }

    @Test
    void aMadeUpTokenFindsNothing404() {
        assertThatThrownBy(() -> SingleUseLink.open(Optional.<Asked>empty(), "approval", NOW))
                .isInstanceOf(NotFoundException.class).hasMessage("This approval link is not valid");
    }

    @Test
    void aSpentLinkIs409EvenWhileTheRecordStillWaits() {
        var used = new Asked(Status.PENDING, NOW.plusDays(1), NOW.minusHours(1));
        assertThatThrownBy(() -> SingleUseLink.open(Optional.of(used), "invitation", NOW))
                .isInstanceOf(ConflictException.class).hasMessage("This invitation link has already been used")
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("token");
    }

    @Test
    void aClosedRecordIs409InItsOwnWords() {
        var declined = new Asked(Status.DECLINED, NOW.plusDays(1), null);
        assertThatThrownBy(() -> SingleUseLink.open(Optional.of(declined), "invitation", NOW))
                .isInstanceOf(ConflictException.class).hasMessage("This invitation is declined: the link no longer works");
        var withdrawn = new Withdrawable(false, NOW.plusDays(1), null);
        assertThatThrownBy(() -> SingleUseLink.open(Optional.of(withdrawn), "invitation", NOW))
                .isInstanceOf(ConflictException.class).hasMessage("This invitation link has been withdrawn");
    }

    @Test
    void aSpentLinkIsToldSpentBeforeClosedOrExpired() {
        var spentAndOver = new Asked(Status.DECLINED, NOW.minusDays(1), NOW.minusDays(2));
        assertThatThrownBy(() -> SingleUseLink.open(Optional.of(spentAndOver), "approval", NOW))
                .hasMessage("This approval link has already been used");
    }

    @Test
    void anExpiredLinkIs409() {
        assertThatThrownBy(() -> SingleUseLink.open(Optional.of(pending(NOW.minusMinutes(1))), "approval", NOW))
                .isInstanceOf(ConflictException.class).hasMessage("This approval link has expired");
    }

    @Test
    void anOpenLinkGivesItsRecord() {
        var open = pending(NOW.plusDays(5));
        assertThat(SingleUseLink.open(Optional.of(open), "approval", NOW)).isSameAs(open);
        var waiting = new Withdrawable(true, NOW.plusDays(5), null);
        assertThat(SingleUseLink.open(Optional.of(waiting), "invitation", NOW)).isSameAs(waiting);
    }

    @Test
    void theLinkWorksUntilTheMomentItExpiresAndNotAtIt() {
        LocalDateTime expiresAt = NOW.plusDays(1);
        assertThat(SingleUseLink.open(Optional.of(pending(expiresAt)), "approval", expiresAt.minusNanos(1))).isNotNull();
        assertThatThrownBy(() -> SingleUseLink.open(Optional.of(pending(expiresAt)), "approval", expiresAt))
                .hasMessage("This approval link has expired");
    }

    @Test
    void onlyAPendingRecordMovesAndOnlyToAnEnd() {
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(from == Status.PENDING && to != Status.PENDING);
            }
        }
    }

    @Test
    void aRefusedMoveNamesTheRecordAndBothStatuses() {
        pending(NOW).requireMayBecome(Status.DECLINED);
        var declined = new Asked(Status.DECLINED, NOW, null);
        assertThatThrownBy(() -> declined.requireMayBecome(Status.EXPIRED)).isInstanceOf(RefusedStepException.class)
                .hasMessageContaining("Asked a1 is DECLINED: it cannot become EXPIRED");
    }

    @Test
    void aStepForAPendingRecordIsRefusedOnceItIsClosed() {
        pending(NOW).requirePending("there is nothing to ask");
        var declined = new Asked(Status.DECLINED, NOW, null);
        assertThatThrownBy(() -> declined.requirePending("there is nothing to ask"))
                .isInstanceOf(RefusedStepException.class)
                .hasMessageContaining("Asked a1").hasMessageContaining("it is DECLINED: there is nothing to ask");
    }
}
