package dev.candor.commerce;

import java.util.Optional;

/** What other modules may read of the commerce data the order system pushed. */
public interface Commerce {

    Optional<OrderSnapshot> findOrder(String orderId);

    Optional<BuyerContact> findBuyer(String buyerId);

    boolean storeExists(String storeId);
}
