package dev.candor.aftersales;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.aftersales.application.RunDeadlines;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.Orders.PlacedOrder;
import dev.candor.testing.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The after-sales journeys of the foundation issue, end to end over HTTP on a real PostgreSQL. */
class CaseJourneysIT extends IntegrationTest {

    @Autowired
    RunDeadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    TestApi orderSystem;
    TestApi merchant;
    TestApi buyer;
    TestApi reviewer;
    PlacedOrder order;

    @BeforeEach
    void placeAnOrder() {
        clock.set(EPOCH);
        String store = unique("store");
        String buyerId = unique("buyer");
        orderSystem = as(integrationToken());
        merchant = as(merchantToken(store));
        buyer = as(buyerToken(buyerId));
        reviewer = as(reviewerToken());
        order = new Orders(orderSystem).place(store, buyerId, "apparel", 30_000, EPOCH.minus(Duration.ofDays(1)));
    }

    private JsonNode open(String type, String reason, long cents) {
        var response = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", type, "reason", reason,
                "description", "the seam is torn", "requestedCents", cents));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(TestApi.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private static List<String> actions(JsonNode view) {
        List<String> actions = new ArrayList<>();
        view.path("timeline").forEach(e -> actions.add(e.path("action").asString()));
        return actions;
    }

    @Test
    void refundOnlyAgreedByTheMerchantIsRefundedAndClosed() {
        String id = open("REFUND_ONLY", "QUALITY_PROBLEM", 30_000).path("id").asString();
        JsonNode agreed = ok(merchant.post("/api/v1/cases/" + id + "/agree", body()));
        assertThat(agreed.path("state").asString()).isEqualTo("REFUNDING");
        assertThat(agreed.path("refund").path("amountCents").asLong()).isEqualTo(30_000);

        JsonNode closed = ok(orderSystem.post("/api/v1/cases/" + id + "/refund-confirmation",
                body("amountCents", 30_000, "reference", "pay-1")));
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(actions(closed)).containsExactly("OPEN", "RISK_DECISION", "AGREE", "CONFIRM_REFUND");
        JsonNode agree = closed.path("timeline").get(2);
        assertThat(agree.path("actorKind").asString()).isEqualTo("MERCHANT");
        assertThat(agree.path("from").asString()).isEqualTo("REQUESTED");
        assertThat(agree.path("to").asString()).isEqualTo("REFUNDING");
        assertThat(agree.path("rule").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from audit_log where subject_id = ? and action <> 'risk.decided'").param(id)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void refusedThenEscalatedIsJudgedForTheBuyerAndEnforced() {
        String id = open("REFUND_ONLY", "QUALITY_PROBLEM", 30_000).path("id").asString();
        ok(merchant.post("/api/v1/cases/" + id + "/refuse", body("reason", "the coat left the warehouse intact")));
        ok(buyer.post("/api/v1/cases/" + id + "/escalate", body("reason", "the photos show the torn seam")));

        JsonNode queue = ok(reviewer.get("/api/v1/review-queue?size=200"));
        assertThat(queue.path("items").findValuesAsString("id")).contains(id);

        var unjustified = reviewer.post("/api/v1/cases/" + id + "/judgment", body("outcome", "FULL_REFUND", "amountCents", 0,
                "rule", " ", "reasoning", "defect"));
        assertThat(unjustified.status()).isEqualTo(400);

        JsonNode judged = ok(reviewer.post("/api/v1/cases/" + id + "/judgment", body("outcome", "PARTIAL_REFUND",
                "amountCents", 20_000, "rule", "apparel-standard 4.2: visible seam defect", "reasoning", "torn seam, worn once")));
        assertThat(judged.path("state").asString()).isEqualTo("JUDGED");
        assertThat(judged.path("judgment").path("amountCents").asLong()).isEqualTo(20_000);

        JsonNode enforced = ok(reviewer.post("/api/v1/cases/" + id + "/enforcement", body()));
        assertThat(enforced.path("state").asString()).isEqualTo("REFUNDING");
        assertThat(enforced.path("refund").path("amountCents").asLong()).isEqualTo(20_000);

        JsonNode refunded = ok(orderSystem.post("/api/v1/cases/" + id + "/refund-confirmation", body("amountCents", 20_000)));
        assertThat(refunded.path("state").asString()).isEqualTo("APPEALABLE");
        assertThat(actions(refunded)).containsExactly("OPEN", "RISK_DECISION", "REFUSE", "ESCALATE", "JUDGE", "ENFORCE", "CONFIRM_REFUND");
    }

    @Test
    void overdueArbitrationsSurfaceFirstInTheReviewQueue() {
        clock.set(EPOCH.minus(Duration.ofDays(400)));
        PlacedOrder early = new Orders(orderSystem).place(order.storeId(), order.buyerId(), "apparel", 1_000, clock.instant());
        String first = escalated(early.orderId());
        clock.addDays(3);
        PlacedOrder later = new Orders(orderSystem).place(order.storeId(), order.buyerId(), "apparel", 1_000, clock.instant());
        String second = escalated(later.orderId());
        clock.addDays(3);

        JsonNode items = ok(reviewer.get("/api/v1/review-queue?size=2")).path("items");
        assertThat(items.get(0).path("id").asString()).isEqualTo(first);
        assertThat(items.get(0).path("deadline").path("overdue").asBoolean()).isTrue();
        assertThat(items.get(1).path("id").asString()).isEqualTo(second);
        assertThat(items.get(1).path("deadline").path("overdue").asBoolean()).isFalse();
    }

    private String escalated(String orderId) {
        String id = buyer.post("/api/v1/cases", body("orderId", orderId, "type", "REFUND_ONLY", "reason", "QUALITY_PROBLEM",
                "requestedCents", 1_000)).text("id");
        ok(merchant.post("/api/v1/cases/" + id + "/refuse", body("reason", "no defect")));
        ok(buyer.post("/api/v1/cases/" + id + "/escalate", body()));
        return id;
    }

    @Test
    void aReturnSwapFoundAtInspectionGoesToArbitrationAndIsRejected() {
        String id = open("RETURN_AND_REFUND", "NOT_AS_DESCRIBED", 30_000).path("id").asString();
        ok(merchant.post("/api/v1/cases/" + id + "/agree", body()));
        ok(buyer.post("/api/v1/cases/" + id + "/return-shipment", body("carrier", "SF Express", "trackingNumber", "SF1234567")));
        ok(merchant.post("/api/v1/cases/" + id + "/return-receipt", body()));
        JsonNode swapped = ok(merchant.post("/api/v1/cases/" + id + "/inspection", body("result", "RETURN_SWAP",
                "note", "returned coat is an older model with another label")));
        assertThat(swapped.path("state").asString()).isEqualTo("IN_ARBITRATION");
        assertThat(swapped.path("inspection").path("failure").asString()).isEqualTo("RETURN_SWAP");

        JsonNode judged = ok(reviewer.post("/api/v1/cases/" + id + "/judgment", body("outcome", "REQUEST_REJECTED",
                "rule", "return-swap: the returned item is not the item sold", "reasoning", "label photos differ")));
        assertThat(judged.path("judgment").path("outcome").asString()).isEqualTo("REQUEST_REJECTED");
        assertThat(deadlines.runDue()).isGreaterThanOrEqualTo(1);
        JsonNode enforced = ok(reviewer.get("/api/v1/cases/" + id));
        assertThat(enforced.path("state").asString()).isEqualTo("APPEALABLE");
        assertThat(enforced.path("timeline").get(enforced.path("timeline").size() - 1).path("actorKind").asString())
                .isEqualTo("SYSTEM");
    }

    @Test
    void aSilentMerchantIsDeemedToAgreeAfter48Hours() {
        String id = open("REFUND_ONLY", "QUALITY_PROBLEM", 10_000).path("id").asString();
        clock.advance(Duration.ofHours(47));
        deadlines.runDue();
        assertThat(ok(buyer.get("/api/v1/cases/" + id)).path("state").asString()).isEqualTo("REQUESTED");

        clock.advance(Duration.ofHours(1));
        var late = merchant.post("/api/v1/cases/" + id + "/refuse", body("reason", "too late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("case.deadline-passed");

        deadlines.runDue();
        JsonNode agreed = ok(buyer.get("/api/v1/cases/" + id));
        assertThat(agreed.path("state").asString()).isEqualTo("REFUNDING");
        JsonNode last = agreed.path("timeline").get(2);
        assertThat(last.path("action").asString()).isEqualTo("AUTO_AGREE");
        assertThat(last.path("actorKind").asString()).isEqualTo("SYSTEM");
        assertThat(last.path("rule").asString()).contains("merchant-response");
    }

    @Test
    void aBuyerWhoNeverShipsTheReturnHasTheCaseClosed() {
        String id = open("RETURN_AND_REFUND", "NO_LONGER_WANTED", 10_000).path("id").asString();
        ok(merchant.post("/api/v1/cases/" + id + "/agree", body()));
        clock.addDays(7);
        deadlines.runDue();
        JsonNode closed = ok(buyer.get("/api/v1/cases/" + id));
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(actions(closed)).containsExactly("OPEN", "RISK_DECISION", "AGREE", "AUTO_CLOSE");
        var tooLate = buyer.post("/api/v1/cases/" + id + "/return-shipment", body("carrier", "SF", "trackingNumber", "SF9"));
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("case.illegal-transition");
    }

    @Test
    void anAppealIsAcceptedWithinTheWindowAndRefusedAfterIt() {
        String inTime = judgedRejection();
        clock.addDays(29);
        JsonNode appealed = ok(merchant.post("/api/v1/cases/" + inTime + "/appeal", body("reason", "more photos")));
        assertThat(appealed.path("state").asString()).isEqualTo("IN_APPEAL");
        JsonNode upheld = ok(reviewer.post("/api/v1/cases/" + inTime + "/appeal-decision",
                body("decision", "UPHOLD", "reasoning", "the new photos show the same swap")));
        assertThat(upheld.path("state").asString()).isEqualTo("CLOSED");

        clock.set(EPOCH);
        placeAnOrder();
        String late = judgedRejection();
        clock.addDays(30);
        var refused = buyer.post("/api/v1/cases/" + late + "/appeal", body("reason", "I disagree"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("case.deadline-passed");
        deadlines.runDue();
        assertThat(ok(buyer.get("/api/v1/cases/" + late)).path("state").asString()).isEqualTo("CLOSED");
    }

    private String judgedRejection() {
        String id = open("REFUND_ONLY", "QUALITY_PROBLEM", 10_000).path("id").asString();
        ok(merchant.post("/api/v1/cases/" + id + "/refuse", body("reason", "photo is the listing photo, edited")));
        ok(buyer.post("/api/v1/cases/" + id + "/escalate", body()));
        ok(reviewer.post("/api/v1/cases/" + id + "/judgment", body("outcome", "REQUEST_REJECTED",
                "rule", "forged evidence", "reasoning", "the evidence photo is the seller's listing photo with a painted stain")));
        ok(reviewer.post("/api/v1/cases/" + id + "/enforcement", body()));
        return id;
    }

    @Test
    void aReplayedCreateReturnsTheSameCaseAndAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        var request = body("orderId", order.orderId(), "type", "REFUND_ONLY", "reason", "QUALITY_PROBLEM", "requestedCents", 5_000);
        var first = buyer.post("/api/v1/cases", request, Map.of("Idempotency-Key", key));
        var replay = buyer.post("/api/v1/cases", request, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.text("id")).isEqualTo(first.text("id"));

        var other = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY", "reason", "OTHER",
                "requestedCents", 5_000), Map.of("Idempotency-Key", key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency.key-reused");

        var second = buyer.post("/api/v1/cases", request);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("case.already-open");
        assertThat(jdbc.sql("select count(*) from cases where order_id = ?").param(order.orderId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anotherStoresMerchantAndAnotherBuyerCannotSeeOrTouchTheCase() {
        String id = open("REFUND_ONLY", "QUALITY_PROBLEM", 10_000).path("id").asString();
        TestApi otherMerchant = as(merchantToken(unique("store")));
        TestApi otherBuyer = as(buyerToken(unique("buyer")));
        for (TestApi stranger : List.of(otherMerchant, otherBuyer)) {
            assertThat(stranger.get("/api/v1/cases/" + id).status()).isEqualTo(404);
            assertThat(stranger.post("/api/v1/cases/" + id + "/agree", body()).status()).isEqualTo(404);
            assertThat(stranger.post("/api/v1/cases/" + id + "/cancel", body()).status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/cases?size=200").json().path("items").findValuesAsString("id")).doesNotContain(id);
        }
        assertThat(otherBuyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY",
                "reason", "OTHER", "requestedCents", 100)).status()).isEqualTo(404);
        assertThat(ok(buyer.get("/api/v1/cases/" + id)).path("state").asString()).isEqualTo("REQUESTED");
        assertThat(merchant.get("/api/v1/review-queue").status()).isEqualTo(403);
    }

    @Test
    void merchantsSeeOnlyMaskedBuyerDetails() {
        String id = open("REFUND_ONLY", "QUALITY_PROBLEM", 10_000).path("id").asString();
        JsonNode seenByMerchant = ok(merchant.get("/api/v1/cases/" + id)).path("buyer");
        assertThat(seenByMerchant.path("name").asString()).isEqualTo("张*");
        assertThat(seenByMerchant.path("phone").asString()).isEqualTo("138****5678");
        assertThat(seenByMerchant.path("address").asString()).startsWith("浙江省杭州市").endsWith("****").doesNotContain("501");
        JsonNode seenByBuyer = ok(buyer.get("/api/v1/cases/" + id)).path("buyer");
        assertThat(seenByBuyer.path("phone").asString()).isEqualTo(Orders.phoneOf(order.buyerId()));
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        String id = open("REFUND_ONLY", "QUALITY_PROBLEM", 10_000).path("id").asString();
        assertThat(merchant.get("/api/v1/cases/" + UUID.randomUUID()).code()).isEqualTo("resource.not-found");
        assertThat(merchant.get("/api/v1/cases/not-a-uuid").code()).isEqualTo("request.invalid");

        var illegal = merchant.post("/api/v1/cases/" + id + "/return-receipt", body());
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.code()).isEqualTo("case.illegal-transition");
        assertThat(illegal.json().path("allowedActions").toString()).contains("AGREE", "REFUSE");

        var malformed = merchant.postRaw("/api/v1/cases/" + id + "/refuse", "{\"reason\": ", MediaType.APPLICATION_JSON);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed");

        var badEnum = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "STEAL", "reason", "OTHER",
                "requestedCents", 1));
        assertThat(badEnum.status()).isEqualTo(400);

        var unknownEvidence = merchant.post("/api/v1/cases/" + id + "/refuse", body("reason", "x", "evidenceIds",
                List.of(UUID.randomUUID())));
        assertThat(unknownEvidence.status()).isEqualTo(400);
        assertThat(unknownEvidence.code()).isEqualTo("request.invalid");

        assertThat(buyer.post("/api/v1/cases/" + id + "/cancel", body()).status()).isEqualTo(200);
        var overAmount = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY",
                "reason", "QUALITY_PROBLEM", "requestedCents", 30_001));
        assertThat(overAmount.status()).isEqualTo(400);
        assertThat(overAmount.code()).isEqualTo("request.invalid");

        assertThat(actions(ok(buyer.get("/api/v1/cases/" + id)))).containsExactly("OPEN", "RISK_DECISION", "CANCEL");
    }

    @Test
    void complaintsAfterTheWindowAreRefused() {
        PlacedOrder old = new Orders(orderSystem).place(order.storeId(), order.buyerId(), "apparel", 10_000,
                EPOCH.minus(Duration.ofDays(61)));
        var refused = buyer.post("/api/v1/cases", body("orderId", old.orderId(), "type", "REFUND_ONLY",
                "reason", "QUALITY_PROBLEM", "requestedCents", 1_000));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("case.complaint-window-closed");
    }

    @Test
    void deadlineRunnersOnSeveralNodesActOnEachCaseOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            PlacedOrder o = new Orders(orderSystem).place(order.storeId(), order.buyerId(), "apparel", 1_000, EPOCH);
            ids.add(buyer.post("/api/v1/cases", body("orderId", o.orderId(), "type", "REFUND_ONLY", "reason", "OTHER",
                    "requestedCents", 1_000)).text("id"));
        }
        clock.addDays(3);
        var a = CompletableFuture.supplyAsync(deadlines::runDue);
        var b = CompletableFuture.supplyAsync(deadlines::runDue);
        int moved = a.get() + b.get();
        assertThat(moved).isGreaterThanOrEqualTo(ids.size());
        for (String id : ids) {
            assertThat(jdbc.sql("select count(*) from case_timeline where case_id = ?::uuid and action = 'AUTO_AGREE'")
                    .param(id).query(Long.class).single()).isEqualTo(1);
        }
    }
}
