package dev.candor.commerce.application;

import dev.candor.commerce.BuyerContactPushed;
import dev.candor.commerce.infrastructure.Buyers;
import dev.candor.commerce.model.Buyer;
import dev.candor.commerce.model.Upserted;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The order system pushes a buyer's contact details; the audit log keeps them masked only. */
@Service
public class UpsertBuyer {

    private final Buyers buyers;
    private final IdempotentUpsert upsert;
    private final ApplicationEventPublisher events;

    UpsertBuyer(Buyers buyers, IdempotentUpsert upsert, ApplicationEventPublisher events) {
        this.buyers = buyers;
        this.upsert = upsert;
        this.events = events;
    }

    @Transactional
    public Upserted<Buyer> upsert(Actor actor, Buyer buyer) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        Upserted<Buyer> result = upsert.apply(actor, "buyer", buyer.id(), buyer, buyers);
        if (result.changed()) {
            events.publishEvent(new BuyerContactPushed(buyer.id(), buyer.phone(), buyer.address()));
        }
        return result;
    }
}
