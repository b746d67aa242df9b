package dev.candor.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event the order system hears about by webhook. Publish it with Spring's
 * {@code ApplicationEventPublisher} inside the transaction that made the change: the webhooks module
 * writes it to its outbox in that same transaction, so it is delivered at least once, after commit.
 * The event record itself, serialized as JSON, is the webhook's {@code data}.
 */
public interface OutboundEvent {

    /** A unique id; receivers de-duplicate deliveries by it. */
    UUID eventId();

    /** A stable dotted type such as {@code case.created}. */
    String eventType();

    /** The store the event concerns, or {@code null} when it concerns none. */
    String storeId();

    Instant occurredAt();
}
