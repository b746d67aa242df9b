package dev.candor.webhooks.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event on its way to one subscription (an outbox row), with every attempt made so far.
 *
 * @param attempts attempts started so far
 * @param nextAttemptAt when a pending delivery is due; meaningless once delivered or dead
 * @param deliveredAt when a receiver answered 2xx, or {@code null}
 * @param log the attempts, oldest first
 */
public record Delivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String storeId,
                       DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant createdAt,
                       Instant deliveredAt, List<DeliveryAttempt> log) {

    public Delivery {
        log = List.copyOf(log);
    }
}
