package dev.candor.commerce;

import java.time.Instant;
import java.util.List;

/**
 * An order as the order system last pushed it.
 *
 * @param totalCents the amount paid, in minor units (fen for CNY)
 * @param category the category of the order's first line, which decides the after-sales standard
 * @param deliveredAt {@code null} until the order system reports delivery
 */
public record OrderSnapshot(String id, String storeId, String buyerId, String category, long totalCents, String currency,
                            Instant paidAt, Instant shippedAt, Instant deliveredAt, List<OrderLine> lines) {

    public OrderSnapshot {
        lines = List.copyOf(lines);
    }

    /** One line of an order; {@code unitPriceCents} in minor units. */
    public record OrderLine(String listingId, String title, String category, int quantity, long unitPriceCents) {
    }
}
