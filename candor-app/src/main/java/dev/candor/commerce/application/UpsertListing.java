package dev.candor.commerce.application;

import dev.candor.commerce.infrastructure.Listings;
import dev.candor.commerce.infrastructure.Stores;
import dev.candor.commerce.model.Listing;
import dev.candor.commerce.model.Upserted;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The order system pushes a listing of a known store, naming its photos in display order. */
@Service
public class UpsertListing {

    private final Stores stores;
    private final Listings listings;
    private final IdempotentUpsert upsert;

    UpsertListing(Stores stores, Listings listings, IdempotentUpsert upsert) {
        this.stores = stores;
        this.listings = listings;
        this.upsert = upsert;
    }

    @Transactional
    public Upserted<Listing> upsert(Actor actor, Listing listing) {
        actor.require(ActorKind.INTEGRATION, ActorKind.ADMIN);
        if (!stores.exists(listing.storeId())) {
            throw PushRefusals.unknownReference("store", listing.storeId());
        }
        return upsert.apply(actor, "listing", listing.id(), listing, listings, (current, next) -> {
            if (!current.storeId().equals(next.storeId())) {
                throw PushRefusals.ownerChanged("listing", listing.id(), "store");
            }
        });
    }
}
