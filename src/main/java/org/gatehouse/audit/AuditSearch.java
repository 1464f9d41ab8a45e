package org.gatehouse.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.platform.EmailAddresses;
import org.gatehouse.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditors' search over every {@link AuditLog}: checks the filters, counts what matches in each log and answers
 * one page, newest first. A page of one log is paged by that log; across several, each gives its newest
 * {@code (page + 1) × size} entries at most, and the page is cut from their merge.
 */
@Service
@Transactional(readOnly = true)
class AuditSearch {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    /**
     * Newest first; within one moment the logs in their order and each log's entries in its own (the sort is
     * stable), so that the same query cuts its pages from the same order every time.
     */
    private static final Comparator<SearchEntry> NEWEST_FIRST = Comparator.comparing(SearchEntry::at,
            Comparator.reverseOrder());

    private final List<AuditLog> logs;
    private final OrganisationService organisations;

    AuditSearch(List<AuditLog> logs, OrganisationService organisations) {
        this.logs = logs;
        this.organisations = organisations;
    }

    /**
     * @param partner an organisation's id or name
     * @param from    a date (from its start) or a date-time, UTC unless it names its offset
     * @param to      a date (to its end) or a date-time (excluded)
     */
    SearchPage search(String actor, String partner, String kind, String from, String to, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "size must be between 1 and " + MAX_SIZE);
        }
        LocalDateTime since = moment("from", from, false);
        LocalDateTime until = moment("to", to, true);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidInputException("to", "to must lie after from");
        }
        String partnerId = blank(partner) ? null : organisations.find(partner.strip())
                .or(() -> organisations.findByName(partner.strip())).map(Organisation::id)
                .orElseThrow(() -> new InvalidInputException("partner", "There is no organisation '" + partner.strip() + "'"));
        Set<AuditKind> kinds = blank(kind) ? EnumSet.allOf(AuditKind.class) : EnumSet.of(AuditKind.of(kind.strip()));
        if (partnerId != null) {
            kinds.removeIf(k -> !k.concernsPartners());
        }
        String who = blank(actor) ? null : actor.contains("@") ? EmailAddresses.normalise(actor) : actor.strip();
        AuditQuery query = new AuditQuery(kinds, who, partnerId, since, until);

        List<AuditLog> asked = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long total = 0;
        for (AuditLog log : logs) {
            long count = Collections.disjoint(log.kinds(), kinds) ? 0 : log.count(query);
            if (count > 0) {
                asked.add(log);
                counts.add(count);
                total += count;
            }
        }
        long offset = (long) page * size;
        return new SearchPage(offset >= total ? List.of() : page(asked, counts, query, offset, size), page, size, total);
    }

    private static List<SearchEntry> page(List<AuditLog> asked, List<Long> counts, AuditQuery query, long offset,
            int size) {
        if (asked.size() == 1) {
            return asked.get(0).entries(query, offset, size);
        }
        List<SearchEntry> merged = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            merged.addAll(asked.get(i).entries(query, 0, (int) Math.min(offset + size, counts.get(i))));
        }
        return merged.stream().sorted(NEWEST_FIRST).skip(offset).limit(size).toList();
    }

    /** A date or date-time as a UTC moment; a date as {@code to} ends with its day. */
    private static LocalDateTime moment(String field, String value, boolean end) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + text + "' is neither a date (2025-03-31) nor a date-time "
                    + "(2025-03-31T09:30:00, UTC unless it names its offset)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
