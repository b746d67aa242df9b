package dev.candor.integrity.infrastructure;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.model.Restriction;
import dev.candor.integrity.model.RestrictionKind;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.SqlTime;
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

/** Materialized restrictions. A row changes once at most: when it is lifted. */
@Repository
public class Restrictions {

    private final JdbcClient jdbc;

    Restrictions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Restriction r) {
        jdbc.sql("""
                        insert into integrity_restrictions (id, subject_type, subject_id, kind, store_id, starts_at, ends_at, points,
                            threshold, policy_version, entry_ids, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.subjectType().name(), r.subjectId(), r.kind().name(), r.storeId(), SqlTime.of(r.startsAt()),
                        SqlTime.of(r.endsAt()), r.points(), r.threshold(), r.policyVersion(), r.entryIds().toArray(UUID[]::new),
                        SqlTime.of(r.createdAt()))
                .update();
    }

    public void lift(UUID id, Instant at, String reason) {
        jdbc.sql("update integrity_restrictions set lifted_at = ?, lift_reason = ? where id = ? and lifted_at is null")
                .params(SqlTime.of(at), reason, id).update();
    }

    public Optional<Restriction> find(UUID id) {
        return jdbc.sql("select * from integrity_restrictions where id = ?").param(id).query(Restrictions::map).optional();
    }

    /** Every restriction of the subject not yet lifted (including those whose end has come but the sweep has not seen). */
    public List<Restriction> unlifted(Subject subject) {
        return jdbc.sql("select * from integrity_restrictions where subject_type = ? and subject_id = ? and lifted_at is null")
                .params(subject.type().name(), subject.id()).query(Restrictions::map).list();
    }

    /**
     * The buyer's restrictions in force at {@code now} that apply at the store: platform-wide ones and the store's own.
     * Reads only the partial index {@code integrity_restrictions_in_force}.
     */
    public List<Restriction> inForceAt(String buyerId, String storeId, Instant now) {
        return jdbc.sql("""
                        select * from integrity_restrictions
                        where subject_type = 'BUYER' and subject_id = ? and lifted_at is null
                          and starts_at <= ? and ends_at > ? and (store_id is null or store_id = ?)
                        order by starts_at, id""")
                .params(buyerId, SqlTime.of(now), SqlTime.of(now), storeId).query(Restrictions::map).list();
    }

    /** The restrictions of these buyers in force at {@code now}, wherever they apply, in one read. */
    public List<Restriction> ofBuyersInForceAt(Collection<String> buyerIds, Instant now) {
        return jdbc.sql("""
                        select * from integrity_restrictions
                        where subject_type = 'BUYER' and subject_id = any (?) and lifted_at is null
                          and starts_at <= ? and ends_at > ?
                        order by starts_at, id""")
                .params(buyerIds.toArray(String[]::new), SqlTime.of(now), SqlTime.of(now)).query(Restrictions::map).list();
    }

    /** The subject's restrictions in force at {@code now}, wherever they apply. */
    public List<Restriction> inForceAt(Subject subject, Instant now) {
        return jdbc.sql("""
                        select * from integrity_restrictions
                        where subject_type = ? and subject_id = ? and lifted_at is null and starts_at <= ? and ends_at > ?
                        order by starts_at, id""")
                .params(subject.type().name(), subject.id(), SqlTime.of(now), SqlTime.of(now)).query(Restrictions::map).list();
    }

    /** Subjects with a restriction whose end has come but that is not yet lifted, for the sweep. */
    public List<Subject> subjectsWithEnded(Instant now, int limit) {
        return jdbc.sql("select distinct subject_type, subject_id from integrity_restrictions where lifted_at is null and ends_at <= ? limit ?")
                .params(SqlTime.of(now), limit)
                .query((rs, n) -> new Subject(SubjectType.valueOf(rs.getString(1)), rs.getString(2))).list();
    }

    static Restriction map(ResultSet rs, int row) throws SQLException {
        return new Restriction(rs.getObject("id", UUID.class), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_id"), RestrictionKind.valueOf(rs.getString("kind")), rs.getString("store_id"),
                SqlTime.instant(rs, "starts_at"), SqlTime.instant(rs, "ends_at"), rs.getInt("points"), rs.getInt("threshold"),
                rs.getInt("policy_version"), Arrays.asList((UUID[]) rs.getArray("entry_ids").getArray()),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "lifted_at"), rs.getString("lift_reason"));
    }
}
