package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Issuing, opening and spending the links, with a fixed secret and clock: {@link SingleUseLinks}, without Spring. */
class SingleUseLinksTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";
    private static final LinkKind INVITATION = new LinkKind("invitation", "/invite/", "invitation");
    private static final LinkKind APPROVAL = new LinkKind("approval", "/approvals/", "approval");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final SingleUseLinks links = new SingleUseLinks(new LinkSettings(SECRET, "https://gatehouse.example"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    record Asked(LocalDateTime expiresAt) implements SingleUseLink {

        @Override
        public LocalDateTime tokenUsedAt() {
            return null;
        }

        @Override
        public boolean pending() {
            return true;
        }

        @Override
        public String closedReason() {
            return "is closed";
        }
    }

    @Test
    void aLinkStaysValidFromAnHourToNinetyDaysAsTheModelSays() {
        assertThat(SingleUseLinks.validity("linkValidFor", Duration.ofDays(14))).isEqualTo(Duration.ofDays(14));
        assertThat(SingleUseLinks.validity("linkValidFor", Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
        assertThat(SingleUseLinks.validity("linkValidFor", Duration.ofDays(90))).isEqualTo(Duration.ofDays(90));
        assertThatThrownBy(() -> SingleUseLinks.validity("linkValidFor", Duration.ofMinutes(30)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("linkValidFor")
                .hasMessageContaining("must be from 1 hour to 90 days, not PT30M")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("linkValidFor"));
        // PT14M typed for P14D
        assertThatThrownBy(() -> SingleUseLinks.validity("linkValidFor", Duration.ofMinutes(14)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not PT14M");
        assertThatThrownBy(() -> SingleUseLinks.validity("linkValidFor", Duration.ofDays(365)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not 365 days");
        assertThatThrownBy(() -> SingleUseLinks.validity("linkValidFor", Duration.ofHours(2200)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not 2200 hours");
    }

    @Test
    void aLinkIsItsTokenUnderThePublicUrlAndTheSameEachTimeItIsBuilt() {
        SingleUseLinks.Link link = links.issue(APPROVAL, "42");
        assertThat(link.url()).isEqualTo("https://gatehouse.example/approvals/" + link.token());
        assertThat(link.token()).matches("[A-Za-z0-9_-]{43}").doesNotContain("42");
        assertThat(links.issue(APPROVAL, "42")).as("rebuilt from the id alone").isEqualTo(link);
        assertThat(links.issue(APPROVAL, "43").token()).isNotEqualTo(link.token());
    }

    @Test
    void onlyTheTokensSha256IsKeptAndLookedUp() throws Exception {
        SingleUseLinks.Link link = links.issue(INVITATION, "7");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(link.token().getBytes(StandardCharsets.UTF_8)));
        assertThat(link.hash()).isEqualTo(sha256).doesNotContain(link.token());

        List<String> lookedUp = new ArrayList<>();
        Asked asked = new Asked(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).plusDays(1));
        Asked opened = links.open(INVITATION, link.token(), hash -> {
            lookedUp.add(hash);
            return Optional.of(asked);
        });
        assertThat(opened).isSameAs(asked);
        assertThat(lookedUp).as("the flow's table is asked for the hash, never the token").containsExactly(sha256);
    }

    @Test
    void aTokenOfOneKindOpensNoOtherAndNoTokenUnderAnotherSecretOpensAnything() {
        Map<String, Asked> approvalsByHash = Map.of(links.issue(APPROVAL, "7").hash(),
                new Asked(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).plusDays(1)));
        String invitationToken = links.issue(INVITATION, "7").token();
        assertThat(invitationToken).isNotEqualTo(links.issue(APPROVAL, "7").token());
        assertThatThrownBy(() -> links.open(APPROVAL, invitationToken, hash -> Optional.ofNullable(approvalsByHash.get(hash))))
                .isInstanceOf(NotFoundException.class).hasMessage("This approval link is not valid");

        String otherSecret = SingleUseLinks.token("another-secret-of-at-least-thirty-two-chars", "approval", "7");
        assertThatThrownBy(() -> links.open(APPROVAL, otherSecret, hash -> Optional.ofNullable(approvalsByHash.get(hash))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void openingChecksExpiryOnTheClock() {
        String token = links.issue(APPROVAL, "7").token();
        Asked expiringNow = new Asked(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> links.open(APPROVAL, token, hash -> Optional.of(expiringNow)))
                .isInstanceOf(ConflictException.class).hasMessage("This approval link has expired");
    }

    @Test
    void spendingHandsTheFlowTheTimeAndRefusesALostRace() {
        List<LocalDateTime> spentAt = new ArrayList<>();
        links.spend(INVITATION, now -> spentAt.add(now));
        assertThat(spentAt).containsExactly(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> links.spend(INVITATION, now -> false)).isInstanceOf(ConflictException.class)
                .hasMessage("This invitation link has already been used");
    }

    @Test
    void anAnswerTheProcessDoesNotWaitForIsAConflictInTheLinksWords() {
        assertThat(SingleUseLinks.notWaiting(APPROVAL)).isInstanceOf(ConflictException.class)
                .hasMessage("The approval is not waiting for an answer right now; try again in a moment");
    }
}
