package dev.candor.aftersales.model;

/** What the platform decides in arbitration. */
public enum JudgmentOutcome {
    FULL_REFUND,
    PARTIAL_REFUND,
    RETURN_REQUIRED,
    REQUEST_REJECTED
}
