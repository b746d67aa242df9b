package dev.candor.commerce.web;

import dev.candor.commerce.application.RecordTrackingEvents;
import dev.candor.commerce.application.UpsertShipment;
import dev.candor.commerce.application.ViewCommerceRecords;
import dev.candor.commerce.model.Shipment;
import dev.candor.commerce.model.TrackingEvent;
import dev.candor.commerce.web.CommerceViews.ShipmentView;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/shipments")
@Tag(name = "Commerce intake")
class ShipmentsController {

    private final UpsertShipment upsertShipment;
    private final RecordTrackingEvents recordEvents;
    private final ViewCommerceRecords records;

    ShipmentsController(UpsertShipment upsertShipment, RecordTrackingEvents recordEvents, ViewCommerceRecords records) {
        this.upsertShipment = upsertShipment;
        this.recordEvents = recordEvents;
        this.records = records;
    }

    record ShipmentRequest(@OrderSystemId String orderId, @NotNull Shipment.Direction direction,
                           @NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {
    }

    record EventRequest(@NotNull @Microseconds Instant occurredAt, @NotBlank @Size(max = 100) String status,
                        @Size(max = 500) String location, @Size(max = 2000) String description) {
    }

    record EventsRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid EventRequest> events) {
    }

    /** {@code newEvents} of the {@code receivedEvents} were not known before. */
    record EventsAnswer(String shipmentId, int receivedEvents, int newEvents) {
    }

    @PutMapping("/{shipmentId}")
    @Operation(summary = "Create or update a shipment (OUTBOUND or RETURN) of a known order (order system)")
    ResponseEntity<PushAnswer<ShipmentView>> put(Actor actor, @PathVariable String shipmentId,
                                                 @Valid @RequestBody ShipmentRequest request) {
        Shipment shipment = new Shipment(PathIds.check("shipmentId", shipmentId), request.orderId(),
                request.direction(), request.carrier(), request.trackingNumber());
        return PushAnswer.of(upsertShipment.upsert(actor, shipment), ShipmentView::of, "/api/v1/shipments/{id}", shipmentId);
    }

    @PostMapping("/{shipmentId}/tracking-events")
    @Operation(summary = "Add tracking events to a shipment (order system)",
            description = "An event with the same occurredAt and status as a known one is ignored; the answer says how many were new.")
    EventsAnswer addEvents(Actor actor, @PathVariable String shipmentId, @Valid @RequestBody EventsRequest request) {
        List<TrackingEvent> events = request.events().stream()
                .map(e -> new TrackingEvent(e.occurredAt(), e.status(), e.location(), e.description())).toList();
        int added = recordEvents.record(actor, shipmentId, events).size();
        return new EventsAnswer(shipmentId, events.size(), added);
    }

    @GetMapping("/{shipmentId}")
    @Operation(summary = "Read a shipment with its tracking events in the order they happened")
    ShipmentView get(Actor actor, @PathVariable String shipmentId) {
        return ShipmentView.of(records.shipment(actor, shipmentId));
    }
}
