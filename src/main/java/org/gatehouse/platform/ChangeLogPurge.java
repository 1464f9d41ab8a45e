package org.gatehouse.platform;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gatehouse's change logs follow the engine's history: each night, from the start of the cleanup window (when the
 * engine's history cleanup starts too), the rows of every {@link ChangeLog} older than the retention are deleted, a
 * batch per transaction, until none is left or the window closes; what is left goes the next night. Deleting what is
 * already gone changes nothing, so a run that stops half-way, or runs on every instance of a cluster, is harmless.
 * The cutoff is read from the application's clock, which follows the engine's, as the engine's removal times do.
 */
@Component
class ChangeLogPurge implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeLogPurge.class);

    /** Rows deleted in one transaction: short locks, and a database that never holds a night's purge at once. */
    static final int BATCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HistoryProperties history;
    private final List<ChangeLog> logs;
    private final int batchSize;

    @Autowired
    ChangeLogPurge(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, HistoryProperties history,
            List<ChangeLog> logs) {
        this(jdbc, transactions, clock, history, logs, BATCH_SIZE);
    }

    ChangeLogPurge(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, HistoryProperties history,
            List<ChangeLog> logs, int batchSize) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.history = history;
        this.logs = logs;
        this.batchSize = batchSize;
    }

    /** In the server's time zone, as the engine reads its cleanup window. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        LocalTime start = history.cleanupWindow().start();
        registrar.addTriggerTask(this::nightly, new CronTrigger("0 %d %d * * *".formatted(start.getMinute(),
                start.getHour()), ZoneId.systemDefault()));
    }

    void nightly() {
        long closes = System.nanoTime() + history.cleanupWindow().remainingAt(LocalTime.now()).toNanos();
        Map<String, Integer> purged = purge(() -> System.nanoTime() - closes < 0);
        LOG.info("Change logs purged of rows older than {} ({}): {}", history.retention().toDays() + " days",
                HistoryProperties.RETENTION, purged);
    }

    /**
     * Deletes every change log's rows older than the retention, batch by batch, while {@code timeLeft} says so;
     * answers how many rows went from each table it got to (rows belonging to them not counted).
     */
    Map<String, Integer> purge(BooleanSupplier timeLeft) {
        LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant().minus(history.retention()), ZoneOffset.UTC);
        Map<String, Integer> purged = new LinkedHashMap<>();
        for (ChangeLog log : logs) {
            for (ChangeLog.Table table : log.changeLogTables()) {
                int selected = batchSize;
                while (selected == batchSize && timeLeft.getAsBoolean()) {
                    selected = transactions.execute(status -> deleteBatch(table, cutoff));
                    purged.merge(table.name(), selected, Integer::sum);
                }
            }
        }
        return purged;
    }

    /** One batch, oldest first; answers how many rows it selected (a concurrent purge may have deleted some). */
    private int deleteBatch(ChangeLog.Table table, LocalDateTime cutoff) {
        String condition = table.onlyIf() == null ? "" : " and (" + table.onlyIf() + ")";
        List<Object> ids = jdbc.sql("select logged.id from " + table.name() + " logged where logged." + table.writtenAt()
                        + " < :cutoff" + condition + " order by logged." + table.writtenAt() + ", logged.id limit :batch")
                .param("cutoff", cutoff).param("batch", batchSize).query((rs, row) -> rs.getObject(1)).list();
        if (!ids.isEmpty()) {
            table.belonging().forEach((belonging, column) -> jdbc.sql("delete from " + belonging + " where " + column
                    + " in (:ids)").param("ids", ids).update());
            jdbc.sql("delete from " + table.name() + " where id in (:ids)").param("ids", ids).update();
        }
        return ids.size();
    }
}
