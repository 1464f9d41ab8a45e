package org.gatehouse.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Configuration is history, not overwrites: each change to a configuration is kept whole as its next version, with
 * who made it and when (table {@code configuration_version}). Features record in the transaction of the change, so a
 * change that rolls back leaves no version; platform knows no feature, so kinds and subjects are plain strings.
 * A version is purged with the change log once its successor is older than the retention: a version that stood at
 * any time within the retention stays, and so does each configuration's latest, however old.
 */
@Service
public class ConfigurationVersions implements ChangeLog {

    /** What a search answers: one page of versions, and how many match in all. */
    public record Page(List<ConfigurationVersion> versions, long total) {
    }

    /**
     * Each failed attempt means another writer took the number, so this bounds nothing but a fault that would make
     * every insert a duplicate.
     */
    private static final int ATTEMPTS = 10;

    private static final String COLUMNS = "kind, subject, version, actor, changed_at, content";

    /** Sorted keys, ISO dates: equal configurations give equal text whatever the order their maps and records hold. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private final JdbcClient jdbc;
    private final Clock clock;
    /** A savepoint inside the change's transaction, so a lost race on the number is retried, not the whole change. */
    private final TransactionTemplate savepoint;

    ConfigurationVersions(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Records {@code content}, the whole configuration after a change, as the next version of (kind, subject); when
     * it equals the latest version, records nothing and answers false. Call it in the change's transaction. Safe
     * under concurrent writers: each number is taken once, and a writer who loses it compares again with the
     * winner's version before taking the next.
     *
     * @param subject {@code ""} for a singleton such as the sharing policy
     * @param content anything Jackson serialises (a record, a map); it is stored with its keys sorted
     */
    public boolean record(String kind, String subject, String actor, Object content) {
        String json = canonical(CANONICAL.valueToTree(content));
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(savepoint.execute(status -> {
                    Optional<Latest> latest = latest(kind, subject);
                    if (latest.isPresent() && latest.get().content().equals(json)) {
                        return false;
                    }
                    insert(kind, subject, latest.map(l -> l.version() + 1).orElse(1), actor, json);
                    return true;
                }));
            } catch (DuplicateKeyException lost) {
                if (attempt == ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }

    @Override
    public List<Table> changeLogTables() {
        return List.of(Table.of("configuration_version", "changed_at").onlyIf("exists (select 1 from configuration_version "
                + "successor where successor.kind = logged.kind and successor.subject = logged.subject "
                + "and successor.version = logged.version + 1 and successor.changed_at < :cutoff)"));
    }

    /** Every version of (kind, subject), oldest first; empty if it was never recorded. */
    public List<ConfigurationVersion> versions(String kind, String subject) {
        return jdbc.sql("select " + COLUMNS + " from configuration_version where kind = ? and subject = ? order by version")
                .params(kind, subject).query(ConfigurationVersions::version).list();
    }

    /**
     * The versions that match, oldest first (by time, then as recorded), a page at a time.
     *
     * @param kind  null for every kind
     * @param actor null for everyone
     * @param from  inclusive, null for no lower bound
     * @param to    exclusive, null for no upper bound
     * @param page  0 for the first
     * @param size  versions on a page, at least 1
     */
    public Page search(String kind, String actor, Instant from, Instant to, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more: " + page + ", " + size);
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (kind != null) {
            conditions.add("kind = ?");
            params.add(kind);
        }
        if (actor != null) {
            conditions.add("actor = ?");
            params.add(actor);
        }
        if (from != null) {
            conditions.add("changed_at >= ?");
            params.add(utc(from));
        }
        if (to != null) {
            conditions.add("changed_at < ?");
            params.add(utc(to));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from configuration_version" + where).params(params)
                .query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<ConfigurationVersion> versions = jdbc.sql("select " + COLUMNS + " from configuration_version" + where
                        + " order by changed_at, id limit ? offset ?")
                .params(paged).query(ConfigurationVersions::version).list();
        return new Page(versions, total);
    }

    /**
     * Records {@code content} as version 1 of (kind, subject) if it has no version yet, and answers whether it did:
     * how a configuration stood before versions were kept. A writer who records first wins, since then what it
     * recorded is how the configuration stands.
     */
    boolean recordFirst(String kind, String subject, String actor, Object content) {
        String json = canonical(CANONICAL.valueToTree(content));
        try {
            savepoint.executeWithoutResult(status -> insert(kind, subject, 1, actor, json));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** The subjects of {@code kind} that have at least one version. */
    Set<String> subjects(String kind) {
        return new HashSet<>(jdbc.sql("select distinct subject from configuration_version where kind = ?").param(kind)
                .query(String.class).list());
    }

    private record Latest(int version, String content) {
    }

    /** The latest version, its content made canonical again: what an earlier release stored compares all the same. */
    private Optional<Latest> latest(String kind, String subject) {
        return jdbc.sql("select version, content from configuration_version where kind = ? and subject = ? "
                        + "and version = (select max(version) from configuration_version where kind = ? and subject = ?)")
                .params(kind, subject, kind, subject)
                .query((rs, i) -> new Latest(rs.getInt(1), canonical(parse(rs.getString(2))))).optional();
    }

    private void insert(String kind, String subject, int version, String actor, String json) {
        jdbc.sql("insert into configuration_version (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
                .params(kind, subject, version, actor, utc(clock.instant()), json).update();
    }

    private static ConfigurationVersion version(ResultSet rs, int row) throws SQLException {
        return new ConfigurationVersion(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getTimestamp(5).toLocalDateTime().toInstant(ZoneOffset.UTC), parse(rs.getString(6)));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String canonical(JsonNode content) {
        try {
            return CANONICAL.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A configuration must be JSON", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return CANONICAL.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored configuration version is not JSON", e);
        }
    }
}
