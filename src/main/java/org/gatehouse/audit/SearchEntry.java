package org.gatehouse.audit;

import java.time.LocalDateTime;

/**
 * One change as the auditors' search lists it.
 *
 * @param kind    one of {@link AuditKind}'s keys
 * @param subject what it changed: the record's id (a ticket's number), the configuration's subject, the import's id,
 *                or the path an auditor read
 * @param trail   where the record's whole trail is, for kinds that have one
 */
public record SearchEntry(LocalDateTime at, String actor, String kind, String what, String subject, String trail,
        String detail) {
}
