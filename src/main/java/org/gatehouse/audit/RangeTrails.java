package org.gatehouse.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.gatehouse.channels.NotificationProcess;
import org.gatehouse.channels.Notifier;
import org.gatehouse.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What an export lists beside the search's entries: the trails of the records whose processes ran in the range. For
 * each access request, ticket, approval and expert invitation with a process instance running in the range (its own,
 * one it called, or the {@code notification} instance sending a message its steps wrote), the entries of its trail
 * ({@link RecordTrails}: what {@code GET /api/audit/…/{id}} answers) that lie in the range and that the search does
 * not list itself from the change logs: the engine's account (processes, steps, tasks, operations, decisions, failed
 * attempts, incidents), the messages written and sent, the deliveries.
 *
 * <p>Oldest first, each record's trail read once, the range's instances a page at a time: first those running at its
 * start, then those started in it, in the order they started. No entry of a trail lies before the start of the
 * instance it comes from, so once an instance is read, every entry before its start is in and may leave; and a
 * record is read where its first instance in the range comes, keeping its entries from that instance's start on (an
 * entry before it, which only a history changed since could hold, would come out of order). So every export from the
 * same start lists the same entries before its end in the same order, which its chain needs ({@link ExportChain}).
 */
@Component
class RangeTrails {

    /** Instances read at a time. */
    static final int PAGE = 200;
    /** The trail's kinds that the search lists itself, from the features' change logs. */
    private static final Set<String> LISTED = Set.of("change", "message");
    /** An entry's kind and details as its export's {@code detail}: settings of its own, as the chain needs. */
    private static final ObjectMapper DETAILS = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** Within one moment: by record, then in the record's trail's order. */
    private static final Comparator<Pending> OLDEST_FIRST = Comparator.<Pending, LocalDateTime>comparing(
            pending -> pending.entry().at()).thenComparing(pending -> pending.record().kind())
            .thenComparing(pending -> pending.record().id()).thenComparingInt(Pending::place);

    private final EngineTrail engine;
    private final RecordTrails trails;
    private final Notifier notifier;

    RangeTrails(EngineTrail engine, RecordTrails trails, Notifier notifier) {
        this.engine = engine;
        this.trails = trails;
        this.notifier = notifier;
    }

    /**
     * The entries the query's range and filters find, as {@code reader} (one who reads every record) reads them; none
     * where it asks for no kind of record.
     */
    AuditSearch.Entries oldestFirst(AuditQuery query, String reader) {
        if (query.kinds().stream().allMatch(kind -> kind.processKey() == null)) {
            return new AuditSearch.Entries() {
                @Override
                public SearchEntry peek() {
                    return null;
                }

                @Override
                public SearchEntry take() {
                    return null;
                }
            };
        }
        return new Reading(query, reader);
    }

    private record Record(AuditKind kind, String id) {
    }

    /** An entry of a record's trail, at its place there. */
    private record Pending(TrailEntry entry, Record record, int place) {
    }

    private final class Reading implements AuditSearch.Entries {

        private final AuditQuery query;
        private final String reader;
        private final Date from;
        private final Date to;
        private final PriorityQueue<Pending> pending = new PriorityQueue<>(OLDEST_FIRST);
        /** Those running at the start, which may start at the start itself and come again. */
        private final Set<String> runningAtStart = new HashSet<>();
        private final Set<Record> read = new HashSet<>();
        /** Callers and writers of the instances read, by id. */
        private final Map<String, HistoricProcessInstance> related = new HashMap<>();
        /** Every entry before it is in; null: every entry is. */
        private LocalDateTime complete;
        /** The next page's offset; -1 before the instances running at the start are read. */
        private int offset = -1;
        private SearchEntry head;

        Reading(AuditQuery query, String reader) {
            this.query = query;
            this.reader = reader;
            this.from = date(query.from());
            this.to = date(query.to());
            this.complete = query.from();
        }

        @Override
        public SearchEntry peek() {
            while (head == null) {
                Pending next = pending.peek();
                if (next != null && (complete == null || next.entry().at().isBefore(complete))) {
                    head = entry(pending.poll());
                } else if (complete == null) {
                    return null;
                } else {
                    readMore();
                }
            }
            return head;
        }

        @Override
        public SearchEntry take() {
            SearchEntry taken = peek();
            head = null;
            return taken;
        }

