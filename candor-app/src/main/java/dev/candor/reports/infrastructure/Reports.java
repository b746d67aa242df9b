package dev.candor.reports.infrastructure;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import dev.candor.reports.ForensicFindings.Finding;
import dev.candor.reports.model.AbuseReport;
import dev.candor.reports.model.AbuseReport.Decision;
import dev.candor.reports.model.ReportSource;
import dev.candor.reports.model.ReportStatus;
import dev.candor.shared.SqlTime;
import dev.candor.shared.security.ActorKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The abuse_reports table. */
@Repository
public class Reports {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Reports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Which reports a list shows.
     *
     * @param storeIds only merchants' reports ({@code REPORT}) for these stores; {@code null} for every report
     * @param status only reports in this status; {@code null} for all
     */
    public record Filter(Collection<String> storeIds, ReportStatus status) {
    }

    /** A pending report's place in the review queue: the store whose standing orders it, if a store filed it. */
    public record Pending(UUID id, Instant dueAt, String complainantStoreId) {
    }

    /** Inserts a new report; false when a unique rule (one judgment report, one pending malicious-reporting report) already holds one. */
    public boolean insert(AbuseReport r) {
        Decision d = r.decision();
        return jdbc.sql("""
                        insert into abuse_reports (id, type, source, status, subject_type, subject_id, store_id, case_id, order_id,
                                                   description, evidence_ids, forensic_findings, forensics_available, filed_by_id,
                                                   filed_by_kind, filed_at, due_at, decided_at, decided_by_id, decided_by_kind,
                                                   decision_rule, decision_reasoning, decision_evidence_ids, ledger_entry_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(r.id(), r.type().name(), r.source().name(), r.status().name(), r.subjectType().name(), r.subjectId(),
                        r.storeId(), r.caseId(), r.orderId(), r.description(), uuids(r.evidenceIds()),
                        json.writeValueAsString(r.forensicFindings()), r.forensicsAvailable(), r.filedById(), r.filedByKind().name(),
                        SqlTime.of(r.filedAt()), SqlTime.of(r.dueAt()),
                        d == null ? null : SqlTime.of(d.decidedAt()), d == null ? null : d.decidedById(),
                        d == null ? null : d.decidedByKind().name(), d == null ? null : d.rule(), d == null ? null : d.reasoning(),
                        d == null ? null : uuids(d.evidenceIds()), d == null ? null : d.ledgerEntryId())
                .update() == 1;
    }

    public Optional<AbuseReport> find(UUID id) {
        return jdbc.sql("select * from abuse_reports where id = ?").param(id).query(this::map).optional();
    }

    /** The report under its row lock until the transaction ends: two decisions on one report never interleave. */
    public Optional<AbuseReport> lock(UUID id) {
        return jdbc.sql("select * from abuse_reports where id = ? for update").param(id).query(this::map).optional();
    }

    /** Writes the decision of a report that was pending. */
    public void recordDecision(AbuseReport r) {
        Decision d = r.decision();
        int updated = jdbc.sql("""
                        update abuse_reports
                        set status = ?, decided_at = ?, decided_by_id = ?, decided_by_kind = ?, decision_rule = ?,
                            decision_reasoning = ?, decision_evidence_ids = ?, ledger_entry_id = ?
                        where id = ? and status = 'PENDING'""")
                .params(r.status().name(), SqlTime.of(d.decidedAt()), d.decidedById(), d.decidedByKind().name(), d.rule(),
                        d.reasoning(), uuids(d.evidenceIds()), d.ledgerEntryId(), r.id())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("report " + r.id() + " was not pending");
        }
    }

    /**
     * Serializes, until the transaction ends, the decisions on one store's reports, so that each decision
     * sees the store's complainant standing before and after it without a concurrent decision in between.
     */
    public void lockComplainant(String storeId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("complainant:" + storeId).query((rs, n) -> 1).single();
    }

    /** Confirmed and rejected reports a store filed, decided in {@code (from, to]}. */
    public record Decided(long confirmed, long rejected) {
    }

    public Decided decidedReportsOf(String storeId, Instant from, Instant to) {
        return decidedReportsOf(List.of(storeId), from, to).getOrDefault(storeId, new Decided(0, 0));
    }

    public Map<String, Decided> decidedReportsOf(Collection<String> storeIds, Instant from, Instant to) {
        Map<String, Decided> result = new HashMap<>();
        jdbc.sql("""
                        select store_id, count(*) filter (where status = 'CONFIRMED') confirmed,
                               count(*) filter (where status = 'REJECTED') rejected
                        from abuse_reports
                        where source = 'REPORT' and status <> 'PENDING' and store_id = any(?) and decided_at > ? and decided_at <= ?
                        group by store_id""")
                .params(storeIds.toArray(String[]::new), SqlTime.of(from), SqlTime.of(to))
                .query(rs -> {
                    result.put(rs.getString("store_id"), new Decided(rs.getLong("confirmed"), rs.getLong("rejected")));
                });
        return result;
    }

    /** Every pending report, for the review queue to order. */
    public List<Pending> pending() {
        return jdbc.sql("select id, due_at, source, store_id from abuse_reports where status = 'PENDING'")
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), SqlTime.instant(rs, "due_at"),
                        ReportSource.valueOf(rs.getString("source")) == ReportSource.REPORT ? rs.getString("store_id") : null))
                .list();
    }

    public List<AbuseReport> findAll(List<UUID> ids) {
        Map<UUID, AbuseReport> byId = new HashMap<>();
        jdbc.sql("select * from abuse_reports where id = any(?)").param(ids.toArray(UUID[]::new)).query(this::map).list()
                .forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).toList();
    }

    /** A page of reports, newest first. */
    public List<AbuseReport> list(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("select * from abuse_reports" + where + " order by filed_at desc, id limit ? offset ?")
                .params(params).query(this::map).list();
    }

    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from abuse_reports" + where(filter, params)).params(params).query(Long.class).single();
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.storeIds() != null) {
            conditions.add("source = 'REPORT' and store_id = any(?)");
            params.add(filter.storeIds().toArray(String[]::new));
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status().name());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static UUID[] uuids(List<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private AbuseReport map(ResultSet rs, int row) throws SQLException {
        Decision decision = null;
        Instant decidedAt = SqlTime.instant(rs, "decided_at");
        ReportStatus status = ReportStatus.valueOf(rs.getString("status"));
        if (decidedAt != null) {
            decision = new Decision(status, rs.getString("decided_by_id"), ActorKind.valueOf(rs.getString("decided_by_kind")),
                    decidedAt, rs.getString("decision_rule"), rs.getString("decision_reasoning"),
                    uuids(rs.getArray("decision_evidence_ids")), rs.getObject("ledger_entry_id", UUID.class));
        }
        return new AbuseReport(rs.getObject("id", UUID.class), ViolationType.valueOf(rs.getString("type")),
                ReportSource.valueOf(rs.getString("source")), status, SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_id"), rs.getString("store_id"), rs.getObject("case_id", UUID.class), rs.getString("order_id"),
                rs.getString("description"), uuids(rs.getArray("evidence_ids")),
                json.readValue(rs.getString("forensic_findings"), FINDINGS), rs.getBoolean("forensics_available"),
                rs.getString("filed_by_id"), ActorKind.valueOf(rs.getString("filed_by_kind")), SqlTime.instant(rs, "filed_at"),
                SqlTime.instant(rs, "due_at"), decision);
    }
}
