package dev.candor.reports.model;

/** How much a store's reports can be trusted, best first: the order is the review queue's order. */
public enum ComplainantTier {
    GOOD,
    ORDINARY,
    POOR,
    MALICIOUS
}
