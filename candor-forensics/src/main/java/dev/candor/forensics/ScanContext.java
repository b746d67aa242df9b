package dev.candor.forensics;

import java.time.Instant;
import java.util.List;

/**
 * The case facts a photo is judged against.
 *
 * @param listings    the seller's listing photos, prepared with {@link Scanner#listing}; may be empty
 * @param deliveredAt when the order was delivered, {@code null} when unknown
 */
public record ScanContext(List<Listing> listings, Instant deliveredAt) {

    public ScanContext {
        listings = List.copyOf(listings);
    }

    public static ScanContext none() {
        return new ScanContext(List.of(), null);
    }
}
