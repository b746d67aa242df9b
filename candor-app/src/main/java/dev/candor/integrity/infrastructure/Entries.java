package dev.candor.integrity.infrastructure;

import dev.candor.integrity.IntegrityLedger.Source;
import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import dev.candor.integrity.model.CountingEntry;
import dev.candor.integrity.model.Entry;
import dev.candor.integrity.model.EntryStatus;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.SqlTime;
import dev.candor.shared.security.Actor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ledger entries (append-only rows), their status events and the current-status projection. */
@Repository
public class Entries {

    private static final String SELECT = """
            select e.*, s.status, s.since from integrity_entries e join integrity_entry_status s on s.entry_id = e.id
            """;
    private static final String[] COUNTING = EntryStatus.COUNTING.stream().map(Enum::name).toArray(String[]::new);

    private final JdbcClient jdbc;

    Entries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the entry unless its source key was recorded before; empty then. */
    public Optional<UUID> insertUnlessRecorded(Entry e) {
        return jdbc.sql("""
                        insert into integrity_entries (id, subject_type, subject_id, store_id, order_id, case_id, type, points,
                            policy_version, source, source_key, evidence_ids, rule, reasoning, confirmed_by, effective_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (source_key) do nothing
                        returning id""")
                .params(e.id(), e.subjectType().name(), e.subjectId(), e.storeId(), e.orderId(), e.caseId(), e.type().name(),
                        e.points(), e.policyVersion(), e.source().name(), e.sourceKey(), e.evidenceIds().toArray(UUID[]::new),
                        e.rule(), e.reasoning(), e.confirmedBy(), SqlTime.of(e.effectiveAt()), SqlTime.of(e.expiresAt()))
                .query(UUID.class).optional();
    }

    public Optional<Entry> bySourceKey(String sourceKey) {
        return jdbc.sql(SELECT + " where e.source_key = ?").param(sourceKey).query(Entries::map).optional();
    }

    public Optional<Entry> find(UUID id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(Entries::map).optional();
    }

    public List<Entry> findAll(Collection<UUID> ids) {
        return jdbc.sql(SELECT + " where e.id = any(?) order by e.effective_at, e.id").param(ids.toArray(UUID[]::new))
                .query(Entries::map).list();
    }

    /** Locks the entries' status rows for a status change, in id order (no deadlock between two changers). */
    public List<Entry> lock(Collection<UUID> ids) {
        List<UUID> locked = jdbc.sql("select entry_id from integrity_entry_status where entry_id = any(?) order by entry_id for update")
                .param(ids.toArray(UUID[]::new)).query(UUID.class).list();
        return findAll(locked);
    }

    public List<Entry> ofSubject(SubjectType type, String subjectId, int page, int size) {
        return jdbc.sql(SELECT + " where e.subject_type = ? and e.subject_id = ? order by e.effective_at desc, e.id limit ? offset ?")
                .params(type.name(), subjectId, size, (long) page * size).query(Entries::map).list();
    }

    public long countOfSubject(SubjectType type, String subjectId) {
        return jdbc.sql("select count(*) from integrity_entries where subject_type = ? and subject_id = ?")
                .params(type.name(), subjectId).query(Long.class).single();
    }

    /** The subject's entries whose status counts (decay is the derivation's business, by their expiry time). */
    public List<CountingEntry> counting(SubjectType type, String subjectId) {
        return jdbc.sql("""
                        select e.id, e.store_id, e.points, e.effective_at, e.expires_at
                        from integrity_entries e join integrity_entry_status s on s.entry_id = e.id
                        where e.subject_type = ? and e.subject_id = ? and s.status = any(?)""")
                .params(type.name(), subjectId, COUNTING)
                .query((rs, n) -> new CountingEntry(rs.getObject("id", UUID.class), rs.getString("store_id"), rs.getInt("points"),
                        SqlTime.instant(rs, "effective_at"), SqlTime.instant(rs, "expires_at")))
                .list();
    }

