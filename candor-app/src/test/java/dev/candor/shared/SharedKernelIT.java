package dev.candor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.shared.audit.AuditChain;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

class SharedKernelIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditChain auditChain;

    @Test
    void requestsWithoutOrWithBadKeysAreRefusedWithStableCodes() {
        var none = anonymous().get("/api/v1/admin/audit/verification");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("auth.unauthenticated");

        var forged = as("cnd_nosuchkey_secret").get("/api/v1/admin/audit/verification");
        assertThat(forged.status()).isEqualTo(401);

        var merchant = as(merchantToken("store-x")).get("/api/v1/admin/audit/verification");
        assertThat(merchant.status()).isEqualTo(403);
        assertThat(merchant.code()).isEqualTo("auth.forbidden");
    }

    @Test
    void problemTitlesFollowAcceptLanguage() {
        var zh = anonymous().exchange(org.springframework.http.HttpMethod.GET, "/api/v1/admin/audit/verification", null,
                Map.of("Accept-Language", "zh-CN"));
        assertThat(zh.text("title")).isEqualTo("需要身份认证");
        var plainZh = anonymous().exchange(org.springframework.http.HttpMethod.GET, "/api/v1/admin/audit/verification", null,
                Map.of("Accept-Language", "zh"));
        assertThat(plainZh.text("title")).isEqualTo("需要身份认证");
        var english = anonymous().get("/api/v1/admin/audit/verification");
        assertThat(english.text("title")).isEqualTo("Authentication required");
    }

    @Test
    void malformedJsonIsAClearErrorAndCreatesNothing() {
        String admin = adminToken();
        long before = jdbc.sql("select count(*) from principals").query(Long.class).single();
        var response = as(admin).postRaw("/api/v1/admin/principals", "{\"kind\": \"ADMIN\", ", MediaType.APPLICATION_JSON);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request.malformed");
        assertThat(jdbc.sql("select count(*) from principals").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void revokedKeysStopWorkingAtOnce() {
        String admin = adminToken();
        var created = as(admin).post("/api/v1/admin/principals", TestApi.body("kind", "REVIEWER", "displayName", "R"));
        assertThat(created.status()).isEqualTo(201);
        String token = created.text("token");
        assertThat(as(token).get("/api/v1/cases/" + UUID.randomUUID()).status()).isNotEqualTo(401);

        assertThat(as(admin).delete("/api/v1/admin/api-keys/" + created.text("keyId")).status()).isEqualTo(204);
        assertThat(as(token).get("/api/v1/cases/" + UUID.randomUUID()).status()).isEqualTo(401);
    }

    @Test
    void idempotentCreatesReplayTheFirstResponseAndRefuseOtherBodies() {
        TestApi admin = as(adminToken());
        String key = UUID.randomUUID().toString();
        var body = TestApi.body("kind", "INTEGRATION", "displayName", "Order system " + key);

        var first = admin.post("/api/v1/admin/principals", body, Map.of("Idempotency-Key", key));
        var replay = admin.post("/api/v1/admin/principals", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from principals where display_name = ?").param("Order system " + key)
                .query(Long.class).single()).isEqualTo(1);

        var other = admin.post("/api/v1/admin/principals", TestApi.body("kind", "INTEGRATION", "displayName", "other"),
                Map.of("Idempotency-Key", key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency.key-reused");
        assertThat(jdbc.sql("select count(*) from principals where display_name = 'other'").query(Long.class).single()).isZero();
    }

    @Test
    void aKeyPastItsRetentionOrAbandonedUnfinishedIsClaimedAfresh() {
        TestApi admin = as(adminToken());
        String expired = UUID.randomUUID().toString();
        assertThat(admin.post("/api/v1/admin/principals", TestApi.body("kind", "REVIEWER", "displayName", "A " + expired),
                Map.of("Idempotency-Key", expired)).status()).isEqualTo(201);
        setKeyCreatedAt(expired, clock.instant().minus(Duration.ofHours(49)), true);
        var afterRetention = admin.post("/api/v1/admin/principals", TestApi.body("kind", "REVIEWER", "displayName", "B " + expired),
                Map.of("Idempotency-Key", expired));
        assertThat(afterRetention.status()).isEqualTo(201);
        assertThat(afterRetention.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(jdbc.sql("select count(*) from principals where display_name = ?").param("B " + expired)
                .query(Long.class).single()).isEqualTo(1);

        String abandoned = UUID.randomUUID().toString();
        var first = TestApi.body("kind", "REVIEWER", "displayName", "C " + abandoned);
        assertThat(admin.post("/api/v1/admin/principals", first, Map.of("Idempotency-Key", abandoned)).status()).isEqualTo(201);
        setKeyCreatedAt(abandoned, clock.instant().minus(Duration.ofMinutes(4)), false);
        var running = admin.post("/api/v1/admin/principals", first, Map.of("Idempotency-Key", abandoned));
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.code()).isEqualTo("idempotency.in-progress");
        setKeyCreatedAt(abandoned, clock.instant().minus(Duration.ofMinutes(6)), false);
        var takenOver = admin.post("/api/v1/admin/principals", TestApi.body("kind", "REVIEWER", "displayName", "D " + abandoned),
                Map.of("Idempotency-Key", abandoned));
        assertThat(takenOver.status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from principals where display_name = ?").param("D " + abandoned)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Rewrites a stored key as if it had been claimed at {@code at}, completed or still running. */
    private void setKeyCreatedAt(String key, Instant at, boolean completed) {
        assertThat(jdbc.sql("update idempotency_keys set created_at = ?, completed = ? where idem_key = ?")
                .params(SqlTime.of(at), completed, key).update()).isEqualTo(1);
    }

    @Test
    void theAuditChainVerifiesAndDetectsATamperedRow() {
        TestApi admin = as(adminToken());
        for (int i = 0; i < 3; i++) {
            admin.post("/api/v1/admin/principals", TestApi.body("kind", "REVIEWER", "displayName", "Reviewer " + i));
        }
        var verification = admin.get("/api/v1/admin/audit/verification");
        assertThat(verification.json().path("intact").asBoolean()).isTrue();
        assertThat(verification.json().path("rowsChecked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(verification.json().path("unsealedRows").asLong()).isZero();

        long victim = jdbc.sql("select max(id) from audit_log where action = 'principal.created'").query(Long.class).single();
        String original = jdbc.sql("select detail from audit_log where id = ?").param(victim).query(String.class).single();
        jdbc.sql("update audit_log set detail = ? where id = ?").params(original.replace("REVIEWER", "ADMIN"), victim).update();
        try {
            AuditChain.Verification broken = auditChain.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenRowId()).isEqualTo(victim);
            assertThat(broken.problem()).isEqualTo("audit row " + victim + " does not match its seal");
        } finally {
            jdbc.sql("update audit_log set detail = ? where id = ?").params(original, victim).update();
        }
        assertThat(auditChain.verify().intact()).isTrue();
    }
}
