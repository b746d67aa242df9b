package dev.candor.shared.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit log's seal chain from its first seal to the head, and counts the rows not yet sealed
 * (appended but not yet chained: tamper-evident only once sealed).
 */
@Component
public class AuditChain {

    private final JdbcClient jdbc;
    private final AuditSealer sealer;
    private final TransactionTemplate snapshot;

    AuditChain(JdbcClient jdbc, AuditSealer sealer, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The outcome of a verification.
     *
     * @param rowsChecked      seals read, up to and including the first that does not verify
     * @param firstBrokenSeq   the first seal whose row, link or position does not verify; 0 when intact
     * @param firstBrokenRowId the audit row of that seal; 0 when intact or when the seal itself is missing
     * @param unsealedRows     rows appended but not yet sealed when the check read the log
     */
    public record Verification(boolean intact, long rowsChecked, long firstBrokenSeq, long firstBrokenRowId, String problem,
                               long unsealedRows) {
    }

    /** Seals every row committed so far, then verifies: what the endpoint and the {@code audit-verify} command run. */
    public Verification sealAndVerify() {
        sealer.seal();
        return verify();
    }

    /**
     * Reads every seal in order with its row and recomputes the chain; fetches 1,000 rows at a time (inside the
     * transaction the driver uses a cursor), so memory stays flat on a long log. One read-only snapshot, so the
     * unsealed count matches the seals read. Seals nothing itself.
     */
    public Verification verify() {
        return snapshot.execute(status -> check());
    }

    private Verification check() {
        var state = new Object() {
            long expectedSeq = 1;
            String prevHash = AuditLog.GENESIS;
            long checked;
            long brokenSeq;
            long brokenRowId;
            String problem;

            void fail(long seq, long rowId, String why) {
                brokenSeq = seq;
                brokenRowId = rowId;
                problem = why;
            }
        };
        jdbc.sql("""
                        select s.seq, s.audit_id, s.prev_hash, s.hash, a.id, a.occurred_at, a.actor_id, a.actor_kind, a.action,
                               a.subject_type, a.subject_id, a.detail
                          from audit_seals s left join audit_log a on a.id = s.audit_id
                         order by s.seq""")
                .withFetchSize(1000)
                .query(rs -> {
                    if (state.problem != null) {
                        return;
                    }
                    long seq = rs.getLong("seq");
                    long auditId = rs.getLong("audit_id");
                    state.checked++;
                    if (seq != state.expectedSeq) {
                        state.fail(state.expectedSeq, 0, "seal " + state.expectedSeq + " is missing");
                    } else if (!rs.getString("prev_hash").equals(state.prevHash)) {
                        state.fail(seq, auditId, "the link to the previous seal does not match");
                    } else if (rs.getObject("id") == null) {
                        state.fail(seq, auditId, "audit row " + auditId + " was removed");
                    } else if (!AuditLog.AuditEntry.map(rs).sealHash(state.prevHash).equals(rs.getString("hash"))) {
                        state.fail(seq, auditId, "audit row " + auditId + " does not match its seal");
                    }
                    state.expectedSeq++;
                    state.prevHash = rs.getString("hash");
                });
        long unsealed = jdbc.sql("""
                        select count(*) from audit_log a where not exists (select 1 from audit_seals s where s.audit_id = a.id)""")
                .query(Long.class).single();
        if (state.problem != null) {
            return new Verification(false, state.checked, state.brokenSeq, state.brokenRowId, state.problem, unsealed);
        }
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit_head where id = 1").query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long lastSeq = state.expectedSeq - 1;
        if (head.seq() != lastSeq || !head.hash().equals(state.prevHash)) {
            return new Verification(false, state.checked, lastSeq + 1, 0, "seals after " + lastSeq + " were removed", unsealed);
        }
        return new Verification(true, state.checked, 0, 0, "", unsealed);
    }
}
