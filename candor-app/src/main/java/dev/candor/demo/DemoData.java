package dev.candor.demo;

import dev.candor.shared.Sha256;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.shared.security.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo on the first start of a database that has none: {@code candor.demo-data.enabled} is
 * {@code auto} (only with the embedded PostgreSQL), {@code true} or {@code false}. The demo keys are
 * public (README) and must never exist in a real installation. Every push is idempotent (PUT, or POST with
 * an {@code Idempotency-Key}), so a load interrupted by a crash completes on the next start; the audit
 * entry {@code demo.loaded} marks it done.
 */
@Component
class DemoData {

    /** The audit entry that marks the demo loaded, found again at each start through its subject's index. */
    private static final String MARK_ACTION = "demo.loaded";
    private static final String MARK_SUBJECT = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The demo principals: key id, kind, display name, stores, buyer id. Tokens are {@code cnd_<key id>_demo}. */
    record DemoPrincipal(String keyId, ActorKind kind, String name, Set<String> stores, String buyerId) {
        String token() {
            return "cnd_" + keyId + "_demo";
        }
    }

    static final List<DemoPrincipal> PRINCIPALS = List.of(
            new DemoPrincipal("demo-admin", ActorKind.ADMIN, "Demo administrator", Set.of(), null),
            new DemoPrincipal("demo-reviewer", ActorKind.REVIEWER, "Demo reviewer 审核员", Set.of(), null),
            new DemoPrincipal("demo-merchant", ActorKind.MERCHANT, "Hangzhou Wool Apparel staff", Set.of("demo-apparel"), null),
            new DemoPrincipal("demo-merchant2", ActorKind.MERCHANT, "Jade Garden staff", Set.of("demo-jewellery"), null),
            new DemoPrincipal("demo-buyer", ActorKind.BUYER, "李娜", Set.of(), "demo-buyer-1"),
            new DemoPrincipal("demo-orders", ActorKind.INTEGRATION, "Demo order system", Set.of(), null));

