package org.gatehouse.audit;

import java.util.List;
import java.util.Set;

/**
 * One place the auditors' search reads, for some of its kinds: where each kind of history plugs in. Every log
 * orders its entries by time, and within one moment always the same way, so that the search can merge several logs
 * into the same pages for the same query, and an export lists the same entries in the same order every time.
 */
interface AuditLog {

    /** The kinds this log answers for. */
    Set<AuditKind> kinds();

    /** How many entries match. */
    long count(AuditQuery query);

    /** The matching entries, newest first, from the {@code offset}-th on. */
    List<SearchEntry> entries(AuditQuery query, long offset, int limit);

    /** The matching entries the other way round, oldest first, a page at a time ({@code page} from 0). */
    List<SearchEntry> oldestFirst(AuditQuery query, int page, int size);
}
