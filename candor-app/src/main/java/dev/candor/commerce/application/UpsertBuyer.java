package dev.candor.commerce.application;

import dev.candor.commerce.infrastructure.Buyers;
import dev.candor.commerce.model.Buyer;
import dev.candor.commerce.model.Upserted;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The order system pushes a buyer's contact details; the audit log keeps them masked only. */
@Service
public class UpsertBuyer {

    private final Buyers buyers;
    private final IdempotentUpsert upsert;

    UpsertBuyer(Buyers buyers, IdempotentUpsert upsert) {
        this.buyers = buyers;
        this.upsert = upsert;
    }

    @Transactional
    public Upserted<Buyer> upsert(Actor actor, Buyer buyer) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        return upsert.apply(actor, "buyer", buyer.id(), buyer, buyers);
    }
}
