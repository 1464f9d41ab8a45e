package org.gatehouse.audit;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * What the auditors search for. Each filter given narrows the answer; {@code partnerId} leaves only the kinds that
 * concern a partner. {@code from} counts, {@code to} does not.
 */
record AuditQuery(Set<AuditKind> kinds, String actor, String partnerId, LocalDateTime from, LocalDateTime to) {
}
