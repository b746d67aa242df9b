package dev.candor.aftersales.application;

import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.Party;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import java.util.Optional;

/**
 * Who an actor is to a case. A merchant of another store and a buyer who is not the case's buyer are
 * nobody to it, and are told the case does not exist rather than that it is not theirs.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static Optional<Party> partyOf(Actor actor, AfterSalesCase c) {
        return switch (actor.kind()) {
            case ADMIN, REVIEWER -> Optional.of(Party.PLATFORM);
            case INTEGRATION -> Optional.of(Party.ORDER_SYSTEM);
            case SYSTEM -> Optional.of(Party.SYSTEM);
            case MERCHANT -> actor.canSeeStore(c.storeId()) ? Optional.of(Party.MERCHANT) : Optional.empty();
            case BUYER -> actor.isBuyer(c.buyerId()) ? Optional.of(Party.BUYER) : Optional.empty();
        };
    }

    public static Party requireParty(Actor actor, AfterSalesCase c) {
        return partyOf(actor, c).orElseThrow(() -> CandorException.notFound("case", c.id()));
    }
}
