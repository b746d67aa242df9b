package dev.candor.risk;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.evidence.EvidenceFixtures;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Every decision path of the synchronous decision under the default policy (version 1, or a later copy of it
 * that {@link RiskPolicyReplayIT} publishes to restore it), on embedded PostgreSQL.
 */
class RiskDecisionsIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    TestApi orderSystem;
    TestApi admin;
    String store;
    Instant now;

    @BeforeEach
    void setUp() {
        orderSystem = as(integrationToken());
        admin = as(adminToken());
        store = unique("store");
        now = Instant.parse("2026-09-01T08:00:00Z");
        clock.set(now);
    }

    private Orders.PlacedOrder order(String buyerId, String category, long cents, Instant deliveredAt) {
        return new Orders(orderSystem).place(store, buyerId, category, cents, deliveredAt);
    }

    private JsonNode open(Orders.PlacedOrder order, String type, String reason, long cents) {
        TestApi.Response opened = as(buyerToken(order.buyerId())).post("/api/v1/cases",
                body("orderId", order.orderId(), "type", type, "reason", reason, "requestedCents", cents));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.json();
    }

    /** The store's 90-day claim count the request's decision used. */
    private int storeClaimsSeenBy(JsonNode opened) {
        return jdbc.sql("select (features -> 'store' ->> 'claims90')::int from risk_decisions where case_id = ? and revision = 1")
                .param(UUID.fromString(opened.path("id").asString())).query(Integer.class).single();
    }

    @Test
    void aStoreRecordPastHalfItsLifeIsReadAgainInTheBackgroundBeforeItExpires() throws InterruptedException {
        JsonNode first = open(order(unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3))), "REFUND_ONLY", "QUALITY_PROBLEM", 15_000);
        assertThat(storeClaimsSeenBy(first)).isZero();

        // Past half of the one-minute TTL and still inside it: the kept record (no claims) stays valid, so only a
        // background read can bring the count up. Requests go on until one sees it.
        clock.set(now.plus(Duration.ofSeconds(40)));
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (seen == 0 && System.nanoTime() < deadline) {
            seen = storeClaimsSeenBy(open(order(unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3))),
                    "REFUND_ONLY", "QUALITY_PROBLEM", 15_000));
            Thread.sleep(50);
        }
        assertThat(seen).as("a request after the background read sees the claims filed since").isPositive();
    }

    private static List<String> codes(JsonNode decision) {
        return StreamSupport.stream(decision.path("reasons").spliterator(), false).map(r -> r.path("code").asString()).toList();
    }

    @Test
    void aTrustedBuyerWithALowRiskOrderIsApprovedAtOnceAndTheTimelineSaysWhy() {
        var order = order(unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3)));
        JsonNode c = open(order, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000);
        JsonNode decision = c.path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(decision.path("revision").asInt()).isEqualTo(1);
        assertThat(decision.path("stage").asString()).isEqualTo("REQUEST");
        assertThat(decision.path("policyVersion").asInt()).isEqualTo(admin.get("/api/v1/risk/policies").json().path("live").asInt());
        assertThat(codes(decision)).containsExactly("LOW_RISK");
        assertThat(decision.path("reasons").get(0).path("en").asString()).contains("200.00 CNY");
        assertThat(decision.path("reasons").get(0).path("zh").asString()).contains("信用良好");
        JsonNode entry = StreamSupport.stream(c.path("timeline").spliterator(), false)
                .filter(e -> e.path("action").asString().equals("RISK_DECISION")).findFirst().orElseThrow();
        assertThat(entry.path("actorKind").asString()).isEqualTo("SYSTEM");
        assertThat(entry.path("rule").asString()).isEqualTo("risk-policy.v" + decision.path("policyVersion").asInt());
        assertThat(entry.path("detail").path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(entry.path("detail").path("decisionId").asString()).isEqualTo(decision.path("id").asString());
        assertThat(entry.path("detail").path("reasons").valueStream().map(JsonNode::asString)).containsExactly("LOW_RISK");
        assertThat(entry.path("detail").has("score")).as("the buyer reads the timeline, not the score").isFalse();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'risk.decided' and subject_id = ?")
                .param(c.path("id").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void atAStoreThatOptedInAnApprovedRequestIsApprovedAtOnce() {
        var first = order(unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3)));
        TestApi merchant = as(merchantToken(store));
        TestApi.Response off = merchant.get("/api/v1/risk/stores/" + store + "/settings");
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        assertThat(off.json().path("fastApproval").asBoolean()).isFalse();
        assertThat(as(merchantToken(unique("store"))).put("/api/v1/risk/stores/" + store + "/settings", body("fastApproval", true))
                .status()).isEqualTo(404);
        TestApi.Response on = merchant.put("/api/v1/risk/stores/" + store + "/settings", body("fastApproval", true));
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        assertThat(on.json().path("fastApproval").asBoolean()).isTrue();

        JsonNode refund = open(first, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000);
        assertThat(refund.path("decision").path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(refund.path("state").asString()).isEqualTo("REFUNDING");
        assertThat(refund.path("refund").path("amountCents").asLong()).isEqualTo(15_000);
        JsonNode approval = StreamSupport.stream(refund.path("timeline").spliterator(), false)
                .filter(e -> e.path("action").asString().equals("FAST_APPROVE")).findFirst().orElseThrow();
        assertThat(approval.path("actorKind").asString()).isEqualTo("SYSTEM");
        assertThat(approval.path("rule").asString()).startsWith("risk-decision.approve-now");

        JsonNode aReturn = open(order(unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3))), "RETURN_AND_REFUND", "NO_LONGER_WANTED", 15_000);
        assertThat(aReturn.path("state").asString()).isEqualTo("AWAITING_RETURN");
        JsonNode asked = open(order(unique("buyer"), "apparel", 30_000, now.minus(Duration.ofDays(3))), "REFUND_ONLY", "QUALITY_PROBLEM", 30_000);
        assertThat(asked.path("state").asString()).as("only APPROVE_NOW moves the case").isEqualTo("REQUESTED");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'risk.store-settings-changed' and subject_id = ?")
                .param(store).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLargerRequestAsksForNamedEvidenceWithAOneTimeCodeAndIsApprovedOnceItArrives() {
        var order = order(unique("buyer"), "apparel", 30_000, now.minus(Duration.ofDays(3)));
        JsonNode c = open(order, "REFUND_ONLY", "QUALITY_PROBLEM", 30_000);
        JsonNode decision = c.path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(codes(decision)).containsExactly("EVIDENCE_NEEDED");
        JsonNode requests = decision.path("evidenceRequests");
        assertThat(requests.findValuesAsString("kind")).containsExactly("PHOTO_WITH_CODE", "MORE_ANGLES");
        String code = requests.get(0).path("code").asString();
        assertThat(code).matches("[2-9A-HJKMNP-Z]{6}");
        assertThat(requests.get(0).path("en").asString()).contains(code);
        assertThat(requests.get(0).path("zh").asString()).contains(code);
        JsonNode asked = StreamSupport.stream(c.path("timeline").spliterator(), false)
                .filter(e -> e.path("action").asString().equals("RISK_DECISION")).findFirst().orElseThrow().path("detail");
        assertThat(asked.path("evidenceRequests").valueStream().map(JsonNode::asString)).containsExactly("PHOTO_WITH_CODE", "MORE_ANGLES");

        String caseId = c.path("id").asString();
        TestApi buyer = as(buyerToken(order.buyerId()));
        upload(buyer, caseId, 40);
        JsonNode afterOne = buyer.get("/api/v1/cases/" + caseId).json().path("decision");
        assertThat(afterOne.path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(afterOne.path("stage").asString()).isEqualTo("EVIDENCE");
        assertThat(codes(afterOne)).containsExactly("EVIDENCE_NEEDED", "EVIDENCE_OUTSTANDING");
        assertThat(afterOne.path("evidenceRequests").get(0).path("code").asString()).isEqualTo(code);
        upload(buyer, caseId, 41);
        upload(buyer, caseId, 42);
        JsonNode complete = buyer.get("/api/v1/cases/" + caseId).json().path("decision");
        assertThat(complete.path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(complete.path("revision").asInt()).isEqualTo(4);
        assertThat(codes(complete)).containsExactly("EVIDENCE_SUPPLIED", "FORENSICS_PENDING");

        JsonNode history = buyer.get("/api/v1/cases/" + caseId + "/decisions").json();
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.get(3).path("previousOutcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(history.get(3).path("features").isObject()).as("buyers do not see the features").isFalse();
        assertThat(history.get(3).path("score").isNumber()).isFalse();
        JsonNode seenByStore = as(merchantToken(store)).get("/api/v1/cases/" + caseId + "/decisions").json();
        assertThat(seenByStore.get(3).path("features").path("evidence").path("photos").asInt()).isEqualTo(3);
    }

    @Test
    void manyRiskFactsTogetherSendTheRequestToAPersonButNeverReject() {
        var order = order(unique("buyer"), "jewellery", 60_000, null);
        JsonNode decision = open(order, "REFUND_ONLY", "QUALITY_PROBLEM", 60_000).path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(codes(decision)).containsExactly("REVIEW_SCORE", "HIGH_VALUE", "HIGH_RISK_CATEGORY", "NOT_DELIVERED_QUALITY_CLAIM");
        assertThat(decision.path("reasons").get(0).path("en").asString()).isEqualTo("Risk score 60 is at or over the review threshold 60");
    }

    @Test
    void theBuyersHistoryOverThirtyDaysCounts() {
        String buyerId = unique("buyer");
        for (int i = 0; i < 3; i++) {
            var earlier = order(buyerId, "apparel", 5_000, now.minus(Duration.ofDays(3)));
            open(earlier, "REFUND_ONLY", "NOT_AS_DESCRIBED", 5_000);
        }
        var order = order(buyerId, "apparel", 5_000, now.minus(Duration.ofDays(3)));
        JsonNode decision = open(order, "REFUND_ONLY", "NOT_AS_DESCRIBED", 5_000).path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(codes(decision)).containsExactly("EVIDENCE_NEEDED", "CLAIMS_30D", "REFUND_ONLY_SHARE_90D");
        assertThat(decision.path("reasons").get(1).path("en").asString()).isEqualTo("3 after-sales requests in the last 30 days (threshold 3)");
        clock.set(now.plus(Duration.ofDays(31)));
        var later = order(buyerId, "apparel", 5_000, now.plus(Duration.ofDays(28)));
        JsonNode after = open(later, "REFUND_ONLY", "NOT_AS_DESCRIBED", 5_000).path("decision");
        assertThat(codes(after)).doesNotContain("CLAIMS_30D").contains("REFUND_ONLY_SHARE_90D");
    }

    @Test
    void onlyAConfirmedRestrictionRejectsAndTheReasonSaysHowToAppeal() {
        String buyerId = unique("buyer");
        String otherStore = unique("store");
        for (int i = 0; i < 2; i++) {
            TestApi.Response entry = as(reviewerToken()).post("/api/v1/integrity/entries", body("subjectType", "BUYER", "subjectId", buyerId,
                    "storeId", otherStore, "type", "RETURN_SWAP", "rule", "Integrity rules 3.2", "reasoning", "confirmed on review",
                    "evidenceIds", List.of(UUID.randomUUID())));
            assertThat(entry.status()).as(entry.raw()).isEqualTo(201);
        }
        var refundOnly = order(buyerId, "apparel", 1_000, now.minus(Duration.ofDays(3)));
        JsonNode rejected = open(refundOnly, "REFUND_ONLY", "QUALITY_PROBLEM", 1_000).path("decision");
        assertThat(rejected.path("outcome").asString()).isEqualTo("REJECT");
        assertThat(codes(rejected)).containsExactly("RESTRICTION_REFUND_ONLY_DISABLED");
        assertThat(rejected.path("reasons").get(0).path("en").asString()).contains("appeal");
        assertThat(rejected.path("reasons").get(0).path("zh").asString()).contains("申诉");

        var ret = order(buyerId, "apparel", 1_000, now.minus(Duration.ofDays(3)));
        JsonNode notRejected = open(ret, "RETURN_AND_REFUND", "QUALITY_PROBLEM", 1_000).path("decision");
        assertThat(notRejected.path("outcome").asString()).as("the restriction does not cover returns").isNotEqualTo("REJECT");
        assertThat(codes(notRejected)).contains("RESTRICTED_BUYER");
    }

    @Test
    void accountsLinkedByAFingerprintToAnAbusiveAccountRaiseTheRisk() {
        String abusive = unique("buyer");
        String linked = unique("buyer");
        var abusiveOrder = order(abusive, "apparel", 1_000, now.minus(Duration.ofDays(3)));
        open(abusiveOrder, "REFUND_ONLY", "QUALITY_PROBLEM", 1_000);
        TestApi.Response entry = as(reviewerToken()).post("/api/v1/integrity/entries", body("subjectType", "BUYER", "subjectId", abusive,
                "storeId", store, "orderId", abusiveOrder.orderId(), "type", "ABNORMAL_REFUND_ONLY", "rule", "Integrity rules 3.1",
                "reasoning", "confirmed on review", "evidenceIds", List.of(UUID.randomUUID())));
        assertThat(entry.status()).as(entry.raw()).isEqualTo(201);
        var order = order(linked, "apparel", 1_000, now.minus(Duration.ofDays(3)));
        for (String buyer : List.of(abusive, linked)) {
            TestApi.Response signal = orderSystem.post("/api/v1/risk/account-signals",
                    body("buyerId", buyer, "kind", "DEVICE", "value", "device-" + abusive));
            assertThat(signal.status()).as(signal.raw()).isEqualTo(204);
        }
        JsonNode decision = open(order, "REFUND_ONLY", "QUALITY_PROBLEM", 1_000).path("decision");
        assertThat(codes(decision)).contains("LINKED_ABUSIVE_ACCOUNT");
        assertThat(decision.path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(jdbc.sql("select count(*) from risk_account_links where encode(fingerprint, 'escape') like ?")
                .param("%device-%").query(Long.class).single()).as("only keyed hashes are stored").isZero();
        assertThat(orderSystem.post("/api/v1/risk/account-signals", body("buyerId", unique("nobody"), "kind", "DEVICE", "value", "x"))
                .status()).isEqualTo(404);
    }

    @Test
    void whenAFeatureCannotBeReadTheRequestGoesToAPersonAndIsStillFiled() {
        var order = order(unique("buyer"), "apparel", 1_000, now.minus(Duration.ofDays(3)));
        jdbc.sql("alter table risk_account_links rename to risk_account_links_unavailable").update();
        JsonNode c;
        try {
            c = open(order, "REFUND_ONLY", "QUALITY_PROBLEM", 1_000);
        } finally {
            jdbc.sql("alter table risk_account_links_unavailable rename to risk_account_links").update();
        }
        JsonNode decision = c.path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(codes(decision)).containsExactly("FEATURES_UNAVAILABLE");
        assertThat(decision.path("reasons").get(0).path("en").asString()).contains("history, store");
        assertThat(c.path("state").asString()).isEqualTo("REQUESTED");
    }

    private void upload(TestApi who, String caseId, int size) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.IMAGE_JPEG);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(EvidenceFixtures.jpeg(size, size)) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        }, partHeaders));
        TestApi.Response added = who.postMultipart("/api/v1/cases/" + caseId + "/evidence", parts, Map.of());
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
    }
}
