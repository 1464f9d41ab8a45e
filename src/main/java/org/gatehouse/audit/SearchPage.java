package org.gatehouse.audit;

import java.util.List;

/** One page of the auditors' search, newest first; {@code total} counts every entry that matches. */
public record SearchPage(List<SearchEntry> entries, int page, int size, long total) {
}
