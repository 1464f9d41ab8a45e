package org.gatehouse.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.platform.EmailAddresses;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditors' search over every {@link AuditLog}: checks the filters, counts what matches in each log and answers
 * one page, newest first. A page of one log is paged by that log; across several, each gives its newest
 * {@code (page + 1) × size} entries at most, and the page is cut from their merge. An export reads every match, oldest
 * first.
 */
@Service
@Transactional(readOnly = true)
class AuditSearch {

    static final int DEFAULT_SIZE = 50;

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

    /** One page of what {@link #query} finds, newest first. */
    ResultPage<SearchEntry> search(String actor, String partner, String kind, String from, String to, int page, int size) {
        ResultPage.check(page, size);
        AuditQuery query = query(actor, partner, kind, from, to);
        List<AuditLog> asked = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long total = 0;
        for (AuditLog log : logs) {
            long count = asks(log, query) ? log.count(query) : 0;
            if (count > 0) {
                asked.add(log);
                counts.add(count);
                total += count;
            }
        }
        long offset = (long) page * size;
        return new ResultPage<>(offset >= total ? List.of() : page(asked, counts, query, offset, size), page, size, total);
    }

    /**
     * The filters, checked, as a query; each one is optional.
     *
     * @param partner an organisation's id or name
     * @param kind    one of {@link AuditKind}'s keys
     * @param from    a date (from its start) or a date-time, UTC unless it names its offset
     * @param to      a date (to its end) or a date-time (excluded)
     */
    AuditQuery query(String actor, String partner, String kind, String from, String to) {
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
        return new AuditQuery(kinds, who, partnerId, since, until);
    }

    /** Entries oldest first, one at a time, that show the next before it is taken. */
    interface Entries {

        /** The next entry, or null at the end. */
        SearchEntry peek();

        SearchEntry take();
    }

    /**
     * Every entry the query finds, oldest first, however many: each log read {@code size} entries at a time as the
     * merge reaches them, and then {@code more}. Within one moment the logs come in the order of their first kind,
     * whatever order Spring hands them in, then {@code more} in its order, so that the same entries always come in the
     * same order.
     */
    Iterator<SearchEntry> oldestFirst(AuditQuery query, int size, Entries... more) {
        List<Entries> cursors = new ArrayList<>(logs.stream().filter(log -> asks(log, query))
                .sorted(Comparator.comparing(log -> Collections.min(log.kinds())))
                .map(log -> new Cursor(log, query, size)).toList());
        cursors.addAll(List.of(more));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursors.stream().anyMatch(cursor -> cursor.peek() != null);
            }

            @Override
            public SearchEntry next() {
                Entries oldest = null;
                for (Entries cursor : cursors) {
                    SearchEntry head = cursor.peek();
                    if (head != null && (oldest == null || head.at().isBefore(oldest.peek().at()))) {
                        oldest = cursor;
                    }
                }
                if (oldest == null) {
                    throw new NoSuchElementException();
                }
                return oldest.take();
            }
        };
    }

    /** One log read oldest first, a page at a time. */
    private static final class Cursor implements Entries {

        private final AuditLog log;
        private final AuditQuery query;
        private final int size;
        private final Deque<SearchEntry> read = new ArrayDeque<>();
        private int page;
        private boolean done;

        Cursor(AuditLog log, AuditQuery query, int size) {
            this.log = log;
            this.query = query;
            this.size = size;
        }

        @Override
        public SearchEntry peek() {
            if (read.isEmpty() && !done) {
                List<SearchEntry> entries = log.oldestFirst(query, page++, size);
                read.addAll(entries);
                done = entries.size() < size;
            }
            return read.peek();
        }

        @Override
        public SearchEntry take() {
            return read.poll();
        }
    }

    private static boolean asks(AuditLog log, AuditQuery query) {
        return !Collections.disjoint(log.kinds(), query.kinds());
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