    /** The subject's entries past their expiry that are still ACTIVE or UPHELD (UNDER_APPEAL waits for its decision). */
    public List<UUID> expiredUnmarked(SubjectType type, String subjectId, Instant now) {
        return jdbc.sql("""
                        select e.id from integrity_entries e join integrity_entry_status s on s.entry_id = e.id
                        where e.subject_type = ? and e.subject_id = ? and s.status in ('ACTIVE', 'UPHELD') and e.expires_at <= ?
                        order by e.id""")
                .params(type.name(), subjectId, SqlTime.of(now)).query(UUID.class).list();
    }

    /** Subjects with entries to mark expired, for the sweep. */
    public List<Subject> subjectsWithExpiredEntries(Instant now, int limit) {
        return jdbc.sql("""
                        select distinct e.subject_type, e.subject_id
                        from integrity_entry_status s join integrity_entries e on e.id = s.entry_id
                        where s.status in ('ACTIVE', 'UPHELD') and s.expires_at <= ? limit ?""")
                .params(SqlTime.of(now), limit)
                .query((rs, n) -> new Subject(SubjectType.valueOf(rs.getString(1)), rs.getString(2))).list();
    }

    /** Appends a status event and moves the projection with it. */
    public void changeStatus(UUID entryId, EntryStatus from, EntryStatus to, Actor actor, String reason, UUID appealId, Instant at) {
        jdbc.sql("""
                        insert into integrity_entry_events (entry_id, occurred_at, actor_id, actor_kind, from_status, to_status, reason, appeal_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entryId, SqlTime.of(at), actor.id(), actor.kind().name(), from == null ? null : from.name(), to.name(),
                        reason, appealId)
                .update();
        jdbc.sql("""
                        insert into integrity_entry_status (entry_id, status, since, expires_at)
                        select id, ?, ?, expires_at from integrity_entries where id = ?
                        on conflict (entry_id) do update set status = excluded.status, since = excluded.since""")
                .params(to.name(), SqlTime.of(at), entryId).update();
    }

    /** A status event, for the entry's history. */
    public record StatusEvent(Instant occurredAt, String actorKind, String from, String to, String reason, UUID appealId) {
    }

    public List<StatusEvent> history(UUID entryId) {
        return jdbc.sql("select * from integrity_entry_events where entry_id = ? order by id").param(entryId)
                .query((rs, n) -> new StatusEvent(SqlTime.instant(rs, "occurred_at"), rs.getString("actor_kind"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("reason"),
                        rs.getObject("appeal_id", UUID.class)))
                .list();
    }

    /** Orders of buyer entries the store reported whose status is ACTIVE or UPHELD. */
    public List<String> ordersJudgedAbusive(String storeId, int page, int size) {
        return jdbc.sql("""
                        select distinct e.order_id from integrity_entries e join integrity_entry_status s on s.entry_id = e.id
                        where e.subject_type = 'BUYER' and e.store_id = ? and e.order_id is not null and s.status in ('ACTIVE', 'UPHELD')
                        order by e.order_id limit ? offset ?""")
                .params(storeId, size, (long) page * size).query(String.class).list();
    }

    public long countOrdersJudgedAbusive(String storeId) {
        return jdbc.sql("""
                        select count(distinct e.order_id) from integrity_entries e join integrity_entry_status s on s.entry_id = e.id
                        where e.subject_type = 'BUYER' and e.store_id = ? and e.order_id is not null and s.status in ('ACTIVE', 'UPHELD')""")
                .param(storeId).query(Long.class).single();
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        Array evidence = rs.getArray("evidence_ids");
        return new Entry(rs.getObject("id", UUID.class), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_id"), rs.getString("store_id"), rs.getString("order_id"), rs.getObject("case_id", UUID.class),
                ViolationType.valueOf(rs.getString("type")), rs.getInt("points"), rs.getInt("policy_version"),
                Source.valueOf(rs.getString("source")), rs.getString("source_key"), Arrays.asList((UUID[]) evidence.getArray()),
                rs.getString("rule"), rs.getString("reasoning"), rs.getString("confirmed_by"), SqlTime.instant(rs, "effective_at"),
                SqlTime.instant(rs, "expires_at"), EntryStatus.valueOf(rs.getString("status")), SqlTime.instant(rs, "since"));
    }
}
