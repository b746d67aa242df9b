package dev.candor.shared.audit;

import dev.candor.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Verifies the audit log's hash chain from its first row to its head. */
@Component
public class AuditChain {

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The outcome of a verification.
     *
     * @param firstBrokenSeq the first row whose content, link or position does not verify; 0 when intact
     */
    public record Verification(boolean intact, long rowsChecked, long firstBrokenSeq, String problem) {
    }

    /** Reads every row in order and recomputes the chain; streams, so memory stays flat on a long log. */
    @Transactional(readOnly = true)
    public Verification verify() {
        var state = new Object() {
            long expectedSeq = 1;
            String prevHash = AuditLog.GENESIS;
            long checked;
            Verification broken;
        };
        jdbc.sql("""
                        select seq, occurred_at, actor_id, actor_kind, action, subject_type, subject_id, detail, prev_hash, hash
                          from audit_log order by seq""")
                .query(rs -> {
                    if (state.broken != null) {
                        return;
                    }
                    var row = new AuditLog.AuditEntry(rs.getLong("seq"), SqlTime.instant(rs, "occurred_at"),
                            rs.getString("actor_id"), rs.getString("actor_kind"), rs.getString("action"),
                            rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"),
                            rs.getString("prev_hash"), rs.getString("hash"));
                    state.checked++;
                    if (row.seq() != state.expectedSeq) {
                        state.broken = new Verification(false, state.checked, row.seq(),
                                "row " + state.expectedSeq + " is missing");
                    } else if (!row.prevHash().equals(state.prevHash)) {
                        state.broken = new Verification(false, state.checked, row.seq(), "the link to the previous row does not match");
                    } else if (!row.computeHash().equals(row.hash())) {
                        state.broken = new Verification(false, state.checked, row.seq(), "the row's content does not match its hash");
                    }
                    state.expectedSeq++;
                    state.prevHash = row.hash();
                });
        if (state.broken != null) {
            return state.broken;
        }
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit_head where id = 1").query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        if (head.seq() != state.expectedSeq - 1 || !head.hash().equals(state.prevHash)) {
            return new Verification(false, state.checked, state.expectedSeq, "rows after " + (state.expectedSeq - 1) + " were removed");
        }
        return new Verification(true, state.checked, 0, "");
    }
}
