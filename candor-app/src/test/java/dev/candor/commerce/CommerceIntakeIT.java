package dev.candor.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.shared.storage.BlobStore;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.TestApi;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class CommerceIntakeIT extends IntegrationTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Commerce commerce;

    @Autowired
    BlobStore blobs;

    @Test
    void aStorePushIsCreatedThenUpdatedAndARepeatedPushChangesNothing() {
        TestApi orderSystem = as(integrationToken());
        String storeId = unique("store");

        var created = orderSystem.put("/api/v1/stores/" + storeId, Map.of("name", "Tea House"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasToString("/api/v1/stores/" + storeId);
        assertThat(created.text("name")).isEqualTo("Tea House");
        assertThat(created.json().path("changed").asBoolean()).isTrue();
        Instant createdUpdatedAt = updatedAt("stores", storeId);

        clock.addHours(1);
        var repeated = orderSystem.put("/api/v1/stores/" + storeId, Map.of("name", "Tea House"));
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().path("changed").asBoolean()).isFalse();
        assertThat(auditActions("store", storeId)).containsExactly("store.created");
        assertThat(updatedAt("stores", storeId)).isEqualTo(createdUpdatedAt);

        var renamed = orderSystem.put("/api/v1/stores/" + storeId, Map.of("name", "Tea House 2"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("changed").asBoolean()).isTrue();
        assertThat(auditActions("store", storeId)).containsExactly("store.created", "store.updated");
        assertThat(lastAuditDetail("store", storeId))
                .isEqualTo("{\"after\":{\"name\":\"Tea House 2\"},\"before\":{\"name\":\"Tea House\"}}");
        assertThat(orderSystem.get("/api/v1/stores/" + storeId).text("name")).isEqualTo("Tea House 2");
    }

    @Test
    void anOrderReadsBackExactlyAsPushedAndOnlyItsChangedFieldsAreAudited() {
        TestApi orderSystem = as(integrationToken());
        String storeId = pushStore(orderSystem);
        String buyerId = pushBuyer(orderSystem, "张三", "13812345678");
        String orderId = unique("order");
        Map<String, Object> order = order(storeId, buyerId, "2026-05-20T10:15:30.123456Z", null);

        var created = orderSystem.put("/api/v1/orders/" + orderId, order);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("category")).isEqualTo("apparel");

        OrderSnapshot snapshot = commerce.findOrder(orderId).orElseThrow();
        assertThat(snapshot).isEqualTo(new OrderSnapshot(orderId, storeId, buyerId, "apparel", 12_900, "CNY",
                Instant.parse("2026-05-20T10:15:30.123456Z"), Instant.parse("2026-05-21T02:00:00Z"), null, List.of(
                new OrderSnapshot.OrderLine("listing-coat", "Wool coat", "apparel", 1, 9_900),
                new OrderSnapshot.OrderLine("listing-ring", "Silver ring", "jewellery", 2, 1_500))));

        var read = orderSystem.get("/api/v1/orders/" + orderId);
        assertThat(read.text("paidAt")).isEqualTo("2026-05-20T10:15:30.123456Z");
        assertThat(read.json().path("lines").size()).isEqualTo(2);
        assertThat(read.json().path("lines").get(1).path("category").asString()).isEqualTo("jewellery");
        assertThat(read.json().path("buyer").path("name").asString()).isEqualTo("张三");

        var repeated = orderSystem.put("/api/v1/orders/" + orderId, order);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().path("changed").asBoolean()).isFalse();
        assertThat(auditActions("order", orderId)).containsExactly("order.created");

        var delivered = orderSystem.put("/api/v1/orders/" + orderId,
                order(storeId, buyerId, "2026-05-20T10:15:30.123456Z", "2026-05-23T09:00:00Z"));
        assertThat(delivered.json().path("changed").asBoolean()).isTrue();
        var detail = JSON.readTree(lastAuditDetail("order", orderId));
        assertThat(detail.path("after").propertyNames()).containsExactly("deliveredAt");
        assertThat(detail.path("after").path("deliveredAt").asString()).isEqualTo("2026-05-23T09:00:00Z");
        assertThat(detail.path("before").path("deliveredAt").isNull() || detail.path("before").path("deliveredAt").isMissingNode())
                .isTrue();
        assertThat(commerce.findOrder(orderId).orElseThrow().deliveredAt()).isEqualTo(Instant.parse("2026-05-23T09:00:00Z"));
    }

    @Test
    void anOrdersStoreAndBuyerCannotChange() {
        TestApi orderSystem = as(integrationToken());
        String storeId = pushStore(orderSystem);
        String otherStore = pushStore(orderSystem);
        String buyerId = pushBuyer(orderSystem, "王五", "13700001111");
        String orderId = unique("order");
        orderSystem.put("/api/v1/orders/" + orderId, order(storeId, buyerId, "2026-05-20T10:00:00Z", null));

        var moved = orderSystem.put("/api/v1/orders/" + orderId, order(otherStore, buyerId, "2026-05-20T10:00:00Z", null));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.code()).isEqualTo("resource.conflict");
        assertThat(commerce.findOrder(orderId).orElseThrow().storeId()).isEqualTo(storeId);
    }

    @Test
    void unknownReferencesAreRefusedAndNothingIsWritten() {
        TestApi orderSystem = as(integrationToken());
        String storeId = pushStore(orderSystem);
        String buyerId = pushBuyer(orderSystem, "李四", "13911112222");
        long auditRows = count("audit_log");

        String orderId = unique("order");
        var noStore = orderSystem.put("/api/v1/orders/" + orderId, order("no-such-store", buyerId, "2026-05-20T10:00:00Z", null));
        assertThat(noStore.status()).isEqualTo(422);
        assertThat(noStore.code()).isEqualTo("commerce.unknown-reference");
        assertThat(noStore.text("resource")).isEqualTo("store");
        assertThat(noStore.text("id")).isEqualTo("no-such-store");

        var noBuyer = orderSystem.put("/api/v1/orders/" + orderId, order(storeId, "no-such-buyer", "2026-05-20T10:00:00Z", null));
        assertThat(noBuyer.code()).isEqualTo("commerce.unknown-reference");
        assertThat(noBuyer.text("resource")).isEqualTo("buyer");
        assertThat(commerce.findOrder(orderId)).isEmpty();

        String listingId = unique("listing");
        assertThat(orderSystem.put("/api/v1/listings/" + listingId, listing("no-such-store", List.of())).code())
                .isEqualTo("commerce.unknown-reference");
        assertThat(orderSystem.get("/api/v1/listings/" + listingId).status()).isEqualTo(404);

        String shipmentId = unique("shipment");
        assertThat(orderSystem.put("/api/v1/shipments/" + shipmentId, shipment("no-such-order")).code())
                .isEqualTo("commerce.unknown-reference");
        assertThat(orderSystem.post("/api/v1/shipments/" + shipmentId + "/tracking-events",
                Map.of("events", List.of(event("2026-05-21T08:00:00Z", "PICKED_UP")))).code())
                .isEqualTo("commerce.unknown-reference");

        assertThat(count("audit_log")).isEqualTo(auditRows);
        assertThat(jdbc.sql("select count(*) from shipments where id = ?").param(shipmentId).query(Long.class).single()).isZero();
    }

    @Test
    void malformedJsonAndInvalidValuesAreClearErrorsAndWriteNothing() {
        TestApi orderSystem = as(integrationToken());
        String storeId = unique("store");

        var malformed = orderSystem.exchange(HttpMethod.PUT, "/api/v1/stores/" + storeId, "{\"name\": ", Map.of());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed");
        assertThat(orderSystem.get("/api/v1/stores/" + storeId).status()).isEqualTo(404);

        String realStore = pushStore(orderSystem);
        String listingId = unique("listing");
        Map<String, Object> badCurrency = new java.util.HashMap<>(listing(realStore, List.of()));
        badCurrency.put("currency", "ABC");
        var invalid = orderSystem.put("/api/v1/listings/" + listingId, badCurrency);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("request.invalid");
        assertThat(invalid.json().path("errors").get(0).path("field").asString()).isEqualTo("currency");

        String buyerId = pushBuyer(orderSystem, "赵六", "13600001111");
        String orderId = unique("order");
        var nanos = orderSystem.put("/api/v1/orders/" + orderId, order(realStore, buyerId, "2026-05-20T10:00:00.123456789Z", null));
        assertThat(nanos.status()).isEqualTo(400);
        assertThat(nanos.json().path("errors").get(0).path("field").asString()).isEqualTo("paidAt");

        assertThat(orderSystem.put("/api/v1/stores/_leading-underscore", Map.of("name", "x")).code()).isEqualTo("request.invalid");
        assertThat(orderSystem.get("/api/v1/listings/" + listingId).status()).isEqualTo(404);
        assertThat(commerce.findOrder(orderId)).isEmpty();
    }

    @Test
    void onlyTheOrderSystemAndAdminsMayPush() {
        String storeId = unique("store");
        var merchant = as(merchantToken(storeId)).put("/api/v1/stores/" + storeId, Map.of("name", "Mine"));
        assertThat(merchant.status()).isEqualTo(403);
        assertThat(merchant.code()).isEqualTo("auth.forbidden");
        assertThat(as(reviewerToken()).put("/api/v1/stores/" + storeId, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(as(adminToken()).put("/api/v1/stores/" + storeId, Map.of("name", "By admin")).status()).isEqualTo(201);
    }

    @Test
    void reSentTrackingEventsAreIgnoredAndEventsReadInTimeOrder() {
        TestApi orderSystem = as(integrationToken());
        String orderId = pushOrder(orderSystem, pushStore(orderSystem), pushBuyer(orderSystem, "周七", "13500001111"));
        String shipmentId = unique("shipment");
        assertThat(orderSystem.put("/api/v1/shipments/" + shipmentId, shipment(orderId)).status()).isEqualTo(201);
        String path = "/api/v1/shipments/" + shipmentId + "/tracking-events";

        var first = orderSystem.post(path, Map.of("events", List.of(
                event("2026-05-21T12:00:00Z", "IN_TRANSIT"), event("2026-05-21T08:00:00Z", "PICKED_UP"))));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("newEvents").asInt()).isEqualTo(2);

        var again = orderSystem.post(path, Map.of("events", List.of(
                event("2026-05-21T08:00:00Z", "PICKED_UP"), event("2026-05-21T12:00:00Z", "IN_TRANSIT"),
                event("2026-05-22T09:30:00Z", "DELIVERED"))));
        assertThat(again.json().path("receivedEvents").asInt()).isEqualTo(3);
        assertThat(again.json().path("newEvents").asInt()).isEqualTo(1);

        long auditRows = auditActions("shipment", shipmentId).size();
        var nothingNew = orderSystem.post(path, Map.of("events", List.of(event("2026-05-21T08:00:00Z", "PICKED_UP"))));
        assertThat(nothingNew.json().path("newEvents").asInt()).isZero();
        assertThat(auditActions("shipment", shipmentId)).hasSize((int) auditRows);

        var read = orderSystem.get("/api/v1/shipments/" + shipmentId);
        List<String> statuses = new ArrayList<>();
        read.json().path("events").forEach(e -> statuses.add(e.path("status").asString()));
        assertThat(statuses).containsExactly("PICKED_UP", "IN_TRANSIT", "DELIVERED");
        assertThat(orderSystem.get("/api/v1/orders/" + orderId).json().path("shipments").get(0).path("id").asString())
                .isEqualTo(shipmentId);
    }

    @Test
    void listingPhotosAreStoredByContentAndMislabeledBytesAreRefused() throws Exception {
        String token = integrationToken();
        TestApi orderSystem = as(token);
        String storeId = pushStore(orderSystem);
        String listingId = unique("listing");
        var listing = orderSystem.put("/api/v1/listings/" + listingId,
                listing(storeId, List.of(Map.of("photoId", "main", "url", "https://shop.example/main.png"))));
        assertThat(listing.status()).isEqualTo(201);
        String photoPath = "/api/v1/listings/" + listingId + "/photos/main";

        var mislabeled = putBytes(token, photoPath, MediaType.IMAGE_JPEG, PNG);
        assertThat(mislabeled.status()).isEqualTo(422);
        assertThat(mislabeled.code()).isEqualTo("commerce.photo-type-mismatch");
        assertThat(commerce.listingPhotos(listingId)).isEmpty();

        var unsupported = putBytes(token, photoPath, MediaType.TEXT_PLAIN, "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(unsupported.status()).isEqualTo(415);

        var uploaded = putBytes(token, photoPath, MediaType.IMAGE_PNG, PNG);
        assertThat(uploaded.status()).isEqualTo(201);
        String sha256 = dev.candor.shared.Sha256.hex(PNG);
        assertThat(uploaded.text("sha256")).isEqualTo(sha256);
        assertThat(uploaded.text("mediaType")).isEqualTo("image/png");
        assertThat(uploaded.json().path("sizeBytes").asLong()).isEqualTo(PNG.length);
        try (InputStream stored = blobs.open(ListingPhoto.AREA, sha256).orElseThrow()) {
            assertThat(stored.readAllBytes()).isEqualTo(PNG);
        }

        var again = putBytes(token, photoPath, MediaType.IMAGE_PNG, PNG);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("changed").asBoolean()).isFalse();
        assertThat(auditActions("listing-photo", listingId + "/main")).containsExactly("listing-photo.uploaded");

        var tooLarge = putBytes(token, photoPath, MediaType.IMAGE_PNG, (StreamingHttpOutputMessage.Body) out -> {
            out.write(PNG);
            out.write(new byte[25 * 1024 * 1024 + 1 - PNG.length]);
        });
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("request.payload-too-large");
        assertThat(commerce.listingPhotos(listingId)).extracting(ListingPhoto::sha256).containsExactly(sha256);

        var undeclared = putBytes(token, "/api/v1/listings/" + listingId + "/photos/other", MediaType.IMAGE_JPEG, JPEG);
        assertThat(undeclared.code()).isEqualTo("commerce.unknown-reference");
        assertThat(undeclared.text("id")).isEqualTo(listingId + "/other");

        orderSystem.put("/api/v1/listings/" + listingId, listing(storeId, List.of()));
        assertThat(orderSystem.get("/api/v1/listings/" + listingId).json().path("photos").size()).isZero();
        assertThat(commerce.listingPhotos(listingId)).containsExactly(
                new ListingPhoto(listingId, "main", sha256, "image/png", PNG.length, false));
    }

    @Test
    void merchantsSeeOnlyTheirStoresAndOnlyMaskedBuyerDetails() {
        TestApi orderSystem = as(integrationToken());
        String ownStore = pushStore(orderSystem);
        String otherStore = pushStore(orderSystem);
        String buyerId = pushBuyer(orderSystem, "张三丰", "13812345678");
        String otherBuyer = pushBuyer(orderSystem, "陈八", "13300001111");
        String ownOrder = pushOrder(orderSystem, ownStore, buyerId);
        String otherOrder = pushOrder(orderSystem, otherStore, otherBuyer);
        String otherShipment = unique("shipment");
        orderSystem.put("/api/v1/shipments/" + otherShipment, shipment(otherOrder));
        String otherListing = unique("listing");
        orderSystem.put("/api/v1/listings/" + otherListing, listing(otherStore, List.of()));
        TestApi merchant = as(merchantToken(ownStore));

        var order = merchant.get("/api/v1/orders/" + ownOrder);
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().path("buyer").path("name").asString()).isEqualTo("张**");
        assertThat(order.json().path("buyer").path("phone").asString()).isEqualTo("138****5678");
        assertThat(order.json().path("buyer").path("address").asString()).isEqualTo("浙江省杭州市****");
        assertThat(order.raw()).doesNotContain("13812345678", "buyer@example.com", "文三路");

        var buyer = merchant.get("/api/v1/buyers/" + buyerId);
        assertThat(buyer.text("name")).isEqualTo("张**");
        assertThat(buyer.json().has("email")).isFalse();

        for (String path : List.of("/api/v1/orders/" + otherOrder, "/api/v1/stores/" + otherStore,
                "/api/v1/stores/" + otherStore + "/orders", "/api/v1/listings/" + otherListing,
                "/api/v1/shipments/" + otherShipment, "/api/v1/buyers/" + otherBuyer)) {
            var refused = merchant.get(path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.code()).as(path).isEqualTo("resource.not-found");
        }
        assertThat(merchant.get("/api/v1/stores/" + ownStore + "/orders").json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void buyersSeeOnlyTheirOwnOrdersAndRecordUnmasked() {
        TestApi orderSystem = as(integrationToken());
        String storeId = pushStore(orderSystem);
        String buyerId = pushBuyer(orderSystem, "张三", "13812345678");
        String otherBuyer = pushBuyer(orderSystem, "李四", "13911112222");
        String ownOrder = pushOrder(orderSystem, storeId, buyerId);
        String otherOrder = pushOrder(orderSystem, storeId, otherBuyer);
        String shipmentId = unique("shipment");
        orderSystem.put("/api/v1/shipments/" + shipmentId, shipment(ownOrder));
        TestApi buyer = as(buyerToken(buyerId));

        var own = buyer.get("/api/v1/orders/" + ownOrder);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("buyer").path("phone").asString()).isEqualTo("13812345678");
        var record = buyer.get("/api/v1/buyers/" + buyerId);
        assertThat(record.text("name")).isEqualTo("张三");
        assertThat(record.text("email")).isEqualTo("buyer@example.com");
        assertThat(buyer.get("/api/v1/shipments/" + shipmentId).status()).isEqualTo(200);

        assertThat(buyer.get("/api/v1/orders/" + otherOrder).code()).isEqualTo("resource.not-found");
        assertThat(buyer.get("/api/v1/buyers/" + otherBuyer).code()).isEqualTo("resource.not-found");
        assertThat(buyer.get("/api/v1/stores/" + storeId + "/orders").status()).isEqualTo(403);
    }

    @Test
    void theBuyerAuditTrailKeepsContactDetailsMasked() {
        TestApi orderSystem = as(integrationToken());
        String buyerId = pushBuyer(orderSystem, "张三", "13812345678");
        orderSystem.put("/api/v1/buyers/" + buyerId, Map.of("name", "张三", "phone", "13887654321",
                "address", "浙江省杭州市西湖区文三路100号", "email", "buyer@example.com"));

        assertThat(auditActions("buyer", buyerId)).containsExactly("buyer.created", "buyer.updated");
        String trail = String.join("\n", jdbc.sql("select detail from audit_log where subject_type = 'buyer' and subject_id = ?")
                .param(buyerId).query(String.class).list());
        assertThat(trail).contains("138****4321").doesNotContain("13812345678", "13887654321", "文三路", "buyer@example.com");
    }

    @Test
    void aStoresOrdersArePagedMostRecentlyPaidFirst() {
        TestApi orderSystem = as(integrationToken());
        String storeId = pushStore(orderSystem);
        String buyerId = pushBuyer(orderSystem, "钱九", "13100001111");
        for (String paidAt : List.of("2026-05-01T00:00:00Z", "2026-05-03T00:00:00Z", "2026-05-02T00:00:00Z")) {
            orderSystem.put("/api/v1/orders/" + unique("order"), order(storeId, buyerId, paidAt, null));
        }
        var first = orderSystem.get("/api/v1/stores/" + storeId + "/orders?page=0&size=2");
        assertThat(first.json().path("total").asLong()).isEqualTo(3);
        assertThat(first.json().path("items").size()).isEqualTo(2);
        assertThat(first.json().path("items").get(0).path("paidAt").asString()).isEqualTo("2026-05-03T00:00:00Z");
        var second = orderSystem.get("/api/v1/stores/" + storeId + "/orders?page=1&size=2");
        assertThat(second.json().path("items").get(0).path("paidAt").asString()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(orderSystem.get("/api/v1/stores/" + storeId + "/orders?size=0").code()).isEqualTo("request.invalid");
    }

    @Test
    void concurrentFirstPushesOfOneIdCreateItOnceAndNeverFail() throws Exception {
        String token = integrationToken();
        TestApi orderSystem = as(token);
        String storeId = pushStore(orderSystem);
        String buyerId = pushBuyer(orderSystem, "孙十", "13000001111");
        String orderId = unique("order");
        Map<String, Object> order = order(storeId, buyerId, "2026-05-20T10:00:00Z", null);
        int pushes = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(pushes)) {
            for (int i = 0; i < pushes; i++) {
                Callable<Integer> push = () -> {
                    start.await();
                    return as(token).put("/api/v1/orders/" + orderId, order).status();
                };
                statuses.add(pool.submit(push));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertThat(results).containsOnly(200, 201);
            assertThat(results).filteredOn(s -> s == 201).hasSize(1);
        }
        assertThat(auditActions("order", orderId)).containsExactly("order.created");
    }

    @Test
    void theIntakeEndpointsAreDescribedInTheOpenApiDocument() {
        var paths = anonymous().get("/v3/api-docs").json().path("paths");
        assertThat(paths.has("/api/v1/listings/{listingId}/photos/{photoId}")).isTrue();
        assertThat(paths.has("/api/v1/shipments/{shipmentId}/tracking-events")).isTrue();
        assertThat(paths.has("/api/v1/stores/{storeId}/orders")).isTrue();
    }

    private String pushStore(TestApi api) {
        String storeId = unique("store");
        assertThat(api.put("/api/v1/stores/" + storeId, Map.of("name", "Store " + storeId)).status()).isEqualTo(201);
        return storeId;
    }

    private String pushBuyer(TestApi api, String name, String phone) {
        String buyerId = unique("buyer");
        var response = api.put("/api/v1/buyers/" + buyerId, Map.of("name", name, "phone", phone,
                "address", "浙江省杭州市西湖区文三路100号", "email", "buyer@example.com"));
        assertThat(response.status()).isEqualTo(201);
        return buyerId;
    }

    private String pushOrder(TestApi api, String storeId, String buyerId) {
        String orderId = unique("order");
        assertThat(api.put("/api/v1/orders/" + orderId, order(storeId, buyerId, "2026-05-20T10:00:00Z", null)).status())
                .isEqualTo(201);
        return orderId;
    }

    private static Map<String, Object> order(String storeId, String buyerId, String paidAt, String deliveredAt) {
        Map<String, Object> order = new java.util.LinkedHashMap<>();
        order.put("storeId", storeId);
        order.put("buyerId", buyerId);
        order.put("lines", List.of(
                Map.of("listingId", "listing-coat", "title", "Wool coat", "category", "apparel", "quantity", 1,
                        "unitPriceCents", 9_900),
                Map.of("listingId", "listing-ring", "title", "Silver ring", "category", "jewellery", "quantity", 2,
                        "unitPriceCents", 1_500)));
        order.put("totalCents", 12_900);
        order.put("currency", "CNY");
        order.put("paidAt", paidAt);
        order.put("shippedAt", "2026-05-21T02:00:00Z");
        if (deliveredAt != null) {
            order.put("deliveredAt", deliveredAt);
        }
        return order;
    }

    private static Map<String, Object> listing(String storeId, List<Map<String, String>> photos) {
        return Map.of("storeId", storeId, "title", "Wool coat", "category", "apparel", "priceCents", 9_900,
                "currency", "CNY", "photos", photos);
    }

    private static Map<String, Object> shipment(String orderId) {
        return Map.of("orderId", orderId, "direction", "OUTBOUND", "carrier", "SF Express", "trackingNumber", "SF1234567890");
    }

    private static Map<String, Object> event(String occurredAt, String status) {
        return Map.of("occurredAt", occurredAt, "status", status, "location", "Hangzhou");
    }

    private TestApi.Response putBytes(String token, String path, MediaType type, byte[] bytes) {
        return putBytes(token, path, type, (StreamingHttpOutputMessage.Body) out -> out.write(bytes));
    }

    /** Streams the body, so it is sent chunked, without a Content-Length the server could check first. */
    private TestApi.Response putBytes(String token, String path, MediaType type, StreamingHttpOutputMessage.Body body) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build()
                .put().uri(path).contentType(type).body(body)
                .exchange((request, response) -> {
                    String raw = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    var json = raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw);
                    return new TestApi.Response(response.getStatusCode().value(), response.getHeaders(), raw, json);
                }, true);
    }

    private List<String> auditActions(String subjectType, String subjectId) {
        return jdbc.sql("select action from audit_log where subject_type = ? and subject_id = ? order by id")
                .params(subjectType, subjectId).query(String.class).list();
    }

    private String lastAuditDetail(String subjectType, String subjectId) {
        return jdbc.sql("select detail from audit_log where subject_type = ? and subject_id = ? order by id desc limit 1")
                .params(subjectType, subjectId).query(String.class).single();
    }

    private Instant updatedAt(String table, String id) {
        return jdbc.sql("select updated_at from " + table + " where id = ?").param(id)
                .query((rs, n) -> dev.candor.shared.SqlTime.instant(rs, "updated_at")).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
