package dev.candor.shared.security;

/** The kinds of principal that can call Candor. */
public enum ActorKind {
    /** Configures the platform; may do everything a reviewer may. */
    ADMIN,
    /** Platform trust &amp; safety: arbitration, appeals, reviews. */
    REVIEWER,
    /** A store operator, bound to one or more stores; sees masked buyer data only. */
    MERCHANT,
    /** A buyer; sees only their own cases and record. */
    BUYER,
    /** The order system: pushes commerce data, acts on behalf of buyers, confirms refunds. */
    INTEGRATION,
    /** Candor itself: deadlines and automatic actions. Never authenticates. */
    SYSTEM;

    /**
     * Whether what this actor files on a case is the buyer's own: the buyer, or the order system acting for the
     * buyer. Evidence from the merchant or the platform is not the buyer's evidence and says nothing about the buyer.
     */
    public boolean speaksForBuyer() {
        return this == BUYER || this == INTEGRATION;
    }
}
