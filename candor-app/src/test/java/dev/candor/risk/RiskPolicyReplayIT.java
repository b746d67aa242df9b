package dev.candor.risk;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A candidate policy replayed over past requests flips the cases it should, changes nothing live, and then goes live. */
class RiskPolicyReplayIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    TestApi admin;
    JsonNode defaults;
    Instant from;

    @BeforeEach
    void setUp() {
        admin = as(adminToken());
        defaults = admin.get("/api/v1/risk/policies/1").json().path("policy");
        from = Instant.parse("2031-03-01T08:00:00Z");
        clock.set(from);
    }

    @AfterEach
    void restoreTheDefaults() {
        TestApi.Response added = admin.post("/api/v1/risk/policies", body("note", "back to the defaults", "policy", defaults));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(admin.post("/api/v1/risk/policies/" + added.json().path("version").asInt() + "/publication", null).status()).isEqualTo(200);
    }

    private JsonNode open(String store, long cents) {
        var order = new Orders(as(integrationToken())).place(store, unique("buyer"), "apparel", cents, clock.instant().minus(Duration.ofDays(3)));
        TestApi.Response opened = as(buyerToken(order.buyerId())).post("/api/v1/cases",
                body("orderId", order.orderId(), "type", "REFUND_ONLY", "reason", "QUALITY_PROBLEM", "requestedCents", cents));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.json();
    }

    @Test
    void aStricterCandidateFlipsTheFastRefundOnReplayWithoutTouchingLiveDataAndAppliesOncePublished() {
        String store = unique("store");
        JsonNode approved = open(store, 15_000);
        JsonNode evidence = open(store, 30_000);
        assertThat(approved.path("decision").path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(evidence.path("decision").path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        int liveBefore = admin.get("/api/v1/risk/policies").json().path("live").asInt();

        ObjectNode stricter = (ObjectNode) defaults.deepCopy();
        ((ObjectNode) stricter.path("approve")).put("maxAmountCents", 10_000);
        TestApi.Response added = admin.post("/api/v1/risk/policies", body("note", "fast refunds up to 100 CNY only", "policy", stricter));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        int candidate = added.json().path("version").asInt();
        assertThat(added.json().path("publishedAt").isNull() || added.json().path("publishedAt").isMissingNode()).isTrue();

        long decisionsBefore = jdbc.sql("select count(*) from risk_decisions").query(Long.class).single();
        long auditBefore = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        TestApi.Response replayed = admin.post("/api/v1/risk/policies/" + candidate + "/replays",
                body("from", from.toString(), "to", from.plus(Duration.ofHours(1)).toString()));
        assertThat(replayed.status()).as(replayed.raw()).isEqualTo(200);
        JsonNode report = replayed.json();
        assertThat(report.path("cases").asLong()).isEqualTo(2);
        assertThat(report.path("before").path("APPROVE_NOW").asLong()).isEqualTo(1);
        assertThat(report.path("before").path("REQUEST_EVIDENCE").asLong()).isEqualTo(1);
        assertThat(report.path("after").path("APPROVE_NOW").asLong()).isZero();
        assertThat(report.path("after").path("REQUEST_EVIDENCE").asLong()).isEqualTo(2);
        assertThat(report.path("flipped").asLong()).isEqualTo(1);
        assertThat(report.path("transitions").path("APPROVE_NOW->REQUEST_EVIDENCE").asLong()).isEqualTo(1);
        assertThat(report.path("flips").get(0).path("caseId").asString()).isEqualTo(approved.path("id").asString());
        assertThat(report.path("money").path("CNY").path("approvedBefore").asLong()).isEqualTo(15_000);
        assertThat(report.path("money").path("CNY").path("approvedAfter").asLong()).isZero();
        assertThat(report.path("money").path("CNY").path("flipped").asLong()).isEqualTo(15_000);
        assertThat(report.path("truncated").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from risk_decisions").query(Long.class).single()).isEqualTo(decisionsBefore);
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(auditBefore);
        assertThat(admin.get("/api/v1/risk/policies").json().path("live").asInt()).isEqualTo(liveBefore);

        assertThat(as(reviewerToken()).post("/api/v1/risk/policies/" + candidate + "/publication", null).status()).isEqualTo(403);
        TestApi.Response published = admin.post("/api/v1/risk/policies/" + candidate + "/publication", null);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(admin.post("/api/v1/risk/policies/" + candidate + "/publication", null).code()).isEqualTo("resource.conflict");
        JsonNode after = open(store, 15_000).path("decision");
        assertThat(after.path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(after.path("policyVersion").asInt()).isEqualTo(candidate);
        JsonNode old = admin.get("/api/v1/cases/" + approved.path("id").asString()).json().path("decision");
        assertThat(old.path("outcome").asString()).as("a past decision keeps its outcome and version").isEqualTo("APPROVE_NOW");
        assertThat(old.path("policyVersion").asInt()).isEqualTo(liveBefore);
    }

    @Test
    void anIncompletePolicyIsRefusedAndAddsNoVersion() {
        long versions = jdbc.sql("select count(*) from risk_policies").query(Long.class).single();
        ObjectNode broken = (ObjectNode) defaults.deepCopy();
        broken.remove("rules");
        TestApi.Response refused = admin.post("/api/v1/risk/policies", body("note", "no rules", "policy", broken));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.code()).isIn("request.malformed", "request.invalid");
        assertThat(admin.post("/api/v1/risk/policies/999999/replays", body("from", from.toString(), "to", from.plusSeconds(1).toString()))
                .status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/risk/policies/1/replays", body("from", from.toString(), "to", from.toString())).code())
                .isEqualTo("request.invalid");
        assertThat(jdbc.sql("select count(*) from risk_policies").query(Long.class).single()).isEqualTo(versions);
    }
}
