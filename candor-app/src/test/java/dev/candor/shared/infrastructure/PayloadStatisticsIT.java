package dev.candor.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ANALYZE skips the payload columns no query filters on (V16), and still gathers statistics for the columns
 * the planner needs to pick an index.
 */
class PayloadStatisticsIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void payloadColumnsHaveNoStatisticsTarget() {
        assertThat(targets(0)).containsExactlyInAnyOrder(
                "audit_log.detail", "audit_seals.hash", "audit_seals.prev_hash",
                "case_timeline.detail", "case_timeline.evidence_ids",
                "cases.appeal_reason", "cases.description", "cases.inspection_note", "cases.judgment_reasoning",
                "cases.refusal_reason",
                "risk_decisions.evidence_requests", "risk_decisions.features", "risk_decisions.reasons");
    }

    @Test
    void filteredColumnsKeepTheDefaultTarget() {
        List<String> defaults = jdbc.sql("""
                        select c.relname || '.' || a.attname
                        from pg_attribute a join pg_class c on c.oid = a.attrelid
                        where c.relname in ('risk_decisions', 'case_timeline', 'audit_log', 'cases')
                          and a.attname in ('case_id', 'decided_at', 'subject_id', 'buyer_id', 'store_id', 'order_id')
                          and a.attstattarget is null
                        """)
                .query(String.class).list();
        assertThat(defaults).contains("risk_decisions.case_id", "risk_decisions.decided_at",
                "case_timeline.case_id", "audit_log.subject_id", "cases.buyer_id", "cases.store_id", "cases.order_id");
    }

    private List<String> targets(int target) {
        return jdbc.sql("""
                        select c.relname || '.' || a.attname
                        from pg_attribute a join pg_class c on c.oid = a.attrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0
                          and a.attstattarget = ?
                        """)
                .param(target).query(String.class).list();
    }
}
