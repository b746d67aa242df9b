package dev.candor.aftersales.model;

/** What the buyer asks for. */
public enum CaseType {
    /** Money back, goods kept (仅退款). */
    REFUND_ONLY,
    /** Goods returned, then money back (退货退款). */
    RETURN_AND_REFUND,
    /** Goods returned, a replacement sent (换货). */
    EXCHANGE;

    public boolean needsReturn() {
        return this != REFUND_ONLY;
    }
}
