package dev.candor.commerce.model;

import dev.candor.commerce.OrderSnapshot;
import dev.candor.commerce.OrderSnapshot.OrderLine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order as pushed: lines in the order system's order, amounts in minor units of {@code currency}.
 *
 * @param shippedAt {@code null} until shipped
 * @param deliveredAt {@code null} until delivered
 */
public record Order(String id, String storeId, String buyerId, List<OrderLine> lines, long totalCents, String currency,
                    Instant paidAt, Instant shippedAt, Instant deliveredAt) implements Pushed {

    public Order {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        lines = List.copyOf(lines);
    }

    /** The category that decides the order's after-sales standard: its first line's. */
    public String category() {
        return lines.getFirst().category();
    }

    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id, storeId, buyerId, category(), totalCents, currency, paidAt, shippedAt, deliveredAt, lines);
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("storeId", storeId);
        state.put("buyerId", buyerId);
        state.put("lines", lines.stream().map(line -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("listingId", line.listingId());
            fields.put("title", line.title());
            fields.put("category", line.category());
            fields.put("quantity", line.quantity());
            fields.put("unitPriceCents", line.unitPriceCents());
            return fields;
        }).toList());
        state.put("totalCents", totalCents);
        state.put("currency", currency);
        state.put("paidAt", text(paidAt));
        state.put("shippedAt", text(shippedAt));
        state.put("deliveredAt", text(deliveredAt));
        return state;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
