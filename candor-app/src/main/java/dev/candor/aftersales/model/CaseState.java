package dev.candor.aftersales.model;

/** Where a case stands. {@link #CLOSED} and {@link #CANCELLED} are final. */
public enum CaseState {
    REQUESTED,
    OFFERED,
    REFUSED,
    AWAITING_RETURN,
    RETURN_IN_TRANSIT,
    RETURN_RECEIVED,
    REPLACING,
    IN_ARBITRATION,
    JUDGED,
    REFUNDING,
    APPEALABLE,
    IN_APPEAL,
    CLOSED,
    CANCELLED;

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }
}
