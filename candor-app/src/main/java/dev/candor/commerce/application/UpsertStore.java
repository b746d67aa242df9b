package dev.candor.commerce.application;

import dev.candor.commerce.infrastructure.Stores;
import dev.candor.commerce.model.Store;
import dev.candor.commerce.model.Upserted;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The order system pushes a store. */
@Service
public class UpsertStore {

    private final Stores stores;
    private final IdempotentUpsert upsert;

    UpsertStore(Stores stores, IdempotentUpsert upsert) {
        this.stores = stores;
        this.upsert = upsert;
    }

    @Transactional
    public Upserted<Store> upsert(Actor actor, Store store) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        return upsert.apply(actor, "store", store.id(), store, stores);
    }
}
