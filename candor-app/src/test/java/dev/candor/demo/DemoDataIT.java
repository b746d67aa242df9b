package dev.candor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import dev.candor.testing.TestApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo a person sees after the README's first command: its keys work and its cases are where it says. */
@TestPropertySource(properties = "candor.demo-data.enabled=true")
class DemoDataIT extends IntegrationTest {

    private static List<String> states(JsonNode page) {
        List<String> states = new ArrayList<>();
        page.path("items").forEach(c -> states.add(c.path("state").asString()));
        return states;
    }

    @Test
    void theDemoCasesAreInTheirDocumentedStatesAndTheDocumentedKeysWork() {
        TestApi admin = as("cnd_demo-admin_demo");
        assertThat(states(admin.get("/api/v1/cases?size=200").json()))
                .containsExactlyInAnyOrder("REQUESTED", "AWAITING_RETURN", "IN_ARBITRATION", "CLOSED", "IN_ARBITRATION",
                        "REQUESTED", "REQUESTED", "REQUESTED", "REQUESTED", "REQUESTED");

        assertThat(as("cnd_demo-reviewer_demo").get("/api/v1/review-queue").json().path("total").asLong()).isEqualTo(2);
        assertThat(states(as("cnd_demo-buyer_demo").get("/api/v1/cases").json())).containsExactlyInAnyOrder("REQUESTED", "CLOSED");
        assertThat(as("cnd_demo-merchant2_demo").get("/api/v1/cases").json().path("total").asLong()).isEqualTo(2);

        JsonNode details = as("cnd_demo-merchant_demo").get("/api/v1/cases/" + caseOf(admin, "demo-order-1")).json();
        assertThat(details.path("buyer").path("phone").asString()).isEqualTo("139****5678");
        assertThat(details.path("allowedActions").toString()).contains("AGREE", "REFUSE", "OFFER_PARTIAL_REFUND");

        String braceletCase = caseOf(admin, "demo-order-3");
        JsonNode scan = as("cnd_demo-merchant2_demo").get("/api/v1/cases/" + braceletCase + "/forensics").json();
        assertThat(scan.path("images").get(0).path("verdict").asString()).isEqualTo("DERIVED_FROM_LISTING_EDITED");

        assertThat(admin.get("/api/v1/admin/audit/verification").json().path("intact").asBoolean()).isTrue();
    }

    private static String caseOf(TestApi api, String orderId) {
        return StreamSupport.stream(api.get("/api/v1/cases?size=200").json().path("items").spliterator(), false)
                .filter(c -> c.path("orderId").asString().equals(orderId)).findFirst().orElseThrow().path("id").asString();
    }

    private static List<String> codes(JsonNode decision) {
        return StreamSupport.stream(decision.path("reasons").spliterator(), false).map(r -> r.path("code").asString()).toList();
    }

    @Test
    void theDemoRequestsShowEveryDecisionAnEvidenceRequestThatTurnsIntoApprovalAndAConfirmedMerchantFlag() {
        TestApi admin = as("cnd_demo-admin_demo");
        Map<String, JsonNode> latest = new HashMap<>();
        for (int order = 1; order <= 12; order++) {
            if (order == 8 || order == 9) {
                continue;
            }
            String orderId = "demo-order-" + order;
            latest.put(orderId, admin.get("/api/v1/cases/" + caseOf(admin, orderId)).json().path("decision"));
        }
        assertThat(latest.get("demo-order-6").path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(codes(latest.get("demo-order-6"))).containsExactly("LOW_RISK");
        JsonNode coat = latest.get("demo-order-1");
        assertThat(coat.path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(coat.path("evidenceRequests").get(0).path("kind").asString()).isEqualTo("PHOTO_WITH_CODE");
        assertThat(coat.path("evidenceRequests").get(0).path("code").asString()).matches("[2-9A-HJKMNP-Z]{6}");
        assertThat(latest.get("demo-order-7").path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(codes(latest.get("demo-order-7"))).first().isEqualTo("REVIEW_SCORE");
        assertThat(latest.get("demo-order-10").path("outcome").asString()).isEqualTo("REJECT");
        assertThat(codes(latest.get("demo-order-10"))).containsExactly("RESTRICTION_REFUND_ONLY_DISABLED");

        JsonNode hat = admin.get("/api/v1/cases/" + caseOf(admin, "demo-order-11") + "/decisions").json();
        assertThat(hat.get(0).path("decision").path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(hat.get(0).path("decision").path("evidenceRequests").get(0).path("code").asString()).isNotBlank();
        assertThat(hat.get(hat.size() - 1).path("decision").path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(hat.get(hat.size() - 1).path("decision").path("stage").asString()).isEqualTo("EVIDENCE");
        assertThat(codes(hat.get(hat.size() - 1).path("decision"))).first().isEqualTo("EVIDENCE_SUPPLIED");

        String sweater = caseOf(admin, "demo-order-12");
        JsonNode flagged = admin.get("/api/v1/cases/" + sweater + "/decisions").json();
        assertThat(flagged.get(0).path("decision").path("outcome").asString()).isEqualTo("APPROVE_NOW");
        JsonNode afterFlag = flagged.get(flagged.size() - 1).path("decision");
        assertThat(afterFlag.path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(afterFlag.path("stage").asString()).isEqualTo("MERCHANT_FLAG");
        assertThat(codes(afterFlag)).first().isEqualTo("MERCHANT_FLAG_CONFIRMED");
        JsonNode reports = as("cnd_demo-reviewer_demo").get("/api/v1/integrity/reports").json().path("items");
        assertThat(StreamSupport.stream(reports.spliterator(), false).filter(r -> r.path("caseId").asString().equals(sweater)))
                .singleElement().satisfies(r -> {
                    assertThat(r.path("source").asString()).isEqualTo("DETECTION");
                    assertThat(r.path("type").asString()).isEqualTo("AI_GENERATED_IMAGE");
                    assertThat(r.path("status").asString()).isEqualTo("PENDING");
                });

        JsonNode summary = as("cnd_demo-merchant_demo").get("/api/v1/cases/" + caseOf(admin, "demo-order-10") + "/risk-summary").json();
        assertThat(summary.path("buyer").path("phone").asString()).isEqualTo("135****5555");
        assertThat(summary.path("restrictions").get(0).path("kind").asString()).isEqualTo("REFUND_ONLY_DISABLED");
        assertThat(summary.path("restrictions").get(0).path("scope").asString()).isEqualTo("PLATFORM");
    }
}
