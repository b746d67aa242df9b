package dev.candor.integrity;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.integrity.IntegrityLedger.EntryDraft;
import dev.candor.integrity.IntegrityLedger.EntryRecorded;
import dev.candor.integrity.IntegrityLedger.Source;
import dev.candor.integrity.application.SweepIntegrity;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The ledger over HTTP on embedded PostgreSQL: record → restriction → standing with reasons → appeal → revoke
 * → clean standing; decay with the clock and the sweep; the merchant ladder; duplicate confirmations under
 * concurrency; a policy change that leaves history alone; who may see what.
 */
class IntegrityLedgerIT extends IntegrationTest {

    @Autowired
    IntegrityLedger ledger;
    @Autowired
    SweepIntegrity sweep;
    @Autowired
    JdbcClient jdbc;

    TestApi reviewer;
    TestApi admin;
    String subscriptionId;

    @BeforeEach
    void setUp() {
        clock.set(EPOCH);
        reviewer = as(reviewerToken());
        admin = as(adminToken());
        TestApi.Response subscribed = admin.post("/api/v1/admin/webhooks", body("url", "http://127.0.0.1:9/integrity",
                "eventTypes", List.of("integrity.entry-confirmed", "integrity.restriction-started", "integrity.restriction-lifted",
                        "integrity.appeal-decided")));
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        subscriptionId = subscribed.text("id");
    }

    @AfterEach
    void unsubscribe() {
        admin.delete("/api/v1/admin/webhooks/" + subscriptionId);
    }

    private TestApi.Response finding(String subjectType, String subjectId, String storeId, String type, String orderId) {
        Map<String, Object> finding = body("subjectType", subjectType, "subjectId", subjectId, "storeId", storeId, "type", type,
                "rule", "Integrity rules 3.2: " + type, "reasoning", "confirmed on review", "evidenceIds", List.of(UUID.randomUUID()));
        if (orderId != null) {
            finding.put("orderId", orderId);
        }
        TestApi.Response recorded = reviewer.post("/api/v1/integrity/entries", finding);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        return recorded;
    }

