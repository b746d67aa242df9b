package dev.candor.aftersales;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The order system files many requests in one call ({@code POST /api/v1/cases/batch}): each is filed and decided
 * exactly as on its own, a refused one leaves nothing behind and does not disturb the others, and the call as a
 * whole is validated, authorised and idempotent like any other create.
 */
class CaseBatchIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    TestApi orderSystem;
    Orders orders;
    String store;
    Instant now;

    @BeforeEach
    void setUp() {
        orderSystem = as(integrationToken());
        orders = new Orders(orderSystem);
        store = unique("store");
        now = Instant.parse("2026-09-01T08:00:00Z");
        clock.set(now);
    }

    private static Map<String, Object> request(Orders.PlacedOrder order, String type, String reason, long cents) {
        return body("orderId", order.orderId(), "type", type, "reason", reason, "requestedCents", cents);
    }

    private static List<String> codes(JsonNode decision) {
        return StreamSupport.stream(decision.path("reasons").spliterator(), false).map(r -> r.path("code").asString()).toList();
    }

    private long rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void eachRequestIsFiledAndDecidedAsOnItsOwnAndARefusedOneLeavesNothingBehind() {
        var coat = orders.place(store, unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3)));
        var ring = orders.place(store, unique("buyer"), "jewellery", 480_000, now.minus(Duration.ofDays(2)));
        var old = orders.place(store, unique("buyer"), "apparel", 9_900, now.minus(Duration.ofDays(90)));
        var twin = orders.place(store, unique("buyer"), "jewellery", 480_000, now.minus(Duration.ofDays(2)));
        String unknown = unique("order");

        TestApi.Response filed = orderSystem.post("/api/v1/cases/batch", body("requests", List.of(
                request(coat, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000),
                body("orderId", unknown, "type", "REFUND_ONLY", "reason", "OTHER", "requestedCents", 100),
                request(ring, "REFUND_ONLY", "NOT_AS_DESCRIBED", 480_000),
                request(coat, "RETURN_AND_REFUND", "WRONG_ITEM", 15_000),
                request(old, "RETURN_AND_REFUND", "NO_LONGER_WANTED", 9_900))));

        assertThat(filed.status()).as(filed.raw()).isEqualTo(200);
        JsonNode answer = filed.json();
        assertThat(answer.path("opened").asInt()).isEqualTo(2);
        assertThat(answer.path("refused").asInt()).isEqualTo(3);
        JsonNode results = answer.path("results");
        assertThat(IntStream.range(0, results.size()).map(i -> results.get(i).path("index").asInt()).boxed().toList())
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(IntStream.range(0, results.size()).map(i -> results.get(i).path("status").asInt()).boxed().toList())
                .containsExactly(201, 404, 201, 409, 422);
        assertThat(results.get(1).path("problem").path("code").asString()).isEqualTo("resource.not-found");
        assertThat(results.get(3).path("problem").path("code").asString()).isEqualTo("case.already-open");
        assertThat(results.get(4).path("problem").path("code").asString()).isEqualTo("case.complaint-window-closed");
        assertThat(results.get(4).path("problem").path("title").asString()).isNotBlank();

        JsonNode coatCase = results.get(0).path("afterSalesCase");
        assertThat(coatCase.path("orderId").asString()).isEqualTo(coat.orderId());
        assertThat(coatCase.path("state").asString()).isEqualTo("REQUESTED");
        JsonNode coatDecision = results.get(0).path("decision");
        assertThat(coatDecision.path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(codes(coatDecision)).containsExactly("LOW_RISK");
        // Cases and decisions get time-ordered (version 7) ids, so each insert lands at the right edge of its indexes.
        assertThat(UUID.fromString(coatCase.path("id").asString()).version()).isEqualTo(7);
        assertThat(UUID.fromString(coatDecision.path("id").asString()).version()).isEqualTo(7);

        // The same request on a twin order, filed on its own, gets the same decision for the same reasons.
        JsonNode ringDecision = results.get(2).path("decision");
        TestApi.Response alone = orderSystem.post("/api/v1/cases", request(twin, "REFUND_ONLY", "NOT_AS_DESCRIBED", 480_000));
        assertThat(alone.status()).as(alone.raw()).isEqualTo(201);
        assertThat(ringDecision.path("outcome").asString()).isEqualTo(alone.json().path("decision").path("outcome").asString())
                .isNotEqualTo("APPROVE_NOW");
        assertThat(codes(ringDecision)).isEqualTo(codes(alone.json().path("decision")));
        assertThat(ringDecision.path("evidenceRequests").size()).isEqualTo(alone.json().path("decision").path("evidenceRequests").size());

        // Every filed request has its case, timeline, decision and audit entries; the refused ones have none.
        for (var order : List.of(coat, ring)) {
            String caseId = jdbc.sql("select id::text from cases where order_id = ?").param(order.orderId()).query(String.class).single();
            assertThat(rows("select count(*) from case_timeline where case_id = ?::uuid and action in ('OPEN', 'RISK_DECISION')", caseId))
                    .isEqualTo(2);
            assertThat(rows("select count(*) from risk_decisions where case_id = ?::uuid", caseId)).isEqualTo(1);
            assertThat(rows("select count(*) from audit_log where subject_id = ? and action in ('case.opened', 'risk.decided')", caseId))
                    .isEqualTo(2);
        }
        assertThat(rows("select count(*) from cases where order_id = ?", coat.orderId())).isEqualTo(1);
        assertThat(rows("select count(*) from cases where order_id in (?, ?)", unknown, old.orderId())).isZero();
        assertThat(rows("select count(*) from risk_claims where order_id in (?, ?)", unknown, old.orderId())).isZero();
        assertThat(orderSystem.get("/api/v1/cases/" + coatCase.path("id").asString()).json().path("decision").path("id").asString())
                .isEqualTo(coatDecision.path("id").asString());
    }

    @Test
    void aBatchQueuesAWebhookDeliveryForEveryEventOfEveryRequest() {
        var created = as(adminToken()).post("/api/v1/admin/webhooks", body(
                "url", "https://example.test/" + store, "eventTypes", List.of("case.created", "case.decision-made"),
                "storeIds", List.of(store)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var coat = orders.place(store, unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3)));
        var ring = orders.place(store, unique("buyer"), "jewellery", 480_000, now.minus(Duration.ofDays(2)));

        TestApi.Response filed = orderSystem.post("/api/v1/cases/batch", body("requests", List.of(
                request(coat, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000),
                request(ring, "REFUND_ONLY", "NOT_AS_DESCRIBED", 480_000))));

        assertThat(filed.status()).as(filed.raw()).isEqualTo(200);
        assertThat(filed.json().path("opened").asInt()).isEqualTo(2);
        // The deliveries were written with the batch's other rows, one statement for all of them.
        assertThat(jdbc.sql("""
                        select event_type from webhook_outbox
                        where subscription_id = ?::uuid and status = 'PENDING' order by event_type""")
                .param(created.text("id")).query(String.class).list())
                .containsExactly("case.created", "case.created", "case.decision-made", "case.decision-made");
        as(adminToken()).delete("/api/v1/admin/webhooks/" + created.text("id"));
    }

    @Test
    void aBuyersSecondRequestInABatchSeesTheFirstInItsHistory() {
        String buyer = unique("buyer");
        var first = orders.place(store, buyer, "apparel", 15_000, now.minus(Duration.ofDays(3)));
        var second = orders.place(store, buyer, "apparel", 12_000, now.minus(Duration.ofDays(3)));

        JsonNode results = orderSystem.post("/api/v1/cases/batch", body("requests", List.of(
                request(first, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000),
                request(second, "REFUND_ONLY", "QUALITY_PROBLEM", 12_000)))).json().path("results");

        JsonNode before = history(results.get(0)).path("days30");
        JsonNode after = history(results.get(1)).path("days30");
        assertThat(before.path("claims").asInt()).isZero();
        assertThat(after.path("claims").asInt()).isEqualTo(1);
        assertThat(after.path("amountCents").asLong()).isEqualTo(15_000);
        assertThat(after.path("refundOnly").asInt()).isEqualTo(1);
    }

    @Test
    void aRestrictedBuyersRequestInABatchIsRejectedAsOnItsOwnAndTheOthersAreNot() {
        String restricted = unique("buyer");
        String otherStore = unique("store");
        var earlier = orders.place(store, restricted, "apparel", 5_000, now.minus(Duration.ofDays(20)));
        for (var at : List.of(body("storeId", store, "orderId", earlier.orderId()), body("storeId", otherStore))) {
            Map<String, Object> finding = new HashMap<>(body("subjectType", "BUYER", "subjectId", restricted,
                    "type", "RETURN_SWAP", "rule", "Integrity rules 3.2", "reasoning", "confirmed on review",
                    "evidenceIds", List.of(UUID.randomUUID())));
            finding.putAll(at);
            TestApi.Response recorded = as(reviewerToken()).post("/api/v1/integrity/entries", finding);
            assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        }
        var refused = orders.place(store, restricted, "apparel", 2_000, now.minus(Duration.ofDays(3)));
        var trusted = orders.place(store, unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3)));

        JsonNode results = orderSystem.post("/api/v1/cases/batch", body("requests", List.of(
                request(trusted, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000),
                request(refused, "REFUND_ONLY", "QUALITY_PROBLEM", 2_000)))).json().path("results");

        assertThat(results.get(0).path("decision").path("outcome").asString()).isEqualTo("APPROVE_NOW");
        JsonNode rejected = results.get(1).path("decision");
        assertThat(rejected.path("outcome").asString()).isEqualTo("REJECT");
        assertThat(codes(rejected)).first().asString().startsWith("RESTRICTION_");
    }

    @Test
    void whenABatchsFeaturesCannotBeReadEachRequestGoesToAPersonAndIsStillFiled() {
        var first = orders.place(store, unique("buyer"), "apparel", 1_000, now.minus(Duration.ofDays(3)));
        var second = orders.place(store, unique("buyer"), "apparel", 1_000, now.minus(Duration.ofDays(3)));
        jdbc.sql("alter table risk_account_links rename to risk_account_links_unavailable").update();
        TestApi.Response filed;
        try {
            filed = orderSystem.post("/api/v1/cases/batch", body("requests", List.of(
                    request(first, "REFUND_ONLY", "QUALITY_PROBLEM", 1_000), request(second, "REFUND_ONLY", "QUALITY_PROBLEM", 1_000))));
        } finally {
            jdbc.sql("alter table risk_account_links_unavailable rename to risk_account_links").update();
        }

        assertThat(filed.status()).as(filed.raw()).isEqualTo(200);
        assertThat(filed.json().path("opened").asInt()).isEqualTo(2);
        for (JsonNode result : filed.json().path("results")) {
            assertThat(result.path("decision").path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
            assertThat(codes(result.path("decision"))).containsExactly("FEATURES_UNAVAILABLE");
            assertThat(result.path("afterSalesCase").path("state").asString()).isEqualTo("REQUESTED");
        }
    }

    private JsonNode history(JsonNode result) {
        String caseId = result.path("afterSalesCase").path("id").asString();
        return orderSystem.get("/api/v1/cases/" + caseId + "/decisions").json().get(0).path("features").path("history");
    }

    @Test
    void theSameKeyReplaysTheAnswerWithoutFilingAgain() {
        var order = orders.place(store, unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3)));
        Map<String, Object> batch = body("requests", List.of(request(order, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000)));
        Map<String, String> key = Map.of("Idempotency-Key", unique("batch"));

        TestApi.Response first = orderSystem.post("/api/v1/cases/batch", batch, key);
        TestApi.Response again = orderSystem.post("/api/v1/cases/batch", batch, key);

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(rows("select count(*) from cases where order_id = ?", order.orderId())).isEqualTo(1);
        assertThat(rows("select count(*) from risk_decisions d join cases c on c.id = d.case_id where c.order_id = ?", order.orderId()))
                .isEqualTo(1);
    }

    @Test
    void aMalformedBatchIsRefusedWholeAndFilesNothing() {
        var order = orders.place(store, unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3)));
        var valid = request(order, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000);

        TestApi.Response missingType = orderSystem.post("/api/v1/cases/batch", body("requests", List.of(valid,
                body("orderId", order.orderId(), "reason", "OTHER", "requestedCents", 100))));
        TestApi.Response empty = orderSystem.post("/api/v1/cases/batch", body("requests", List.of()));
        TestApi.Response tooMany = orderSystem.post("/api/v1/cases/batch", body("requests",
                IntStream.range(0, 101).mapToObj(i -> valid).toList()));
        TestApi.Response notJson = orderSystem.postRaw("/api/v1/cases/batch", "{\"requests\": [", MediaType.APPLICATION_JSON);

        for (TestApi.Response refused : List.of(missingType, empty, tooMany)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("request.invalid");
        }
        assertThat(missingType.raw()).contains("requests[1].type");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("request.malformed");
        assertThat(rows("select count(*) from cases where order_id = ?", order.orderId())).isZero();
    }

    @Test
    void onlyTheOrderSystemFilesInBatches() {
        var order = orders.place(store, unique("buyer"), "apparel", 15_000, now.minus(Duration.ofDays(3)));
        Map<String, Object> batch = body("requests", List.of(request(order, "REFUND_ONLY", "QUALITY_PROBLEM", 15_000)));

        TestApi.Response buyer = as(buyerToken(order.buyerId())).post("/api/v1/cases/batch", batch);
        TestApi.Response merchant = as(merchantToken(store)).post("/api/v1/cases/batch", batch);

        assertThat(buyer.status()).as(buyer.raw()).isEqualTo(403);
        assertThat(merchant.status()).as(merchant.raw()).isEqualTo(403);
        assertThat(rows("select count(*) from cases where order_id = ?", order.orderId())).isZero();
    }
}
