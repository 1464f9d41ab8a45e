package org.gatehouse.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.platform.ConfigurationVersion;
import org.gatehouse.platform.ConfigurationVersions;
import org.springframework.stereotype.Component;

/**
 * The configurations kept as versions (the sharing policy, the channel rules, the requester-attribute policy, each
 * person's roles, each team) as entries of the auditors' search: each version whole, who made it and when. None of
 * them concerns a partner.
 */
@Component
class ConfigurationLog implements AuditLog {

    private static final Set<AuditKind> KINDS = EnumSet.of(AuditKind.SHARING_POLICY, AuditKind.CHANNEL_RULES,
            AuditKind.REQUESTER_ATTRIBUTES, AuditKind.ROLES, AuditKind.TEAMS);

    private final ConfigurationVersions versions;

    ConfigurationLog(ConfigurationVersions versions) {
        this.versions = versions;
    }

    @Override
    public Set<AuditKind> kinds() {
        return KINDS;
    }

    @Override
    public long count(AuditQuery query) {
        return page(query, 0, 1).total();
    }

    /**
     * The versions come oldest first: the entries from the newest {@code offset}-th on are a window counted from the
     * end, read in the (at most two) pages of its own size that hold it, and turned round.
     */
    @Override
    public List<SearchEntry> entries(AuditQuery query, long offset, int limit) {
        long end = count(query) - offset;
        if (end <= 0) {
            return List.of();
        }
        long start = Math.max(0, end - limit);
        int size = (int) (end - start);
        int first = (int) (start / size);
        List<ConfigurationVersion> pages = new ArrayList<>(page(query, first, size).versions());
        if ((long) (first + 1) * size < end) {
            pages.addAll(page(query, first + 1, size).versions());
        }
        int from = (int) (start - (long) first * size);
        List<SearchEntry> window = new ArrayList<>(pages.subList(Math.min(from, pages.size()),
                Math.min(from + size, pages.size())).stream().map(ConfigurationLog::entry).toList());
        Collections.reverse(window);
        return window;
    }

    @Override
    public List<SearchEntry> oldestFirst(AuditQuery query, int page, int size) {
        return page(query, page, size).versions().stream().map(ConfigurationLog::entry).toList();
    }

    /** All the configuration kinds at once, or the one asked for. */
    private ConfigurationVersions.Page page(AuditQuery query, int page, int size) {
        String kind = query.kinds().containsAll(KINDS) ? null
                : KINDS.stream().filter(query.kinds()::contains).findFirst().map(AuditKind::key).orElseThrow();
        return versions.search(kind, query.actor(), instant(query.from()), instant(query.to()), page, size);
    }

    /** A singleton's subject is empty: it has none. */
    private static SearchEntry entry(ConfigurationVersion version) {
        String subject = version.subject().isEmpty() ? null : version.subject();
        return new SearchEntry(LocalDateTime.ofInstant(version.changedAt(), ZoneOffset.UTC), version.actor(),
                version.kind(), "VERSION " + version.version(), subject, null, version.content().toString());
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
