package org.gatehouse.experts;

import java.time.LocalDateTime;

import org.gatehouse.directory.Person;

/** An invitation to become an expert, as experts, admins and the invitee see it. The link is only ever sent. */
public record ExpertInvitationView(String id, String personId, String personName, String invitedBy, String status,
        LocalDateTime createdAt, LocalDateTime expiresAt, LocalDateTime remindedAt, LocalDateTime answeredAt,
        String answeredVia, String declineReason) {

    static ExpertInvitationView of(ExpertInvitation i, Person person) {
        return new ExpertInvitationView(i.id(), i.personId(), person.name(), i.invitedBy(), i.status().name(),
                i.createdAt(), i.expiresAt(), i.remindedAt(), i.answeredAt(), i.answeredVia(), i.declineReason());
    }
}