    private JsonNode standing(TestApi api, String buyerId, String storeId) {
        TestApi.Response response = api.get("/api/v1/integrity/standing?buyerId=" + buyerId + "&storeId=" + storeId);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private static String permission(JsonNode standing, String action) {
        return StreamSupport.stream(standing.path("actions").spliterator(), false)
                .filter(a -> a.path("action").asString().equals(action)).findFirst().orElseThrow().path("permission").asString();
    }

    private List<String> outbox(String type, String containing) {
        return jdbc.sql("select payload from webhook_outbox where subscription_id = ?::uuid and event_type = ? and payload like ?")
                .params(subscriptionId, type, "%" + containing + "%").query(String.class).list();
    }

    @Test
    void recordRestrictExplainAppealRevokeAndTheStandingIsCleanAgain() {
        String buyer = unique("buyer");
        String store = unique("store");
        String order = unique("order");
        TestApi buyerApi = as(buyerToken(buyer));

        String entryId = finding("BUYER", buyer, store, "RETURN_SWAP", order).text("entryId");
        assertThat(outbox("integrity.entry-confirmed", entryId)).hasSize(1);

        JsonNode restricted = standing(buyerApi, buyer, store);
        assertThat(permission(restricted, "AFTER_SALES")).isEqualTo("DENIED");
        assertThat(permission(restricted, "REFUND_ONLY")).isEqualTo("DENIED");
        assertThat(permission(restricted, "PURCHASE")).isEqualTo("ALLOWED");
        JsonNode restriction = restricted.path("restrictions").get(0);
        String restrictionId = restriction.path("id").asString();
        assertThat(restriction.path("kind").asString()).isEqualTo("AFTER_SALES_REJECTED_AT_STORE");
        assertThat(restriction.path("endsAt").asString()).isEqualTo(EPOCH.plus(Duration.ofDays(90)).toString());
        assertThat(restriction.path("reason").path("en").asString()).contains("After-sales requests at this store are rejected")
                .contains("6 points");
        assertThat(restriction.path("reason").path("zh").asString()).contains("售后申请将被拒绝");
        assertThat(restriction.path("appeal").path("deadline").asString()).isEqualTo(EPOCH.plus(Duration.ofDays(30)).toString());
        assertThat(restriction.path("appeal").path("endpoint").asString()).isEqualTo("/api/v1/integrity/appeals");
        assertThat(restriction.path("appeal").path("howTo").path("zh").asString()).contains("人工");
        JsonNode entry = restriction.path("entries").get(0);
        assertThat(entry.path("type").asString()).isEqualTo("RETURN_SWAP");
        assertThat(entry.path("points").asInt()).isEqualTo(6);
        assertThat(entry.path("rule").asString()).isEqualTo("Integrity rules 3.2: RETURN_SWAP");
        assertThat(entry.path("expiresAt").asString()).isEqualTo(EPOCH.plus(Duration.ofDays(365)).toString());
        assertThat(outbox("integrity.restriction-started", restrictionId)).hasSize(1);
        assertThat(permission(standing(buyerApi, buyer, unique("elsewhere")), "AFTER_SALES")).isEqualTo("ALLOWED");
        assertThat(ledger.restrictionsOf(buyer, store)).extracting(IntegrityLedger.ActiveRestriction::kind)
                .containsExactly("AFTER_SALES_REJECTED_AT_STORE");
        assertThat(ledger.ordersJudgedAbusive(store)).containsExactly(order);
        TestApi merchant = as(merchantToken(store));
        assertThat(merchant.get("/api/v1/integrity/stores/" + store + "/excluded-orders").json().path("items").get(0).asString())
                .isEqualTo(order);

        clock.addDays(2);
        TestApi.Response appeal = buyerApi.post("/api/v1/integrity/appeals", body("restrictionId", restrictionId,
                "reason", "the returned item is the one I received"));
        assertThat(appeal.status()).as(appeal.raw()).isEqualTo(201);
        String appealId = appeal.text("id");
        assertThat(appeal.text("dueAt")).isEqualTo(EPOCH.plus(Duration.ofDays(9)).toString());
        assertThat(buyerApi.post("/api/v1/integrity/appeals", body("entryId", entryId, "reason", "again")).code())
                .isEqualTo("integrity.not-appealable");
        assertThat(permission(standing(buyerApi, buyer, store), "AFTER_SALES")).as("points count while under appeal").isEqualTo("DENIED");
        clock.addDays(8);
        JsonNode queue = reviewer.get("/api/v1/integrity/appeals/queue?size=200").json();
        List<JsonNode> items = StreamSupport.stream(queue.path("items").spliterator(), false).toList();
        assertThat(items).filteredOn(a -> a.path("id").asString().equals(appealId)).singleElement()
                .satisfies(a -> assertThat(a.path("overdue").asBoolean()).isTrue());
        assertThat(items.stream().map(a -> a.path("overdue").asBoolean()).toList()).as("overdue first")
                .isSortedAccordingTo((x, y) -> Boolean.compare(y, x));

        TestApi.Response decided = reviewer.post("/api/v1/integrity/appeals/" + appealId + "/decision", body("decision", "REVOKE",
                "reason", "the serial numbers match the shipped item"));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.text("decision")).isEqualTo("REVOKE");
        assertThat(reviewer.post("/api/v1/integrity/appeals/" + appealId + "/decision", body("decision", "UPHOLD", "reason", "x"))
                .code()).isEqualTo("integrity.appeal-already-decided");

        JsonNode clean = standing(buyerApi, buyer, store);
        assertThat(clean.path("restrictions")).isEmpty();
        assertThat(clean.path("actions").findValuesAsString("permission")).containsOnly("ALLOWED");
        assertThat(ledger.restrictionsOf(buyer, store)).isEmpty();
        assertThat(ledger.ordersJudgedAbusive(store)).isEmpty();
        assertThat(outbox("integrity.restriction-lifted", restrictionId)).singleElement().asString().contains("POINTS_BELOW_THRESHOLD");
        assertThat(outbox("integrity.appeal-decided", appealId)).hasSize(1);
        JsonNode record = buyerApi.get("/api/v1/integrity/buyers/" + buyer + "/record").json();
        assertThat(record.path("activePoints").asInt()).isZero();
        assertThat(record.path("entries").path("items").get(0).path("status").asString()).isEqualTo("REVOKED");
        JsonNode detail = buyerApi.get("/api/v1/integrity/entries/" + entryId).json();
        assertThat(detail.path("history").findValuesAsString("to")).containsExactly("ACTIVE", "UNDER_APPEAL", "REVOKED");
        assertThat(detail.path("history").get(2).path("reason").asString()).isEqualTo("the serial numbers match the shipped item");
        assertThat(detail.path("history").get(2).path("appealId").asString()).isEqualTo(appealId);
        assertThat(as(buyerToken(unique("buyer"))).get("/api/v1/integrity/entries/" + entryId).status()).isEqualTo(404);
    }

