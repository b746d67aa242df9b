package dev.candor.shared.security;

import dev.candor.shared.error.CandorException;
import java.util.Arrays;
import java.util.Set;

/**
 * Who is acting: the authenticated principal of a request, or {@link #system()} for automatic actions.
 * Use cases check access explicitly with the methods here.
 *
 * @param id the principal id (a UUID string), or {@code system}
 * @param storeIds the stores a merchant is bound to; empty for other kinds
 * @param buyerId the order system's buyer id for a buyer principal; {@code null} for other kinds
 */
public record Actor(String id, ActorKind kind, String displayName, Set<String> storeIds, String buyerId) {

    private static final Actor SYSTEM = new Actor("system", ActorKind.SYSTEM, "Candor", Set.of(), null);

    public Actor {
        storeIds = Set.copyOf(storeIds);
    }

    public static Actor system() {
        return SYSTEM;
    }

    public boolean is(ActorKind... kinds) {
        return Arrays.asList(kinds).contains(kind);
    }

    /** Platform staff see every store and unmasked data where their work needs it. */
    public boolean isPlatformStaff() {
        return is(ActorKind.ADMIN, ActorKind.REVIEWER);
    }

    /** Whether this actor may see data of the given store (not of its buyers' details: see masking). */
    public boolean canSeeStore(String storeId) {
        return switch (kind) {
            case ADMIN, REVIEWER, INTEGRATION, SYSTEM -> true;
            case MERCHANT -> storeIds.contains(storeId);
            case BUYER -> false;
        };
    }

    /** Whether this actor is the given buyer. */
    public boolean isBuyer(String candidateBuyerId) {
        return kind == ActorKind.BUYER && buyerId != null && buyerId.equals(candidateBuyerId);
    }

    /** Throws {@code auth.forbidden} unless this actor is one of the given kinds. */
    public Actor require(ActorKind... kinds) {
        if (!is(kinds)) {
            throw CandorException.forbidden(kind + " may not do this; allowed: " + Arrays.toString(kinds));
        }
        return this;
    }
}
