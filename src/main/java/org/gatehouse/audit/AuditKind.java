package org.gatehouse.audit;

import java.util.Arrays;

import org.gatehouse.platform.InvalidInputException;

/**
 * What the auditors' search lists, by kind: the records that have a trail, the configurations kept as versions, the
 * directory's imports, and the auditors' own reads.
 */
enum AuditKind {

    ACCESS_REQUEST("access-request", "access-requests"),
    TICKET("ticket", "tickets"),
    APPROVAL("approval", "approvals"),
    EXPERT_INVITATION("expert-invitation", "expert-invitations"),
    OFFBOARDING("offboarding", null),
    SHARING_POLICY("sharing-policy", null),
    CHANNEL_RULES("channel-rules", null),
    REQUESTER_ATTRIBUTES("requester-attributes", null),
    ROLES("roles", null),
    TEAMS("teams", null),
    IMPORTS("imports", null),
    AUDIT_READ("audit-read", null);

    static final String TRAILS = "/api/audit/";

    private final String key;
    private final String trails;

    AuditKind(String key, String trails) {
        this.key = key;
        this.trails = trails;
    }

    String key() {
        return key;
    }

    /** Where a record of this kind has its trail; null for kinds without one. */
    String trail(String subject) {
        return trails == null || subject == null ? null : TRAILS + trails + "/" + subject;
    }

    /** Only access requests and the ends of partnerships concern a partner organisation. */
    boolean concernsPartners() {
        return this == ACCESS_REQUEST || this == OFFBOARDING;
    }

    static AuditKind of(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException("kind", "'" + key + "' is not one of "
                        + Arrays.stream(values()).map(AuditKind::key).toList()));
    }
}
