package org.gatehouse.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;

import org.camunda.bpm.engine.ProcessEngine;
import org.gatehouse.platform.InstallationKey;
import org.gatehouse.platform.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The auditors' export: every entry the search finds in a range, and the trails of the records whose processes ran
 * in it ({@link RangeTrails}), oldest first and without a cap, as JSON Lines or CSV, chained ({@link ExportChain}) and
 * signed with the installation's key. Checked whole before a byte is written; then written as the logs and the
 * engine's history are read, a page at a time.
 */
@Service
class AuditExport {

    /** Entries read from each log at a time. */
    static final int PAGE = 500;
    private static final DateTimeFormatter FILE_MOMENT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    /** An export checked and ready to write. */
    record Export(ExportFormat format, AuditQuery query, ExportHeader header) {

        /** Names the range: {@code gatehouse-audit-20250101T000000Z-20250201T000000Z.jsonl}. */
        String fileName() {
            return "gatehouse-audit-" + FILE_MOMENT.format(query.from()) + "-" + FILE_MOMENT.format(query.to()) + "."
                    + format.key();
        }
    }

    private final AuditSearch search;
    private final RangeTrails trails;
    private final InstallationKey key;
    private final ProcessEngine engine;
    private final Clock clock;

    AuditExport(AuditSearch search, RangeTrails trails, InstallationKey key, ProcessEngine engine, Clock clock) {
        this.search = search;
        this.trails = trails;
        this.key = key;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Checks the request as the search checks its filters; {@code from} and {@code to} are required, {@code format}
     * is {@code jsonl} (the default) or {@code csv}.
     */
    Export prepare(String from, String to, String format, String kind, String actor, String partner, String by) {
        ExportFormat as = ExportFormat.of(format == null || format.isBlank() ? ExportFormat.JSONL.key() : format.strip());
        for (String[] bound : new String[][] {{"from", from}, {"to", to}}) {
            if (bound[1] == null || bound[1].isBlank()) {
                throw new InvalidInputException(bound[0], "an export covers a range: from and to are required");
            }
        }
        AuditQuery query = search.query(actor, partner, kind, from, to);
        String kindKey = kind == null || kind.isBlank() ? null : AuditKind.of(kind.strip()).key();
        ExportHeader header = ExportHeader.of(as.key(), engine.getProcessEngineConfiguration().getInstallationId(),
                ExportChain.moment(query.from()), ExportChain.moment(query.to()), kindKey, query.actor(),
                query.partnerId(), ExportChain.moment(LocalDateTime.now(clock)), by, key.publicKey());
        return new Export(as, query, header);
    }

    void write(Export export, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ExportWriter writer = new ExportWriter(export.format(), export.header(), key::sign, text);
        Iterator<SearchEntry> entries = search.oldestFirst(export.query(), PAGE,
                trails.oldestFirst(export.query(), export.header().generatedBy()));
        while (entries.hasNext()) {
            writer.entry(ExportChain.fields(entries.next()));
        }
        writer.finish();
    }
}
