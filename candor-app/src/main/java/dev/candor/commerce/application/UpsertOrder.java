package dev.candor.commerce.application;

import dev.candor.commerce.infrastructure.Buyers;
import dev.candor.commerce.infrastructure.Orders;
import dev.candor.commerce.infrastructure.Stores;
import dev.candor.commerce.model.Order;
import dev.candor.commerce.model.Upserted;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order system pushes an order of a known store and buyer. Its store and buyer never change: cases,
 * merchant access and the buyer's record hang on them.
 */
@Service
public class UpsertOrder {

    private final Stores stores;
    private final Buyers buyers;
    private final Orders orders;
    private final IdempotentUpsert upsert;

    UpsertOrder(Stores stores, Buyers buyers, Orders orders, IdempotentUpsert upsert) {
        this.stores = stores;
        this.buyers = buyers;
        this.orders = orders;
        this.upsert = upsert;
    }

    @Transactional
    public Upserted<Order> upsert(Actor actor, Order order) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        if (!stores.exists(order.storeId())) {
            throw PushRefusals.unknownReference("store", order.storeId());
        }
        if (!buyers.exists(order.buyerId())) {
            throw PushRefusals.unknownReference("buyer", order.buyerId());
        }
        return upsert.apply(actor, "order", order.id(), order, orders, (current, next) -> {
            if (!current.storeId().equals(next.storeId())) {
                throw PushRefusals.ownerChanged("order", order.id(), "store");
            }
            if (!current.buyerId().equals(next.buyerId())) {
                throw PushRefusals.ownerChanged("order", order.id(), "buyer");
            }
        });
    }
}
