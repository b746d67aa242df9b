package dev.candor.commerce.model;

import java.time.Instant;

/**
 * A carrier's tracking event. Within a shipment, {@code occurredAt} and {@code status} identify it: an
 * event re-sent with the same two is the same event. {@code location} and {@code description} may be null.
 */
public record TrackingEvent(Instant occurredAt, String status, String location, String description) {
}
