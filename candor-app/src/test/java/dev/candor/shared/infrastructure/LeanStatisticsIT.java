package dev.candor.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ANALYZE skips the payload columns no query filters on and samples the append-only tables lightly (V16), and
 * still gathers full statistics for the columns the cases are filtered on.
 */
class LeanStatisticsIT extends IntegrationTest {

    private static final Predicate<String> IN_APPEND_ONLY_TABLE = column -> column.startsWith("risk_decisions.")
            || column.startsWith("case_timeline.") || column.startsWith("audit_log.") || column.startsWith("audit_seals.");

    @Autowired
    JdbcClient jdbc;

    @Test
    void payloadColumnsHaveNoStatisticsTarget() {
        assertThat(columns("a.attstattarget = 0")).containsExactlyInAnyOrder(
                "audit_log.detail", "audit_seals.hash", "audit_seals.prev_hash",
                "case_timeline.detail", "case_timeline.evidence_ids",
                "cases.appeal_reason", "cases.description", "cases.inspection_note", "cases.judgment_reasoning",
                "cases.refusal_reason",
                "risk_decisions.evidence_requests", "risk_decisions.features", "risk_decisions.reasons");
    }

    @Test
    void appendOnlyTablesAreSampledLightly() {
        List<String> lean = columns("a.attstattarget = 10");
        assertThat(lean).contains("risk_decisions.case_id", "risk_decisions.decided_at", "case_timeline.case_id",
                "audit_log.subject_id", "audit_seals.audit_id");
        assertThat(lean).allMatch(IN_APPEND_ONLY_TABLE);
        // One column left at the default of 100 would make ANALYZE sample 30,000 rows again.
        assertThat(columns("a.attstattarget is null")).noneMatch(IN_APPEND_ONLY_TABLE);
    }

    @Test
    void casesKeepTheDefaultForTheColumnsTheyAreFilteredOn() {
        assertThat(columns("a.attstattarget is null")).contains("cases.store_id", "cases.buyer_id", "cases.order_id",
                "cases.state", "cases.due_at", "cases.created_at");
    }

    /** The schema's table columns, as table.column, that match the condition on pg_attribute {@code a}. */
    private List<String> columns(String condition) {
        return jdbc.sql("""
                        select c.relname || '.' || a.attname
                        from pg_attribute a join pg_class c on c.oid = a.attrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
                          and %s
                        """.formatted(condition))
                .query(String.class).list();
    }
}
