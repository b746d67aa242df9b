package dev.candor.aftersales;

import static dev.candor.testing.TestApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.candor.testing.IntegrationTest;
import dev.candor.testing.Orders;
import dev.candor.testing.Orders.PlacedOrder;
import dev.candor.testing.TestApi;
import dev.candor.webhooks.application.DispatchWebhooks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order system hears about a case's every step by webhook: created, each move, the refund to execute. */
class CaseWebhooksIT extends IntegrationTest {

    @Autowired
    DispatchWebhooks dispatcher;

    HttpServer receiver;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        clock.set(EPOCH);
        JsonMapper json = JsonMapper.builder().build();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void everyStepOfARefundOnlyCaseReachesTheOrderSystem() {
        PlacedOrder order = new Orders(as(integrationToken())).place(unique("store"), unique("buyer"), "apparel", 5_000,
                EPOCH.minus(Duration.ofDays(1)));
        var subscribed = as(adminToken()).post("/api/v1/admin/webhooks", body("url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "storeIds", List.of(order.storeId())));
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);

        String id = as(buyerToken(order.buyerId())).post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY",
                "reason", "DAMAGED_IN_TRANSIT", "requestedCents", 5_000)).text("id");
        assertThat(as(merchantToken(order.storeId())).post("/api/v1/cases/" + id + "/agree", body()).status()).isEqualTo(200);
        dispatcher.dispatchDue();

        assertThat(received).extracting(e -> e.path("type").asString())
                .containsExactlyInAnyOrder("case.created", "case.decision-made", "case.state-changed", "case.refund-requested");
        JsonNode refund = received.stream().filter(e -> e.path("type").asString().equals("case.refund-requested")).findFirst().orElseThrow();
        assertThat(refund.path("storeId").asString()).isEqualTo(order.storeId());
        assertThat(refund.path("data").path("caseId").asString()).isEqualTo(id);
        assertThat(refund.path("data").path("amountCents").asLong()).isEqualTo(5_000);
        assertThat(refund.path("data").path("orderId").asString()).isEqualTo(order.orderId());
        JsonNode moved = received.stream().filter(e -> e.path("type").asString().equals("case.state-changed")).findFirst().orElseThrow();
        assertThat(moved.path("data").path("from").asString()).isEqualTo("REQUESTED");
        assertThat(moved.path("data").path("to").asString()).isEqualTo("REFUNDING");
        assertThat(moved.path("data").path("actorKind").asString()).isEqualTo("MERCHANT");
    }

    @Test
    void aRefusedActionPublishesNothing() {
        PlacedOrder order = new Orders(as(integrationToken())).place(unique("store"), unique("buyer"), "apparel", 5_000,
                EPOCH.minus(Duration.ofDays(1)));
        as(adminToken()).post("/api/v1/admin/webhooks", body("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "storeIds", List.of(order.storeId())));
        TestApi buyer = as(buyerToken(order.buyerId()));
        String id = buyer.post("/api/v1/cases", body("orderId", order.orderId(), "type", "REFUND_ONLY",
                "reason", "OTHER", "requestedCents", 5_000)).text("id");
        assertThat(buyer.post("/api/v1/cases/" + id + "/escalate", body()).status()).isEqualTo(409);
        dispatcher.dispatchDue();
        assertThat(received).extracting(e -> e.path("type").asString()).containsExactlyInAnyOrder("case.created", "case.decision-made");
    }
}
