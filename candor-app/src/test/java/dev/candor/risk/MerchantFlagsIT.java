package dev.candor.risk;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.evidence.EvidenceFixtures;
import dev.candor.photoforensics.StagePhotos;
import dev.candor.photoreuse.application.HashListingPhotos;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.TestApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * One-click merchant flags on evidence photos, on photos the checks really flag: the seller's listing photo
 * with a stain painted on (PHOTOSHOPPED), a real FLUX.2 output whose C2PA manifest declares
 * {@code trainedAlgorithmicMedia} (AI_GENERATED, fixtures/README.md), another store's listing photo (WEB_IMAGE, from
 * the reuse index), and a clean photo that confirms nothing.
 */
class MerchantFlagsIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HashListingPhotos hashListingPhotos;

    TestApi orderSystem;
    TestApi admin;
    String store;
    String subscriptionId;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-09-01T08:00:00Z"));
        orderSystem = as(integrationToken());
        admin = as(adminToken());
        store = unique("store");
        TestApi.Response subscribed = admin.post("/api/v1/admin/webhooks", body("url", "http://127.0.0.1:9/flags",
                "eventTypes", List.of("case.decision-made"), "storeIds", List.of(store)));
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        subscriptionId = subscribed.text("id");
    }

    @AfterEach
    void unsubscribe() {
        admin.delete("/api/v1/admin/webhooks/" + subscriptionId);
    }

    record Opened(Orders.PlacedOrder order, String caseId) {
    }

    private Opened open(long cents) {
        var order = new Orders(orderSystem).place(store, unique("buyer"), "apparel", cents, clock.instant().minus(Duration.ofDays(3)));
        TestApi.Response opened = as(buyerToken(order.buyerId())).post("/api/v1/cases",
                body("orderId", order.orderId(), "type", "REFUND_ONLY", "reason", "QUALITY_PROBLEM", "requestedCents", cents));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return new Opened(order, opened.text("id"));
    }

    private String upload(Opened c, String name, byte[] photo) {
        return upload(as(buyerToken(c.order().buyerId())), c, name, photo);
    }

    private String upload(TestApi who, Opened c, String name, byte[] photo) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(photo) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        TestApi.Response uploaded = who.postMultipart("/api/v1/cases/" + c.caseId() + "/evidence", parts, Map.of());
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        return uploaded.text("id");
    }

    /** The listing shows the seller's photo (the demo's real listing photo) as its main photo. */
    private void showListingPhoto(String storeId, String listingId) {
        assertThat(orderSystem.put("/api/v1/listings/" + listingId, body("storeId", storeId, "title", "Wool coat",
                "category", "apparel", "priceCents", 10_000, "currency", "CNY", "photos", List.of(body("photoId", "main"))))
                .status()).isEqualTo(200);
        assertThat(orderSystem.putBytes("/api/v1/listings/" + listingId + "/photos/main", StagePhotos.listing(), "image/jpeg")
                .status()).isBetween(200, 201);
    }

    private TestApi.Response flag(TestApi who, String caseId, String evidenceId, String kind) {
        return who.post("/api/v1/cases/" + caseId + "/evidence/" + evidenceId + "/flags", body("kind", kind));
    }

    private static List<String> codes(JsonNode decision) {
        return StreamSupport.stream(decision.path("reasons").spliterator(), false).map(r -> r.path("code").asString()).toList();
    }

    private JsonNode timelineEntry(String caseId, String action) {
        JsonNode c = as(merchantToken(store)).get("/api/v1/cases/" + caseId).json();
        return StreamSupport.stream(c.path("timeline").spliterator(), false).filter(e -> e.path("action").asString().equals(action))
                .reduce((first, second) -> second).orElseThrow();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aPaintedListingPhotoFlaggedPhotoshoppedIsConfirmedSentToAPersonAndReportedForAReviewer() {
        Opened c = open(10_000);
        showListingPhoto(store, c.order().listingId());
        String photo = upload(c, "IMG_2041.jpg", StagePhotos.listingWithPaintedCrack());
        TestApi merchant = as(merchantToken(store));
        assertThat(merchant.get("/api/v1/cases/" + c.caseId()).json().path("decision").path("outcome").asString()).isEqualTo("APPROVE_NOW");

        TestApi.Response flagged = flag(merchant, c.caseId(), photo, "PHOTOSHOPPED");
        assertThat(flagged.status()).as(flagged.raw()).isEqualTo(201);
        JsonNode f = flagged.json();
        assertThat(f.path("confirmed").asBoolean()).isTrue();
        assertThat(f.path("verdict").asString()).isEqualTo("DERIVED_FROM_LISTING_EDITED");
        JsonNode finding = f.path("findings").get(0);
        assertThat(finding.path("check").asString()).isEqualTo("listing.edited");
        assertThat(finding.path("grade").asString()).isEqualTo("STRONG");
        assertThat(finding.path("en").asString()).contains(c.order().listingId() + "/main");
        assertThat(finding.path("zh").asString()).contains("修改而成", c.order().listingId() + "/main");
        assertThat(f.path("explanation").path("zh").asString()).contains("P 图");
        JsonNode decision = f.path("decision");
        assertThat(decision.path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(decision.path("stage").asString()).isEqualTo("MERCHANT_FLAG");
        assertThat(codes(decision)).first().isEqualTo("MERCHANT_FLAG_CONFIRMED");

        String reportId = f.path("reportId").asString();
        JsonNode report = as(reviewerToken()).get("/api/v1/integrity/reports/" + reportId).json();
        assertThat(report.path("source").asString()).isEqualTo("DETECTION");
        assertThat(report.path("status").asString()).isEqualTo("PENDING");
        assertThat(report.path("type").asString()).isEqualTo("EDITED_IMAGE");
        assertThat(report.toString()).contains(photo);
        assertThat(count("select count(*) from integrity_entries where subject_id = ?", c.order().buyerId()))
                .as("nothing is recorded against the buyer until a reviewer confirms").isZero();
        assertThat(count("select count(*) from webhook_outbox where subscription_id = ?::uuid and payload like ? and payload like ?",
                subscriptionId, "%" + c.caseId() + "%", "%\"stage\":\"MERCHANT_FLAG\"%")).isEqualTo(1);
        JsonNode entry = timelineEntry(c.caseId(), "MERCHANT_FLAG");
        assertThat(entry.path("detail").path("confirmed").asBoolean()).isTrue();
        assertThat(entry.path("evidenceIds").get(0).asString()).isEqualTo(photo);

        TestApi.Response again = flag(as(merchantToken(store)), c.caseId(), photo, "PHOTOSHOPPED");
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.json().path("reportId").asString()).isEqualTo(reportId);
        assertThat(again.json().path("flaggedAt").asString()).isEqualTo(f.path("flaggedAt").asString());
        assertThat(count("select count(*) from abuse_reports where case_id = ?::uuid", c.caseId())).isEqualTo(1);
        assertThat(count("select count(*) from risk_decisions where case_id = ?::uuid and stage = 'MERCHANT_FLAG'", c.caseId())).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'risk.merchant-flagged' and subject_id = ?", c.caseId())).isEqualTo(1);

        TestApi.Response notAi = flag(merchant, c.caseId(), photo, "AI_GENERATED");
        assertThat(notAi.status()).as(notAi.raw()).isEqualTo(201);
        assertThat(notAi.json().path("confirmed").asBoolean()).as("the photo declares no AI origin").isFalse();
        assertThat(notAi.json().path("decision").path("revision").asInt()).isEqualTo(decision.path("revision").asInt());
    }

    @Test
    void aPhotoWhoseContentCredentialsDeclareAiGenerationConfirmsAnAiGeneratedFlagButNotAPhotoshoppedOne() {
        Opened c = open(10_000);
        String photo = upload(c, "flux-1.jpg", fixture("ai-provenance-samples/flux-1.jpg"));
        TestApi merchant = as(merchantToken(store));

        TestApi.Response photoshopped = flag(merchant, c.caseId(), photo, "PHOTOSHOPPED");
        assertThat(photoshopped.status()).as(photoshopped.raw()).isEqualTo(201);
        assertThat(photoshopped.json().path("confirmed").asBoolean()).isFalse();
        assertThat(photoshopped.json().path("decision").path("outcome").asString()).isEqualTo("APPROVE_NOW");

        TestApi.Response flagged = flag(merchant, c.caseId(), photo, "AI_GENERATED");
        assertThat(flagged.status()).as(flagged.raw()).isEqualTo(201);
        JsonNode f = flagged.json();
        assertThat(f.path("confirmed").asBoolean()).isTrue();
        assertThat(f.path("verdict").asString()).isEqualTo("AI_GENERATED_DECLARED");
        JsonNode finding = f.path("findings").get(0);
        assertThat(finding.path("check").asString()).isEqualTo("c2pa.digitalSourceType");
        assertThat(finding.path("grade").asString()).isEqualTo("CONCLUSIVE");
        assertThat(finding.path("en").asString()).contains("trainedAlgorithmicMedia");
        assertThat(finding.path("zh").asString()).contains("trainedAlgorithmicMedia", "AI 生成");
        assertThat(f.path("decision").path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(as(reviewerToken()).get("/api/v1/integrity/reports/" + f.path("reportId").asString()).json().path("type").asString())
                .isEqualTo("AI_GENERATED_IMAGE");
    }

    @Test
    void anotherStoresListingPhotoFlaggedAsAWebImageIsConfirmedByTheReuseIndex() {
        String otherStore = unique("store");
        var elsewhere = new Orders(orderSystem).place(otherStore, unique("buyer"), "apparel", 10_000, clock.instant().minus(Duration.ofDays(9)));
        showListingPhoto(otherStore, elsewhere.listingId());
        hashListingPhotos.hashQueued();
        Opened c = open(10_000);
        String photo = upload(c, "IMG_3310.jpg", StagePhotos.listing());

        TestApi.Response flagged = flag(as(merchantToken(store)), c.caseId(), photo, "WEB_IMAGE");

        assertThat(flagged.status()).as(flagged.raw()).isEqualTo(201);
        JsonNode f = flagged.json();
        assertThat(f.path("confirmed").asBoolean()).isTrue();
        List<JsonNode> copies = StreamSupport.stream(f.path("findings").spliterator(), false)
                .filter(x -> x.path("check").asString().equals("reuse.listing")).toList();
        assertThat(copies).isNotEmpty().allSatisfy(x -> {
            assertThat(x.path("grade").asString()).isEqualTo("STRONG");
            assertThat(x.path("en").asString()).doesNotContain("(" + store + ")");
        });
        assertThat(copies).anySatisfy(x -> {
            assertThat(x.path("en").asString()).contains("PDQ distance 0 of 256", "(" + otherStore + ")");
            assertThat(x.path("zh").asString()).contains(otherStore, "网上发布的图片");
        });
        assertThat(f.path("decision").path("outcome").asString()).isEqualTo("SEND_TO_REVIEW");
        assertThat(as(reviewerToken()).get("/api/v1/integrity/reports/" + f.path("reportId").asString()).json().path("type").asString())
                .isEqualTo("WEB_IMAGE");
    }

    @Test
    void aPhotoTheMerchantFiledIsNotTheBuyersEvidenceAndCannotBeFlagged() {
        Opened c = open(10_000);
        showListingPhoto(store, c.order().listingId());
        TestApi merchant = as(merchantToken(store));

        String merchantsPhoto = upload(merchant, c, "what-we-shipped.jpg", StagePhotos.listingWithPaintedCrack());

        assertThat(merchant.get("/api/v1/cases/" + c.caseId() + "/decisions").json().size()).as("no new decision").isEqualTo(1);
        assertThat(count("select count(*) from forensic_scan_jobs where case_id = ?::uuid", c.caseId())).as("no scan queued").isZero();
        TestApi.Response flagged = flag(merchant, c.caseId(), merchantsPhoto, "PHOTOSHOPPED");
        assertThat(flagged.status()).as(flagged.raw()).isEqualTo(409);
        assertThat(flagged.raw()).contains("not filed by the buyer");
        assertThat(count("select count(*) from abuse_reports where case_id = ?::uuid", c.caseId())).isZero();
        TestApi.Response forensics = merchant.get("/api/v1/cases/" + c.caseId() + "/forensics");
        assertThat(forensics.status()).as("still scanned for people to see").isEqualTo(200);
        assertThat(forensics.raw()).contains(merchantsPhoto, "DERIVED_FROM_LISTING_EDITED");

        upload(c, "IMG_2202.jpg", EvidenceFixtures.jpeg(402, 300));
        assertThat(merchant.get("/api/v1/cases/" + c.caseId() + "/decisions").json().size()).isEqualTo(2);
        assertThat(count("select count(*) from forensic_scan_jobs where case_id = ?::uuid", c.caseId())).isEqualTo(1);
    }

    @Test
    void aFlagTheChecksDoNotConfirmIsKeptForTheReviewerButChangesNoOutcome() {
        Opened c = open(30_000);
        String photo = upload(c, "IMG_1.jpg", EvidenceFixtures.jpeg(400, 300));
        TestApi merchant = as(merchantToken(store));
        JsonNode before = merchant.get("/api/v1/cases/" + c.caseId()).json().path("decision");
        assertThat(before.path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");

        TestApi.Response flagged = flag(merchant, c.caseId(), photo, "WEB_IMAGE");
        assertThat(flagged.status()).as(flagged.raw()).isEqualTo(201);
        JsonNode f = flagged.json();
        assertThat(f.path("confirmed").asBoolean()).isFalse();
        assertThat(f.path("findings").size()).isZero();
        assertThat(f.path("reportId").isNull() || f.path("reportId").isMissingNode()).as("no report").isTrue();
        assertThat(f.path("explanation").path("en").asString()).contains("changes no decision");
        assertThat(f.path("decision").path("revision").asInt()).isEqualTo(before.path("revision").asInt());
        assertThat(f.path("decision").path("outcome").asString()).isEqualTo("REQUEST_EVIDENCE");
        assertThat(count("select count(*) from abuse_reports where case_id = ?::uuid", c.caseId())).isZero();
        assertThat(timelineEntry(c.caseId(), "MERCHANT_FLAG").path("detail").path("confirmed").asBoolean()).isFalse();

        upload(c, "IMG_2.jpg", EvidenceFixtures.jpeg(401, 300));
        JsonNode later = merchant.get("/api/v1/cases/" + c.caseId() + "/decisions").json();
        JsonNode latest = later.get(later.size() - 1);
        assertThat(latest.path("features").path("merchantFlags").get(0).path("kind").asString()).isEqualTo("WEB_IMAGE");
        assertThat(latest.path("features").path("merchantFlags").get(0).path("confirmed").asBoolean()).isFalse();
        assertThat(codes(latest.path("decision"))).doesNotContain("MERCHANT_FLAG_CONFIRMED");
    }

    @Test
    void onlyTheStoresMerchantFlagsAPhotoOfTheCaseWhileTheCaseIsOpen() {
        Opened c = open(10_000);
        String photo = upload(c, "IMG_3.jpg", EvidenceFixtures.jpeg(300, 300));
        Opened other = open(10_000);
        String otherPhoto = upload(other, "IMG_4.jpg", EvidenceFixtures.jpeg(300, 301));

        assertThat(flag(as(buyerToken(c.order().buyerId())), c.caseId(), photo, "PHOTOSHOPPED").status()).isEqualTo(403);
        assertThat(flag(as(reviewerToken()), c.caseId(), photo, "PHOTOSHOPPED").status()).isEqualTo(403);
        assertThat(flag(as(merchantToken(unique("store"))), c.caseId(), photo, "PHOTOSHOPPED").status()).isEqualTo(404);
        TestApi merchant = as(merchantToken(store));
        assertThat(flag(merchant, c.caseId(), otherPhoto, "PHOTOSHOPPED").status()).as("a photo of another case").isEqualTo(404);
        assertThat(flag(merchant, c.caseId(), photo, "BLURRY").status()).isEqualTo(400);
        assertThat(count("select count(*) from risk_merchant_flags where case_id = ?::uuid", c.caseId())).isZero();

        assertThat(merchant.post("/api/v1/cases/" + c.caseId() + "/agree", body()).status()).isEqualTo(200);
        TestApi.Response refunded = orderSystem.post("/api/v1/cases/" + c.caseId() + "/refund-confirmation",
                body("amountCents", 10_000, "reference", unique("refund")));
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        TestApi.Response closed = flag(merchant, c.caseId(), photo, "PHOTOSHOPPED");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(409);
        assertThat(count("select count(*) from risk_merchant_flags where case_id = ?::uuid", c.caseId())).isZero();
    }

    private static byte[] fixture(String path) {
        try (InputStream in = MerchantFlagsIT.class.getResourceAsStream("/fixtures/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
