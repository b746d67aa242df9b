package dev.candor.risk;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.photoforensics.StagePhotos;
import dev.candor.photoforensics.application.RunForensicStage;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The asynchronous stage revises the decision: a strong finding sends an approved request to a person, a clean
 * scan keeps it, a late scan sends it to a person until the scan arrives. The test runs the forensic stage's
 * workers itself, as a node's poll would.
 */
class ForensicRevisionIT extends IntegrationTest {

    private static final AtomicLong TESTS = new AtomicLong();
    private static final Instant LATER = Instant.parse("2032-01-01T00:00:00Z");

    @Autowired
    RunForensicStage stage;
    @Autowired
    JdbcClient jdbc;

    TestApi admin;
    String subscriptionId;

    record Filed(String caseId, TestApi buyer, String code) {
        String state() {
            return buyer.get("/api/v1/cases/" + caseId).json().path("state").asString();
        }
    }

    @BeforeEach
    void setUp() {
        clock.set(LATER.plus(Duration.ofDays(30 * TESTS.incrementAndGet())));
        stage.runDue();
        admin = as(adminToken());
        TestApi.Response subscribed = admin.post("/api/v1/admin/webhooks", body("url", "http://127.0.0.1:9/risk",
                "eventTypes", List.of("case.decision-made")));
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        subscriptionId = subscribed.text("id");
    }

    @AfterEach
    void unsubscribe() {
        admin.delete("/api/v1/admin/webhooks/" + subscriptionId);
    }

    private Filed fileAndAnswer(byte[] first) {
        TestApi orderSystem = as(integrationToken());
        var order = new Orders(orderSystem).place(unique("store"), unique("buyer"), "apparel", 30_000, clock.instant().minus(Duration.ofDays(2)));
        assertThat(orderSystem.put("/api/v1/listings/" + order.listingId(), body("storeId", order.storeId(), "title", "Wool coat",
                "category", "apparel", "priceCents", 30_000, "currency", "CNY", "photos", List.of(body("photoId", "main")))).status())
                .isEqualTo(200);
        assertThat(orderSystem.putBytes("/api/v1/listings/" + order.listingId() + "/photos/main", StagePhotos.listing(), "image/jpeg")
                .status()).isBetween(200, 201);
        assertThat(as(merchantToken(order.storeId())).put("/api/v1/risk/stores/" + order.storeId() + "/settings",
                body("fastApproval", true)).status()).isEqualTo(200);
        TestApi buyer = as(buyerToken(order.buyerId()));
        TestApi.Response opened = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY",
                "reason", "QUALITY_PROBLEM", "requestedCents", 30_000));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.json().path("decision").path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        Filed filed = new Filed(opened.text("id"), buyer, opened.json().path("decision").path("evidenceRequests").get(0).path("code").asString());
        long seed = 9_000 + 10 * TESTS.get();
        upload(filed, first);
        upload(filed, StagePhotos.unrelated(seed));
        upload(filed, StagePhotos.unrelated(seed + 1));
        JsonNode answered = decision(filed);
        assertThat(answered.path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(codes(answered)).contains("FORENSICS_PENDING");
        assertThat(filed.state()).as("not approved at once before the photos are checked").isEqualTo("REQUESTED");
        return filed;
    }

    @Test
    void aPaintedListingPhotoTurnsTheFastRefundIntoAReviewOnTheTimelineAndInAWebhook() {
        Filed filed = fileAndAnswer(StagePhotos.listingWithPaintedCrack());
        assertThat(stage.runDue()).contains(RunForensicStage.Outcome.COMPLETED);
        JsonNode revised = decision(filed);
        assertThat(revised.path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(revised.path("stage").asString()).isEqualTo("FORENSICS");
        assertThat(codes(revised).getFirst()).isEqualTo("FORENSIC_FINDING");
        assertThat(filed.state()).isEqualTo("REQUESTED");
        assertThat(revised.path("reasons").get(0).path("zh").asString()).contains("照片");
        JsonNode timeline = filed.buyer().get("/api/v1/cases/" + filed.caseId()).json().path("timeline");
        JsonNode entry = StreamSupport.stream(timeline.spliterator(), false)
                .filter(e -> e.path("action").asString().equals("RISK_DECISION")).reduce((a, b) -> b).orElseThrow();
        assertThat(entry.path("detail").path("previousOutcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(entry.path("evidenceIds").size()).as("the revision cites the photos").isPositive();
        List<String> payloads = jdbc.sql("select payload from webhook_outbox where subscription_id = ?::uuid and event_type = 'case.decision-made'")
                .param(subscriptionId).query(String.class).list();
        assertThat(payloads).anySatisfy(p -> assertThat(p).contains(filed.caseId()).contains("\"stage\":\"FORENSICS\"")
                .contains("\"outcome\":\"SEND_TO_REVIEW\"").contains("\"previousOutcome\":\"APPROVE_NOW\""));
    }

    @Test
    void aCleanScanKeepsTheApprovalAndSaysSo() {
        Filed filed = fileAndAnswer(StagePhotos.unrelated(8_000 + TESTS.get()));
        assertThat(stage.runDue()).contains(RunForensicStage.Outcome.COMPLETED);
        JsonNode revised = decision(filed);
        assertThat(revised.path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(revised.path("stage").asString()).isEqualTo("FORENSICS");
        assertThat(codes(revised)).contains("FORENSICS_CLEAN").doesNotContain("FORENSIC_FINDING", "FORENSICS_PENDING");
        assertThat(filed.state()).as("the store opted in: approved once the photos are checked").isEqualTo("REFUNDING");
    }

    @Test
    void aScanThatRunsLateSendsTheRequestToAPersonUntilItArrives() {
        Filed filed = fileAndAnswer(StagePhotos.unrelated(8_500 + TESTS.get()));
        clock.set(clock.instant().plus(Duration.ofSeconds(31)));
        assertThat(stage.reportOverdue()).isPositive();
        JsonNode late = decision(filed);
        assertThat(late.path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(codes(late)).containsExactly("FORENSICS_LATE");
        assertThat(filed.state()).isEqualTo("REQUESTED");
        assertThat(stage.runDue()).contains(RunForensicStage.Outcome.COMPLETED);
        JsonNode arrived = decision(filed);
        assertThat(arrived.path("outcome").asString()).isEqualTo("APPROVE_NOW");
        assertThat(codes(arrived)).contains("FORENSICS_CLEAN");
        assertThat(filed.state()).isEqualTo("REFUNDING");
    }

    private JsonNode decision(Filed filed) {
        return filed.buyer().get("/api/v1/cases/" + filed.caseId()).json().path("decision");
    }

    private static List<String> codes(JsonNode decision) {
        return StreamSupport.stream(decision.path("reasons").spliterator(), false).map(r -> r.path("code").asString()).toList();
    }

    private static void upload(Filed c, byte[] jpeg) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(jpeg) {
            @Override
            public String getFilename() {
                return "IMG_" + UUID.randomUUID() + ".jpg";
            }
        });
        TestApi.Response uploaded = c.buyer().postMultipart("/api/v1/cases/" + c.caseId() + "/evidence", parts, Map.of());
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
    }
}
