package dev.candor.integrity.infrastructure;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.model.Appeal;
import dev.candor.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appeals and their decisions. */
@Repository
public class Appeals {

    private final JdbcClient jdbc;

    Appeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Appeal a) {
        jdbc.sql("""
                        insert into integrity_appeals (id, subject_type, subject_id, store_id, restriction_id, entry_ids, reason,
                            filed_by, filed_at, due_at, policy_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.subjectType().name(), a.subjectId(), a.storeId(), a.restrictionId(),
                        a.entryIds().toArray(UUID[]::new), a.reason(), a.filedBy(), SqlTime.of(a.filedAt()), SqlTime.of(a.dueAt()),
                        a.policyVersion())
                .update();
    }

    public Optional<Appeal> find(UUID id) {
        return jdbc.sql("select * from integrity_appeals where id = ?").param(id).query(Appeals::map).optional();
    }

    public Optional<Appeal> lock(UUID id) {
        return jdbc.sql("select * from integrity_appeals where id = ? for update").param(id).query(Appeals::map).optional();
    }

    public void decide(UUID id, Appeal.Decision decision, String reason, String by, Instant at) {
        jdbc.sql("update integrity_appeals set decision = ?, decision_reason = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(decision.name(), reason, by, SqlTime.of(at), id).update();
    }

    /** Undecided appeals, the earliest due (so the overdue) first. */
    public List<Appeal> queue(int page, int size) {
        return jdbc.sql("select * from integrity_appeals where decision is null order by due_at, id limit ? offset ?")
                .params(size, (long) page * size).query(Appeals::map).list();
    }

    public long queueSize() {
        return jdbc.sql("select count(*) from integrity_appeals where decision is null").query(Long.class).single();
    }

    private static Appeal map(ResultSet rs, int row) throws SQLException {
        String decision = rs.getString("decision");
        return new Appeal(rs.getObject("id", UUID.class), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_id"), rs.getString("store_id"), rs.getObject("restriction_id", UUID.class),
                Arrays.asList((UUID[]) rs.getArray("entry_ids").getArray()), rs.getString("reason"), rs.getString("filed_by"),
                SqlTime.instant(rs, "filed_at"), SqlTime.instant(rs, "due_at"), rs.getInt("policy_version"),
                decision == null ? null : Appeal.Decision.valueOf(decision), rs.getString("decision_reason"),
                rs.getString("decided_by"), SqlTime.instant(rs, "decided_at"));
    }
}
