package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Optional;

import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.SingleUseLink;
import org.junit.jupiter.api.Test;

/** The partner's invitation as a single-use link: a withdrawn one says so, in the words partners have always read. */
class InvitationTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 0);

    @Test
    void aWithdrawnInvitationNoLongerOpens() {
        var withdrawn = new Invitation("i", "r", NOW.plusDays(1), null, NOW.minusHours(1));
        assertThat(withdrawn.open(NOW)).isFalse();
        assertThatThrownBy(() -> SingleUseLink.open(Optional.of(withdrawn), "invitation", NOW))
                .isInstanceOf(ConflictException.class).hasMessage("This invitation link has been withdrawn");
    }

    @Test
    void anInvitationIsOpenWhileUnusedNotWithdrawnAndInTime() {
        assertThat(new Invitation("i", "r", NOW.plusDays(1), null, null).open(NOW)).isTrue();
        assertThat(new Invitation("i", "r", NOW.plusDays(1), NOW, null).open(NOW)).as("used").isFalse();
        assertThat(new Invitation("i", "r", NOW, null, null).open(NOW)).as("expired").isFalse();
    }
}
