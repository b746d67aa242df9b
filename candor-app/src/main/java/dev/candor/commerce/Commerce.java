package dev.candor.commerce;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What other modules may read of the commerce data the order system pushed. */
public interface Commerce {

    /** The order with its lines and times exactly as last pushed, or empty when never pushed. */
    Optional<OrderSnapshot> findOrder(String orderId);

    /** The orders with these ids that were pushed, by id, read at once. */
    Map<String, OrderSnapshot> findOrders(Collection<String> orderIds);

    /** The buyer's full contact details; show merchants only {@link BuyerContact#masked()}. */
    Optional<BuyerContact> findBuyer(String buyerId);

    boolean storeExists(String storeId);

    /**
     * The uploaded photos of a listing, shown ones first in display order, then ones the listing no longer
     * shows; photos named but never uploaded are left out. Empty for an unknown listing.
     */
    List<ListingPhoto> listingPhotos(String listingId);
}
