package org.gatehouse.directory;

import java.time.LocalDateTime;
import java.util.List;

/** What an import did, or would have done: counts, and every refused row with its line and reason. */
public record ImportReport(String id, String kind, String sourceName, String startedBy, LocalDateTime startedAt,
        LocalDateTime finishedAt, String status, int totalRows, int processed, int created, int updated, int unchanged,
        int refused, List<Refusal> refusals) {

    public record Refusal(int line, String reason) {
    }
}
