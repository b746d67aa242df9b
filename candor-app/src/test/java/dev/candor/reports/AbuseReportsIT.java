package dev.candor.reports;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.evidence.EvidenceFixtures;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.Orders.PlacedOrder;
import dev.candor.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * Abuse reports over HTTP on a real PostgreSQL: merchants report from a case or an order, reviewers decide
 * once (even at the same moment), a confirmation records exactly one ledger entry, complainant tiers follow
 * accuracy over the rolling window and order the review queue, and a store turning malicious is reported.
 */
class AbuseReportsIT extends IntegrationTest {

    private static final String REPORTS = "/api/v1/integrity/reports";

    @Autowired
    JdbcClient jdbc;

    TestApi orderSystem;
    TestApi reviewer;
    PlacedOrder order;
    TestApi merchant;
    TestApi buyer;
    String caseId;
    String evidenceId;

    @BeforeEach
    void aCaseWithEvidence() {
        clock.set(EPOCH);
        orderSystem = as(integrationToken());
        reviewer = as(reviewerToken());
        order = place(unique("store"));
        merchant = as(merchantToken(order.storeId()));
        buyer = as(buyerToken(order.buyerId()));
        caseId = openCase(order);
        evidenceId = upload(caseId);
    }

    private PlacedOrder place(String storeId) {
        return new Orders(orderSystem).place(storeId, unique("buyer"), "apparel", 20_000, clock.instant().minus(Duration.ofDays(1)));
    }

