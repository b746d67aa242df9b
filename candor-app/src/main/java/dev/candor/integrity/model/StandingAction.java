package dev.candor.integrity.model;

/** What the standing query answers for: the actions of a buyer that restrictions can refuse or limit. */
public enum StandingAction {
    AFTER_SALES,
    REFUND_ONLY,
    PURCHASE,
    PLATFORM_INTERVENTION,
    ORDERING;

    /** How a restriction affects an action. */
    public enum Permission { ALLOWED, LIMITED, DENIED }
}
