package dev.candor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Pushes commerce data the way the order system does, through the intake API. */
public final class Orders {

    private static final Map<String, Integer> PHONES = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_PHONE = new AtomicInteger();

    private final TestApi orderSystem;

    public Orders(TestApi orderSystem) {
        this.orderSystem = orderSystem;
    }

    /** An order ready for after-sales: its store, buyer, listing and the order itself. */
    public record PlacedOrder(String storeId, String buyerId, String listingId, String orderId, long totalCents) {
    }

    public PlacedOrder place(String storeId, String buyerId, String category, long totalCents, Instant deliveredAt) {
        String listingId = storeId + "-listing";
        String orderId = IntegrationTest.unique("order");
        ok(orderSystem.put("/api/v1/stores/" + storeId, Map.of("name", "Store " + storeId)));
        ok(orderSystem.put("/api/v1/buyers/" + buyerId, Map.of("name", "张伟", "phone", phoneOf(buyerId),
                "address", "浙江省杭州市西湖区文三路 100 号 " + buyerId + " 501")));
        ok(orderSystem.put("/api/v1/listings/" + listingId, Map.of("storeId", storeId, "title", "Wool coat",
                "category", category, "priceCents", totalCents, "currency", "CNY", "photos", List.of())));
        var order = new java.util.LinkedHashMap<String, Object>();
        order.put("storeId", storeId);
        order.put("buyerId", buyerId);
        order.put("lines", List.of(Map.of("listingId", listingId, "title", "Wool coat", "category", category,
                "quantity", 1, "unitPriceCents", totalCents)));
        order.put("totalCents", totalCents);
        order.put("currency", "CNY");
        order.put("paidAt", deliveredAt == null ? "2026-05-20T08:00:00Z" : deliveredAt.minusSeconds(5 * 86400).toString());
        if (deliveredAt != null) {
            order.put("shippedAt", deliveredAt.minusSeconds(3 * 86400).toString());
            order.put("deliveredAt", deliveredAt.toString());
        }
        ok(orderSystem.put("/api/v1/orders/" + orderId, order));
        return new PlacedOrder(storeId, buyerId, listingId, orderId, totalCents);
    }

    /**
     * The phone number {@link #place} gives a buyer: its own (numbered in the order buyers are first seen, so no two
     * of a test run's first 10,000 buyers share one and become linked accounts by accident), and always masked as
     * {@code 138****5678}.
     */
    public static String phoneOf(String buyerId) {
        return "138" + String.format("%04d", PHONES.computeIfAbsent(buyerId, b -> NEXT_PHONE.getAndIncrement() % 10_000)) + "5678";
    }

    private static void ok(TestApi.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 201);
    }
}
