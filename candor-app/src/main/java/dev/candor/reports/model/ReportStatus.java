package dev.candor.reports.model;

/** A report waits for review until a reviewer confirms or rejects it, once. */
public enum ReportStatus {
    PENDING,
    CONFIRMED,
    REJECTED
}
