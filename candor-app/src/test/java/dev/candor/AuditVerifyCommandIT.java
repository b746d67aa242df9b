package dev.candor;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.TestApi;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code audit-verify} command, run against this test's database as an external PostgreSQL (so it
 * also proves that a configured JDBC URL replaces the embedded database): exit 0 when the chain is
 * intact, 1 when a sealed row was changed. The command seals the rows committed so far before it verifies,
 * so the principal created here is sealed by the first run.
 */
class AuditVerifyCommandIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCommandVerifiesTheChainAndFailsOnATamperedRow() {
        as(adminToken()).post("/api/v1/admin/principals", TestApi.body("kind", "REVIEWER", "displayName", "Audited reviewer"));
        HikariDataSource hikari = (HikariDataSource) dataSource;
        String[] external = {"spring.datasource.url=" + hikari.getJdbcUrl(), "spring.datasource.username=" + hikari.getUsername(),
            "spring.datasource.password=", "candor.storage.dir=" + System.getProperty("java.io.tmpdir") + "/candor-test-files"};
        assertThat(CandorApplication.verifyAudit(external)).isZero();

        long victim = jdbc.sql("select max(audit_id) from audit_seals").query(Long.class).single();
        String original = jdbc.sql("select actor_id from audit_log where id = ?").param(victim).query(String.class).single();
        jdbc.sql("update audit_log set actor_id = 'someone-else' where id = ?").param(victim).update();
        try {
            assertThat(CandorApplication.verifyAudit(external)).isEqualTo(1);
        } finally {
            jdbc.sql("update audit_log set actor_id = ? where id = ?").params(original, victim).update();
        }
    }
}