    @Test
    void pointsDecayWithTheClockAndTheSweepLiftsWhatTheyHeld() {
        String buyer = unique("buyer");
        String store = unique("store");
        finding("BUYER", buyer, store, "ABNORMAL_REFUND_ONLY", null);
        clock.addDays(300);
        finding("BUYER", buyer, store, "ABNORMAL_REFUND_ONLY", null);
        TestApi buyerApi = as(buyerToken(buyer));
        JsonNode restricted = standing(buyerApi, buyer, store);
        assertThat(permission(restricted, "AFTER_SALES")).isEqualTo("DENIED");
        String restrictionId = restricted.path("restrictions").get(0).path("id").asString();
        assertThat(restricted.path("restrictions").get(0).path("endsAt").asString())
                .as("the first entry's expiry takes the points below 6 before the 90 days are over")
                .isEqualTo(EPOCH.plus(Duration.ofDays(365)).toString());

        clock.set(EPOCH.plus(Duration.ofDays(365)));
        assertThat(permission(standing(buyerApi, buyer, store), "AFTER_SALES")).as("no sweep needed to read it right").isEqualTo("ALLOWED");
        assertThat(outbox("integrity.restriction-lifted", restrictionId)).isEmpty();
        sweep.sweep();
        assertThat(outbox("integrity.restriction-lifted", restrictionId)).singleElement().asString().contains("ENDED");
        JsonNode record = buyerApi.get("/api/v1/integrity/buyers/" + buyer + "/record").json();
        assertThat(record.path("entries").path("items").findValuesAsString("status")).containsExactly("ACTIVE", "EXPIRED");
        assertThat(record.path("activePoints").asInt()).isEqualTo(3);
        sweep.sweep();
        assertThat(outbox("integrity.restriction-lifted", restrictionId)).hasSize(1);
    }

    @Test
    void theMerchantLadderStepByStep() {
        String store = unique("store");
        TestApi merchant = as(merchantToken(store));
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            clock.addHours(1);
            finding("MERCHANT", store, null, "FLAWED_FULFILMENT", null);
            steps.add(merchant.get("/api/v1/integrity/stores/" + store + "/record").json().path("ladderStep").asString());
        }
        assertThat(steps).containsExactly("", "", "MERCHANT_REMINDER", "MERCHANT_REMINDER", "MERCHANT_REMINDER", "MERCHANT_WARNING",
                "MERCHANT_WARNING", "MERCHANT_WARNING", "MERCHANT_SERIOUS_WARNING");
        finding("MERCHANT", store, null, "FORGED_EVIDENCE", null);
        JsonNode restricted = merchant.get("/api/v1/integrity/stores/" + store + "/record").json();
        assertThat(restricted.path("ladderStep").asString()).isEqualTo("MERCHANT_RESTRICTED");
        assertThat(restricted.path("activePoints").asInt()).isEqualTo(21);
        assertThat(restricted.path("restrictions").get(0).path("endsAt").asString())
                .isEqualTo(clock.instant().plus(Duration.ofDays(15)).toString());
        assertThat(restricted.path("restrictions").get(0).path("reason").path("en").asString()).contains("The store is restricted");

