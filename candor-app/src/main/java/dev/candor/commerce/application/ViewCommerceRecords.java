package dev.candor.commerce.application;

import dev.candor.commerce.infrastructure.Buyers;
import dev.candor.commerce.infrastructure.Listings;
import dev.candor.commerce.infrastructure.Orders;
import dev.candor.commerce.infrastructure.Shipments;
import dev.candor.commerce.infrastructure.Stores;
import dev.candor.commerce.model.Buyer;
import dev.candor.commerce.model.Listing;
import dev.candor.commerce.model.Order;
import dev.candor.commerce.model.Shipment;
import dev.candor.commerce.model.Store;
import dev.candor.commerce.model.StoredPhoto;
import dev.candor.commerce.model.TrackingEvent;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading what the order system pushed. Platform staff and the order system see everything; a merchant
 * sees its own stores' data, with buyer details always masked; a buyer sees their own orders, shipments
 * and buyer record. Whatever an actor may not see is answered as not found, so ids of other tenants
 * reveal nothing. Each read sees one snapshot, so an order never mixes lines of two pushes.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ViewCommerceRecords {

    private static final ActorKind[] STORE_SIDE = {ActorKind.ADMIN, ActorKind.REVIEWER, ActorKind.INTEGRATION, ActorKind.MERCHANT};

    private final Stores stores;
    private final Listings listings;
    private final Buyers buyers;
    private final Orders orders;
    private final Shipments shipments;

    ViewCommerceRecords(Stores stores, Listings listings, Buyers buyers, Orders orders, Shipments shipments) {
        this.stores = stores;
        this.listings = listings;
        this.buyers = buyers;
        this.orders = orders;
        this.shipments = shipments;
    }

    public record ListingDetails(Listing listing, List<StoredPhoto> photos) {
    }

    /** An order with its buyer as the actor may see them (masked for merchants) and its shipments. */
    public record OrderDetails(Order order, Buyer buyer, List<Shipment> shipments) {
    }

    public record ShipmentDetails(Shipment shipment, List<TrackingEvent> events) {
    }

    public record OrderPage(List<Order> orders, int page, int size, long total) {
    }

    public Store store(Actor actor, String storeId) {
        actor.require(STORE_SIDE);
        return stores.find(storeId).filter(store -> actor.canSeeStore(store.id()))
                .orElseThrow(() -> CandorException.notFound("store", storeId));
    }

    public ListingDetails listing(Actor actor, String listingId) {
        actor.require(STORE_SIDE);
        Listing listing = listings.find(listingId).filter(l -> actor.canSeeStore(l.storeId()))
                .orElseThrow(() -> CandorException.notFound("listing", listingId));
        return new ListingDetails(listing, listings.photos(listingId).stream().filter(StoredPhoto::shown).toList());
    }

    public OrderPage storeOrders(Actor actor, String storeId, int page, int size) {
        store(actor, storeId);
        return new OrderPage(orders.ofStore(storeId, page, size), page, size, orders.countOfStore(storeId));
    }

    public OrderDetails order(Actor actor, String orderId) {
        Order order = visibleOrder(actor, orderId);
        Buyer buyer = buyers.find(order.buyerId()).map(b -> asSeenBy(actor, b)).orElseThrow();
        return new OrderDetails(order, buyer, shipments.ofOrder(orderId));
    }

    public Buyer buyer(Actor actor, String buyerId) {
        boolean visible = switch (actor.kind()) {
            case ADMIN, REVIEWER, INTEGRATION, SYSTEM -> true;
            case MERCHANT -> orders.buyerOrderedFromAny(buyerId, actor.storeIds());
            case BUYER -> actor.isBuyer(buyerId);
        };
        return buyers.find(buyerId).filter(b -> visible).map(b -> asSeenBy(actor, b))
                .orElseThrow(() -> CandorException.notFound("buyer", buyerId));
    }

    public ShipmentDetails shipment(Actor actor, String shipmentId) {
        Shipment shipment = shipments.find(shipmentId)
                .filter(s -> orders.find(s.orderId()).filter(order -> canSee(actor, order)).isPresent())
                .orElseThrow(() -> CandorException.notFound("shipment", shipmentId));
        return new ShipmentDetails(shipment, shipments.events(shipmentId));
    }

    private Order visibleOrder(Actor actor, String orderId) {
        return orders.find(orderId).filter(order -> canSee(actor, order))
                .orElseThrow(() -> CandorException.notFound("order", orderId));
    }

    private static boolean canSee(Actor actor, Order order) {
        return actor.canSeeStore(order.storeId()) || actor.isBuyer(order.buyerId());
    }

    /** Merchants never see a buyer's full details (PRODUCT.md, buyer privacy). */
    private static Buyer asSeenBy(Actor actor, Buyer buyer) {
        return actor.is(ActorKind.MERCHANT) ? buyer.maskedForMerchant() : buyer;
    }
}
