package org.gatehouse.directory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.gatehouse.platform.NotFoundException;
import org.gatehouse.platform.ResultPage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every directory import shares (C5): the file is read and every row checked before anything changes; if any row
 * is refused, nothing is imported and the report names each refused line and why, so a corrected file can simply be
 * sent again; otherwise every change is applied in one transaction, with progress recorded as it goes. Re-importing
 * the same file changes nothing, because each import compares what it would write with what is there.
 */
@Component
class DirectoryImport {

    private static final int PROGRESS_EVERY = 100;

    private final ImportLog log;

    DirectoryImport(ImportLog log) {
        this.log = log;
    }

    /** Reads the whole file into rows, or refuses it. */
    @FunctionalInterface
    interface Reader<R> {
        List<R> read() throws ImportFile.Refused;
    }

    /**
     * The rows checked: the changes to apply, or refusals; {@code skipped} counts rows that are not people (a chat
     * platform's bots, its deleted accounts) and are left out on purpose.
     */
    record Plan<C>(List<C> changes, List<ImportReport.Refusal> refusals, int skipped) {
    }

    /**
     * Runs one import: {@code check} turns the rows into a plan without changing anything; {@code apply} carries out
     * one change and says what it did.
     */
    @Transactional
    <R, C> ImportReport run(String kind, String sourceName, String actor, IntConsumer progress, Reader<R> reader,
            Function<List<R>, Plan<C>> check, Function<C, PersonService.Outcome> apply) {
        List<R> rows;
        try {
            rows = reader.read();
        } catch (ImportFile.Refused e) {
            String id = log.start(kind, sourceName, actor, 0);
            log.finish(id, "REFUSED", ImportLog.Counts.NONE, List.of(new ImportReport.Refusal(e.line, e.getMessage())));
            return report(id);
        }
        String id = log.start(kind, sourceName, actor, rows.size());
        Plan<C> plan = check.apply(rows);
        if (!plan.refusals().isEmpty()) {
            log.finish(id, "REFUSED", ImportLog.Counts.NONE, plan.refusals());
            return report(id);
        }
        Map<PersonService.Outcome, Integer> counts = new EnumMap<>(PersonService.Outcome.class);
        List<C> changes = plan.changes();
        try {
            for (int i = 0; i < changes.size(); i++) {
                counts.merge(apply.apply(changes.get(i)), 1, Integer::sum);
                int processed = plan.skipped() + i + 1;
                if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == changes.size()) {
                    log.progress(id, processed);
                    progress.accept(processed);
                }
            }
        } catch (RuntimeException e) {
            // the transaction rolls back; the report, written apart, says so rather than showing a run that never ends
            log.finish(id, "FAILED", ImportLog.Counts.NONE,
                    List.of(new ImportReport.Refusal(0, "The import failed: " + e.getMessage())));
            throw e;
        }
        log.finish(id, "COMPLETED", new ImportLog.Counts(rows.size(), counts.getOrDefault(PersonService.Outcome.CREATED, 0),
                counts.getOrDefault(PersonService.Outcome.UPDATED, 0), counts.getOrDefault(PersonService.Outcome.UNCHANGED, 0),
                plan.skipped()), List.of());
        return report(id);
    }

    ResultPage<ImportSummary> list(int page, int size) {
        ResultPage.check(page, size);
        return new ResultPage<>(log.page(ResultPage.offset(page, size), size), page, size, log.count());
    }

    ImportReport report(String id) {
        return log.find(id).orElseThrow(() -> new NotFoundException("There is no import " + id));
    }
}