        clock.addDays(15);
        sweep.sweep();
        assertThat(merchant.get("/api/v1/integrity/stores/" + store + "/record").json().path("ladderStep").asString())
                .as("after the 15 days the store stays on the step below while its points stand").isEqualTo("MERCHANT_SERIOUS_WARNING");
        finding("MERCHANT", store, null, "FORGED_EVIDENCE", null);
        assertThat(merchant.get("/api/v1/integrity/stores/" + store + "/record").json().path("ladderStep").asString())
                .isEqualTo("MERCHANT_RESTRICTED");
        String reporting = finding("MERCHANT", store, null, "MALICIOUS_REPORTING", null).text("entryId");
        assertThat(merchant.get("/api/v1/integrity/stores/" + store + "/record").json().path("ladderStep").asString())
                .as("9 + 12 + 12 + 3 = 36 points").isEqualTo("MERCHANT_TERMINATED");
        TestApi.Response appeal = merchant.post("/api/v1/integrity/appeals", body("entryId", reporting,
                "reason", "our reports were accurate"));
        assertThat(appeal.status()).as(appeal.raw()).isEqualTo(201);
        assertThat(reviewer.post("/api/v1/integrity/appeals/" + appeal.text("id") + "/decision", body("decision", "REVOKE",
                "reason", "the reports were confirmed")).status()).isEqualTo(200);
        assertThat(merchant.get("/api/v1/integrity/stores/" + store + "/record").json().path("ladderStep").asString())
                .as("33 points: back to the 15-day restriction of the latest forged evidence").isEqualTo("MERCHANT_RESTRICTED");
        assertThat(jdbc.sql("select count(*) from integrity_restrictions where subject_id = ? and lifted_at is null").param(store)
                .query(Integer.class).single()).as("one ladder step at a time").isEqualTo(1);
        assertThat(as(merchantToken(unique("other"))).get("/api/v1/integrity/stores/" + store + "/record").status()).isEqualTo(404);
        assertThat(as(buyerToken(unique("buyer"))).get("/api/v1/integrity/stores/" + store + "/record").status()).isEqualTo(404);
    }

    @Test
    void aConfirmationArrivingTwiceAtOnceCountsOnce() throws Exception {
        String buyer = unique("buyer");
        String store = unique("store");
        Actor[] reviewers = {new Actor(UUID.randomUUID().toString(), ActorKind.REVIEWER, "Reviewer 1", Set.of(), null),
                new Actor(UUID.randomUUID().toString(), ActorKind.REVIEWER, "Reviewer 2", Set.of(), null)};
        String sourceKey = "report:" + UUID.randomUUID();
        EntryDraft draft = new EntryDraft(SubjectType.BUYER, buyer, store, null, null, ViolationType.FAKE_RETURN, Source.REPORT,
                sourceKey, List.of(), "Integrity rules 3.4: fake return", "empty parcel");
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<EntryRecorded> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<EntryRecorded>> futures = new ArrayList<>();
            for (Actor actor : reviewers) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return ledger.record(draft, actor);
                }));
            }
            for (Future<EntryRecorded> f : futures) {
                results.add(f.get());
            }
        }
        assertThat(results).extracting(EntryRecorded::entryId).containsOnly(results.getFirst().entryId());
        assertThat(results).extracting(EntryRecorded::duplicate).containsExactlyInAnyOrder(true, false);
        assertThat(jdbc.sql("select count(*) from integrity_entries where subject_id = ?").param(buyer).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from integrity_restrictions where subject_id = ?").param(buyer).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(outbox("integrity.entry-confirmed", results.getFirst().entryId().toString())).hasSize(1);
        assertThat(ledger.record(draft, reviewers[0]).duplicate()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.record(draft, Actor.system()))
                .hasMessageContaining("only a reviewer or an administrator");
    }

    @Test
    void aNewPolicyVersionPricesNewEntriesAndLeavesOldEntriesAndRestrictionsAlone() {
        String buyer = unique("buyer");
        String store = unique("store");
        String oldEntry = finding("BUYER", buyer, store, "RETURN_SWAP", null).text("entryId");
        String restrictionId = reviewer.get("/api/v1/integrity/buyers/" + buyer + "/record").json()
                .path("restrictions").get(0).path("id").asString();
        JsonNode v1 = admin.get("/api/v1/admin/integrity/policies/1").json();
        assertThat(v1.path("policy").path("appealWindow").path("duration").asString()).isEqualTo("PT720H");
        assertThat(v1.path("policy").path("points").findValuesAsString("basis")).contains("PRODUCT.md: forged or false evidence costs a seller 12 points");
        int before = admin.get("/api/v1/admin/integrity/policies").json().path("total").asInt();

        Map<String, Object> invalid = body("note", "broken", "points", List.of(body("type", "RETURN_SWAP", "points", 6, "basis", "x")),
                "decay", body("duration", "P365D", "basis", "x"), "appealWindow", body("duration", "P30D", "basis", "x"),
                "reviewLimit", body("duration", "P7D", "basis", "x"), "buyerRestrictions", List.of(body("kind", "REFUND_ONLY_DISABLED",
                        "points", 1, "duration", "P1D", "basis", "x")), "merchantLadder", List.of(body("kind", "MERCHANT_WARNING", "points", 1,
                        "basis", "x")));
        TestApi.Response refused = admin.post("/api/v1/admin/integrity/policies", invalid);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("problems").toString()).contains("points: missing");
        assertThat(reviewer.post("/api/v1/admin/integrity/policies", invalid).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/admin/integrity/policies").json().path("total").asInt()).isEqualTo(before);

        Map<String, Object> doubled = document(v1.path("policy"), 2);
        doubled.put("note", "stricter: twice the points, twice the thresholds");
        TestApi.Response published = admin.post("/api/v1/admin/integrity/policies", doubled);
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        int v2 = published.json().path("version").asInt();
        try {
            assertThat(as(buyerToken(buyer)).get("/api/v1/integrity/policy").json().path("version").asInt()).isEqualTo(v2);
            clock.addHours(1);
            TestApi.Response newer = finding("BUYER", buyer, unique("store"), "ABNORMAL_REFUND_ONLY", null);
            assertThat(newer.json().path("points").asInt()).isEqualTo(6);
            assertThat(newer.json().path("policyVersion").asInt()).isEqualTo(v2);

            JsonNode record = reviewer.get("/api/v1/integrity/buyers/" + buyer + "/record").json();
            JsonNode old = StreamSupport.stream(record.path("entries").path("items").spliterator(), false)
                    .filter(e -> e.path("id").asString().equals(oldEntry)).findFirst().orElseThrow();
            assertThat(old.path("points").asInt()).isEqualTo(6);
            assertThat(old.path("policyVersion").asInt()).isEqualTo(1);
            assertThat(record.path("restrictions")).as("the recompute after the new entry kept the version-1 restriction, "
                    + "although version 2 asks 12 points for it").singleElement().satisfies(r -> {
                        assertThat(r.path("id").asString()).isEqualTo(restrictionId);
                        assertThat(r.path("policyVersion").asInt()).isEqualTo(1);
                        assertThat(r.path("threshold").asInt()).isEqualTo(6);
                    });
            assertThat(admin.get("/api/v1/admin/integrity/policies/1").json().path("policy")).isEqualTo(v1.path("policy"));
        } finally {
            Map<String, Object> restore = document(v1.path("policy"), 1);
            restore.put("note", "back to the Candor defaults");
            assertThat(admin.post("/api/v1/admin/integrity/policies", restore).status()).isEqualTo(201);
        }
    }

    /** A policy request from a published document, with points and thresholds multiplied. */
    private static Map<String, Object> document(JsonNode policy, int factor) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("points", StreamSupport.stream(policy.path("points").spliterator(), false).map(p -> body("type", p.path("type").asString(),
                "points", p.path("points").asInt() * factor, "basis", p.path("basis").asString())).toList());
        for (String setting : List.of("decay", "appealWindow", "reviewLimit")) {
            doc.put(setting, body("duration", policy.path(setting).path("duration").asString(), "basis",
                    policy.path(setting).path("basis").asString()));
        }
        for (String list : List.of("buyerRestrictions", "merchantLadder")) {
            doc.put(list, StreamSupport.stream(policy.path(list).spliterator(), false).map(t -> {
                Map<String, Object> threshold = body("kind", t.path("kind").asString(), "points", t.path("points").asInt() * factor,
                        "basis", t.path("basis").asString());
                if (t.hasNonNull("duration")) {
                    threshold.put("duration", t.path("duration").asString());
                }
                return threshold;
            }).toList());
        }
        return doc;
    }

    @Test
    void anAppealAfterTheWindowIsRefusedAndOnlyTheSubjectMayAppeal() {
        String buyer = unique("buyer");
        String store = unique("store");
        String entryId = finding("BUYER", buyer, store, "WEB_IMAGE", null).text("entryId");
        assertThat(as(buyerToken(unique("buyer"))).post("/api/v1/integrity/appeals", body("entryId", entryId, "reason", "not me"))
                .status()).isEqualTo(404);
        assertThat(as(merchantToken(store)).post("/api/v1/integrity/appeals", body("entryId", entryId, "reason", "x")).status())
                .isEqualTo(404);
        clock.set(EPOCH.plus(Duration.ofDays(30)).plusSeconds(1));
        TestApi.Response late = as(buyerToken(buyer)).post("/api/v1/integrity/appeals", body("entryId", entryId, "reason", "late"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("integrity.appeal-window-closed");
        assertThat(late.text("deadline")).isEqualTo(EPOCH.plus(Duration.ofDays(30)).toString());
        assertThat(jdbc.sql("select status from integrity_entry_status where entry_id = ?::uuid").param(entryId).query(String.class)
                .single()).isEqualTo("ACTIVE");
    }

    @Test
    void aMerchantSeesAMaskedStandingAtItsOwnStoreOnlyAndBuyersOnlyTheirOwn() {
        String buyer = unique("buyer");
        String store = unique("store");
        String otherStore = unique("secret-store");
        finding("BUYER", buyer, store, "ABNORMAL_REFUND_ONLY", null);
        finding("BUYER", buyer, otherStore, "EDITED_IMAGE", null);

        JsonNode masked = standing(as(merchantToken(store)), buyer, store);
        assertThat(masked.path("masked").asBoolean()).isTrue();
        assertThat(permission(masked, "REFUND_ONLY")).isEqualTo("DENIED");
        assertThat(masked.path("restrictions")).singleElement().satisfies(r -> {
            assertThat(r.path("kind").asString()).isEqualTo("REFUND_ONLY_DISABLED");
            assertThat(r.path("endsAt").isMissingNode()).isFalse();
            assertThat(r.has("entries")).isFalse();
            assertThat(r.has("reason")).isFalse();
            assertThat(r.has("id")).isFalse();
        });
        assertThat(masked.toString()).doesNotContain(otherStore).doesNotContain("EDITED_IMAGE").doesNotContain("Integrity rules");

        JsonNode full = standing(as(integrationToken()), buyer, store);
        assertThat(full.path("masked").asBoolean()).isFalse();
        assertThat(full.toString()).contains("EDITED_IMAGE").contains(otherStore);

        assertThat(as(merchantToken(store)).get("/api/v1/integrity/standing?buyerId=" + buyer + "&storeId=" + otherStore).status())
                .isEqualTo(404);
        assertThat(as(merchantToken(unique("store"))).get("/api/v1/integrity/standing?buyerId=" + buyer + "&storeId=" + store)
                .status()).isEqualTo(404);
        assertThat(as(buyerToken(unique("buyer"))).get("/api/v1/integrity/standing?buyerId=" + buyer + "&storeId=" + store).status())
                .isEqualTo(404);
        assertThat(as(buyerToken(unique("buyer"))).get("/api/v1/integrity/buyers/" + buyer + "/record").status()).isEqualTo(404);
        assertThat(as(merchantToken(store)).get("/api/v1/integrity/buyers/" + buyer + "/record").status()).isEqualTo(404);
        assertThat(as(buyerToken(buyer)).post("/api/v1/integrity/entries", body("subjectType", "BUYER", "subjectId", buyer,
                "storeId", store, "type", "WEB_IMAGE", "rule", "r")).status()).isEqualTo(403);
        assertThat(as(merchantToken(store)).get("/api/v1/integrity/appeals/queue").status()).isEqualTo(403);
    }
}
