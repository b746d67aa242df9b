package dev.candor.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ANALYZE skips the payload columns no query filters on and samples the append-only tables lightly (V16), and
 * still gathers full statistics for the columns the cases are filtered on.
 */
class LeanStatisticsIT extends IntegrationTest {

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
    void appendOnlyTablesAreSampledLightly() {
        assertThat(targets(10)).contains("risk_decisions.case_id", "risk_decisions.decided_at",
                "case_timeline.case_id", "audit_log.subject_id", "audit_seals.audit_id");
        assertThat(targets(10)).allMatch(column -> column.startsWith("risk_decisions.")
                || column.startsWith("case_timeline.") || column.startsWith("audit_log.")
                || column.startsWith("audit_seals."));
        // One column left at the default of 100 would make ANALYZE sample 30,000 rows again.
        List<String> atDefault = jdbc.sql("""
                        select c.relname || '.' || a.attname
                        from pg_attribute a join pg_class c on c.oid = a.attrelid
                        where c.relname in ('risk_decisions', 'case_timeline', 'audit_log', 'audit_seals')
                          and c.relnamespace = current_schema()::regnamespace
                          and a.attnum > 0 and not a.attisdropped and a.attstattarget is null
                        """)
                .query(String.class).list();
        assertThat(atDefault).isEmpty();
    }

    @Test
    void casesKeepTheDefaultForTheColumnsTheyAreFilteredOn() {
        List<String> defaults = jdbc.sql("""
                        select a.attname from pg_attribute a
                        where a.attrelid = 'cases'::regclass and a.attstattarget is null
                          and a.attname in ('store_id', 'buyer_id', 'order_id', 'state', 'due_at', 'created_at')
                        """)
                .query(String.class).list();
        assertThat(defaults).containsExactlyInAnyOrder("store_id", "buyer_id", "order_id", "state", "due_at", "created_at");
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
