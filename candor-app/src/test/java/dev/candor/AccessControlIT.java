package dev.candor;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.Orders.PlacedOrder;
import dev.candor.testing.TestApi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enumerates every API endpoint the service serves and proves that nobody reaches another tenant's data:
 * without a key every endpoint answers 401; a merchant of another store and another buyer get 403 or 404
 * from every endpoint that names store A's data, with a valid request body, and change nothing. A new
 * endpoint fails {@link #everyEndpointHasAProbe()} until it gets a probe here.
 */
class AccessControlIT extends IntegrationTest {

    /** How an endpoint may answer a stranger: always refused, or open to every principal (it then must not show A's data). */
    enum Expect { REFUSED, OPEN_WITHOUT_A_DATA }

    /** {@code query}: appended to the path (with variables replaced), for endpoints that need request parameters. */
    record Probe(Object body, Expect expect, String query) {
        Probe(Object body, Expect expect) {
            this(body, expect, null);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    PlacedOrder a;
    String caseA;
    String shipmentA;
    Map<String, String> variables;

    @BeforeEach
    void tenantA() {
        clock.set(EPOCH);
        TestApi orderSystem = as(integrationToken());
        a = new Orders(orderSystem).place(unique("store-a"), unique("buyer-a"), "apparel", 10_000, EPOCH.minus(Duration.ofDays(1)));
        caseA = as(buyerToken(a.buyerId())).post("/api/v1/cases", body("orderId", a.orderId(), "type", "RETURN_AND_REFUND",
                "reason", "QUALITY_PROBLEM", "requestedCents", 10_000)).text("id");
        shipmentA = unique("shipment-a");
        assertThat(orderSystem.put("/api/v1/shipments/" + shipmentA, body("orderId", a.orderId(), "direction", "OUTBOUND",
                "carrier", "SF", "trackingNumber", "SF1")).status()).isEqualTo(201);
        TestApi.Response evidence = as(buyerToken(a.buyerId())).postMultipart("/api/v1/cases/" + caseA + "/evidence",
                evidenceForm().parts(), Map.of());
        assertThat(evidence.status()).as(evidence.raw()).isEqualTo(201);
        variables = new HashMap<>(Map.of("caseId", caseA, "storeId", a.storeId(), "orderId", a.orderId(), "buyerId", a.buyerId(),
                "listingId", a.listingId(), "photoId", "main", "shipmentId", shipmentA, "id", UUID.randomUUID().toString(),
                "outboxId", UUID.randomUUID().toString(), "keyId", "nosuchkey"));
        variables.put("evidenceId", evidence.text("id"));
        TestApi.Response report = as(merchantToken(a.storeId())).post("/api/v1/integrity/reports", body("type", "EDITED_IMAGE",
                "caseId", caseA, "description", "the stain is painted on", "evidenceIds", List.of(evidence.text("id"))));
        assertThat(report.status()).as(report.raw()).isEqualTo(201);
        variables.put("reportId", report.text("id"));
        TestApi.Response entry = as(reviewerToken()).post("/api/v1/integrity/entries", body("subjectType", "BUYER",
                "subjectId", a.buyerId(), "storeId", a.storeId(), "orderId", a.orderId(), "type", "RETURN_SWAP", "rule", "r"));
        assertThat(entry.status()).as(entry.raw()).isEqualTo(201);
        variables.put("entryId", entry.text("entryId"));
        TestApi.Response appeal = as(buyerToken(a.buyerId())).post("/api/v1/integrity/appeals",
                body("entryId", entry.text("entryId"), "reason", "not me"));
        assertThat(appeal.status()).as(appeal.raw()).isEqualTo(201);
        variables.put("appealId", appeal.text("id"));
        variables.put("version", "1");
    }

    private Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        Probe get = new Probe(null, Expect.REFUSED);
        p.put("GET /api/v1/stores/{storeId}", get);
        p.put("PUT /api/v1/stores/{storeId}", refused(body("name", "taken over")));
        p.put("GET /api/v1/stores/{storeId}/orders", get);
        p.put("GET /api/v1/shipments/{shipmentId}", get);
        p.put("PUT /api/v1/shipments/{shipmentId}", refused(body("orderId", a.orderId(), "direction", "RETURN", "carrier", "X",
                "trackingNumber", "X1")));
        p.put("POST /api/v1/shipments/{shipmentId}/tracking-events", refused(body("events",
                List.of(body("occurredAt", "2026-05-30T08:00:00Z", "status", "LOST")))));
        p.put("GET /api/v1/orders/{orderId}", get);
        p.put("PUT /api/v1/orders/{orderId}", refused(body("storeId", a.storeId(), "buyerId", a.buyerId(), "totalCents", 1,
                "currency", "CNY", "paidAt", "2026-05-20T08:00:00Z", "lines", List.of(body("listingId", a.listingId(),
                        "title", "x", "category", "apparel", "quantity", 1, "unitPriceCents", 1)))));
        p.put("GET /api/v1/listings/{listingId}", get);
        p.put("PUT /api/v1/listings/{listingId}", refused(body("storeId", a.storeId(), "title", "x", "category", "apparel",
                "priceCents", 1, "currency", "CNY", "photos", List.of(body("photoId", "main")))));
        p.put("PUT /api/v1/listings/{listingId}/photos/{photoId}", refused(jpeg()));
        p.put("GET /api/v1/buyers/{buyerId}", get);
        p.put("PUT /api/v1/buyers/{buyerId}", refused(body("name", "x", "phone", "13800000000", "address", "x")));
        p.put("GET /api/v1/cases", new Probe(null, Expect.OPEN_WITHOUT_A_DATA));
        p.put("POST /api/v1/cases", refused(body("orderId", a.orderId(), "type", "REFUND_ONLY", "reason", "OTHER",
                "requestedCents", 100)));
        p.put("POST /api/v1/cases/batch", refused(body("requests", List.of(body("orderId", a.orderId(), "type", "REFUND_ONLY",
                "reason", "OTHER", "requestedCents", 100)))));
        p.put("GET /api/v1/cases/{caseId}", get);
        p.put("POST /api/v1/cases/{caseId}/agree", refused(body()));
        p.put("POST /api/v1/cases/{caseId}/refuse", refused(body("reason", "no")));
        p.put("POST /api/v1/cases/{caseId}/offer", refused(body("amountCents", 100)));
        p.put("POST /api/v1/cases/{caseId}/offer/accept", refused(null));
        p.put("POST /api/v1/cases/{caseId}/offer/decline", refused(body()));
        p.put("POST /api/v1/cases/{caseId}/escalate", refused(body()));
        p.put("POST /api/v1/cases/{caseId}/return-shipment", refused(body("carrier", "SF", "trackingNumber", "SF2")));
        p.put("POST /api/v1/cases/{caseId}/return-receipt", refused(null));
        p.put("POST /api/v1/cases/{caseId}/inspection", refused(body("result", "PASSED")));
        p.put("POST /api/v1/cases/{caseId}/replacement-shipment", refused(body("carrier", "SF", "trackingNumber", "SF3")));
        p.put("POST /api/v1/cases/{caseId}/judgment", refused(body("outcome", "FULL_REFUND", "rule", "r", "reasoning", "r")));
        p.put("POST /api/v1/cases/{caseId}/enforcement", refused(null));
        p.put("POST /api/v1/cases/{caseId}/refund-confirmation", refused(body("amountCents", 10_000)));
        p.put("POST /api/v1/cases/{caseId}/appeal", refused(body("reason", "r")));
        p.put("POST /api/v1/cases/{caseId}/appeal-decision", refused(body("decision", "UPHOLD", "reasoning", "r")));
        p.put("POST /api/v1/cases/{caseId}/cancel", refused(body()));
        p.put("POST /api/v1/cases/{caseId}/evidence", refused(evidenceForm()));
        p.put("GET /api/v1/cases/{caseId}/evidence", get);
        p.put("GET /api/v1/evidence/{evidenceId}", get);
        p.put("GET /api/v1/evidence/{evidenceId}/content", get);
        p.put("GET /api/v1/review-queue", get);
        p.put("GET /api/v1/cases/{caseId}/forensics", get);
        p.put("GET /api/v1/category-standards", new Probe(null, Expect.OPEN_WITHOUT_A_DATA));
        p.put("POST /api/v1/admin/principals", refused(body("kind", "ADMIN", "displayName", "me")));
        p.put("DELETE /api/v1/admin/api-keys/{keyId}", refused(null));
        p.put("GET /api/v1/admin/audit/verification", get);
        p.put("GET /api/v1/admin/webhooks", get);
        p.put("POST /api/v1/admin/webhooks", refused(body("url", "http://127.0.0.1:9/x")));
        p.put("DELETE /api/v1/admin/webhooks/{id}", refused(null));
        p.put("GET /api/v1/admin/webhooks/{id}/deliveries", get);
        p.put("POST /api/v1/admin/webhooks/deliveries/{outboxId}/redeliver", refused(null));
        p.put("POST /api/v1/integrity/reports", refused(body("type", "WEB_IMAGE", "caseId", caseA, "description", "x")));
        p.put("GET /api/v1/integrity/reports", new Probe(null, Expect.OPEN_WITHOUT_A_DATA));
        p.put("GET /api/v1/integrity/reports/{reportId}", get);
        p.put("GET /api/v1/integrity/report-queue", get);
        p.put("POST /api/v1/integrity/reports/{reportId}/confirmation", refused(body("rule", "r", "reasoning", "r")));
        p.put("POST /api/v1/integrity/reports/{reportId}/rejection", refused(body("rule", "r", "reasoning", "r")));
        p.put("GET /api/v1/integrity/complainants/{storeId}", get);
        p.put("GET /api/v1/integrity/standing", new Probe(null, Expect.REFUSED, "?buyerId={buyerId}&storeId={storeId}"));
        p.put("GET /api/v1/integrity/buyers/{buyerId}/record", get);
        p.put("GET /api/v1/integrity/stores/{storeId}/record", get);
        p.put("GET /api/v1/integrity/stores/{storeId}/excluded-orders", get);
        p.put("POST /api/v1/integrity/entries", refused(body("subjectType", "BUYER", "subjectId", a.buyerId(), "storeId", a.storeId(),
                "type", "FAKE_RETURN", "rule", "r")));
        p.put("GET /api/v1/integrity/entries/{entryId}", get);
        p.put("GET /api/v1/integrity/policy", new Probe(null, Expect.OPEN_WITHOUT_A_DATA));
        p.put("POST /api/v1/integrity/appeals", refused(body("entryId", variables.get("entryId"), "reason", "r")));
        p.put("GET /api/v1/integrity/appeals/queue", get);
        p.put("GET /api/v1/integrity/appeals/{appealId}", get);
        p.put("POST /api/v1/integrity/appeals/{appealId}/decision", refused(body("decision", "REVOKE", "reason", "r")));
        Map<String, Object> setting = body("duration", "P1D", "basis", "x");
        p.put("POST /api/v1/admin/integrity/policies", refused(body("note", "n", "points", List.of(body("type", "RETURN_SWAP",
                "points", 0, "basis", "x")), "decay", setting, "appealWindow", setting, "reviewLimit", setting,
                "buyerRestrictions", List.of(body("kind", "REFUND_ONLY_DISABLED", "points", 1, "duration", "P1D", "basis", "x")),
                "merchantLadder", List.of(body("kind", "MERCHANT_REMINDER", "points", 1, "basis", "x")))));
        p.put("GET /api/v1/admin/integrity/policies", get);
        p.put("GET /api/v1/admin/integrity/policies/{version}", get);
        p.put("GET /api/v1/cases/{caseId}/decisions", get);
        p.put("GET /api/v1/risk/policies", get);
        p.put("GET /api/v1/risk/policies/{version}", get);
        p.put("POST /api/v1/risk/policies", refused(body("note", "n", "policy",
                as(adminToken()).get("/api/v1/risk/policies/1").json().path("policy"))));
        p.put("POST /api/v1/risk/policies/{version}/publication", refused(null));
        p.put("POST /api/v1/risk/policies/{version}/replays", refused(body("from", "2026-01-01T00:00:00Z", "to", "2027-01-01T00:00:00Z")));
        p.put("POST /api/v1/risk/account-signals", refused(body("buyerId", a.buyerId(), "kind", "DEVICE", "value", "d")));
        p.put("GET /api/v1/risk/stores/{storeId}/settings", get);
        p.put("PUT /api/v1/risk/stores/{storeId}/settings", refused(body("fastApproval", true)));
        p.put("POST /api/v1/cases/{caseId}/evidence/{evidenceId}/flags", refused(body("kind", "PHOTOSHOPPED")));
        p.put("GET /api/v1/cases/{caseId}/risk-summary", get);
        return p;
    }

    private static Probe refused(Object body) {
        return new Probe(body, Expect.REFUSED);
    }

    private Set<String> servedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + pattern))));
        return endpoints;
    }

    @Test
    void everyEndpointHasAProbe() {
        assertThat(new TreeSet<>(probes().keySet())).isEqualTo(servedEndpoints());
    }

    @Test
    void withoutAKeyEveryEndpointAnswers401() {
        TestApi anonymous = anonymous();
        probes().forEach((endpoint, probe) -> assertThat(send(anonymous, endpoint, probe).status()).as(endpoint).isEqualTo(401));
    }

    @Test
    void anotherStoresMerchantAndAnotherBuyerAreRefusedEverywhereAndChangeNothing() {
        String caseBefore = as(adminToken()).get("/api/v1/cases/" + caseA).raw();
        String orderBefore = as(adminToken()).get("/api/v1/orders/" + a.orderId()).raw();
        String reportBefore = as(adminToken()).get("/api/v1/integrity/reports/" + variables.get("reportId")).raw();
        String recordBefore = as(adminToken()).get("/api/v1/integrity/buyers/" + a.buyerId() + "/record").raw();
        String policiesBefore = as(adminToken()).get("/api/v1/admin/integrity/policies").raw();
        String riskPoliciesBefore = as(adminToken()).get("/api/v1/risk/policies").raw();
        Map<String, TestApi> strangers = Map.of("merchant of another store", as(merchantToken(unique("store-b"))),
                "another buyer", as(buyerToken(unique("buyer-b"))));
        List<String> leaks = new ArrayList<>();
        strangers.forEach((who, api) -> probes().forEach((endpoint, probe) -> {
            TestApi.Response response = send(api, endpoint, probe);
            boolean refused = response.status() == 403 || response.status() == 404;
            boolean leaked = switch (probe.expect()) {
                case REFUSED -> !refused;
                case OPEN_WITHOUT_A_DATA -> response.status() >= 500
                        || response.raw().contains(caseA) || response.raw().contains(a.orderId());
            };
            if (leaked) {
                leaks.add(who + ": " + endpoint + " answered " + response.status() + " " + response.raw());
            }
        }));
        assertThat(leaks).isEmpty();
        assertThat(as(adminToken()).get("/api/v1/cases/" + caseA).raw()).isEqualTo(caseBefore);
        assertThat(as(adminToken()).get("/api/v1/orders/" + a.orderId()).raw()).isEqualTo(orderBefore);
        assertThat(as(adminToken()).get("/api/v1/integrity/reports/" + variables.get("reportId")).raw()).isEqualTo(reportBefore);
        assertThat(as(adminToken()).get("/api/v1/integrity/buyers/" + a.buyerId() + "/record").raw()).isEqualTo(recordBefore);
        assertThat(as(adminToken()).get("/api/v1/admin/integrity/policies").raw()).isEqualTo(policiesBefore);
        assertThat(as(adminToken()).get("/api/v1/risk/policies").raw()).isEqualTo(riskPoliciesBefore);
    }

    private TestApi.Response send(TestApi api, String endpoint, Probe probe) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1) + (probe.query() == null ? "" : probe.query());
        for (var variable : variables.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        if (probe.body() instanceof byte[] bytes) {
            return api.putBytes(path, bytes, "image/jpeg");
        }
        if (probe.body() instanceof Form form) {
            return api.postMultipart(path, form.parts(), Map.of());
        }
        return api.exchange(HttpMethod.valueOf(method), path, probe.body(), Map.of());
    }

    /** A multipart form body. */
    record Form(MultiValueMap<String, Object> parts) {
    }

    /** An evidence upload: a JPEG file part. */
    private static Form evidenceForm() {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(jpeg()) {
            @Override
            public String getFilename() {
                return "seam.jpg";
            }
        });
        return new Form(form);
    }

    private static byte[] jpeg() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
