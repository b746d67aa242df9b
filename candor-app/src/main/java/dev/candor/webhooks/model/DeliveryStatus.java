package dev.candor.webhooks.model;

/** Where one event stands for one subscription. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed; only a redelivery request brings it back. */
    DEAD
}
