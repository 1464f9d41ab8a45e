package org.gatehouse.directory;

import java.time.LocalDateTime;

/** An import as the list of imports shows it: its counts and progress; its {@link ImportReport} has the refused rows. */
public record ImportSummary(String id, String kind, String sourceName, String startedBy, LocalDateTime startedAt,
        LocalDateTime finishedAt, String status, int totalRows, int processed, int created, int updated, int unchanged,
        int skipped, int refused) {
}
