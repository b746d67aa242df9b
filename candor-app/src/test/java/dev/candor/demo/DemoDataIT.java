package dev.candor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import dev.candor.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
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
                .containsExactlyInAnyOrder("REQUESTED", "AWAITING_RETURN", "IN_ARBITRATION", "CLOSED", "IN_ARBITRATION");

        assertThat(as("cnd_demo-reviewer_demo").get("/api/v1/review-queue").json().path("total").asLong()).isEqualTo(2);
        assertThat(states(as("cnd_demo-buyer_demo").get("/api/v1/cases").json())).containsExactlyInAnyOrder("REQUESTED", "CLOSED");
        assertThat(as("cnd_demo-merchant2_demo").get("/api/v1/cases").json().path("total").asLong()).isEqualTo(1);

        JsonNode merchantView = as("cnd_demo-merchant_demo").get("/api/v1/cases?state=REQUESTED").json().path("items").get(0);
        JsonNode details = as("cnd_demo-merchant_demo").get("/api/v1/cases/" + merchantView.path("id").asString()).json();
        assertThat(details.path("buyer").path("phone").asString()).isEqualTo("139****5678");
        assertThat(details.path("allowedActions").toString()).contains("AGREE", "REFUSE", "OFFER_PARTIAL_REFUND");

        String braceletCase = as("cnd_demo-merchant2_demo").get("/api/v1/cases").json().path("items").get(0).path("id").asString();
        JsonNode scan = as("cnd_demo-merchant2_demo").get("/api/v1/cases/" + braceletCase + "/forensics").json();
        assertThat(scan.path("images").get(0).path("verdict").asString()).isEqualTo("DERIVED_FROM_LISTING_EDITED");

        assertThat(admin.get("/api/v1/admin/audit/verification").json().path("intact").asBoolean()).isTrue();
    }
}
