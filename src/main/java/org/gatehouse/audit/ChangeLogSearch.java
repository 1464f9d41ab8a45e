package org.gatehouse.audit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search over the change logs the features write (access requests' timelines, tickets' histories and messages,
 * approvals and expert invitations, the ends of partnerships, the directory's imports) and over the auditors' reads: one query per page, every
 * log filtered on its own indexes (V15) and paged by the database. Read-only: a read model over the features' logs,
 * so that none of them carries paging code for the auditors; what a trail shows of a record comes from its feature.
 */
@Component
class ChangeLogSearch implements AuditLog {

    /**
     * One log as rows of the search: a select list whose columns are expressions over {@code from}. {@code partner}
     * is the condition that keeps a partner's rows, where the log concerns partners.
     */
    private record Branch(AuditKind kind, String from, String at, String actor, String what, String subject,
            String detail, String seq, String where, String partner) {

        Branch(AuditKind kind, String from, String at, String actor, String what, String subject, String detail,
                String seq, String where) {
            this(kind, from, at, actor, what, subject, detail, seq, where, null);
        }
    }

    /**
     * Within one moment by kind, record and line: {@code b}, the branch, tells apart lines of two logs that share a
     * kind and would otherwise tie, so that every row has one place.
     */
    private static final String NEWEST_FIRST = "at desc, k, subject desc, b desc, seq desc";
    private static final String OLDEST_FIRST = "at, k desc, subject, b, seq";
    private static final String GATEHOUSE = "'gatehouse'";
    private static final String NONE = "cast(null as varchar(1))";

    private static final List<Branch> BRANCHES = List.of(
            new Branch(AuditKind.ACCESS_REQUEST, "access_request_event", "at", "actor", "action", "request_id", "detail",
                    "id", null, "request_id in (select id from access_request where partner_id = :partner)"),
            new Branch(AuditKind.TICKET, "ticket_event", "created_at", "actor", "kind",
                    "cast(ticket_id as varchar(20))", "detail", "id", null),
            new Branch(AuditKind.TICKET, "ticket_message", "created_at", "author", "kind",
                    "cast(ticket_id as varchar(20))", "concat('via ', via)", "id", null),
            new Branch(AuditKind.APPROVAL, "approval", "created_at", "requested_by", "'REQUESTED'", "id",
                    "concat('of ', approver, case when subject_ref is null then '' else concat(' for ', subject_ref) end)",
                    "0", null),
            new Branch(AuditKind.APPROVAL, "approval_reminder", "reminded_at", GATEHOUSE, "'REMINDED'", "record_id",
                    NONE, "1", null),
            new Branch(AuditKind.APPROVAL, "approval", "answered_at", "answered_by", "status", "id",
                    "concat('via ', answered_via)", "2", "answered_at is not null"),
            new Branch(AuditKind.APPROVAL, "approval", "expires_at", GATEHOUSE, "status", "id", NONE, "3",
                    "status = 'EXPIRED'"),
            new Branch(AuditKind.EXPERT_INVITATION, "expert_invitation", "created_at", "invited_by", "'INVITED'", "id",
                    "concat('for ', person_id)", "0", null),
            new Branch(AuditKind.EXPERT_INVITATION, "expert_invitation_reminder", "reminded_at", GATEHOUSE, "'REMINDED'",
                    "record_id", NONE, "1", null),
            new Branch(AuditKind.EXPERT_INVITATION, "expert_invitation", "answered_at", "person_id", "status", "id",
                    "concat('via ', case when token_used_at is null then 'TASKLIST' else 'LINK' end)", "2",
                    "answered_at is not null"),
            new Branch(AuditKind.EXPERT_INVITATION, "expert_invitation", "expires_at", GATEHOUSE, "status", "id", NONE,
                    "3", "status = 'EXPIRED'"),
            new Branch(AuditKind.OFFBOARDING, "offboarding_event", "at", "actor", "action", "offboarding_id", "detail",
                    "id", null, "offboarding_id in (select id from offboarding where partner_id = :partner)"),
            new Branch(AuditKind.IMPORTS, "directory_import", "started_at", "started_by", "concat(kind, ' ', status)", "id",
                    "concat(source_name, ': ', total_rows, ' rows, ', created, ' created, ', updated, ' updated, ', "
                            + "unchanged, ' unchanged, ', skipped, ' skipped, ', refused, ' refused')", "0", null),
            new Branch(AuditKind.AUDIT_READ, "audit_read", "at", "reader",
                    "case path when '" + AuditReads.SEARCH + "' then 'SEARCH' when '" + AuditReads.EXPORT
                            + "' then 'EXPORT' else 'READ' end", "path", "query", "id",
                    null));

    private final JdbcClient jdbc;

    ChangeLogSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AuditKind> kinds() {
        EnumSet<AuditKind> kinds = EnumSet.noneOf(AuditKind.class);
        BRANCHES.forEach(branch -> kinds.add(branch.kind()));
        return kinds;
    }

    @Override
    public long count(AuditQuery query) {
        String union = union(query);
        return union == null ? 0 : params(jdbc.sql("select count(*) from (" + union + ") logs"), query)
                .query(Long.class).single();
    }

    @Override
    public List<SearchEntry> entries(AuditQuery query, long offset, int limit) {
        return select(query, NEWEST_FIRST, offset, limit);
    }

    @Override
    public List<SearchEntry> oldestFirst(AuditQuery query, int page, int size) {
        return select(query, OLDEST_FIRST, (long) page * size, size);
    }

    private List<SearchEntry> select(AuditQuery query, String order, long offset, int limit) {
        String union = union(query);
        if (union == null) {
            return List.of();
        }
        return params(jdbc.sql("select k, at, actor, what, subject, detail from (" + union + ") logs order by " + order
                        + " offset :offset rows fetch next :limit rows only"),
                query).param("offset", offset).param("limit", limit)
                .query((rs, n) -> {
                    AuditKind kind = AuditKind.values()[rs.getInt(1)];
                    String subject = rs.getString(5);
                    return new SearchEntry(rs.getTimestamp(2).toLocalDateTime(), rs.getString(3), kind.key(),
                            rs.getString(4), subject, kind.trail(subject), rs.getString(6));
                }).list();
    }

    /** The branches the query asks for, each with its filters; null when it asks for none of them. */
    private static String union(AuditQuery query) {
        List<String> selects = new ArrayList<>();
        for (int b = 0; b < BRANCHES.size(); b++) {
            Branch branch = BRANCHES.get(b);
            if (!query.kinds().contains(branch.kind()) || query.partnerId() != null && branch.partner() == null) {
                continue;
            }
            StringBuilder select = new StringBuilder("select ").append(branch.kind().ordinal()).append(" as k, ")
                    .append(b).append(" as b, ")
                    .append(branch.at()).append(" as at, ").append(branch.actor()).append(" as actor, ")
                    .append(branch.what()).append(" as what, ").append(branch.subject()).append(" as subject, ")
                    .append(branch.detail()).append(" as detail, cast(").append(branch.seq()).append(" as bigint) as seq")
                    .append(" from ").append(branch.from()).append(" where 1 = 1");
            if (branch.where() != null) {
                select.append(" and ").append(branch.where());
            }
            if (query.actor() != null) {
                select.append(" and ").append(branch.actor()).append(" = :actor");
            }
            if (query.from() != null) {
                select.append(" and ").append(branch.at()).append(" >= :from");
            }
            if (query.to() != null) {
                select.append(" and ").append(branch.at()).append(" < :to");
            }
            if (query.partnerId() != null) {
                select.append(" and ").append(branch.partner());
            }
            selects.add(select.toString());
        }
        return selects.isEmpty() ? null : String.join(" union all ", selects);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, AuditQuery query) {
        if (query.actor() != null) {
            spec = spec.param("actor", query.actor());
        }
        if (query.from() != null) {
            spec = spec.param("from", query.from());
        }
        if (query.to() != null) {
            spec = spec.param("to", query.to());
        }
        if (query.partnerId() != null) {
            spec = spec.param("partner", query.partnerId());
        }
        return spec;
    }
}
