package dev.candor.risk;

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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The merchant's one-click return-risk summary: the buyer masked, the history and links the decision read,
 * the restrictions in force with their scope, the latest decision; no other buyer named; not for buyers.
 */
class ReturnRiskSummaryIT extends IntegrationTest {

    @Test
    void theSummaryShowsTheMaskedBuyerHistoryLinksRestrictionsAndDecisionAndNamesNoOtherBuyer() {
        Instant now = Instant.parse("2026-09-01T08:00:00Z");
        clock.set(now);
        TestApi orderSystem = as(integrationToken());
        String store = unique("store");
        String otherStore = unique("store");
        String buyerId = unique("buyer");
        String linkedBuyer = unique("buyer");
        Orders orders = new Orders(orderSystem);
        TestApi buyer = as(buyerToken(buyerId));
        var first = orders.place(store, buyerId, "apparel", 5_000, now.minus(Duration.ofDays(3)));
        var second = orders.place(store, buyerId, "apparel", 3_000, now.minus(Duration.ofDays(3)));
        assertThat(buyer.post("/api/v1/cases", body("orderId", first.orderId(), "type", "REFUND_ONLY", "reason", "QUALITY_PROBLEM",
                "requestedCents", 5_000)).status()).isEqualTo(201);
        assertThat(buyer.post("/api/v1/cases", body("orderId", second.orderId(), "type", "RETURN_AND_REFUND", "reason", "QUALITY_PROBLEM",
                "requestedCents", 3_000)).status()).isEqualTo(201);
        TestApi reviewer = as(reviewerToken());
        for (var entry : List.of(body("storeId", store, "orderId", first.orderId()), body("storeId", otherStore))) {
            Map<String, Object> finding = new HashMap<>(body("subjectType", "BUYER", "subjectId", buyerId, "type", "RETURN_SWAP",
                    "rule", "Integrity rules 3.2", "reasoning", "confirmed on review", "evidenceIds", List.of(UUID.randomUUID())));
            finding.putAll(entry);
            TestApi.Response recorded = reviewer.post("/api/v1/integrity/entries", finding);
            assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        }
        orders.place(otherStore, linkedBuyer, "apparel", 1_000, now.minus(Duration.ofDays(3)));
        for (String who : List.of(buyerId, linkedBuyer)) {
            assertThat(orderSystem.post("/api/v1/risk/account-signals", body("buyerId", who, "kind", "DEVICE", "value", "device-" + buyerId))
                    .status()).isEqualTo(204);
        }
        var third = orders.place(store, buyerId, "apparel", 2_000, now.minus(Duration.ofDays(3)));
        TestApi.Response opened = buyer.post("/api/v1/cases", body("orderId", third.orderId(), "type", "RETURN_AND_REFUND",
                "reason", "QUALITY_PROBLEM", "requestedCents", 2_000));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String caseId = opened.text("id");

        TestApi.Response response = as(merchantToken(store)).get("/api/v1/cases/" + caseId + "/risk-summary");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode s = response.json();
        assertThat(s.path("buyer").path("phone").asString()).isEqualTo("138****5678");
        assertThat(s.path("buyer").path("name").asString()).isEqualTo("张*");
        assertThat(s.path("buyer").path("address").asString()).doesNotContain(buyerId);
        assertThat(response.raw()).doesNotContain(Orders.phoneOf(buyerId), linkedBuyer, "张伟");

        JsonNode days30 = s.path("history").get(0);
        assertThat(days30.path("days").asInt()).isEqualTo(30);
        assertThat(days30.path("claims").asInt()).isEqualTo(2);
        assertThat(days30.path("amountCents").asLong()).isEqualTo(8_000);
        assertThat(days30.path("refundOnlyShare").asDouble()).isEqualTo(0.5);
        assertThat(days30.path("earlyClaims").asInt()).isZero();
        assertThat(days30.path("abusive").asInt()).isEqualTo(1);
        assertThat(days30.path("abusiveShare").asDouble()).isEqualTo(0.5);
        assertThat(s.path("history").get(2).path("days").asInt()).isEqualTo(365);
        assertThat(s.path("linkedAccounts").path("count").asInt()).isEqualTo(1);

        Map<String, String> scopes = new HashMap<>();
        s.path("restrictions").forEach(r -> scopes.put(r.path("kind").asString(), r.path("scope").asString()));
        assertThat(scopes).containsExactlyInAnyOrderEntriesOf(Map.of("REFUND_ONLY_DISABLED", "PLATFORM",
                "AFTER_SALES_REJECTED_AT_STORE", "STORE"));
        JsonNode refundOnly = List.of(s.path("restrictions").get(0), s.path("restrictions").get(1)).stream()
                .filter(r -> r.path("kind").asString().equals("REFUND_ONLY_DISABLED")).findFirst().orElseThrow();
        assertThat(refundOnly.path("en").asString()).startsWith("Refund-only requests are disabled until ");
        assertThat(refundOnly.path("zh").asString()).startsWith("仅退款功能已停用");
        assertThat(Instant.parse(refundOnly.path("endsAt").asString())).isAfter(now);

        JsonNode decision = s.path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("REJECT");
        assertThat(decision.path("reasons").get(0).path("code").asString()).isEqualTo("RESTRICTION_AFTER_SALES_REJECTED_AT_STORE");
        assertThat(decision.path("reasons").get(0).path("zh").asString()).contains("申诉");

        assertThat(as(reviewerToken()).get("/api/v1/cases/" + caseId + "/risk-summary").status()).isEqualTo(200);
        assertThat(orderSystem.get("/api/v1/cases/" + caseId + "/risk-summary").status()).isEqualTo(200);
        assertThat(buyer.get("/api/v1/cases/" + caseId + "/risk-summary").status()).isEqualTo(403);
        assertThat(as(merchantToken(otherStore)).get("/api/v1/cases/" + caseId + "/risk-summary").status()).isEqualTo(404);
    }
}
