package dev.candor.commerce.application;

import dev.candor.commerce.infrastructure.Shipments;
import dev.candor.commerce.model.TrackingEvent;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order system forwards a carrier's tracking events. Carriers and order systems re-send events
 * freely, so an event the shipment already has (same time and status) is ignored, and a batch with
 * nothing new writes nothing.
 */
@Service
public class RecordTrackingEvents {

    private final Shipments shipments;
    private final AuditLog audit;
    private final Clock clock;

    RecordTrackingEvents(Shipments shipments, AuditLog audit, Clock clock) {
        this.shipments = shipments;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns the events that were new. */
    @Transactional
    public List<TrackingEvent> record(Actor actor, String shipmentId, List<TrackingEvent> events) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        if (shipments.find(shipmentId).isEmpty()) {
            throw PushRefusals.unknownReference("shipment", shipmentId);
        }
        List<TrackingEvent> added = shipments.addNewEvents(shipmentId, events, clock.instant());
        if (!added.isEmpty()) {
            audit.append(actor, "shipment.tracking-events-added", "shipment", shipmentId, Map.of("added", added.stream()
                    .map(event -> {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("occurredAt", event.occurredAt().toString());
                        fields.put("status", event.status());
                        return fields;
                    }).toList()));
        }
        return added;
    }
}
