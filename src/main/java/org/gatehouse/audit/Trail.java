package org.gatehouse.audit;

import java.util.Comparator;
import java.util.List;

/** A record's trail, oldest first. */
public record Trail(List<TrailEntry> entries) {

    /**
     * A line with what orders it among lines of the same moment (the clocks give milliseconds, and one step writes
     * several lines in one): its {@link Rank}, then its place in its own source.
     */
    record Line(TrailEntry entry, Rank rank, long seq) {
    }

    /**
     * Within one moment, in the order things cause each other: a process starts; a person completes a task (or
     * operates on the engine); the steps that follow record what was decided in the record's log, then the
     * conversation; the engine's account of its steps comes after what they recorded, what was sent after that; a
     * process ends last.
     */
    enum Rank { PROCESS_START, PERSON, RECORD, CONVERSATION, ENGINE, SENT, PROCESS_END }

    private static final Comparator<Line> OLDEST_FIRST = Comparator.<Line, java.time.LocalDateTime>comparing(
            line -> line.entry().at()).thenComparing(Line::rank).thenComparingLong(Line::seq);

    static Trail of(List<Line> lines) {
        return new Trail(lines.stream().filter(line -> line.entry().at() != null).sorted(OLDEST_FIRST)
                .map(Line::entry).toList());
    }
}
