package dev.candor.commerce.web;

import dev.candor.commerce.OrderSnapshot.OrderLine;
import dev.candor.commerce.application.ViewCommerceRecords.ListingDetails;
import dev.candor.commerce.application.ViewCommerceRecords.OrderDetails;
import dev.candor.commerce.application.ViewCommerceRecords.ShipmentDetails;
import dev.candor.commerce.model.Buyer;
import dev.candor.commerce.model.Listing;
import dev.candor.commerce.model.Order;
import dev.candor.commerce.model.Shipment;
import dev.candor.commerce.model.Shipment.Direction;
import dev.candor.commerce.model.Store;
import dev.candor.commerce.model.StoredPhoto;
import dev.candor.commerce.model.TrackingEvent;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of commerce resources. Fields that do not apply are left out. */
final class CommerceViews {

    private CommerceViews() {
    }

    record StoreView(String id, String name) {

        static StoreView of(Store store) {
            return new StoreView(store.id(), store.name());
        }
    }

    /** A listing photo; {@code sha256}, {@code mediaType} and {@code sizeBytes} once its bytes were uploaded. */
    record PhotoView(String listingId, String photoId, String url, String sha256, String mediaType, Long sizeBytes) {

        static PhotoView of(StoredPhoto photo) {
            var content = photo.content();
            return content == null
                    ? new PhotoView(photo.listingId(), photo.photoId(), photo.url(), null, null, null)
                    : new PhotoView(photo.listingId(), photo.photoId(), photo.url(), content.sha256(),
                            content.type().mediaType(), content.sizeBytes());
        }
    }

    record ListingView(String id, String storeId, String title, String category, long priceCents, String currency,
                       List<PhotoView> photos) {

        static ListingView of(ListingDetails details) {
            Listing listing = details.listing();
            return new ListingView(listing.id(), listing.storeId(), listing.title(), listing.category(),
                    listing.priceCents(), listing.currency(), details.photos().stream().map(PhotoView::of).toList());
        }

        /** As pushed: the photos named, without what was uploaded for them. */
        static ListingView pushed(Listing listing) {
            return new ListingView(listing.id(), listing.storeId(), listing.title(), listing.category(),
                    listing.priceCents(), listing.currency(), listing.photos().stream()
                    .map(p -> new PhotoView(null, p.photoId(), p.url(), null, null, null)).toList());
        }
    }

    /** A buyer; masked and without email for merchants. */
    record BuyerView(String id, String name, String phone, String address, String email) {

        static BuyerView of(Buyer buyer) {
            return new BuyerView(buyer.id(), buyer.name(), buyer.phone(), buyer.address(), buyer.email());
        }
    }

    record ShipmentView(String id, String orderId, Direction direction, String carrier, String trackingNumber,
                        List<TrackingEventView> events) {

        static ShipmentView of(Shipment shipment) {
            return new ShipmentView(shipment.id(), shipment.orderId(), shipment.direction(), shipment.carrier(),
                    shipment.trackingNumber(), null);
        }

        static ShipmentView of(ShipmentDetails details) {
            Shipment shipment = details.shipment();
            return new ShipmentView(shipment.id(), shipment.orderId(), shipment.direction(), shipment.carrier(),
                    shipment.trackingNumber(), details.events().stream().map(TrackingEventView::of).toList());
        }
    }

    record TrackingEventView(Instant occurredAt, String status, String location, String description) {

        static TrackingEventView of(TrackingEvent event) {
            return new TrackingEventView(event.occurredAt(), event.status(), event.location(), event.description());
        }
    }

    /**
     * An order; {@code category} is its first line's. {@code buyer} and {@code shipments} are filled when
     * one order is read.
     */
    record OrderView(String id, String storeId, String buyerId, String category, List<OrderLine> lines,
                     long totalCents, String currency, Instant paidAt, Instant shippedAt, Instant deliveredAt,
                     BuyerView buyer, List<ShipmentView> shipments) {

        static OrderView of(Order order) {
            return new OrderView(order.id(), order.storeId(), order.buyerId(), order.category(), order.lines(),
                    order.totalCents(), order.currency(), order.paidAt(), order.shippedAt(), order.deliveredAt(), null,
                    null);
        }

        static OrderView of(OrderDetails details) {
            Order order = details.order();
            return new OrderView(order.id(), order.storeId(), order.buyerId(), order.category(), order.lines(),
                    order.totalCents(), order.currency(), order.paidAt(), order.shippedAt(), order.deliveredAt(),
                    BuyerView.of(details.buyer()), details.shipments().stream().map(ShipmentView::of).toList());
        }
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