    private String openCase(PlacedOrder placed) {
        var opened = as(buyerToken(placed.buyerId())).post("/api/v1/cases", body("orderId", placed.orderId(), "type", "REFUND_ONLY",
                "reason", "QUALITY_PROBLEM", "description", "mould on the collar", "requestedCents", placed.totalCents()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.text("id");
    }

    private String upload(String onCase) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.IMAGE_JPEG);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(EvidenceFixtures.jpeg(40, 30)) {
            @Override
            public String getFilename() {
                return "mould.jpg";
            }
        }, partHeaders));
        var uploaded = as(adminToken()).postMultipart("/api/v1/cases/" + onCase + "/evidence", parts, Map.of());
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        return uploaded.text("id");
    }

    private static JsonNode status(int expected, TestApi.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(expected);
        return response.json();
    }

    private JsonNode reportFromOrder(TestApi who, PlacedOrder about, String type) {
        return status(201, who.post(REPORTS, body("type", type, "orderId", about.orderId(), "description", "kept the goods")));
    }

    private JsonNode confirm(String reportId) {
        return status(200, reviewer.post(REPORTS + "/" + reportId + "/confirmation",
                body("rule", "integrity rule 3.2", "reasoning", "the photo is the listing photo with mould painted on")));
    }

    private JsonNode reject(String reportId) {
        return status(200, reviewer.post(REPORTS + "/" + reportId + "/rejection",
                body("rule", "integrity rule 3.2", "reasoning", "the defect is real")));
    }

    private long ledgerEntries(String reportId) {
        return jdbc.sql("select count(*) from integrity_entries where source_key = ?").param("report:" + reportId)
                .query(Long.class).single();
    }

    private long reportsOfStore(String storeId) {
        return jdbc.sql("select count(*) from abuse_reports where store_id = ?").param(storeId).query(Long.class).single();
    }

    /** A store whose merchant filed reports and had {@code confirmed} of them confirmed and {@code rejected} rejected. */
    private PlacedOrder complainant(int confirmed, int rejected) {
        PlacedOrder placed = place(unique("store"));
        TestApi itsMerchant = as(merchantToken(placed.storeId()));
        for (int i = 0; i < confirmed + rejected; i++) {
            String id = reportFromOrder(itsMerchant, placed, "ABNORMAL_REFUND_ONLY").path("id").asString();
            if (i < confirmed) {
                confirm(id);
            } else {
                reject(id);
            }
        }
        return placed;
    }

    private JsonNode standing(String storeId) {
        return status(200, reviewer.get("/api/v1/integrity/complainants/" + storeId));
    }

    /** The ids among {@code ours} in the order the review queue lists them (the queue is shared with other tests). */
    private List<String> queueOrderOf(List<String> ours) {
        List<String> seen = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = status(200, reviewer.get("/api/v1/integrity/report-queue?size=200&page=" + page)).path("items");
            if (items.isEmpty()) {
                return seen;
            }
            items.forEach(item -> {
                if (ours.contains(item.path("id").asString())) {
                    seen.add(item.path("id").asString());
                }
            });
        }
    }

    @Test
    void aMerchantReportsFromACaseWithItsEvidenceAndFromAnOrderAndSeesTheBuyerMasked() {
        JsonNode fromCase = status(201, merchant.post(REPORTS, body("type", "AI_GENERATED_IMAGE", "caseId", caseId,
                "description", "the buyer's photo is our listing photo with mould painted on", "evidenceIds", List.of(evidenceId))));
        assertThat(fromCase.path("status").asString()).isEqualTo("PENDING");
        assertThat(fromCase.path("source").asString()).isEqualTo("REPORT");
        assertThat(fromCase.path("subject").path("type").asString()).isEqualTo("BUYER");
        assertThat(fromCase.path("subject").path("id").asString()).isEqualTo(order.buyerId());
        assertThat(fromCase.path("orderId").asString()).isEqualTo(order.orderId());
        assertThat(fromCase.path("evidenceIds").get(0).asString()).isEqualTo(evidenceId);
        assertThat(fromCase.path("buyer").path("name").asString()).isEqualTo("张*");
        assertThat(fromCase.path("buyer").path("phone").asString()).isEqualTo("138****5678");
        assertThat(fromCase.path("forensics").path("available").asBoolean()).isTrue();
        assertThat(Instant.parse(fromCase.path("dueAt").asString())).isEqualTo(EPOCH.plus(Duration.ofHours(24)));
        assertThat(fromCase.path("complainant").path("tier").asString()).isEqualTo("ORDINARY");
        assertThat(fromCase.path("complainant").path("weight").asDouble()).isEqualTo(0.6);

        clock.advance(Duration.ofMinutes(1));
        JsonNode fromOrder = reportFromOrder(merchant, order, "RETURN_SWAP");
        assertThat(fromOrder.path("caseId").isMissingNode()).isTrue();
        assertThat(fromOrder.path("subject").path("id").asString()).isEqualTo(order.buyerId());

        JsonNode mine = status(200, merchant.get(REPORTS + "?status=PENDING"));
        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(mine.path("items").get(0).path("id").asString()).isEqualTo(fromOrder.path("id").asString());
        assertThat(mine.toString()).doesNotContain(Orders.phoneOf(order.buyerId()));
        JsonNode asStaff = status(200, reviewer.get(REPORTS + "/" + fromCase.path("id").asString()));
        assertThat(asStaff.path("buyer").path("phone").asString()).isEqualTo(Orders.phoneOf(order.buyerId()));
        assertThat(status(200, as(merchantToken(unique("store"))).get(REPORTS)).path("total").asLong()).isZero();
        assertThat(as(merchantToken(unique("store"))).get(REPORTS + "/" + fromCase.path("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void anotherStoresCaseOrOrderAnswers404AndEvidenceOfAnotherCaseIsRefused() {
        TestApi stranger = as(merchantToken(unique("store")));
        var caseRefused = stranger.post(REPORTS, body("type", "EDITED_IMAGE", "caseId", caseId, "description", "x"));
        var orderRefused = stranger.post(REPORTS, body("type", "FAKE_RETURN", "orderId", order.orderId(), "description", "x"));
        assertThat(caseRefused.status()).as(caseRefused.raw()).isEqualTo(404);
        assertThat(orderRefused.status()).as(orderRefused.raw()).isEqualTo(404);
        assertThat(caseRefused.code()).isEqualTo("resource.not-found");

        PlacedOrder second = new Orders(orderSystem).place(order.storeId(), unique("buyer"), "apparel", 5_000,
                EPOCH.minus(Duration.ofDays(1)));
        String otherEvidence = upload(openCase(second));
        var foreignEvidence = merchant.post(REPORTS, body("type", "WEB_IMAGE", "caseId", caseId, "description", "x",
                "evidenceIds", List.of(otherEvidence)));
        assertThat(foreignEvidence.status()).as(foreignEvidence.raw()).isEqualTo(400);
        assertThat(foreignEvidence.code()).isEqualTo("request.invalid");
        var merchantSideType = merchant.post(REPORTS, body("type", "MALICIOUS_REPORTING", "orderId", order.orderId(), "description", "x"));
        assertThat(merchantSideType.status()).as(merchantSideType.raw()).isEqualTo(400);
        var noTarget = merchant.post(REPORTS, body("type", "WEB_IMAGE", "description", "x"));
        assertThat(noTarget.status()).as(noTarget.raw()).isEqualTo(400);
        assertThat(buyer.post(REPORTS, body("type", "WEB_IMAGE", "caseId", caseId, "description", "x")).status()).isEqualTo(403);
        assertThat(reportsOfStore(order.storeId())).isZero();
    }

    @Test
    void aConfirmationRecordsOneLedgerEntryAndAReportIsDecidedOnce() {
        String confirmedId = reportFromOrder(merchant, order, "ABNORMAL_REFUND_ONLY").path("id").asString();
        JsonNode confirmed = status(200, reviewer.post(REPORTS + "/" + confirmedId + "/confirmation", body("rule", "integrity rule 3.2",
                "reasoning", "refund-only on three orders with the same photo", "evidenceIds", List.of())));
        assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("decision").path("rule").asString()).isEqualTo("integrity rule 3.2");
        assertThat(confirmed.path("decision").path("ledgerEntryId").asString()).isNotBlank();
        assertThat(ledgerEntries(confirmedId)).isEqualTo(1);
        JsonNode entries = status(200, reviewer.get("/api/v1/integrity/buyers/" + order.buyerId() + "/record")).path("entries");
        assertThat(entries.path("total").asLong()).isEqualTo(1);
        JsonNode entry = entries.path("items").get(0);
        assertThat(entry.path("id").asString()).isEqualTo(confirmed.path("decision").path("ledgerEntryId").asString());
        assertThat(entry.path("type").asString()).isEqualTo("ABNORMAL_REFUND_ONLY");
        assertThat(entry.path("source").asString()).isEqualTo("REPORT");
        assertThat(entry.path("orderId").asString()).isEqualTo(order.orderId());
        assertThat(entry.path("rule").asString()).isEqualTo("integrity rule 3.2");

        var again = reviewer.post(REPORTS + "/" + confirmedId + "/confirmation", body("rule", "r", "reasoning", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("report.already-decided");
        assertThat(reviewer.post(REPORTS + "/" + confirmedId + "/rejection", body("rule", "r", "reasoning", "r")).code())
                .isEqualTo("report.already-decided");
        assertThat(ledgerEntries(confirmedId)).isEqualTo(1);

        String rejectedId = reportFromOrder(merchant, order, "FAKE_RETURN").path("id").asString();
        JsonNode rejected = reject(rejectedId);
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("decision").path("reasoning").asString()).isEqualTo("the defect is real");
        assertThat(ledgerEntries(rejectedId)).isZero();
        assertThat(reviewer.post(REPORTS + "/" + rejectedId + "/confirmation", body("rule", "r", "reasoning", "r")).status())
                .isEqualTo(409);
        assertThat(merchant.post(REPORTS + "/" + rejectedId + "/confirmation", body("rule", "r", "reasoning", "r")).status())
                .isEqualTo(403);
        assertThat(reviewer.post(REPORTS + "/" + rejectedId + "/rejection", body("rule", "", "reasoning", "r")).status())
                .isEqualTo(400);
        assertThat(ledgerEntries(rejectedId)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where subject_id in (?, ?) and action in ('report.confirmed', 'report.rejected')")
                .params(confirmedId, rejectedId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void twoReviewersConfirmingAtTheSameMomentMakeOneDecisionAndOneEntry() {
        String reportId = reportFromOrder(merchant, order, "RETURN_SWAP").path("id").asString();
        TestApi first = as(reviewerToken());
        TestApi second = as(reviewerToken());
        var a = CompletableFuture.supplyAsync(() -> first.post(REPORTS + "/" + reportId + "/confirmation",
                body("rule", "rule A", "reasoning", "a worn coat came back")));
        var b = CompletableFuture.supplyAsync(() -> second.post(REPORTS + "/" + reportId + "/confirmation",
                body("rule", "rule B", "reasoning", "a different coat came back")));
        List<TestApi.Response> responses = List.of(a.join(), b.join());
        assertThat(responses).extracting(TestApi.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(ledgerEntries(reportId)).isEqualTo(1);
        assertThat(status(200, reviewer.get("/api/v1/integrity/buyers/" + order.buyerId() + "/record")).path("entries").path("total")
                .asLong()).isEqualTo(1);
    }

    private void judge(String id) {
        status(200, merchant.post("/api/v1/cases/" + id + "/refuse", body("reason", "the photo is our listing photo, edited")));
        status(200, buyer.post("/api/v1/cases/" + id + "/escalate", body()));
        status(200, reviewer.post("/api/v1/cases/" + id + "/judgment", body("outcome", "REQUEST_REJECTED",
                "rule", "arbitration rule 5.1: forged evidence", "reasoning", "the stain was cloned in")));
    }

    @Test
    void aReviewersJudgmentReportIsConfirmedAtOnceAndADetectionWaits() {
        var unjudged = reviewer.post(REPORTS, body("type", "EDITED_IMAGE", "source", "JUDGMENT", "caseId", caseId,
                "evidenceIds", List.of(evidenceId), "rule", "arbitration rule 5.1: forged evidence", "description", "not judged yet"));
        assertThat(unjudged.status()).isEqualTo(409);
        judge(caseId);
        JsonNode judged = status(201, reviewer.post(REPORTS, body("type", "EDITED_IMAGE", "source", "JUDGMENT", "caseId", caseId,
                "evidenceIds", List.of(evidenceId), "rule", "arbitration rule 5.1: forged evidence",
                "description", "the stain was cloned in from another photo")));
        assertThat(judged.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(judged.path("decision").path("rule").asString()).isEqualTo("arbitration rule 5.1: forged evidence");
        assertThat(ledgerEntries(judged.path("id").asString())).isEqualTo(1);
        assertThat(reviewer.post(REPORTS, body("type", "EDITED_IMAGE", "source", "JUDGMENT", "caseId", caseId,
                "evidenceIds", List.of(evidenceId), "rule", "r", "description", "twice")).status()).isEqualTo(409);
        assertThat(reviewer.post(REPORTS, body("type", "EDITED_IMAGE", "source", "JUDGMENT", "caseId", caseId,
                "description", "no evidence, no rule")).status()).isEqualTo(400);
        assertThat(merchant.post(REPORTS, body("type", "EDITED_IMAGE", "source", "JUDGMENT", "caseId", caseId,
                "evidenceIds", List.of(evidenceId), "rule", "r", "description", "x")).status()).isEqualTo(403);

        JsonNode detected = status(201, orderSystem.post(REPORTS, body("type", "WEB_IMAGE", "caseId", caseId,
                "evidenceIds", List.of(evidenceId), "description", "the photo appears on a web gallery")));
        assertThat(detected.path("source").asString()).isEqualTo("DETECTION");
        assertThat(detected.path("status").asString()).isEqualTo("PENDING");
        assertThat(detected.path("complainant").isMissingNode()).isTrue();
        assertThat(ledgerEntries(detected.path("id").asString())).isZero();
        assertThat(queueOrderOf(List.of(detected.path("id").asString()))).hasSize(1);
    }

    @Test
    void complainantTiersFollowAccuracyOverTheRollingWindowAndOrderTheQueue() {
        PlacedOrder good = complainant(5, 0);
        assertThat(standing(good.storeId()).path("tier").asString()).isEqualTo("GOOD");
        assertThat(standing(good.storeId()).path("accuracy").asDouble()).isEqualTo(1.0);

        String ordinaryReport = reportFromOrder(merchant, order, "WEB_IMAGE").path("id").asString();
        clock.advance(Duration.ofMinutes(1));
        String goodReport = reportFromOrder(as(merchantToken(good.storeId())), good, "WEB_IMAGE").path("id").asString();
        assertThat(queueOrderOf(List.of(ordinaryReport, goodReport))).as("the good complainant first").containsExactly(goodReport, ordinaryReport);

        clock.addDays(30);
        TestApi goodMerchant = as(merchantToken(good.storeId()));
        for (int i = 0; i < 5; i++) {
            reject(reportFromOrder(goodMerchant, good, "ABNORMAL_REFUND_ONLY").path("id").asString());
        }
        JsonNode halfRight = standing(good.storeId());
        assertThat(halfRight.path("tier").asString()).isEqualTo("ORDINARY");
        assertThat(halfRight.path("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(halfRight.path("decided").asLong()).isEqualTo(10);
        assertThat(queueOrderOf(List.of(ordinaryReport, goodReport))).as("same tier: the earlier due first")
                .containsExactly(ordinaryReport, goodReport);

        clock.addDays(61);
        JsonNode onlyRejections = standing(good.storeId());
        assertThat(onlyRejections.path("decided").asLong()).as("the confirmations left the 90-day window").isEqualTo(5);
        assertThat(onlyRejections.path("tier").asString()).isEqualTo("MALICIOUS");
        assertThat(onlyRejections.path("weight").asDouble()).isZero();
        assertThat(status(200, as(merchantToken(good.storeId())).get("/api/v1/integrity/complainants/" + good.storeId()))
                .path("tier").asString()).isEqualTo("MALICIOUS");
        assertThat(as(merchantToken(unique("store"))).get("/api/v1/integrity/complainants/" + good.storeId()).status()).isEqualTo(404);
    }

    @Test
    void overdueReportsComeFirstWhateverTheReportersTier() {
        String early = reportFromOrder(merchant, order, "FAKE_RETURN").path("id").asString();
        clock.addHours(25);
        PlacedOrder good = complainant(5, 0);
        String fresh = reportFromOrder(as(merchantToken(good.storeId())), good, "FAKE_RETURN").path("id").asString();
        assertThat(queueOrderOf(List.of(early, fresh))).containsExactly(early, fresh);
        assertThat(status(200, reviewer.get(REPORTS + "/" + early)).path("overdue").asBoolean()).isTrue();
        assertThat(status(200, reviewer.get(REPORTS + "/" + fresh)).path("overdue").asBoolean()).isFalse();
    }

    @Test
    void aStoreBecomingAMaliciousComplainantIsReportedForAReviewer() {
        PlacedOrder malicious = complainant(0, 4);
        assertThat(standing(malicious.storeId()).path("tier").asString()).isEqualTo("ORDINARY");
        TestApi itsMerchant = as(merchantToken(malicious.storeId()));
        reject(reportFromOrder(itsMerchant, malicious, "MALICIOUS_COMPLAINT").path("id").asString());
        assertThat(standing(malicious.storeId()).path("tier").asString()).isEqualTo("MALICIOUS");

        List<String> againstStore = jdbc.sql("select id::text from abuse_reports where type = 'MALICIOUS_REPORTING' and subject_id = ?")
                .param(malicious.storeId()).query(String.class).list();
        assertThat(againstStore).hasSize(1);
        JsonNode report = status(200, reviewer.get(REPORTS + "/" + againstStore.getFirst()));
        assertThat(report.path("status").asString()).isEqualTo("PENDING");
        assertThat(report.path("source").asString()).isEqualTo("DETECTION");
        assertThat(report.path("subject").path("type").asString()).isEqualTo("MERCHANT");
        assertThat(report.path("filedBy").path("kind").asString()).isEqualTo("SYSTEM");
        assertThat(ledgerEntries(report.path("id").asString())).as("it waits for a reviewer").isZero();
        assertThat(status(200, itsMerchant.get(REPORTS + "?status=PENDING")).path("total").asLong()).isZero();

        reject(reportFromOrder(itsMerchant, malicious, "MALICIOUS_COMPLAINT").path("id").asString());
        assertThat(jdbc.sql("select count(*) from abuse_reports where type = 'MALICIOUS_REPORTING' and subject_id = ?")
                .param(malicious.storeId()).query(Long.class).single()).as("still malicious, not newly").isEqualTo(1);

        JsonNode confirmed = confirm(report.path("id").asString());
        assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(ledgerEntries(report.path("id").asString())).isEqualTo(1);
        JsonNode storeEntry = status(200, reviewer.get("/api/v1/integrity/stores/" + malicious.storeId() + "/record"))
                .path("entries").path("items").get(0);
        assertThat(storeEntry.path("type").asString()).isEqualTo("MALICIOUS_REPORTING");
        assertThat(storeEntry.path("source").asString()).isEqualTo("DETECTION");
    }
}
