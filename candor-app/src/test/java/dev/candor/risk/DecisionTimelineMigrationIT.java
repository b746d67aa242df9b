package dev.candor.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * V17 brings the decision entries written before it to the form they are written in now: no score (buyers
 * read the timeline), reasons as codes, evidence requests as kinds. Runs on a server of its own, migrated to
 * V16 first with an entry in the earlier form.
 */
class DecisionTimelineMigrationIT {

    private static final String EARLIER_ENTRY = """
            {"decisionId": "01a20369-377b-7a49-9f02-5f7bf9866ea0", "revision": 2, "stage": "EVIDENCE",
             "outcome": "REQUEST_EVIDENCE", "previousOutcome": "REQUEST_EVIDENCE", "score": 35, "policyVersion": 1,
             "reasons": [{"code": "EVIDENCE_NEEDED", "en": "The request needs evidence", "zh": "需要补充证据"},
                         {"code": "EVIDENCE_OUTSTANDING", "en": "1 of 2 still missing", "zh": "仍缺 1 项"}],
             "evidenceRequests": [{"kind": "PHOTO_WITH_CODE", "code": "7KQ2MX", "en": "A photo with 7KQ2MX", "zh": "附 7KQ2MX 的照片"},
                                  {"kind": "MORE_ANGLES", "code": null, "en": "More angles", "zh": "更多角度"}]}
            """;

    private static final String OTHER_ENTRY = "{\"score\": 7, \"reasons\": [{\"code\": \"KEPT\"}]}";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void earlierDecisionEntriesLoseTheScoreAndKeepTheirCodesInOrder() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "16");
            long decision = insertEntry(dataSource, "RISK_DECISION", EARLIER_ENTRY);
            long other = insertEntry(dataSource, "MERCHANT_FLAG", OTHER_ENTRY);

            migrate(dataSource, "17");
            JdbcClient jdbc = JdbcClient.create(dataSource);

            JsonNode migrated = json.readTree(detail(jdbc, decision));
            assertThat(migrated.has("score")).isFalse();
            assertThat(migrated.path("reasons").valueStream().map(JsonNode::asString))
                    .containsExactly("EVIDENCE_NEEDED", "EVIDENCE_OUTSTANDING");
            assertThat(migrated.path("evidenceRequests").valueStream().map(JsonNode::asString))
                    .containsExactly("PHOTO_WITH_CODE", "MORE_ANGLES");
            assertThat(migrated.path("decisionId").asString()).isEqualTo("01a20369-377b-7a49-9f02-5f7bf9866ea0");
            assertThat(migrated.path("previousOutcome").asString()).isEqualTo("REQUEST_EVIDENCE");
            assertThat(migrated.path("revision").asInt()).isEqualTo(2);
            assertThat(json.readTree(detail(jdbc, other))).as("other actions' entries are left as they were")
                    .isEqualTo(json.readTree(OTHER_ENTRY));
        }
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    /** Inserts a timeline entry without its case: a replica's session does not check foreign keys. */
    private static long insertEntry(DataSource dataSource, String action, String detail) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement replica = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into case_timeline (case_id, occurred_at, actor_id, actor_kind, action, detail)
                     values (?, now(), 'system', 'SYSTEM', ?, ?::jsonb) returning id""")) {
            replica.execute("set session_replication_role = replica");
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, action);
            insert.setString(3, detail);
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    private static String detail(JdbcClient jdbc, long id) {
        return jdbc.sql("select detail::text from case_timeline where id = ?").param(id).query(String.class).single();
    }
}
