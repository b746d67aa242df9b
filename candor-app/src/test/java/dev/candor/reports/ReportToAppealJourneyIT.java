package dev.candor.reports;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.Orders.PlacedOrder;
import dev.candor.testing.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The integrity issue's walk from the merchant's one click to a clean record: report → confirm →
 * restriction → standing with reasons → appeal → revoke → standing clean.
 */
class ReportToAppealJourneyIT extends IntegrationTest {

    private static String permission(JsonNode standing, String action) {
        for (JsonNode a : standing.path("actions")) {
            if (a.path("action").asString().equals(action)) {
                return a.path("permission").asString();
            }
        }
        throw new AssertionError("no " + action + " in " + standing);
    }

    @Test
    void aConfirmedReportRestrictsTheBuyerUntilTheAppealRevokesIt() {
        clock.set(EPOCH);
        PlacedOrder order = new Orders(as(integrationToken())).place(unique("store"), unique("buyer"), "apparel", 20_000,
                EPOCH.minus(Duration.ofDays(2)));
        TestApi buyer = as(buyerToken(order.buyerId()));
        TestApi merchant = as(merchantToken(order.storeId()));
        TestApi reviewer = as(reviewerToken());
        String standingPath = "/api/v1/integrity/standing?buyerId=" + order.buyerId() + "&storeId=" + order.storeId();

        String caseId = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "RETURN_AND_REFUND",
                "reason", "NOT_AS_DESCRIBED", "requestedCents", 20_000)).text("id");
        var report = merchant.post("/api/v1/integrity/reports", body("type", "RETURN_SWAP", "caseId", caseId,
                "description", "an older coat with another label came back"));
        assertThat(report.status()).as(report.raw()).isEqualTo(201);
        assertThat(permission(buyer.get(standingPath).json(), "AFTER_SALES")).as("nothing before review").isEqualTo("ALLOWED");

        var confirmed = reviewer.post("/api/v1/integrity/reports/" + report.text("id") + "/confirmation",
                body("rule", "Integrity rules 3.2: return swap", "reasoning", "label and serial differ from the shipped coat"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);

        JsonNode restricted = buyer.get(standingPath).json();
        assertThat(permission(restricted, "AFTER_SALES")).isEqualTo("DENIED");
        JsonNode restriction = restricted.path("restrictions").get(0);
        assertThat(restriction.path("reason").path("en").asString()).isNotBlank();
        assertThat(restriction.path("reason").path("zh").asString()).isNotBlank();
        assertThat(restriction.path("entries").get(0).path("type").asString()).isEqualTo("RETURN_SWAP");
        assertThat(restriction.path("appeal").path("endpoint").asString()).isEqualTo("/api/v1/integrity/appeals");

        var appeal = buyer.post("/api/v1/integrity/appeals", body("restrictionId", restriction.path("id").asString(),
                "reason", "the coat I returned is the one I received"));
        assertThat(appeal.status()).as(appeal.raw()).isEqualTo(201);
        var revoked = reviewer.post("/api/v1/integrity/appeals/" + appeal.text("id") + "/decision",
                body("decision", "REVOKE", "reason", "the courier's weight record matches the shipped coat"));
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);

        JsonNode clean = buyer.get(standingPath).json();
        assertThat(clean.path("restrictions")).isEmpty();
        assertThat(permission(clean, "AFTER_SALES")).isEqualTo("ALLOWED");
    }
}
