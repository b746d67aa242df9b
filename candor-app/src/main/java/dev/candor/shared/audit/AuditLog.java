package dev.candor.shared.audit;

import dev.candor.shared.BatchedInserts;
import dev.candor.shared.Sha256;
import dev.candor.shared.SqlTime;
import dev.candor.shared.security.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log. An append inserts one row in the caller's transaction, so it commits (or rolls
 * back) with the change it records, and takes no shared lock: audited writes run in parallel. The
 * {@link AuditSealer} then chains committed rows in the order it seals them: each seal carries the SHA-256
 * of its row's id and content and of the seal before it, so a changed, removed or reordered sealed row
 * breaks the chain ({@link AuditChain#verify()}). A row is tamper-evident once sealed, normally within a
 * second of its commit.
 */
@Component
public class AuditLog {

    /** The hash that stands before the first seal. */
    static final String GENESIS = "0".repeat(64);

    private final BatchedInserts inserts;
    private final Clock clock;
    private final JsonMapper json;

    AuditLog(BatchedInserts inserts, Clock clock, JsonMapper json) {
        this.inserts = inserts;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Appends one entry in the caller's transaction.
     *
     * @param action what happened, a stable dotted name such as {@code case.refused}
     * @param detail JSON-serializable facts; stored as the exact text that was hashed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Actor actor, String action, String subjectType, String subjectId, Map<String, ?> detail) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailJson = json.writeValueAsString(new TreeMap<>(detail));
        // A trigger notes the row in audit_unsealed for the sealer (V14).
        inserts.insert("""
                        insert into audit_log (occurred_at, actor_id, actor_kind, action, subject_type, subject_id, detail)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                SqlTime.of(at), actor.id(), actor.kind().name(), action, subjectType, subjectId, detailJson);
    }

    /** One row of the audit log, as stored. */
    record AuditEntry(long id, Instant occurredAt, String actorId, String actorKind, String action,
                      String subjectType, String subjectId, String detail) {

        static final String COLUMNS = "id, occurred_at, actor_id, actor_kind, action, subject_type, subject_id, detail";

        static AuditEntry map(ResultSet rs) throws SQLException {
            return new AuditEntry(rs.getLong("id"), SqlTime.instant(rs, "occurred_at"), rs.getString("actor_id"),
                    rs.getString("actor_kind"), rs.getString("action"), rs.getString("subject_type"),
                    rs.getString("subject_id"), rs.getString("detail"));
        }

        /** The hash of the seal that chains this row after the seal whose hash is {@code previousHash}. */
        String sealHash(String previousHash) {
            return Sha256.hex(String.join("\n", Long.toString(id), occurredAt.toString(), actorId, actorKind, action,
                    subjectType, subjectId, detail, previousHash));
        }
    }
}
