package dev.candor.commerce.infrastructure;

import dev.candor.commerce.BuyerContact;
import dev.candor.commerce.Commerce;
import dev.candor.commerce.ListingPhoto;
import dev.candor.commerce.OrderSnapshot;
import dev.candor.commerce.model.Buyer;
import dev.candor.commerce.model.Order;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@link Commerce} for other modules, straight from the tables. Access checks are the caller's. */
@Component
class JdbcCommerce implements Commerce {

    private final Stores stores;
    private final Buyers buyers;
    private final Orders orders;
    private final Listings listings;

    JdbcCommerce(Stores stores, Buyers buyers, Orders orders, Listings listings) {
        this.stores = stores;
        this.buyers = buyers;
        this.orders = orders;
        this.listings = listings;
    }

    /** One statement reads the order with its lines, so they are consistent without a transaction of their own. */
    @Override
    public Optional<OrderSnapshot> findOrder(String orderId) {
        return orders.find(orderId).map(Order::snapshot);
    }

    @Override
    public Map<String, OrderSnapshot> findOrders(Collection<String> orderIds) {
        return orders.findAll(orderIds).stream().collect(Collectors.toMap(Order::id, Order::snapshot));
    }

    @Override
    public Optional<BuyerContact> findBuyer(String buyerId) {
        return buyers.find(buyerId).map(Buyer::contact);
    }

    @Override
    public boolean storeExists(String storeId) {
        return stores.exists(storeId);
    }

    @Override
    public List<ListingPhoto> listingPhotos(String listingId) {
        return listings.photos(listingId).stream()
                .filter(photo -> photo.content() != null)
                .map(photo -> new ListingPhoto(photo.listingId(), photo.photoId(), photo.content().sha256(),
                        photo.content().type().mediaType(), photo.content().sizeBytes(), photo.shown()))
                .toList();
    }
}
