package dev.candor.risk.model;

/** The four decisions. {@code REJECT} only ever follows a confirmed restriction, never a score. */
public enum Outcome {
    APPROVE_NOW,
    REQUEST_EVIDENCE,
    SEND_TO_REVIEW,
    REJECT
}
