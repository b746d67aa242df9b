package dev.candor.commerce.application;

import dev.candor.commerce.infrastructure.Orders;
import dev.candor.commerce.infrastructure.Shipments;
import dev.candor.commerce.model.Shipment;
import dev.candor.commerce.model.Upserted;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The order system pushes a shipment (outbound or return) of a known order. */
@Service
public class UpsertShipment {

    private final Orders orders;
    private final Shipments shipments;
    private final IdempotentUpsert upsert;

    UpsertShipment(Orders orders, Shipments shipments, IdempotentUpsert upsert) {
        this.orders = orders;
        this.shipments = shipments;
        this.upsert = upsert;
    }

    @Transactional
    public Upserted<Shipment> upsert(Actor actor, Shipment shipment) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        if (!orders.exists(shipment.orderId())) {
            throw PushRefusals.unknownReference("order", shipment.orderId());
        }
        return upsert.apply(actor, "shipment", shipment.id(), shipment, shipments, (current, next) -> {
            if (!current.orderId().equals(next.orderId())) {
                throw PushRefusals.ownerChanged("shipment", shipment.id(), "order");
            }
        });
    }
}
