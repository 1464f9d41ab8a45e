package org.gatehouse.audit;

import java.util.Arrays;
import java.util.Optional;

import org.gatehouse.access.AccessRequestProcess;
import org.gatehouse.approvals.ApprovalProcess;
import org.gatehouse.experts.ExpertOnboardingProcess;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.tickets.TicketProcess;

/**
 * What the auditors' search lists, by kind: the records that have a trail, the configurations kept as versions, the
 * directory's imports, and the auditors' own reads.
 */
enum AuditKind {

    ACCESS_REQUEST("access-request", "access-requests", AccessRequestProcess.KEY),
    TICKET("ticket", "tickets", TicketProcess.KEY),
    APPROVAL("approval", "approvals", ApprovalProcess.KEY),
    EXPERT_INVITATION("expert-invitation", "expert-invitations", ExpertOnboardingProcess.KEY),
    OFFBOARDING("offboarding", null, null),
    SHARING_POLICY("sharing-policy", null, null),
    CHANNEL_RULES("channel-rules", null, null),
    REQUESTER_ATTRIBUTES("requester-attributes", null, null),
    ROLES("roles", null, null),
    TEAMS("teams", null, null),
    IMPORTS("imports", null, null),
    AUDIT_READ("audit-read", null, null);

    static final String TRAILS = "/api/audit/";

    private final String key;
    private final String trails;
    private final String processKey;

    AuditKind(String key, String trails, String processKey) {
        this.key = key;
        this.trails = trails;
        this.processKey = processKey;
    }

    String key() {
        return key;
    }

    /** The process whose instances have a record of this kind's id as business key; null for kinds without one. */
    String processKey() {
        return processKey;
    }

    /** The kind whose records the instances of a process are, if any. */
    static Optional<AuditKind> ofProcess(String processKey) {
        return Arrays.stream(values()).filter(kind -> kind.processKey != null && kind.processKey.equals(processKey))
                .findFirst();
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
