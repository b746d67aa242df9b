package dev.candor.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.candor.shared.SqlTime;
import dev.candor.shared.events.OutboundEvent;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.TestApi;
import dev.candor.webhooks.application.DispatchWebhooks;
import dev.candor.webhooks.infrastructure.Outbox;
import dev.candor.webhooks.infrastructure.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: events published in real transactions, a real HTTP receiver on loopback, dispatch
 * rounds run by hand while the clock is moved. Events are published with a {@link TransactionTemplate}
 * rather than a {@code @Transactional} test bean, so this class shares the one Spring context (and
 * database) of every other integration test instead of starting its own.
 */
class WebhooksIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Receiver receiver;

    @Autowired
    DispatchWebhooks dispatch;
    @Autowired
    Outbox outbox;
    @Autowired
    WebhookProperties properties;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private final List<UUID> subscribed = new ArrayList<>();

    /** An event of a type no module publishes, so only this test's subscriptions see it. */
    record ParcelWeighed(UUID eventId, String eventType, String storeId, Instant occurredAt, String note) implements OutboundEvent {
    }

    private ParcelWeighed event(String type, String storeId) {
        return new ParcelWeighed(UUID.randomUUID(), type, storeId, clock.instant().truncatedTo(ChronoUnit.SECONDS), "grams=" + 1200);
    }

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.server.stop(0);
    }

    /** Tests share the database: leave no active subscription behind to collect other tests' events. */
    @AfterEach
    void deactivateSubscriptions() {
        for (UUID id : subscribed) {
            jdbc.sql("update webhook_subscriptions set active = false, deactivated_at = ? where id = ? and active")
                    .params(SqlTime.of(clock.instant()), id).update();
        }
    }

    @Test
    void anEventOfACommittedTransactionIsDeliveredOnceWithAValidSignature() {
        String store = unique("store");
        Hook hook = subscribe(List.of(), List.of(store));
        ParcelWeighed event = event("parcel.weighed", store);

        publishCommitted(event);
        Instant sentAt = clock.instant();
        dispatch.dispatchDue();
        dispatch.dispatchDue();

        List<Received> received = receiver.at(hook.path());
        assertThat(received).hasSize(1);
        Received request = received.getFirst();
        assertThat(request.header("Candor-Event-Id")).isEqualTo(event.eventId().toString());
        assertThat(request.header("Candor-Event-Type")).isEqualTo("parcel.weighed");
        assertThat(request.header("Content-Type")).startsWith("application/json");

        String signature = request.header("Candor-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String timestamp = signature.substring(2, signature.indexOf(','));
        assertThat(Long.parseLong(timestamp)).isEqualTo(sentAt.getEpochSecond());
        assertThat(signature.substring(signature.indexOf("v1=") + 3))
                .isEqualTo(hmacSha256Hex(hook.secret(), timestamp + "." + request.body()));
        assertThat(hmacSha256Hex("whsec_some-other-secret", timestamp + "." + request.body()))
                .isNotEqualTo(signature.substring(signature.indexOf("v1=") + 3));

        JsonNode envelope = JSON.readTree(request.body());
        assertThat(envelope.path("id").asString()).isEqualTo(event.eventId().toString());
        assertThat(envelope.path("type").asString()).isEqualTo("parcel.weighed");
        assertThat(envelope.path("storeId").asString()).isEqualTo(store);
        assertThat(Instant.parse(envelope.path("occurredAt").asString())).isEqualTo(event.occurredAt());
        assertThat(envelope.path("data").path("note").asString()).isEqualTo("grams=1200");
        assertThat(envelope.path("data").path("eventId").asString()).isEqualTo(event.eventId().toString());

        JsonNode delivery = onlyDelivery(hook);
        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("log")).hasSize(1);
        assertThat(delivery.path("log").get(0).path("statusCode").asInt()).isEqualTo(200);
        assertThat(delivery.path("log").get(0).path("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("log").get(0).has("durationMillis")).isTrue();
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverDelivered() {
        String store = unique("store");
        Hook hook = subscribe(List.of(), List.of(store));
        ParcelWeighed event = event("parcel.weighed", store);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(event);
            throw new IllegalStateException("the change failed after the event was published");
        })).hasMessageContaining("the change failed");
        dispatch.dispatchDue();

        assertThat(receiver.at(hook.path())).isEmpty();
        assertThat(outboxRowsOf(event.eventId())).isZero();
    }

    @Test
    void anEventPublishedOutsideATransactionIsRefused() {
        String store = unique("store");
        subscribe(List.of(), List.of(store));
        ParcelWeighed event = event("parcel.weighed", store);

        assertThatThrownBy(() -> events.publishEvent(event)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(outboxRowsOf(event.eventId())).isZero();
    }

    @Test
    void aFailedDeliveryIsSentAgainAfterTheBackOffAndBothAttemptsAreLogged() {
        String store = unique("store");
        Hook hook = subscribe(List.of(), List.of(store));
        receiver.answer(hook.path(), 500, 200);
        ParcelWeighed event = event("parcel.weighed", store);

        publishCommitted(event);
        Instant firstAttempt = clock.instant();
        dispatch.dispatchDue();
        assertThat(receiver.at(hook.path())).hasSize(1);
        JsonNode pending = onlyDelivery(hook);
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        Instant due = Instant.parse(pending.path("nextAttemptAt").asString());
        assertThat(due).isBetween(firstAttempt.plus(properties.retryBase().dividedBy(2)), firstAttempt.plus(properties.retryBase()));

        clock.advance(properties.retryBase().dividedBy(2).minusSeconds(1));
        dispatch.dispatchDue();
        assertThat(receiver.at(hook.path())).as("not before the back-off").hasSize(1);

        clock.advance(properties.retryBase());
        dispatch.dispatchDue();
        List<Received> received = receiver.at(hook.path());
        assertThat(received).hasSize(2);
        assertThat(received.get(1).header("Candor-Event-Id")).isEqualTo(event.eventId().toString());
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());

        JsonNode delivered = onlyDelivery(hook);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        JsonNode log = delivered.path("log");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(log.get(0).path("statusCode").asInt()).isEqualTo(500);
        assertThat(log.get(0).path("outcome").asString()).isEqualTo("FAILED");
        assertThat(Instant.parse(log.get(0).path("attemptedAt").asString())).isEqualTo(firstAttempt);
        assertThat(log.get(1).path("attempt").asInt()).isEqualTo(2);
        assertThat(log.get(1).path("statusCode").asInt()).isEqualTo(200);
        assertThat(log.get(1).path("outcome").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void anUnreachableReceiverIsAFailedAttemptLoggedWithItsError() throws Exception {
        String store = unique("store");
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var created = as(adminToken()).post("/api/v1/admin/webhooks", TestApi.body(
                "url", "http://127.0.0.1:" + closedPort + "/gone", "storeIds", List.of(store)));
        Hook hook = new Hook(UUID.fromString(created.text("id")), created.text("secret"), "/gone");
        subscribed.add(hook.id());

        publishCommitted(event("parcel.weighed", store));
        dispatch.dispatchDue();

        JsonNode delivery = onlyDelivery(hook);
        assertThat(delivery.path("status").asString()).isEqualTo("PENDING");
        JsonNode attempt = delivery.path("log").get(0);
        assertThat(attempt.path("outcome").asString()).isEqualTo("FAILED");
        assertThat(attempt.has("statusCode")).isFalse();
        assertThat(attempt.path("error").asString()).contains("ConnectException");
    }

    @Test
    void aDeliveryIsDeadAfterTheLastAttemptUntilAnAdministratorRedeliversIt() {
        String store = unique("store");
        TestApi admin = as(adminToken());
        Hook hook = subscribe(List.of(), List.of(store));
        int maxAttempts = properties.maxAttempts();
        receiver.answerAlways(hook.path(), 503);
        double deadBefore = meters.get("candor.webhooks.deliveries").tag("outcome", "dead").counter().count();

        publishCommitted(event("parcel.weighed", store));
        for (int i = 0; i < maxAttempts + 2; i++) {
            dispatch.dispatchDue();
            clock.advance(properties.retryCap());
        }

        assertThat(receiver.at(hook.path())).hasSize(maxAttempts);
        JsonNode dead = onlyDelivery(hook);
        assertThat(dead.path("status").asString()).isEqualTo("DEAD");
        assertThat(dead.path("log")).hasSize(maxAttempts);
        assertThat(dead.path("log").get(maxAttempts - 2).path("outcome").asString()).isEqualTo("FAILED");
        assertThat(dead.path("log").get(maxAttempts - 1).path("outcome").asString()).isEqualTo("DEAD");
        assertThat(meters.get("candor.webhooks.deliveries").tag("outcome", "dead").counter().count()).isEqualTo(deadBefore + 1);

        receiver.answerAlways(hook.path(), 204);
        var redelivered = admin.post("/api/v1/admin/webhooks/deliveries/" + dead.path("id").asString() + "/redeliver", null);
        assertThat(redelivered.status()).isEqualTo(202);
        assertThat(redelivered.text("status")).isEqualTo("PENDING");
        dispatch.dispatchDue();

        assertThat(receiver.at(hook.path())).hasSize(maxAttempts + 1);
        JsonNode delivered = onlyDelivery(hook);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("log")).hasSize(maxAttempts + 1);
        assertThat(delivered.path("log").get(maxAttempts).path("attempt").asInt()).isEqualTo(maxAttempts + 1);
        assertThat(auditEntries("webhook.redelivery-requested", dead.path("id").asString())).isEqualTo(1);
    }

    @Test
    void subscriptionsReceiveOnlyTheEventTypesAndStoresTheyAskedFor() {
        String storeA = unique("store");
        String storeB = unique("store");
        Hook weighedAtA = subscribe(List.of("parcel.weighed"), List.of(storeA));
        Hook everythingAtB = subscribe(List.of(), List.of(storeB));
        Hook lostAnywhere = subscribe(List.of("parcel.lost"), List.of());
        Hook deactivated = subscribe(List.of(), List.of(storeA, storeB));
        assertThat(as(adminToken()).delete("/api/v1/admin/webhooks/" + deactivated.id()).status()).isEqualTo(204);

        ParcelWeighed weighedA = event("parcel.weighed", storeA);
        ParcelWeighed lostA = event("parcel.lost", storeA);
        ParcelWeighed weighedB = event("parcel.weighed", storeB);
        ParcelWeighed lostNowhere = event("parcel.lost", null);
        publishCommitted(weighedA, lostA, weighedB, lostNowhere);
        dispatch.dispatchDue();

        assertThat(eventIdsAt(weighedAtA)).containsExactly(weighedA.eventId().toString());
        assertThat(eventIdsAt(everythingAtB)).containsExactly(weighedB.eventId().toString());
        assertThat(eventIdsAt(lostAnywhere)).containsExactlyInAnyOrder(lostA.eventId().toString(), lostNowhere.eventId().toString());
        assertThat(eventIdsAt(deactivated)).isEmpty();
        assertThat(JSON.readTree(receiver.at(lostAnywhere.path()).stream()
                .filter(r -> r.header("Candor-Event-Id").equals(lostNowhere.eventId().toString())).findFirst().orElseThrow().body())
                .path("storeId").isNull()).isTrue();
    }

    @Test
    void concurrentDispatchRoundsNeverSendTheSameRowTwice() throws Exception {
        String store = unique("store");
        Hook hook = subscribe(List.of(), List.of(store));
        receiver.delay(hook.path(), Duration.ofMillis(5));
        int count = properties.batchSize() * 3;
        publishCommitted(IntStream.range(0, count).mapToObj(i -> event("parcel.weighed", store)).toArray(OutboundEvent[]::new));

        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<Integer>> rounds = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(3)) {
            for (int node = 0; node < 3; node++) {
                rounds.add(nodes.submit(() -> {
                    start.await();
                    int claimed = 0;
                    for (int c = dispatch.dispatchDue().claimed(); c > 0; c = dispatch.dispatchDue().claimed()) {
                        claimed += c;
                    }
                    return claimed;
                }));
            }
        }
        int claimed = 0;
        for (Future<Integer> round : rounds) {
            claimed += round.get();
        }

        List<String> ids = eventIdsAt(hook);
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();
        assertThat(claimed).isGreaterThanOrEqualTo(count);
        assertThat(jdbc.sql("select count(*) from webhook_delivery_attempts a join webhook_outbox o on o.id = a.outbox_id where o.subscription_id = ?")
                .param(hook.id()).query(Long.class).single()).isEqualTo(count);
    }

    @Test
    void aRowClaimedByARoundThatDiedIsSentWhenItsLeaseRunsOut() {
        String store = unique("store");
        Hook hook = subscribe(List.of(), List.of(store));
        publishCommitted(event("parcel.weighed", store));

        List<Outbox.Claimed> crashed = outbox.claimDue(clock.instant(), properties.lease(), 10_000);
        assertThat(crashed).anyMatch(c -> c.subscriptionId().equals(hook.id()));
        dispatch.dispatchDue();
        assertThat(receiver.at(hook.path())).as("held by the lease").isEmpty();

        clock.advance(properties.lease().plusSeconds(1));
        dispatch.dispatchDue();

        assertThat(receiver.at(hook.path())).hasSize(1);
        JsonNode delivery = onlyDelivery(hook);
        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("attempts").asInt()).as("the lost attempt counts").isEqualTo(2);
        assertThat(delivery.path("log")).hasSize(1);
    }

    @Test
    void theAdminApiValidatesItsInputRefusesOthersAndAuditsEveryChange() {
        TestApi admin = as(adminToken());
        long before = jdbc.sql("select count(*) from webhook_subscriptions").query(Long.class).single();
        var merchant = as(merchantToken("store-x"));
        assertThat(merchant.post("/api/v1/admin/webhooks", TestApi.body("url", "https://example.test/h")).status()).isEqualTo(403);
        assertThat(merchant.get("/api/v1/admin/webhooks").status()).isEqualTo(403);
        assertThat(as(integrationToken()).get("/api/v1/admin/webhooks").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/admin/webhooks").status()).isEqualTo(401);

        for (Object bad : List.of(TestApi.body("url", "ftp://example.test/h"), TestApi.body("url", "not a url"),
                TestApi.body("url", "/relative"), TestApi.body("url", ""),
                TestApi.body("url", "https://example.test/h", "eventTypes", List.of("Case Created")),
                TestApi.body("url", "https://example.test/h", "storeIds", List.of(" ")))) {
            var refused = admin.post("/api/v1/admin/webhooks", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("request.invalid");
        }
        var malformed = admin.postRaw("/api/v1/admin/webhooks", "{\"url\": ", MediaType.APPLICATION_JSON);
        assertThat(malformed.code()).isEqualTo("request.malformed");
        assertThat(jdbc.sql("select count(*) from webhook_subscriptions").query(Long.class).single()).isEqualTo(before);

        var created = admin.post("/api/v1/admin/webhooks",
                TestApi.body("url", "https://example.test/hook", "eventTypes", List.of("case.created", "case.judgment-issued")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        subscribed.add(UUID.fromString(id));
        assertThat(created.text("secret")).startsWith("whsec_");
        assertThat(created.json().path("eventTypes")).hasSize(2);
        assertThat(created.json().path("storeIds")).isEmpty();
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(auditEntries("webhook.subscribed", id)).isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit_log where action = 'webhook.subscribed' and subject_id = ?").param(id)
                .query(String.class).single()).doesNotContain(created.text("secret"));

        JsonNode listed = findIn(admin.get("/api/v1/admin/webhooks?size=200").json(), id);
        assertThat(listed.has("secret")).isFalse();
        assertThat(listed.path("url").asString()).isEqualTo("https://example.test/hook");

        assertThat(admin.delete("/api/v1/admin/webhooks/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/admin/webhooks/" + id).status()).isEqualTo(204);
        assertThat(auditEntries("webhook.deactivated", id)).isEqualTo(1);
        assertThat(findIn(admin.get("/api/v1/admin/webhooks?size=200").json(), id).path("active").asBoolean()).isFalse();

        assertThat(admin.get("/api/v1/admin/webhooks?size=0").code()).isEqualTo("request.invalid");
        assertThat(admin.get("/api/v1/admin/webhooks/" + UUID.randomUUID() + "/deliveries").code()).isEqualTo("resource.not-found");
        assertThat(admin.get("/api/v1/admin/webhooks/not-a-uuid/deliveries").code()).isEqualTo("request.invalid");
        assertThat(admin.delete("/api/v1/admin/webhooks/" + UUID.randomUUID()).code()).isEqualTo("resource.not-found");
        assertThat(admin.post("/api/v1/admin/webhooks/deliveries/" + UUID.randomUUID() + "/redeliver", null).code())
                .isEqualTo("resource.not-found");
    }

    @Test
    void aDeliveryOfADeactivatedSubscriptionIsNeitherSentNorRedelivered() {
        String store = unique("store");
        TestApi admin = as(adminToken());
        Hook hook = subscribe(List.of(), List.of(store));
        publishCommitted(event("parcel.weighed", store));
        String outboxId = onlyDelivery(hook).path("id").asString();

        assertThat(admin.delete("/api/v1/admin/webhooks/" + hook.id()).status()).isEqualTo(204);
        dispatch.dispatchDue();
        assertThat(receiver.at(hook.path())).isEmpty();

        var refused = admin.post("/api/v1/admin/webhooks/deliveries/" + outboxId + "/redeliver", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("resource.conflict");
        assertThat(auditEntries("webhook.redelivery-requested", outboxId)).isZero();
    }

    @Test
    void metricsAreScrapedAndHealthIsUp() {
        String store = unique("store");
        Hook hook = subscribe(List.of(), List.of(store));
        receiver.answer(hook.path(), 500);
        publishCommitted(event("parcel.weighed", store), event("parcel.weighed", store));
        double backlog = meters.get("candor.webhooks.outbox.backlog").gauge().value();
        assertThat(backlog).isGreaterThanOrEqualTo(2);
        dispatch.dispatchDue();

        var prometheus = anonymous().get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.raw())
                .contains("candor_webhooks_deliveries_total{outcome=\"delivered\"}")
                .contains("candor_webhooks_deliveries_total{outcome=\"failed\"}")
                .contains("candor_webhooks_deliveries_total{outcome=\"dead\"}")
                .contains("candor_webhooks_delivery_duration_seconds_count{outcome=\"delivered\"}")
                .contains("candor_webhooks_outbox_backlog");
        assertThat(meters.get("candor.webhooks.outbox.backlog").gauge().value()).as("one failed row is still pending")
                .isEqualTo(backlog - 1);

        var health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    // --- helpers -----------------------------------------------------------------------------------

    record Hook(UUID id, String secret, String path) {
    }

    private Hook subscribe(List<String> eventTypes, List<String> storeIds) {
        String path = "/hooks/" + UUID.randomUUID();
        var created = as(adminToken()).post("/api/v1/admin/webhooks", TestApi.body(
                "url", "http://127.0.0.1:" + receiver.port() + path, "eventTypes", eventTypes, "storeIds", storeIds));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Hook hook = new Hook(UUID.fromString(created.text("id")), created.text("secret"), path);
        subscribed.add(hook.id());
        return hook;
    }

    private void publishCommitted(OutboundEvent... published) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (OutboundEvent event : published) {
                events.publishEvent(event);
            }
        });
    }

    private JsonNode onlyDelivery(Hook hook) {
        var response = as(adminToken()).get("/api/v1/admin/webhooks/" + hook.id() + "/deliveries");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("total").asLong()).isEqualTo(1);
        return response.json().path("items").get(0);
    }

    private List<String> eventIdsAt(Hook hook) {
        return receiver.at(hook.path()).stream().map(r -> r.header("Candor-Event-Id")).toList();
    }

    private long outboxRowsOf(UUID eventId) {
        return jdbc.sql("select count(*) from webhook_outbox where event_id = ?").param(eventId).query(Long.class).single();
    }

    private long auditEntries(String action, String subjectId) {
        return jdbc.sql("select count(*) from audit_log where action = ? and subject_id = ?")
                .params(action, subjectId).query(Long.class).single();
    }

    private static JsonNode findIn(JsonNode page, String id) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(item -> item.path("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    record Received(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** A webhook receiver on loopback that records every request by path and answers as told. */
    static final class Receiver {

        final HttpServer server;
        private final Map<String, Queue<Received>> received = new ConcurrentHashMap<>();
        private final Map<String, Queue<Integer>> scripted = new ConcurrentHashMap<>();
        private final Map<String, Integer> always = new ConcurrentHashMap<>();
        private final Map<String, Duration> delays = new ConcurrentHashMap<>();

        Receiver() throws java.io.IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>())
                        .add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
                Duration delay = delays.get(path);
                if (delay != null) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Integer next = scripted.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
                int status = next != null ? next : always.getOrDefault(path, 200);
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** Answers the next requests to a path with these statuses, then 200 (or what {@link #answerAlways} set). */
        void answer(String path, Integer... statuses) {
            scripted.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(statuses));
        }

        void answerAlways(String path, int status) {
            always.put(path, status);
        }

        void delay(String path, Duration delay) {
            delays.put(path, delay);
        }

        List<Received> at(String path) {
            return List.copyOf(received.getOrDefault(path, new ConcurrentLinkedQueue<>()));
        }
    }
}
