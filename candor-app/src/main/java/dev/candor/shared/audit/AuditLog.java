package dev.candor.shared.audit;

import dev.candor.shared.Sha256;
import dev.candor.shared.SqlTime;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log. Each row carries the SHA-256 of its own content and of the row before it,
 * so a changed, removed or reordered row breaks the chain ({@link AuditChain#verify()}). Appends take
 * the chain head's row lock, so the chain stays linear with several service nodes; the lock is held
 * until the caller's transaction commits, which is also what makes the audit row commit with the change.
 */
@Component
public class AuditLog {

    /** The hash that stands before the first row. */
    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
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
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("update audit_head set seq = seq + 1 where id = 1 returning seq, hash")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        AuditEntry entry = new AuditEntry(head.seq(), at, actor.id(), actor.kind().name(), action, subjectType, subjectId,
                detailJson, head.hash(), null);
        String hash = entry.computeHash();
        jdbc.sql("""
                        insert into audit_log (seq, occurred_at, actor_id, actor_kind, action, subject_type, subject_id,
                                               detail, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.seq(), SqlTime.of(at), entry.actorId(), entry.actorKind(), action, subjectType, subjectId,
                        detailJson, head.hash(), hash)
                .update();
        jdbc.sql("update audit_head set hash = ? where id = 1").param(hash).update();
    }

    /** One row of the audit log. */
    public record AuditEntry(long seq, Instant occurredAt, String actorId, String actorKind, String action,
                             String subjectType, String subjectId, String detail, String prevHash, String hash) {

        String computeHash() {
            return Sha256.hex(String.join("\n", Long.toString(seq), occurredAt.toString(), actorId, actorKind, action,
                    subjectType, subjectId, detail, prevHash));
        }
    }
}