        private void readMore() {
            if (offset < 0) {
                List<HistoricProcessInstance> running = engine.runningAt(from);
                running.forEach(instance -> runningAtStart.add(instance.getId()));
                read(running);
                offset = 0;
                return;
            }
            List<HistoricProcessInstance> page = engine.startedBetween(from, to, offset, PAGE);
            offset += page.size();
            read(page.stream().filter(instance -> !runningAtStart.contains(instance.getId())).toList());
            complete = page.size() < PAGE ? null : since(page.get(page.size() - 1));
        }

        /** The trails of the records these instances are of that are not read yet, in the order the instances come. */
        private void read(List<HistoricProcessInstance> instances) {
            // a message's sender stands for the instance whose step wrote it
            Map<String, String> writers = notifier.writers(instances.stream().filter(RangeTrails::sender)
                    .map(HistoricProcessInstance::getBusinessKey).filter(Objects::nonNull).toList());
            remember(writers.values());
            for (HistoricProcessInstance instance : instances) {
                HistoricProcessInstance of = sender(instance) ? related.get(writers.get(instance.getBusinessKey()))
                        : instance;
                for (Record record : recordsOf(of)) {
                    if (read.add(record)) {
                        trail(record, since(instance));
                    }
                }
            }
        }

        /** The records an instance is of: its own and its callers', however far up. */
        private Set<Record> recordsOf(HistoricProcessInstance instance) {
            Set<Record> records = new LinkedHashSet<>();
            for (HistoricProcessInstance at = instance; at != null; at = caller(at)) {
                AuditKind kind = AuditKind.ofProcess(at.getProcessDefinitionKey()).orElse(null);
                if (kind != null && at.getBusinessKey() != null) {
                    records.add(new Record(kind, at.getBusinessKey()));
                }
            }
            return records;
        }

        private HistoricProcessInstance caller(HistoricProcessInstance instance) {
            String caller = instance.getSuperProcessInstanceId();
            if (caller == null) {
                return null;
            }
            remember(Set.of(caller));
            return related.get(caller);
        }

        private void remember(Iterable<String> ids) {
            Set<String> unknown = new HashSet<>();
            ids.forEach(id -> {
                if (!related.containsKey(id)) {
                    unknown.add(id);
                }
            });
            engine.byIds(unknown).forEach(instance -> related.put(instance.getId(), instance));
        }

        /** The record's entries that the query asks for, from {@code since} on. */
        private void trail(Record record, LocalDateTime since) {
            if (!query.kinds().contains(record.kind())) {
                return;
            }
            List<TrailEntry> entries;
            try {
                if (query.partnerId() != null && !trails.withPartner(record.id(), query.partnerId())) {
                    return;
                }
                entries = trails.of(record.kind(), record.id(), reader).entries();
            } catch (NotFoundException never) {
                // its register step refused it: no record, no trail of its own (a caller's trail tells it)
                return;
            }
            for (int place = 0; place < entries.size(); place++) {
                TrailEntry entry = entries.get(place);
                if (!LISTED.contains(entry.kind()) && !entry.at().isBefore(since) && entry.at().isBefore(query.to())
                        && (query.actor() == null || query.actor().equals(entry.actor()))) {
                    pending.add(new Pending(entry, record, place));
                }
            }
        }

        /** When an instance's entries in the range begin: its start, or the range's. */
        private LocalDateTime since(HistoricProcessInstance instance) {
            LocalDateTime started = EngineTrail.time(instance.getStartTime());
            return started.isBefore(query.from()) ? query.from() : started;
        }
    }

    private static boolean sender(HistoricProcessInstance instance) {
        return NotificationProcess.KEY.equals(instance.getProcessDefinitionKey());
    }

    /** A trail's entry as the export lists it: the record's kind and id, and the entry's own kind and details. */
    private static SearchEntry entry(Pending pending) {
        TrailEntry entry = pending.entry();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("entry", entry.kind());
        detail.put("details", entry.details());
        try {
            return new SearchEntry(entry.at(), entry.actor(), pending.record().kind().key(), entry.what(),
                    pending.record().id(), pending.record().kind().trail(pending.record().id()),
                    DETAILS.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date date(LocalDateTime utc) {
        return Date.from(utc.toInstant(ZoneOffset.UTC));
    }
}