    private final ApiKeys apiKeys;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json;
    private final String enabled;
    private final boolean embedded;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoData(ApiKeys apiKeys, AuditLog audit, JdbcClient jdbc, TransactionTemplate transactions, Clock clock, JsonMapper json,
             @org.springframework.beans.factory.annotation.Value("${candor.demo-data.enabled:auto}") String enabled,
             @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String datasourceUrl) {
        this.apiKeys = apiKeys;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.enabled = enabled;
        this.embedded = datasourceUrl.isBlank();
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        boolean wanted = "true".equals(enabled) || ("auto".equals(enabled) && embedded);
        if (!wanted || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        // Through audit_log_subject: by its action alone this read every audit row at each start.
        boolean loaded = jdbc.sql("""
                        select exists (select 1 from audit_log
                                       where subject_type = ? and subject_id = ? and action = ?)""")
                .params(MARK_SUBJECT, MARK_SUBJECT, MARK_ACTION).query(Boolean.class).single();
        if (!loaded) {
            try {
                load(base);
            } catch (IOException | RuntimeException e) {
                log.error("Could not load the demo data; the service runs without it", e);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        StringBuilder keys = new StringBuilder();
        PRINCIPALS.forEach(p -> keys.append(String.format("%n    %-15s %-36s %s", p.kind(), p.token(), p.name())));
        log.info("Demo data is loaded. Demo API keys (public, for this demo only):{}", keys);
    }

    private void load(String base) throws IOException, InterruptedException {
        transactions.executeWithoutResult(status -> PRINCIPALS.stream()
                .filter(p -> jdbc.sql("select count(*) from api_keys where id = ?").param(p.keyId()).query(Long.class).single() == 0)
                .forEach(p -> apiKeys.createPrincipalWithKey(p.kind(), p.name(), p.stores(), p.buyerId(), "demo", p.keyId(), "demo")));
        Client orders = new Client(base, token("demo-orders"));
        Client merchant = new Client(base, token("demo-merchant"));
        Client merchant2 = new Client(base, token("demo-merchant2"));
        Client buyer = new Client(base, token("demo-buyer"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        orders.put("/api/v1/stores/demo-apparel", Map.of("name", "杭州羊毛服饰 Hangzhou Wool Apparel"));
        orders.put("/api/v1/stores/demo-jewellery", Map.of("name", "玉石花园 Jade Garden"));
        orders.put("/api/v1/buyers/demo-buyer-1", Map.of("name", "李娜", "phone", "13912345678", "address", "浙江省杭州市西湖区文三路 100 号"));
        orders.put("/api/v1/buyers/demo-buyer-2", Map.of("name", "王强", "phone", "13698765432", "address", "上海市浦东新区世纪大道 88 号"));
        orders.put("/api/v1/buyers/demo-buyer-3", Map.of("name", "Chen Mei", "phone", "13511112222", "address", "广东省深圳市南山区科技园 1 栋"));
        orders.put("/api/v1/buyers/demo-buyer-4", Map.of("name", "赵敏", "phone", "13722223333", "address", "江苏省南京市鼓楼区中山路 18 号"));
        orders.put("/api/v1/buyers/demo-buyer-5", Map.of("name", "刘洋", "phone", "13633334444", "address", "四川省成都市武侯区天府大道 66 号"));
        orders.put("/api/v1/buyers/demo-buyer-6", Map.of("name", "孙浩", "phone", "13544445555", "address", "北京市朝阳区建国路 9 号"));
        orders.put("/api/v1/buyers/demo-buyer-7", Map.of("name", "周婷", "phone", "13855556666", "address", "湖北省武汉市洪山区珞喻路 120 号"));
        orders.put("/api/v1/buyers/demo-buyer-8", Map.of("name", "吴磊", "phone", "13966667777", "address", "福建省厦门市思明区湖滨南路 50 号"));
        orders.put("/api/v1/listings/demo-coat", listing("demo-apparel", "Double-faced wool coat 双面羊毛大衣", "apparel", 89_900));
        orders.put("/api/v1/listings/demo-scarf", listing("demo-apparel", "Cashmere scarf 羊绒围巾", "apparel", 25_900));
        orders.put("/api/v1/listings/demo-socks", listing("demo-apparel", "Wool socks 羊毛袜", "apparel", 5_900));
        orders.put("/api/v1/listings/demo-hat", listing("demo-apparel", "Knitted wool hat 羊毛针织帽", "apparel", 26_900));
        orders.put("/api/v1/listings/demo-sweater", listing("demo-apparel", "Merino sweater 美利奴毛衣", "apparel", 15_900));
        orders.put("/api/v1/listings/demo-pendant", listing("demo-jewellery", "Jadeite pendant 翡翠吊坠", "jewellery", 68_800));
        Map<String, Object> bracelet = new LinkedHashMap<>(listing("demo-jewellery", "Hetian jade bracelet 和田玉手镯", "jewellery", 158_000));
        bracelet.put("photos", List.of(Map.of("photoId", "main")));
        orders.put("/api/v1/listings/demo-bracelet", bracelet);
        orders.putBytes("/api/v1/listings/demo-bracelet/photos/main", DemoPhotos.listing(), "image/jpeg");

        orders.put("/api/v1/orders/demo-order-1", order("demo-apparel", "demo-buyer-1", "demo-coat", "apparel", 89_900, now, 2));
        orders.put("/api/v1/orders/demo-order-2", order("demo-apparel", "demo-buyer-2", "demo-scarf", "apparel", 25_900, now, 3));
        orders.put("/api/v1/orders/demo-order-3", order("demo-jewellery", "demo-buyer-3", "demo-bracelet", "jewellery", 158_000, now, 6));
        orders.put("/api/v1/orders/demo-order-4", order("demo-apparel", "demo-buyer-1", "demo-scarf", "apparel", 25_900, now, 9));
        orders.put("/api/v1/orders/demo-order-5", order("demo-apparel", "demo-buyer-2", "demo-coat", "apparel", 89_900, now, 12));
        orders.put("/api/v1/orders/demo-order-6", order("demo-apparel", "demo-buyer-4", "demo-socks", "apparel", 5_900, now, 4));
        orders.put("/api/v1/orders/demo-order-7", order("demo-jewellery", "demo-buyer-5", "demo-pendant", "jewellery", 68_800, now, null));
        orders.put("/api/v1/orders/demo-order-8", order("demo-jewellery", "demo-buyer-6", "demo-pendant", "jewellery", 68_800, now, 60));
        orders.put("/api/v1/orders/demo-order-9", order("demo-jewellery", "demo-buyer-6", "demo-pendant", "jewellery", 68_800, now, 30));
        orders.put("/api/v1/orders/demo-order-10", order("demo-apparel", "demo-buyer-6", "demo-scarf", "apparel", 25_900, now, 5));
        orders.put("/api/v1/orders/demo-order-11", order("demo-apparel", "demo-buyer-7", "demo-hat", "apparel", 26_900, now, 5));
        orders.put("/api/v1/orders/demo-order-12", order("demo-apparel", "demo-buyer-8", "demo-sweater", "apparel", 15_900, now, 3));

        // Waiting for the merchant: the buyer's own refund-only request on a coat.
        buyer.post("/api/v1/cases", caseRequest("demo-order-1", "REFUND_ONLY", "QUALITY_PROBLEM", "袖口有破洞 A hole at the cuff", 89_900));
        // Agreed, waiting for the buyer to ship the return.
        String scarf = orders.post("/api/v1/cases", caseRequest("demo-order-2", "RETURN_AND_REFUND", "NOT_AS_DESCRIBED",
                "颜色与图片不符 Colour differs from the photos", 25_900)).path("id").asString();
        merchant.post("/api/v1/cases/" + scarf + "/agree", Map.of());
        // Refused and escalated: in the reviewers' queue. The buyer's photo is the listing photo with a crack
        // painted on; GET /api/v1/cases/{id}/forensics shows it.
        String braceletCase = orders.post("/api/v1/cases", caseRequest("demo-order-3", "REFUND_ONLY", "QUALITY_PROBLEM",
                "手镯有裂纹 The bracelet has a crack", 158_000)).path("id").asString();
        orders.postPhoto("/api/v1/cases/" + braceletCase + "/evidence", "IMG_3301.jpg", DemoPhotos.listingWithPaintedCrack());
        merchant2.post("/api/v1/cases/" + braceletCase + "/refuse", Map.of("reason",
                "出库检验无裂纹，买家照片疑似商品主图改图 No crack at dispatch; the buyer's photo looks like our listing photo, edited"));
        orders.post("/api/v1/cases/" + braceletCase + "/escalate", Map.of("reason", "商家拒绝退款 The merchant refused"));
        // Refunded and closed.
        String closed = buyer.post("/api/v1/cases", caseRequest("demo-order-4", "REFUND_ONLY", "DAMAGED_IN_TRANSIT",
                "包裹破损 Parcel arrived torn", 25_900)).path("id").asString();
        merchant.post("/api/v1/cases/" + closed + "/agree", Map.of());
        orders.post("/api/v1/cases/" + closed + "/refund-confirmation", Map.of("amountCents", 25_900, "reference", "demo-refund-1"));
        // A return swap found at inspection: in the reviewers' queue.
        String swap = orders.post("/api/v1/cases", caseRequest("demo-order-5", "RETURN_AND_REFUND", "NO_LONGER_WANTED",
                "不想要了 No longer wanted", 89_900)).path("id").asString();
        merchant.post("/api/v1/cases/" + swap + "/agree", Map.of());
        orders.post("/api/v1/cases/" + swap + "/return-shipment", Map.of("carrier", "SF Express", "trackingNumber", "SF1402233445"));
        merchant.post("/api/v1/cases/" + swap + "/return-receipt", Map.of());
        merchant.post("/api/v1/cases/" + swap + "/inspection", Map.of("result", "RETURN_SWAP",
                "note", "退回的大衣为旧款，吊牌不同 The returned coat is an older model with a different tag"));
        // The risk decision on every request (GET /api/v1/cases/{id}/decisions). Above, the coat asks for evidence
        // with a one-time code (high value), as does the bracelet until the checks of its photo finish.
        // Approved at once: a trusted buyer and a low-risk order.
        orders.post("/api/v1/cases", caseRequest("demo-order-6", "REFUND_ONLY", "QUALITY_PROBLEM", "袜子起球 The socks pill", 5_900));
        // Sent to a person: high value, a category where swaps are common, a quality claim before delivery.
        orders.post("/api/v1/cases", caseRequest("demo-order-7", "REFUND_ONLY", "QUALITY_PROBLEM",
                "吊坠有瑕疵 The pendant is flawed", 68_800));
        // Rejected: two return swaps a reviewer confirmed disable the buyer's refund-only requests platform-wide.
        Client reviewer = new Client(base, token("demo-reviewer"));
        for (String order : List.of("demo-order-8", "demo-order-9")) {
            reviewer.post("/api/v1/integrity/entries", Map.of("subjectType", "BUYER", "subjectId", "demo-buyer-6",
                    "storeId", "demo-jewellery", "orderId", order, "type", "RETURN_SWAP", "rule", "Integrity rules 3.2: return swap",
                    "reasoning", "退回的吊坠不是售出的那件 The pendant returned is not the one sold", "findingKey", "demo:" + order));
        }
        orders.post("/api/v1/cases", caseRequest("demo-order-10", "REFUND_ONLY", "NOT_AS_DESCRIBED",
                "围巾不是羊绒的 The scarf is not cashmere", 25_900));
        // Evidence asked for, then approved once it arrived: a photo beside the one-time code and two more angles.
        String hat = orders.post("/api/v1/cases", caseRequest("demo-order-11", "REFUND_ONLY", "QUALITY_PROBLEM",
                "帽子开线 The hat's seam came apart", 26_900)).path("id").asString();
        for (int angle = 0; angle < 3; angle++) {
            orders.postPhoto("/api/v1/cases/" + hat + "/evidence", "IMG_40" + angle + ".jpg", DemoPhotos.ownPhoto(angle));
        }
        // Approved at once, until the merchant flagged the buyer's photo as AI-generated: its labels say so, so
        // the request goes to a person and a report waits for the reviewer.
        String sweater = orders.post("/api/v1/cases", caseRequest("demo-order-12", "REFUND_ONLY", "QUALITY_PROBLEM",
                "毛衣被虫蛀 Moth holes in the sweater", 15_900)).path("id").asString();
        String aiPhoto = orders.postPhoto("/api/v1/cases/" + sweater + "/evidence", "IMG_5120.jpg", DemoPhotos.aiGenerated())
                .path("id").asString();
        merchant.post("/api/v1/cases/" + sweater + "/evidence/" + aiPhoto + "/flags", Map.of("kind", "AI_GENERATED"));
        transactions.executeWithoutResult(status -> audit.append(Actor.system(), MARK_ACTION, MARK_SUBJECT, MARK_SUBJECT,
                Map.of("stores", 2, "buyers", 8, "orders", 12, "cases", 10)));
        log.info("Loaded the demo: 2 stores, 8 buyers, 12 orders, 10 after-sales cases");
    }

    private static String token(String keyId) {
        return PRINCIPALS.stream().filter(p -> p.keyId().equals(keyId)).findFirst().orElseThrow().token();
    }

    private static Map<String, Object> listing(String store, String title, String category, long cents) {
        return Map.of("storeId", store, "title", title, "category", category, "priceCents", cents, "currency", "CNY", "photos", List.of());
    }

    /** @param deliveredDaysAgo {@code null}: shipped two days ago, not delivered yet */
    private static Map<String, Object> order(String store, String buyer, String listing, String category, long cents,
                                             Instant now, Integer deliveredDaysAgo) {
        int days = deliveredDaysAgo == null ? 0 : deliveredDaysAgo;
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("storeId", store);
        order.put("buyerId", buyer);
        order.put("lines", List.of(Map.of("listingId", listing, "title", listing, "category", category, "quantity", 1,
                "unitPriceCents", cents)));
        order.put("totalCents", cents);
        order.put("currency", "CNY");
        order.put("paidAt", now.minus(Duration.ofDays(days + 3)).toString());
        order.put("shippedAt", now.minus(Duration.ofDays(days + 2)).toString());
        if (deliveredDaysAgo != null) {
            order.put("deliveredAt", now.minus(Duration.ofDays(days)).toString());
        }
        return order;
    }

    private static Map<String, Object> caseRequest(String order, String type, String reason, String description, long cents) {
        return Map.of("orderId", order, "type", type, "reason", reason, "description", description, "requestedCents", cents);
    }

    /** A minimal JSON client for Candor's own API; any non-2xx answer aborts the demo load. */
    private final class Client {
        private final String base;
        private final String token;

        Client(String base, String token) {
            this.base = base;
            this.token = token;
        }

        JsonNode put(String path, Object body) throws IOException, InterruptedException {
            return send("PUT", path, body);
        }

        JsonNode post(String path, Object body) throws IOException, InterruptedException {
            return send("POST", path, body);
        }

        void putBytes(String path, byte[] bytes, String contentType) throws IOException, InterruptedException {
            check("PUT", path, http.send(request(path).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        /** Uploads a photo as the multipart form the evidence endpoint takes; answers the evidence file. */
        JsonNode postPhoto(String path, String fileName, byte[] bytes) throws IOException, InterruptedException {
            String boundary = "candor-demo-" + Sha256.hex(bytes).substring(0, 16);
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = request(path)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Idempotency-Key", "demo:photo:" + path + ":" + Sha256.hex(bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, bytes, tail)))
                    .build();
            return json.readTree(check("POST", path, http.send(request, HttpResponse.BodyHandlers.ofString())).body());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        }

        private static HttpResponse<String> check(String method, String path, HttpResponse<String> response) {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }

        private JsonNode send(String method, String path, Object body) throws IOException, InterruptedException {
            String text = json.writeValueAsString(body);
            HttpRequest request = request(path)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo:" + method + ":" + path + ":" + Sha256.hex(text))
                    .method(method, HttpRequest.BodyPublishers.ofString(text))
                    .build();
            HttpResponse<String> response = check(method, path, http.send(request, HttpResponse.BodyHandlers.ofString()));
            return response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
        }
    }
}
