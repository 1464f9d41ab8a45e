package org.gatehouse.directory;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What an import did, or would have done: counts, and every refused row with its line and reason. {@code skipped} rows
 * are not people (a chat platform's bots and deleted accounts) and were left out on purpose. {@code status} is
 * RUNNING, COMPLETED, REFUSED (nothing imported) or FAILED (an error stopped it; nothing imported).
 */
public record ImportReport(String id, String kind, String sourceName, String startedBy, LocalDateTime startedAt,
        LocalDateTime finishedAt, String status, int totalRows, int processed, int created, int updated, int unchanged,
        int skipped, int refused, List<Refusal> refusals) {

    public record Refusal(int line, String reason) {
    }

    static ImportReport of(ImportSummary s, List<Refusal> refusals) {
        return new ImportReport(s.id(), s.kind(), s.sourceName(), s.startedBy(), s.startedAt(), s.finishedAt(), s.status(),
                s.totalRows(), s.processed(), s.created(), s.updated(), s.unchanged(), s.skipped(), s.refused(), refusals);
    }
}
